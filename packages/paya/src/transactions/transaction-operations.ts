import {
  defineOperation,
  Ok,
  type OperationContext,
  type PaymentsError,
  type RequestParts,
  type Result,
  type Schema,
} from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import { refuseWebPartialRefund } from './partial-web-refund.js';
import {
  authCompleteInput,
  authOnlyInput,
  avsOnlyInput,
  creditInput,
  debitInput,
  listTransactionsInput,
  type PayaTransaction,
  refundInput,
  retrieveTransactionInput,
  saleInput,
  toPayaTransaction,
  transactionEnvelope,
  transactionListEnvelope,
  transactionTimestampFilters,
  voidInput,
} from './transaction-schemas.js';

const docsUrl = 'https://developers.payaconnect.com/docs/transactions';

/** Lists transactions, filtered; pages through all of them. */
export const listTransactions = defineOperation({
  id: 'paya.transactions.list',
  method: 'GET',
  path: '/v2/transactions',
  summary:
    'List transactions with filters (OR lists, amount ranges, named or custom date ranges), paging through all.',
  input: listTransactionsInput,
  output: transactionListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, transactionTimestampFilters) }),
  fromResponse: (body): ListPage<PayaTransaction> => ({
    items: body.transactions.map(toPayaTransaction),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listTransactionsInput>, PayaTransaction>(),
});

/** A client reference for a money-moving create: unique per location, at most 64 characters. */
export function newTransactionApiId(): string {
  return `pw-${globalThis.crypto.randomUUID()}`;
}

interface Referenced {
  transaction_api_id?: string | undefined;
  location_id?: string | undefined;
}

function fillReference<In extends Referenced>(input: In): In {
  return input.transaction_api_id === undefined
    ? { ...input, transaction_api_id: newTransactionApiId() }
    : input;
}

/**
 * After an ambiguous failure, looks the transaction up by its `transaction_api_id`
 * (exact match: Paya may match text filters as substrings).
 */
async function findByApiId(
  input: Referenced,
  context: OperationContext,
  signal?: AbortSignal,
): Promise<Result<PayaTransaction | undefined, PaymentsError>> {
  const reference = input.transaction_api_id;
  if (reference === undefined) return Ok(undefined);
  // Paya matches the filter as a substring: every page is walked and only equality counts.
  return context.findExact<PayaTransaction>(
    listTransactions,
    {
      transaction_api_id: reference,
      page_size: 10,
      ...(input.location_id === undefined ? {} : { location_id: input.location_id }),
    },
    (transaction) => transaction.transaction_api_id === reference,
    { signal },
  );
}

/** The body of a create: the method's own `action` and `payment_method` (a caller's copy agreed or was refused). */
function create(action: string, paymentMethod: 'cc' | 'ach') {
  return ({ action: _action, payment_method: _method, ...input }: Record<string, unknown>): RequestParts => ({
    json: { transaction: { action, payment_method: paymentMethod, ...input } },
  });
}

const reconcileNotes =
  'Sent with retry mode `reconcile`: the SDK fills `transaction_api_id` when you do not, and after a timeout, reset or 5xx looks the transaction up by it before any resend.';

/**
 * Declares one money-moving create (`POST /v2/transactions`): they differ only in id,
 * input and body, and all share the reference, the reconcile lookup and the decoding.
 */
function transactionCreate<Id extends string, In extends Referenced, Shape>(declaration: {
  id: Id;
  summary: string;
  input: Schema<In, Shape>;
  toRequest: (input: In) => RequestParts;
  description?: string;
  guard?: (input: In, context: OperationContext) => Promise<PaymentsError | undefined>;
}) {
  return defineOperation({
    method: 'POST',
    path: '/v2/transactions',
    output: transactionEnvelope,
    retry: 'reconcile',
    docsUrl,
    prepare: fillReference,
    fromResponse: (body) => toPayaTransaction(body.transaction),
    reconcile: findByApiId,
    reference: (input: Referenced) => input.transaction_api_id,
    ...declaration,
    description: declaration.description ?? reconcileNotes,
  });
}

/** Charges a card: stored vault, keyed card + `exp_date`, a previous transaction or track data. */
export const sale = transactionCreate({
  id: 'paya.transactions.sale',
  summary:
    'Charge a card (stored vault, keyed card + exp date, or a previous transaction). A decline is Ok with status `declined`.',
  input: saleInput,
  toRequest: create('sale', 'cc'),
});

/** Authorises a card without capturing; complete it with `authComplete` or release it with `void`. */
export const authOnly = transactionCreate({
  id: 'paya.transactions.authOnly',
  summary:
    'Authorise a card without capture (status `authOnly`); every auth must later be completed or voided.',
  input: authOnlyInput,
  toRequest: create('authonly', 'cc'),
});

/** Checks a card's address (AVS) without charging it. */
export const avsOnly = transactionCreate({
  id: 'paya.transactions.avsOnly',
  summary: 'Verify the card address (AVS) without a charge (status `avsOnly`).',
  input: avsOnlyInput,
  toRequest: (input) =>
    create('avsonly', 'cc')({ ...input, transaction_amount: input.transaction_amount ?? '0.00' }),
});

/** Debits a bank account (ACH). */
export const debit = transactionCreate({
  id: 'paya.transactions.debit',
  summary: 'Debit a bank account by ACH (status `pendingOrigination` until it settles).',
  input: debitInput,
  toRequest: create('debit', 'ach'),
});

/** Credits a bank account (ACH); with `previous_transaction_id` and a CCD product, a partial return. */
export const credit = transactionCreate({
  id: 'paya.transactions.credit',
  summary:
    'Credit a bank account by ACH (use CCD with previous_transaction_id for a partial return of a debit).',
  input: creditInput,
  toRequest: create('credit', 'ach'),
});

/** Refunds a settled transaction (a new transaction against `previous_transaction_id`). */
export const refund = transactionCreate({
  id: 'paya.transactions.refund',
  summary:
    'Refund a settled transaction (void it before settlement). ACH WEB refunds must be for the full amount.',
  description: `${reconcileNotes} A partial refund of an ACH WEB debit is refused before sending (it would look approved and be rejected days later): use a CCD credit.`,
  input: refundInput,
  toRequest: ({ payment_method, ...input }) => create('refund', payment_method ?? 'cc')(input),
  guard: refuseWebPartialRefund(() => retrieveTransaction),
});

/** Captures an auth-only transaction, optionally for a different amount. */
export const authComplete = defineOperation({
  id: 'paya.transactions.authComplete',
  method: 'PUT',
  path: '/v2/transactions/{id}',
  summary: 'Capture an auth-only transaction (PUT with action authcomplete), optionally for another amount.',
  input: authCompleteInput,
  output: transactionEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ id: _id, action: _action, ...input }) => ({
    json: { transaction: { action: 'authcomplete', ...input } },
  }),
  fromResponse: (body) => toPayaTransaction(body.transaction),
});

/** Voids a transaction before settlement (also releases an auth-only hold). */
export const voidTransaction = defineOperation({
  id: 'paya.transactions.void',
  method: 'PUT',
  path: '/v2/transactions/{id}',
  summary: 'Void a transaction before settlement, or release an auth-only hold (PUT with action void).',
  input: voidInput,
  output: transactionEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: () => ({ json: { transaction: { action: 'void' } } }),
  fromResponse: (body) => toPayaTransaction(body.transaction),
});

/** Gets one transaction, optionally with related records. */
export const retrieveTransaction = defineOperation({
  id: 'paya.transactions.retrieve',
  method: 'GET',
  path: '/v2/transactions/{id}',
  summary: 'Get one transaction, with `expand` for related records.',
  input: retrieveTransactionInput,
  output: transactionEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ expand }) => ({ query: expand ? { expand: expand.join(',') } : {} }),
  fromResponse: (body) => toPayaTransaction(body.transaction),
});

/**
 * The transaction operations, by method name (`paya.transactions.*`).
 *
 * @example
 * ```ts
 * const sale = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId });
 * await paya.transactions.void(sale.unwrap().id);
 * ```
 */
export const transactionOperations = {
  sale,
  authOnly,
  authComplete,
  void: voidTransaction,
  refund,
  avsOnly,
  debit,
  credit,
  retrieve: retrieveTransaction,
  list: listTransactions,
} as const;
