// Paya transaction batches, from `Endpoints/Transaction Batches/README.md` of PayaDev/PayaConnect and
// docs.payaconnect.com/developers/api/endpoints/transactionbatches: card transactions land in their
// deposit account's open batch; a batch closes on settlement (`is_open` 1 -> 0, `processing_status_id`
// 1 To Settle -> 2 Settled, `batch_close_ts` set) with a `transactionbatch` UPDATE postback.
import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { FieldErrors, statusError } from './paya-sim-errors.js';
import type { SimPostbackEvent } from './paya-sim-postbacks.js';
import { answerList, type FilterSpec } from './paya-sim-query.js';
import type { PayaSimState, SimTransaction, SimTransactionBatch } from './paya-sim-state.js';
import type { TransactionContext } from './paya-sim-transactions.js';

/** Card statuses that belong to a batch: approved sales (forced and completed ones too) and refunds. */
const batchedStatuses = new Set([101, 111]);

/** The deposit account's open batch, opened (with the next batch number) when there is none. */
export function openBatchFor(
  state: PayaSimState,
  productTransactionId: string,
  locationId: string,
  now: number,
): SimTransactionBatch {
  const open = state.transactionBatches.find(
    (batch) => batch.is_open === 1 && batch.product_transaction_id === productTransactionId,
  );
  if (open) return open;
  state.lastBatchNum += 1;
  const batch: SimTransactionBatch = {
    id: newHexId(),
    batch_num: state.lastBatchNum,
    location_id: locationId,
    product_transaction_id: productTransactionId,
    created_ts: now,
    modified_ts: now,
    processing_status_id: 1,
    is_open: 1,
    batch_close_ts: null,
    settlement_file_name: null,
    status_message: null,
  };
  state.transactionBatches.push(batch);
  state.transactionBatchesById.set(batch.id, batch);
  return batch;
}

/**
 * Puts an approved card transaction (or refund) in its deposit account's open batch, once:
 * called when a transaction is stored and when an auth is completed.
 */
export function assignBatch(state: PayaSimState, record: SimTransaction): void {
  if (record.payment_method !== 'cc' || !batchedStatuses.has(record.status_id)) return;
  if (record.transaction_batch_id) return;
  const batch = openBatchFor(state, record.product_transaction_id, record.location_id, record.created_ts);
  record.transaction_batch_id = batch.id;
  record.batch_num = batch.batch_num;
}

/** The wire record of a batch. */
export function batchToWire(batch: SimTransactionBatch, baseUrl: string): Record<string, unknown> {
  const { location_id: _location, ...fields } = batch;
  return { ...fields, _links: { self: { href: `${baseUrl}/v2/transactionbatches/${batch.id}` } } };
}

/** The `transactionbatch` UPDATE postback of a batch that closed (with `changelogs` when the config expands them). */
export function batchEvent(batch: SimTransactionBatch, baseUrl: string): SimPostbackEvent {
  const wire = batchToWire(batch, baseUrl);
  return {
    resource: 'transactionbatch',
    action: 'UPDATE',
    location_id: batch.location_id,
    product_transaction_id: batch.product_transaction_id,
    data: (expands) =>
      expands.split(',').includes('changelogs')
        ? {
            ...wire,
            changelogs: [
              {
                action: 'update',
                model: 'TransactionBatch',
                model_id: batch.id,
                user_id: null,
                changelog_details: [
                  { field: 'is_open', old_value: '1' },
                  { field: 'processing_status_id', old_value: '1' },
                ],
              },
            ],
          }
        : { ...wire },
  };
}

function dateOf(now: number): string {
  return new Date(now * 1000).toISOString().slice(0, 10);
}

/**
 * Closes one open batch: its approved card sales get a settle date (each reported through
 * `onSettled`), the batch turns `is_open` 0, `processing_status_id` 2 with `batch_close_ts`.
 */
export function closeBatch(
  state: PayaSimState,
  batch: SimTransactionBatch,
  now: number,
  onSettled?: (record: SimTransaction) => void,
): void {
  for (const record of state.transactions) {
    if (record.transaction_batch_id !== batch.id) continue;
    if (record.status_id === 101 && record.settle_date === null) {
      record.settle_date = dateOf(now);
      record.modified_ts = now;
      onSettled?.(record);
    }
  }
  batch.is_open = 0;
  batch.processing_status_id = 2;
  batch.batch_close_ts = now;
  batch.modified_ts = now;
}

/** The open batches, oldest first. */
export function openBatches(state: PayaSimState): SimTransactionBatch[] {
  return state.transactionBatches.filter((batch) => batch.is_open === 1);
}

const batchFilters: FilterSpec<SimTransactionBatch> = {
  read: (batch, field) => (field in batch ? (batch as unknown as Record<string, unknown>)[field] : undefined),
  text: new Set(),
  timestamps: new Set(['created_ts', 'batch_close_ts', 'modified_ts']),
  amounts: new Set(),
};

/** What the batch routes need: the transaction context, and how a closed batch is announced. */
export interface BatchContext extends TransactionContext {
  /** Posts the postbacks of a batch that closed (its settled transactions, then the batch). */
  closed(state: PayaSimState, batch: SimTransactionBatch, settled: readonly SimTransaction[]): void;
}

function settle(request: SimRequest, state: PayaSimState, context: BatchContext): SimResponse {
  const batch = state.transactionBatchesById.get(request.params.id ?? '');
  if (!batch) return statusError(404, 'Transaction Batch not found.');
  const body = request.body as { transactionbatch?: { id?: unknown } } | undefined;
  const errors = new FieldErrors();
  const given = body?.transactionbatch?.id;
  if (given === undefined) errors.add('id', 'Id cannot be blank.');
  else if (given !== batch.id) errors.add('id', 'Id must match the batch being settled.');
  if (errors.any) return errors.response();
  // Paya's sandbox: closing a closed batch is 1629 DUPLICATE_BATCH, "Duplicate Batch (Already Closed)".
  if (batch.is_open !== 1) {
    errors.add('id', 'Duplicate Batch (Already Closed)');
    return errors.response();
  }
  const settled: SimTransaction[] = [];
  closeBatch(state, batch, context.now(), (record) => settled.push(record));
  context.closed(state, batch, settled);
  return json(200, { transactionbatch: batchToWire(batch, context.baseUrl()) });
}

/** The `/v2/transactionbatches` routes: list, get, settle. */
export function transactionBatchRoutes(context: BatchContext): SimRoute<PayaSimState>[] {
  return [
    {
      method: 'GET',
      path: '/v2/transactionbatches/:id',
      handle: (request, state) => {
        const batch = state.transactionBatchesById.get(request.params.id ?? '');
        if (!batch) return statusError(404, 'Transaction Batch not found.');
        return json(200, { transactionbatch: batchToWire(batch, context.baseUrl()) });
      },
    },
    {
      method: 'POST',
      path: '/v2/transactionbatches/:id/settle',
      handle: (request, state) => settle(request, state, context),
    },
    {
      method: 'GET',
      path: '/v2/transactionbatches',
      handle: (request, state) =>
        answerList(
          request,
          {
            path: '/v2/transactionbatches',
            key: 'transactionbatches',
            filters: batchFilters,
            records: state.transactionBatches,
            now: context.now(),
            baseUrl: context.baseUrl(),
          },
          (batch) => batchToWire(batch, context.baseUrl()),
        ),
    },
  ];
}
