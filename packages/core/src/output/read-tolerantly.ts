import * as z from 'zod/mini';
import { coerceWireValue, notCoerced } from './coerce-wire-value.js';
import { cloneOwn, deleteOwnAt, type FieldPath, getOwnAt, isPathPrefix, setOwnAt } from './own-path.js';
import { removableAncestor } from './schema-at-path.js';

/** Re-parses at most this many times: each round repairs every issue zod reported. */
const maxRounds = 5;

/** A field kept as the provider sent it, because its shape is not the documented one. */
export interface KeptRawField {
  /** Where it is in the body. */
  readonly path: FieldPath;
  /** What the schema expected there (zod's `expected`, or the issue code). */
  readonly expected: string;
  /** What the provider sent (`string`, `object`, `array`, ...). */
  readonly received: string;
}

/** What {@link readTolerantly} made of a body. */
export type TolerantRead<T> =
  | { readonly success: true; readonly data: T; readonly keptRaw: readonly KeptRawField[] }
  | { readonly success: false; readonly issues: readonly z.core.$ZodIssue[] };

/** A kept-raw field with the value to put back. */
interface Remembered extends KeptRawField {
  readonly value: unknown;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * The issues of the union member the body comes closest to, at full paths: the member with
 * the fewest issues among those that match at least the body's outer shape. The union issue
 * itself when every member refuses the shape outright.
 */
function flatten(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const flat: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
      flat.push(issue);
      continue;
    }
    const close = issue.errors.filter((member) => member.every((inner) => inner.path.length > 0));
    const best = close.sort((a, b) => a.length - b.length)[0];
    if (!best) {
      flat.push(issue);
      continue;
    }
    for (const inner of flatten(best)) flat.push({ ...inner, path: [...issue.path, ...inner.path] });
  }
  return flat;
}

/** What the schema expected where `issue` is: one entry, or one per union member refused outright. */
function expectedOf(issue: z.core.$ZodIssue): (string | readonly unknown[])[] {
  if (issue.code === 'invalid_type') return [issue.expected];
  if (issue.code === 'invalid_value') return [issue.values];
  if (issue.code === 'invalid_union')
    return issue.errors.flatMap((member) =>
      member.filter((inner) => inner.path.length === 0).flatMap(expectedOf),
    );
  return [];
}

/** `value` read as the first expectation it has a documented text form for. */
function coerceToAny(value: unknown, expected: readonly (string | readonly unknown[])[]): unknown {
  for (const candidate of expected) {
    const coerced = coerceWireValue(value, candidate);
    if (coerced !== notCoerced) return coerced;
  }
  return notCoerced;
}

/**
 * Parses a provider's response tolerantly. A body the schema accepts is returned at once.
 * Otherwise, for each issue: a documented value sent as text (`"100"`, `"true"`, a JSON
 * object as a string) is read as what the schema expects (see `coerceWireValue`); a field
 * of another shape is taken out of a copy when the schema lets it (or an ancestor) be
 * absent or null, and put back as sent after parsing (own-property writes, safe for
 * `__proto__` keys), listed in `keptRaw`. A required field that is missing or cannot be
 * repaired fails the read with the issues that remain.
 *
 * @example
 * ```ts
 * const schema = z.object({ id: z.string(), amount: z.optional(z.number()) });
 * readTolerantly(schema, { id: 'o1', amount: '12.50' }); // success, data.amount === 12.5
 * readTolerantly(schema, { id: 'o1', amount: { v: 1 } }); // success, amount kept as { v: 1 }
 * readTolerantly(schema, { amount: 1 }); // failure: id is required
 * ```
 */
export function readTolerantly<T>(
  schema: z.ZodMiniType<T>,
  body: unknown,
  params?: z.core.ParseContext<z.core.$ZodIssue>,
): TolerantRead<T> {
  const first = z.safeParse(schema, body, params);
  if (first.success) return { success: true, data: first.data, keptRaw: [] };
  const copy = cloneOwn(body);
  const remembered: Remembered[] = [];
  let issues = flatten(first.error.issues);
  for (let round = 0; round < maxRounds; round += 1) {
    let repaired = false;
    const unrepairable: z.core.$ZodIssue[] = [];
    for (const issue of issues) {
      const path = issue.path as FieldPath;
      // Inside a field already taken out: it goes back whole, as sent.
      if (remembered.some((field) => isPathPrefix(field.path, path))) continue;
      const value = getOwnAt(copy, path);
      const expected = expectedOf(issue);
      const coerced = path.length === 0 ? notCoerced : coerceToAny(value, expected);
      if (coerced !== notCoerced) {
        setOwnAt(copy, path, coerced);
        repaired = true;
        continue;
      }
      const removable = removableAncestor(schema, path);
      if (!removable) {
        unrepairable.push(issue);
        continue;
      }
      const raw = getOwnAt(copy, removable.path);
      remembered.push({
        path: removable.path,
        value: raw,
        expected: expected.length > 0 ? expected.map(String).join(' | ') : issue.code,
        received: kindOf(value),
      });
      if (removable.placeholder.kind === 'null') setOwnAt(copy, removable.path, null);
      else deleteOwnAt(copy, removable.path);
      repaired = true;
    }
    if (unrepairable.length > 0 || !repaired) {
      return { success: false, issues: unrepairable.length > 0 ? unrepairable : issues };
    }
    const next = z.safeParse(schema, copy, params);
    if (next.success) return { success: true, data: restore(next.data, remembered), keptRaw: remembered };
    issues = flatten(next.error.issues);
  }
  return { success: false, issues };
}

/** Puts kept-raw values back, shallow paths first so a deeper one lands inside its parent. */
function restore<T>(data: T, remembered: readonly Remembered[]): T {
  const ordered = [...remembered].sort((a, b) => a.path.length - b.path.length);
  for (const field of ordered) setOwnAt(data, field.path, field.value);
  return data;
}
