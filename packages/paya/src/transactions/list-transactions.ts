import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  listTransactionsInput,
  type PayaTransaction,
  toPayaTransaction,
  transactionListEnvelope,
  transactionTimestampFilters,
} from './transaction-schemas.js';

/**
 * Lists transactions, filtered; pages through all of them. Its own module so that the
 * reconcile lookup of every money-moving create can use it without an import cycle.
 *
 * @example
 * ```ts
 * for await (const transaction of paya.transactions.list({ status_id: [101, 102], created_ts: 'today' })) {
 *   console.log(transaction.id, transaction.status);
 * }
 * ```
 */
export const listTransactions = defineOperation({
  id: 'paya.transactions.list',
  method: 'GET',
  path: '/v2/transactions',
  summary:
    'List transactions with filters (OR lists, amount ranges, named or custom date ranges), paging through all.',
  input: listTransactionsInput,
  output: transactionListEnvelope,
  retry: 'safe',
  docsUrl: 'https://developers.payaconnect.com/docs/transactions',
  toRequest: (input) => ({ query: toFilterQuery(input, transactionTimestampFilters) }),
  fromResponse: (body): ListPage<PayaTransaction> => ({
    items: body.transactions.map(toPayaTransaction),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listTransactionsInput>, PayaTransaction>(),
});
