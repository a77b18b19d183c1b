/** `status_id` values of a Paya transaction and their names. */
export const transactionStatuses = {
  101: 'approved',
  102: 'authOnly',
  111: 'refunded',
  121: 'avsOnly',
  131: 'pendingOrigination',
  132: 'originating',
  133: 'originated',
  134: 'settled',
  135: 'reserved',
  136: 'rejected',
  191: 'settledDeprecated',
  201: 'voided',
  301: 'declined',
  331: 'chargedBack',
} as const;

/** A decoded `status_id`, or `unknown` for a code this version does not know. */
export type TransactionStatusName =
  | (typeof transactionStatuses)[keyof typeof transactionStatuses]
  | 'unknown';

/** `type_id` values of a Paya transaction (auth-only and auth-complete stay `sale`). */
export const transactionTypes = {
  20: 'sale',
  21: 'avsOnly',
  22: 'settle',
  30: 'refund',
  40: 'credit',
  50: 'debit',
} as const;

/** A decoded `type_id`, or `unknown`. */
export type TransactionTypeName = (typeof transactionTypes)[keyof typeof transactionTypes] | 'unknown';

/** Documented `reason_code_id` values; other 15xx/16xx codes are declines. */
export const transactionReasons = {
  1000: 'approved',
  1001: 'authCompleted',
  1002: 'forced',
  1200: 'voided',
  1201: 'partialApproval',
  1500: 'deny',
  1616: 'insufficientFunds',
  1622: 'cardExpired',
} as const;

/** A decoded `reason_code_id`: a documented name, `declined` for other 15xx/16xx codes, or `unknown`. */
export type TransactionReasonName =
  | (typeof transactionReasons)[keyof typeof transactionReasons]
  | 'declined'
  | 'unknown';

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Names a `status_id` (`101` -> `approved`). */
export function transactionStatusName(statusId: unknown): TransactionStatusName {
  const code = asNumber(statusId);
  return (code !== undefined && transactionStatuses[code as keyof typeof transactionStatuses]) || 'unknown';
}

/** Names a `type_id` (`20` -> `sale`). */
export function transactionTypeName(typeId: unknown): TransactionTypeName {
  const code = asNumber(typeId);
  return (code !== undefined && transactionTypes[code as keyof typeof transactionTypes]) || 'unknown';
}

/** Names a `reason_code_id` (`1000` -> `approved`, `1601` -> `declined`). */
export function transactionReasonName(reasonCodeId: unknown): TransactionReasonName {
  const code = asNumber(reasonCodeId);
  if (code === undefined) return 'unknown';
  const known = transactionReasons[code as keyof typeof transactionReasons];
  if (known) return known;
  return code >= 1500 && code < 1700 ? 'declined' : 'unknown';
}
