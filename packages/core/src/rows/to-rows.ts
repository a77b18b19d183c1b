import type { Result } from 'ts-results-es';
import type { PaymentsError } from '../errors/payments-error.js';

/** One workflow row: the record's fields plus the status columns. */
export type WorkflowRow = Record<string, unknown> & {
  /** `OK` or `ERROR`. */
  status: 'OK' | 'ERROR';
  /** A short outcome (`OK`, or the error code). */
  statusMessage: string;
  /** The error message, empty when OK. */
  errorMessage: string;
};

/** Options of {@link toRows}. */
export interface ToRowsOptions<T> {
  /** The records of a result that holds many (a search page); each becomes a row. */
  records?: (value: T) => readonly unknown[] | undefined;
  /** Fields copied onto each record row (a search's pagination). */
  shared?: (value: T) => Record<string, unknown> | undefined;
}

function recordRow(record: unknown, shared: Record<string, unknown> | undefined): WorkflowRow {
  const fields: Record<string, unknown> =
    record !== null && typeof record === 'object' && !Array.isArray(record)
      ? { ...(record as object) }
      : { value: record };
  // The provider's own `status` would collide with the row status, so it moves to `providerStatus`.
  if ('status' in fields) {
    fields.providerStatus = fields.status;
    delete fields.status;
  }
  return { ...fields, ...shared, status: 'OK', statusMessage: 'OK', errorMessage: '' };
}

/**
 * Turns any result into workflow rows (Flowgear-style): `status` `OK`/`ERROR`,
 * `statusMessage`, `errorMessage` and the record's fields, with a provider `status`
 * renamed `providerStatus`. A result holding many records gives one row per record with
 * the shared fields (pagination) on each.
 *
 * @example
 * ```ts
 * toRows(await payconnect.invoices.retrieve('inv_1'));
 * // [{ status: 'OK', statusMessage: 'OK', errorMessage: '', invoiceId: 'inv_1', providerStatus: 'Sent', ... }]
 * ```
 */
export function toRows<T>(result: Result<T, PaymentsError>, options: ToRowsOptions<T> = {}): WorkflowRow[] {
  if (result.isErr()) {
    const error = result.error;
    return [
      {
        status: 'ERROR',
        statusMessage: error.code,
        errorMessage: error.message,
        provider: error.provider,
        operation: error.operation,
        httpStatus: error.httpStatus,
        providerCode: error.providerCode,
        fieldErrors: error.fieldErrors,
      },
    ];
  }
  const value = result.value;
  const records = options.records?.(value) ?? (Array.isArray(value) ? value : undefined);
  if (records) return records.map((record) => recordRow(record, options.shared?.(value)));
  return [recordRow(value, undefined)];
}
