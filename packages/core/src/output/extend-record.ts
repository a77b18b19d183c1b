import { setOwn } from '../redaction/redactor.js';

/**
 * `{ ...record, ...additions }` (typed `R & A`: additions are new fields) for a provider record, about five times faster: records of
 * 50+ fields (a Paya transaction has 63) are dictionary-mode objects in V8, and spreading one
 * into a literal cost ~20 µs a call where a key loop costs ~4 (bench/profile, issue 19).
 * Like a spread it copies own enumerable keys, and a `__proto__` key stays a plain field.
 *
 * @example
 * ```ts
 * const transaction = extendRecord(record, { status: transactionStatusName(record.status_id) });
 * ```
 */
export function extendRecord<R extends object, A extends object>(record: R, additions: A): R & A {
  const copy: Record<string, unknown> = {};
  for (const source of [record, additions] as Record<string, unknown>[]) {
    // Object.keys, not for...in: on dictionary-mode objects it is the faster walk (~20%).
    const keys = Object.keys(source);
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      if (key === '__proto__') setOwn(copy, key, source[key]);
      else copy[key] = source[key];
    }
  }
  return copy as R & A;
}
