/**
 * Quick invoice `payment_status_id` values and their names.
 *
 * @example
 * ```ts
 * quickInvoicePaymentStatuses[3]; // 'partiallyPaid'
 * ```
 */
export const quickInvoicePaymentStatuses = { 1: 'unpaid', 2: 'paid', 3: 'partiallyPaid' } as const;

/**
 * A decoded `payment_status_id`, or `unknown` for a code this version does not know.
 *
 * @example
 * ```ts
 * const status: QuickInvoicePaymentStatusName = quickInvoicePaymentStatusName(1); // 'unpaid'
 * ```
 */
export type QuickInvoicePaymentStatusName =
  | (typeof quickInvoicePaymentStatuses)[keyof typeof quickInvoicePaymentStatuses]
  | 'unknown';

/**
 * Quick invoice `status_id` values: whether it still takes payments.
 *
 * @example
 * ```ts
 * quickInvoiceStatuses[0]; // 'closed'
 * ```
 */
export const quickInvoiceStatuses = { 0: 'closed', 1: 'open' } as const;

/**
 * A decoded quick invoice `status_id`, or `unknown`.
 *
 * @example
 * ```ts
 * const state: QuickInvoiceStatusName = quickInvoiceStatusName(1); // 'open'
 * ```
 */
export type QuickInvoiceStatusName =
  | (typeof quickInvoiceStatuses)[keyof typeof quickInvoiceStatuses]
  | 'unknown';

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/**
 * Names a quick invoice `payment_status_id` (`3` -> `partiallyPaid`).
 *
 * @example
 * ```ts
 * quickInvoicePaymentStatusName(2); // 'paid'
 * quickInvoicePaymentStatusName('3'); // 'partiallyPaid'
 * ```
 */
export function quickInvoicePaymentStatusName(paymentStatusId: unknown): QuickInvoicePaymentStatusName {
  const code = asNumber(paymentStatusId);
  return (
    (code !== undefined && quickInvoicePaymentStatuses[code as keyof typeof quickInvoicePaymentStatuses]) ||
    'unknown'
  );
}

/**
 * Names a quick invoice `status_id` (`1` -> `open`, `0` -> `closed`).
 *
 * @example
 * ```ts
 * quickInvoiceStatusName(0); // 'closed'
 * ```
 */
export function quickInvoiceStatusName(statusId: unknown): QuickInvoiceStatusName {
  const code = asNumber(statusId);
  return (code !== undefined && quickInvoiceStatuses[code as keyof typeof quickInvoiceStatuses]) || 'unknown';
}
