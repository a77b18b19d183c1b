import type { FieldPath } from './own-path.js';

/** The parts of zod's internal definition the walk reads (zod v4, classic and mini alike). */
interface SchemaDef {
  readonly type: string;
  readonly innerType?: Walkable;
  readonly in?: Walkable;
  readonly shape?: Record<string, Walkable>;
  readonly catchall?: Walkable;
  readonly element?: Walkable;
  readonly valueType?: Walkable;
  readonly items?: readonly Walkable[];
  readonly rest?: Walkable | null;
  readonly left?: Walkable;
  readonly right?: Walkable;
  readonly getter?: () => Walkable;
  readonly options?: readonly Walkable[];
}

interface Walkable {
  readonly _zod: { readonly def: SchemaDef; readonly optin?: string };
}

/** What may stand in for a field that is removed from a copy: nothing, or `null`. */
export type Placeholder = { readonly kind: 'delete' } | { readonly kind: 'null' };

const wrappers = new Set(['readonly', 'catch', 'nonoptional', 'promise']);

/** How absent a field at this schema may be: `delete` (optional/default), `null` (nullable), else undefined. */
function absence(schema: Walkable): Placeholder | undefined {
  let current: Walkable | undefined = schema;
  let nullable = false;
  for (let depth = 0; current && depth < 16; depth += 1) {
    const def: SchemaDef = current._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault')
      return { kind: 'delete' };
    if (current._zod.optin === 'optional' && def.type !== 'nonoptional') return { kind: 'delete' };
    if (def.type === 'nullable') nullable = true;
    current = def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : def.innerType;
  }
  return nullable ? { kind: 'null' } : undefined;
}

/** The schema itself once wrappers that do not change the shape are taken off. */
function unwrap(schema: Walkable): Walkable {
  let current = schema;
  for (let depth = 0; depth < 16; depth += 1) {
    const def: SchemaDef = current._zod.def;
    const next =
      def.type === 'pipe'
        ? def.in
        : def.type === 'lazy'
          ? def.getter?.()
          : def.type === 'optional' ||
              def.type === 'nullable' ||
              def.type === 'default' ||
              def.type === 'prefault' ||
              wrappers.has(def.type)
            ? def.innerType
            : undefined;
    if (!next) return current;
    current = next;
  }
  return current;
}

/** The schema of one step down (`key` of an object, record or tuple, any array item). */
function child(schema: Walkable, key: PropertyKey): Walkable | undefined {
  const def = unwrap(schema)._zod.def;
  switch (def.type) {
    case 'object':
      return def.shape && Object.hasOwn(def.shape, key)
        ? def.shape[key as string]
        : (def.catchall ?? undefined);
    case 'record':
      return def.valueType;
    case 'array':
      return def.element;
    case 'tuple':
      return def.items?.[Number(key)] ?? def.rest ?? undefined;
    case 'union':
      return unionChild(def.options ?? [], key);
    case 'intersection':
      return (def.left && child(def.left, key)) ?? (def.right && child(def.right, key));
    default:
      return undefined;
  }
}

/**
 * The child of the union member the key fits: an array (or tuple) for an index, else an
 * object that declares the key, else any member that has a child there.
 */
function unionChild(options: readonly Walkable[], key: PropertyKey): Walkable | undefined {
  const kinds = typeof key === 'number' ? ['array', 'tuple'] : ['object', 'intersection'];
  const fitting = options.filter((option) => kinds.includes(unwrap(option)._zod.def.type));
  const declared = fitting.find((option) => {
    const shape = unwrap(option)._zod.def.shape;
    return shape !== undefined && Object.hasOwn(shape, key);
  });
  for (const option of [...(declared ? [declared] : []), ...fitting, ...options]) {
    const found = child(option, key);
    if (found) return found;
  }
  return undefined;
}

/**
 * The deepest field on `path` (the field itself, else the nearest ancestor) that the
 * schema lets be absent or null, with what to leave in its place. `undefined` when none
 * is: the field is required for the result to mean anything. The root never counts.
 *
 * @example
 * ```ts
 * const schema = z.object({ id: z.string(), card: z.optional(z.object({ last4: z.string() })) });
 * removableAncestor(schema, ['card', 'last4']); // { path: ['card'], placeholder: { kind: 'delete' } }
 * removableAncestor(schema, ['id']); // undefined
 * ```
 */
export function removableAncestor(
  schema: unknown,
  path: FieldPath,
): { path: FieldPath; placeholder: Placeholder } | undefined {
  let current = schema as Walkable | undefined;
  let found: { path: FieldPath; placeholder: Placeholder } | undefined;
  for (let index = 0; index < path.length && current; index += 1) {
    current = child(current, path[index] as PropertyKey);
    const placeholder = current && absence(current);
    if (placeholder) found = { path: path.slice(0, index + 1), placeholder };
  }
  return found;
}
