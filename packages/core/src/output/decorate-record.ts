/**
 * Adds decoded fields to a provider record the caller owns (a record just parsed from a
 * response) and returns it, typed with them. In place on purpose: a Paya transaction has 63
 * fields, and V8 keeps such parsed objects compact until they are copied — a spread or a key
 * copy made a dictionary-mode object of 2-3 kB per record, cost 5-20 µs a call, and took a
 * 100,000-record walk's peak RSS from 1.0x to 1.35x of a 10,000-record one (bench/RESULTS.md).
 * The additions are the SDK's own field names, so nothing can land on the prototype.
 *
 * @example
 * ```ts
 * const transaction = decorateRecord(parsed.transaction, { status: transactionStatusName(parsed.transaction.status_id) });
 * ```
 */
export function decorateRecord<R extends object, A extends object>(record: R, additions: A): R & A {
  return Object.assign(record, additions);
}
