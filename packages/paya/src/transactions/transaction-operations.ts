import { defineOperation } from '@payweave/core';
import { achUpdate, overrideTransaction } from './ach-actions.js';
import { authIncrement } from './auth-increment.js';
import { force } from './force.js';
import { listTransactions } from './list-transactions.js';
import { partialReversal } from './partial-reversal.js';
import { refuseWebPartialRefund } from './partial-web-refund.js';
import { create, newTransactionApiId, reconcileNotes, transactionCreate } from './transaction-create.js';
import { editTransaction } from './transaction-edit.js';
import {
  authCompleteInput,
  authOnlyInput,
  avsOnlyInput,
  creditInput,
  debitInput,
  refundInput,
  retrieveTransactionInput,
  saleInput,
  toPayaTransaction,
  transactionEnvelope,
  voidInput,
} from './transaction-schemas.js';

export { listTransactions, newTransactionApiId };

const docsUrl = 'https://developers.payaconnect.com/docs/transactions';

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
  force,
  authIncrement,
  partialReversal,
  edit: editTransaction,
  override: overrideTransaction,
  achUpdate,
  retrieve: retrieveTransaction,
  list: listTransactions,
} as const;
