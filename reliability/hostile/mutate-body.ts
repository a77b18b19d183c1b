/** A deep copy of `body` with `extras` added to every object (top level, nested, inside arrays) up to `depth`. */
export function withExtras(body: unknown, extras: Record<string, unknown>, depth = 3): unknown {
  if (depth < 0 || body === null || typeof body !== 'object') return body;
  if (Array.isArray(body)) return body.map((item) => withExtras(item, extras, depth - 1));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) copy[key] = withExtras(value, extras, depth - 1);
  return { ...copy, ...extras };
}

/** Paths of every object key in `body`, up to `depth` (array items share their parent's path by index). */
export function keyPaths(body: unknown, depth = 3, path: (string | number)[] = []): (string | number)[][] {
  if (depth < 0 || body === null || typeof body !== 'object') return [];
  const entries = Array.isArray(body)
    ? body.slice(0, 2).map((item, index) => [index, item] as const)
    : Object.entries(body);
  return entries.flatMap(([key, value]) => [
    ...(Array.isArray(body) ? [] : [[...path, key]]),
    ...keyPaths(value, depth - 1, [...path, key]),
  ]);
}

/** A deep copy of `body` without the field at `path`. */
export function without(body: unknown, path: readonly (string | number)[]): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown> | undefined;
  const last = path.at(-1);
  if (parent && last !== undefined) delete parent[last];
  return copy;
}

/** A deep copy of `body` with `value` at `path` (the path must exist but for its last key). */
export function withValueAt(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown> | undefined;
  const last = path.at(-1);
  if (parent && last !== undefined) parent[last] = value;
  return copy;
}

/**
 * A deep copy of `body` with the number and boolean leaves at `paths` sent as text of
 * themselves (`12` → `"12"`, `true` → `"true"`), as a provider that quotes every scalar does.
 */
export function withScalarsAsText(body: unknown, paths: readonly (readonly (string | number)[])[]): unknown {
  let copy = body;
  for (const path of paths) {
    let value: unknown = copy;
    for (const key of path) value = (value as Record<string | number, unknown>)[key];
    copy = withValueAt(copy, path, String(value));
  }
  return copy;
}
