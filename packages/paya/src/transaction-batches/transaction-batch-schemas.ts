import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import {
  type PayaTransactionBatch,
  type TransactionBatchRecord,
  toPayaTransactionBatch,
  transactionBatchRecord,
} from '../postbacks/postback-records.js';
import { transactionBatchStatuses } from '../postbacks/transaction-batch-status.js';
import { pageFields, payaId } from '../shared/paya-fields.js';
import { oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { listMeta } from '../shared/paya-paging.js';

const statusIds = Object.keys(transactionBatchStatuses).map(Number) as [1, 2, 3, 4, 5, 6];

/**
 * Filters of `transactionBatches.list`: open or closed, processing status (1 to settle,
 * 2 settled, 3 error, 4 re-process, 5 processing, 6 forced closed), deposit account, and the
 * created / closed timestamps (named or custom ranges). Paya's tip: `sort: '-created_ts'`.
 */
export const listTransactionBatchesInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    id: oneOrMany(payaId),
    /** 1 open, 0 closed. */
    is_open: z.optional(z.literal([0, 1], { error: 'must be 1 (open) or 0 (closed)' })),
    processing_status_id: oneOrMany(
      z.literal(statusIds, { error: `must be a processing status id (${statusIds.join(', ')})` }),
    ),
    product_transaction_id: oneOrMany(payaId),
    created_ts: timestampFilter,
    batch_close_ts: timestampFilter,
  }),
);

/** Timestamp fields of the batch filters. */
export const transactionBatchTimestampFilters: ReadonlySet<string> = new Set([
  'created_ts',
  'batch_close_ts',
]);

/** Input of `transactionBatches.retrieve` and `transactionBatches.settle`. */
export const transactionBatchIdInput = lazySchema(() => z.strictObject({ id: payaId }));

/** `{ transactionbatch: {...} }`. */
export const transactionBatchEnvelope = lazySchema(() =>
  z.looseObject({ transactionbatch: transactionBatchRecord }),
);

/** `{ transactionbatches: [...], meta }`. */
export const transactionBatchListEnvelope = lazySchema(() =>
  z.looseObject({
    transactionbatches: z.array(transactionBatchRecord),
    meta: listMeta,
  }),
);

/** Paya shows no settle response: the batch is decoded when the answer holds one. */
export const settleResponse = lazySchema(() =>
  z.optional(z.nullable(z.looseObject({ transactionbatch: z.optional(z.nullable(transactionBatchRecord)) }))),
);

/**
 * What `transactionBatches.settle` answers: the batch, when Paya sent it back.
 *
 * @example
 * ```ts
 * const { batch }: PayaBatchSettlement = (await paya.transactionBatches.settle(batchId)).unwrap();
 * console.log(batch?.open); // false
 * ```
 */
export interface PayaBatchSettlement {
  /**
   * The batch in Paya's answer, decoded (`open`, `processing_status`); `undefined` when the
   * answer held none (Paya does not document it). A value of another shape is kept as sent.
   */
  readonly batch: PayaTransactionBatch | undefined;
}

/** Reads the settle answer. */
export function toBatchSettlement(body: z.output<typeof settleResponse>): PayaBatchSettlement {
  const record: unknown = body?.transactionbatch;
  if (record === undefined || record === null) return { batch: undefined };
  // Core keeps a field of an unexpected shape as sent (and warns): it is not decoded.
  const decodable = typeof record === 'object' && !Array.isArray(record);
  return {
    batch: decodable
      ? toPayaTransactionBatch(record as TransactionBatchRecord)
      : (record as PayaTransactionBatch),
  };
}
