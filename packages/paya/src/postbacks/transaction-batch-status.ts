/**
 * Transaction batch `processing_status_id` values and their names (6, `forcedClosed`, is in
 * Paya's repository only; the docs site lists 1 to 5).
 */
export const transactionBatchStatuses = {
  1: 'toSettle',
  2: 'settled',
  3: 'error',
  4: 'reprocess',
  5: 'processing',
  6: 'forcedClosed',
} as const;

/** A decoded batch `processing_status_id`, or `unknown` for a code this version does not know. */
export type TransactionBatchStatusName =
  | (typeof transactionBatchStatuses)[keyof typeof transactionBatchStatuses]
  | 'unknown';

/** Names a batch `processing_status_id` (`2` -> `settled`). */
export function transactionBatchStatusName(statusId: unknown): TransactionBatchStatusName {
  const code =
    typeof statusId === 'number'
      ? statusId
      : typeof statusId === 'string' && /^\d+$/.test(statusId)
        ? Number(statusId)
        : undefined;
  return (
    (code !== undefined && transactionBatchStatuses[code as keyof typeof transactionBatchStatuses]) ||
    'unknown'
  );
}
