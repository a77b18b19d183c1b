import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { buildRequest } from '../build-request.js';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import { limitOffsetPaging } from '../limit-offset-paging.js';
import type { Transaction, TransactionList } from './transaction-schemas.js';
import {
  listTransactionsInput,
  retrieveTransactionInput,
  transactionListSchema,
  transactionSchema,
} from './transaction-schemas.js';

const alt = ['altId', 'altType'] as const;

/** `GET /payments/transactions` — scope `payments/transactions.readonly`. Paged with limit/offset. */
export const listTransactions = defineOperation({
  id: 'leadconnector.transactions.list',
  method: 'GET',
  path: '/payments/transactions',
  summary: 'List transactions, filtered by mode, dates, source, contact, subscription or entity.',
  input: listTransactionsInput,
  output: transactionListSchema,
  retry: 'safe',
  scopes: ['payments/transactions.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-transactions`,
  toRequest: (input) => buildRequest(input, { method: 'GET', path: '/payments/transactions', required: alt }),
  paging: limitOffsetPaging<z.infer<typeof listTransactionsInput>, TransactionList, Transaction>(
    (output) => output.data,
    (output) => output.totalCount,
  ),
});

/** `GET /payments/transactions/{transactionId}` — scope `payments/transactions.readonly`. */
export const retrieveTransaction = defineOperation({
  id: 'leadconnector.transactions.retrieve',
  method: 'GET',
  path: '/payments/transactions/{transactionId}',
  summary: 'Get one transaction by id.',
  input: retrieveTransactionInput,
  output: transactionSchema,
  retry: 'safe',
  positional: 'transactionId',
  scopes: ['payments/transactions.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/get-transaction-by-id`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/transactions/{transactionId}', required: alt }),
});

/** The `transactions` resource.
 *
 * @example
 * ```ts
 * for await (const txn of lc.transactions.list({ contactId })) console.log(txn._id, txn.status);
 * ```
 */
export const transactionOperations = { list: listTransactions, retrieve: retrieveTransaction } as const;
