import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { type PayaTransactionBatch, toPayaTransactionBatch } from '../postbacks/postback-records.js';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  listTransactionBatchesInput,
  settleResponse,
  toBatchSettlement,
  transactionBatchEnvelope,
  transactionBatchIdInput,
  transactionBatchListEnvelope,
  transactionBatchTimestampFilters,
} from './transaction-batch-schemas.js';

const docsUrl = 'https://docs.payaconnect.com/developers/api/endpoints/transactionbatches';

/**
 * Lists transaction batches, filtered; pages through all of them.
 *
 * @example
 * ```ts
 * for await (const batch of paya.transactionBatches.list({ processing_status_id: 3, created_ts: 'last 30 days' })) {
 *   console.log(batch.batch_num, batch.status_message); // settlement errors
 * }
 * ```
 */
export const listTransactionBatches = defineOperation({
  id: 'paya.transactionBatches.list',
  method: 'GET',
  path: '/v2/transactionbatches',
  summary:
    'List transaction batches (open / closed, processing status, deposit account, created / closed ranges), paging through all.',
  input: listTransactionBatchesInput,
  output: transactionBatchListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, transactionBatchTimestampFilters) }),
  fromResponse: (body): ListPage<PayaTransactionBatch> => ({
    items: body.transactionbatches.map(toPayaTransactionBatch),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listTransactionBatchesInput>, PayaTransactionBatch>(),
});

/**
 * Gets one transaction batch, its `processing_status_id` decoded to `processing_status`.
 *
 * @example
 * ```ts
 * const batch = (await paya.transactionBatches.retrieve(batchId)).unwrap();
 * console.log(batch.open, batch.processing_status); // false 'settled'
 * ```
 */
export const retrieveTransactionBatch = defineOperation({
  id: 'paya.transactionBatches.retrieve',
  method: 'GET',
  path: '/v2/transactionbatches/{id}',
  summary: 'Get one transaction batch (open flag and processing status decoded).',
  input: transactionBatchIdInput,
  output: transactionBatchEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (body) => toPayaTransactionBatch(body.transactionbatch),
});

/**
 * Settles (closes) an open batch by hand: `POST /v2/transactionbatches/{id}/settle`. Needs a
 * user with the settle permission. The request is only partly documented: Paya's page shows a
 * body that starts `{"transactionbatch":{"id":"…"` and is cut off there, and no response; the
 * SDK sends `{"transactionbatch":{"id":id}}` and decodes a batch when the answer holds one
 * (re-read it with `transactionBatches.retrieve` to see `processing_status`). Retried as safe:
 * a batch closes once, so a replay after a lost answer is refused as already closed (Paya's
 * sandbox calls that 1629 DUPLICATE_BATCH).
 *
 * @example
 * ```ts
 * const settled = await paya.transactionBatches.settle(batchId);
 * if (settled.isOk()) console.log(settled.value.batch?.processing_status);
 * ```
 */
export const settleTransactionBatch = defineOperation({
  id: 'paya.transactionBatches.settle',
  method: 'POST',
  path: '/v2/transactionbatches/{id}/settle',
  summary: 'Settle (close) an open transaction batch by hand; needs the settle permission.',
  description:
    'Partly documented: the body is sent as {"transactionbatch":{"id":…}} (the rest of Paya\'s example is cut off) and the response is not shown. Retried as safe: a batch closes once.',
  input: transactionBatchIdInput,
  output: settleResponse,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ id }) => ({ json: { transactionbatch: { id } } }),
  fromResponse: (body) => toBatchSettlement(body),
});

/**
 * The transaction batch operations, by method name (`paya.transactionBatches.*`).
 *
 * @example
 * ```ts
 * for await (const batch of paya.transactionBatches.list({ is_open: 1, sort: '-created_ts' })) {
 *   console.log(batch.batch_num, batch.processing_status); // 'toSettle'
 *   await paya.transactionBatches.settle(batch.id);
 * }
 * ```
 */
export const transactionBatchOperations = {
  retrieve: retrieveTransactionBatch,
  list: listTransactionBatches,
  settle: settleTransactionBatch,
} as const;
