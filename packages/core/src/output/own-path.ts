import { setOwn } from '../redaction/redactor.js';

/** A field path as zod reports it: object keys and array indexes. */
export type FieldPath = readonly PropertyKey[];

type Container = Record<PropertyKey, unknown>;

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

/**
 * The value at `path`, read through own properties only (a `__proto__` key is read as the
 * field it is, never as the prototype). `undefined` when any step is missing.
 */
export function getOwnAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const key of path) {
    if (!isContainer(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * Writes `value` at `path` as an own property (safe for `__proto__` keys). Returns false,
 * writing nothing, when a container on the way is missing.
 */
export function setOwnAt(root: unknown, path: FieldPath, value: unknown): boolean {
  if (path.length === 0) return false;
  const parent = getOwnAt(root, path.slice(0, -1));
  if (!isContainer(parent)) return false;
  setOwn(parent as Record<string, unknown>, String(path[path.length - 1]), value);
  return true;
}

/** Removes the own property at `path`, if there is one. */
export function deleteOwnAt(root: unknown, path: FieldPath): void {
  if (path.length === 0) return;
  const parent = getOwnAt(root, path.slice(0, -1));
  const key = path[path.length - 1] as PropertyKey;
  if (isContainer(parent) && Object.hasOwn(parent, key)) delete parent[key];
}

/**
 * A deep copy of a JSON-like value made of own properties only, so `__proto__` keys stay
 * plain fields. Values that are not plain arrays or objects are shared, not copied.
 */
export function cloneOwn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneOwn);
  if (!isContainer(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(copy, key, cloneOwn(value[key]));
  return copy;
}

/** Whether `prefix` is `path` or one of its ancestors. */
export function isPathPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => String(key) === String(path[index]));
}
