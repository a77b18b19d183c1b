import { defineOperation, Ok, type OperationContext, type PaymentsError, type Result } from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import { retrieveTransaction } from '../transactions/transaction-operations.js';
import {
  createQuickInvoiceInput,
  listQuickInvoicesInput,
  type PayaQuickInvoice,
  quickInvoiceEnvelope,
  quickInvoiceIdInput,
  quickInvoiceListEnvelope,
  quickInvoiceTimestampFilters,
  quickInvoiceTransactionInput,
  retrieveQuickInvoiceInput,
  toPayaQuickInvoice,
  updateQuickInvoiceInput,
} from './quick-invoice-schemas.js';

const docsUrl = 'https://docs.payaconnect.com/developers/api/endpoints/quickinvoices';

/**
 * Lists quick invoices, filtered; pages through all of them.
 *
 * @example
 * ```ts
 * for await (const invoice of paya.quickInvoices.list({ payment_status_id: [1, 3], status_id: 1 })) {
 *   console.log(invoice.title, invoice.remaining_balance_money);
 * }
 * ```
 */
export const listQuickInvoices = defineOperation({
  id: 'paya.quickInvoices.list',
  method: 'GET',
  path: '/v2/quickinvoices',
  summary:
    'List quick invoices with filters (open / closed, payment status, dates, amounts), paging through all.',
  input: listQuickInvoicesInput,
  output: quickInvoiceListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, quickInvoiceTimestampFilters) }),
  fromResponse: (body): ListPage<PayaQuickInvoice> => ({
    items: body.quickinvoices.map(toPayaQuickInvoice),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listQuickInvoicesInput>, PayaQuickInvoice>(),
});

/**
 * Creates a quick invoice: an itemised bill with a hosted pay page, e-mailed when
 * `send_email` is 1, with reminders around `due_date`. Paya documents no client reference for
 * quick invoices (`quick_invoice_api_id` exists only in Fortis' v1 docs), so a lost answer
 * cannot be looked up, and a second invoice would bill the payer twice: the create is never
 * resent automatically (retry mode `never`). After an `outcomeUnknown` error, list the
 * location's invoices (by `invoice_number` or `title`) before creating again.
 *
 * @example
 * ```ts
 * const invoice = await paya.quickInvoices.create({
 *   location_id,
 *   title: 'Invoice 42',
 *   due_date: '2027-02-05',
 *   item_list: { 'SDK Support Fee': 10, 'Consulting Fee': '39.99' },
 *   email: 'payer@example.com',
 *   send_email: 1,
 * });
 * ```
 */
export const createQuickInvoice = defineOperation({
  id: 'paya.quickInvoices.create',
  method: 'POST',
  path: '/v2/quickinvoices',
  summary: 'Create a quick invoice (line items, due date, reminders, optional partial payment).',
  description:
    "Retry mode `never`: Paya has no client reference for quick invoices, and a second one would bill the payer twice. Sent as JSON; Paya's multipart variant (files in the same call) is not sent by the SDK.",
  input: createQuickInvoiceInput,
  output: quickInvoiceEnvelope,
  retry: 'never',
  docsUrl,
  toRequest: (input) => ({ json: { quickinvoice: input } }),
  fromResponse: (body) => toPayaQuickInvoice(body.quickinvoice),
});

/**
 * Gets one quick invoice, with `expand`.
 *
 * @example
 * ```ts
 * const invoice = (await paya.quickInvoices.retrieve(invoiceId, { expand: ['contact'] })).unwrap();
 * console.log(invoice.payment_status, invoice.amount_paid_money);
 * ```
 */
export const retrieveQuickInvoice = defineOperation({
  id: 'paya.quickInvoices.retrieve',
  method: 'GET',
  path: '/v2/quickinvoices/{id}',
  summary: 'Get one quick invoice, with `expand` for related records.',
  input: retrieveQuickInvoiceInput,
  output: quickInvoiceEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ expand }) => ({ query: expand ? { expand: expand.join(',') } : {} }),
  fromResponse: (body) => toPayaQuickInvoice(body.quickinvoice),
});

/**
 * Changes some fields of a quick invoice; `status_id: 0` closes it.
 *
 * @example
 * ```ts
 * await paya.quickInvoices.update(invoiceId, { due_date: '2027-03-01', note: 'New due date' });
 * await paya.quickInvoices.update(invoiceId, { status_id: 0 }); // close it
 * ```
 */
export const updateQuickInvoice = defineOperation({
  id: 'paya.quickInvoices.update',
  method: 'PUT',
  path: '/v2/quickinvoices/{id}',
  summary: 'Update some fields of a quick invoice (items, dates, reminders, status_id 0 closes it).',
  input: updateQuickInvoiceInput,
  output: quickInvoiceEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ id: _id, ...fields }) => ({ json: { quickinvoice: fields } }),
  fromResponse: (body) => toPayaQuickInvoice(body.quickinvoice),
});

/**
 * Deletes a quick invoice (204).
 *
 * @example
 * ```ts
 * await paya.quickInvoices.delete(invoiceId);
 * ```
 */
export const deleteQuickInvoice = defineOperation({
  id: 'paya.quickInvoices.delete',
  method: 'DELETE',
  path: '/v2/quickinvoices/{id}',
  summary: 'Delete a quick invoice.',
  description: 'Retried as safe: a retry after a lost 204 reports the invoice as already gone (404).',
  input: quickInvoiceIdInput,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (_body: unknown, input) => ({ id: input.id, deleted: true as const }),
});

/**
 * After an ambiguous add / remove, reads the transaction back: its `quick_invoice_id` says
 * whether the change happened. Happened: the invoice is read and returned; not: `undefined`,
 * so the change is sent once more.
 */
function linkLookup(attached: boolean) {
  return async (
    input: z.output<typeof quickInvoiceTransactionInput>,
    context: OperationContext,
    signal?: AbortSignal,
  ): Promise<Result<PayaQuickInvoice | undefined, PaymentsError>> => {
    const transaction = await context.run(retrieveTransaction, { id: input.transaction_id }, { signal });
    if (transaction.isErr()) return transaction;
    const linked = (transaction.value as { quick_invoice_id?: unknown }).quick_invoice_id === input.id;
    if (linked !== attached) return Ok(undefined);
    return context.run(retrieveQuickInvoice, { id: input.id }, { signal });
  };
}

/**
 * Attaches a payment taken elsewhere to a quick invoice; Paya recalculates `remaining_balance`.
 *
 * @example
 * ```ts
 * const invoice = (await paya.quickInvoices.addTransaction(invoiceId, { transaction_id: checkPaymentId })).unwrap();
 * console.log(invoice.remaining_balance); // recalculated
 * ```
 */
export const addQuickInvoiceTransaction = defineOperation({
  id: 'paya.quickInvoices.addTransaction',
  method: 'PUT',
  path: '/v2/quickinvoices/{id}/addTransaction',
  summary:
    'Attach a transaction (a payment taken elsewhere) to a quick invoice; the balance is recalculated.',
  description:
    'Retry mode `reconcile`: after an ambiguous failure the transaction is read back, and its `quick_invoice_id` says whether it is attached before anything is resent.',
  input: quickInvoiceTransactionInput,
  output: quickInvoiceEnvelope,
  retry: 'reconcile',
  positional: 'id',
  docsUrl,
  reference: (input) => input.transaction_id,
  reconcile: linkLookup(true),
  toRequest: ({ transaction_id }) => ({ json: { quickinvoice: { transaction_id } } }),
  fromResponse: (body) => toPayaQuickInvoice(body.quickinvoice),
});

/**
 * Detaches a transaction from a quick invoice; Paya recalculates `remaining_balance`.
 *
 * @example
 * ```ts
 * await paya.quickInvoices.removeTransaction(invoiceId, { transaction_id: wrongPaymentId });
 * ```
 */
export const removeQuickInvoiceTransaction = defineOperation({
  id: 'paya.quickInvoices.removeTransaction',
  method: 'PUT',
  path: '/v2/quickinvoices/{id}/removeTransaction',
  summary: 'Detach a transaction from a quick invoice; the balance is recalculated.',
  description:
    'Retry mode `reconcile`: after an ambiguous failure the transaction is read back, and its `quick_invoice_id` says whether it is detached before anything is resent.',
  input: quickInvoiceTransactionInput,
  output: quickInvoiceEnvelope,
  retry: 'reconcile',
  positional: 'id',
  docsUrl,
  reference: (input) => input.transaction_id,
  reconcile: linkLookup(false),
  toRequest: ({ transaction_id }) => ({ json: { quickinvoice: { transaction_id } } }),
  fromResponse: (body) => toPayaQuickInvoice(body.quickinvoice),
});

/**
 * E-mails the quick invoice again (204).
 *
 * @example
 * ```ts
 * await paya.quickInvoices.resend(invoiceId);
 * ```
 */
export const resendQuickInvoice = defineOperation({
  id: 'paya.quickInvoices.resend',
  method: 'POST',
  path: '/v2/quickinvoices/{id}/resend',
  summary: 'E-mail the quick invoice again.',
  description: 'Retry mode `never`: a resend after a lost answer would e-mail the payer twice.',
  input: quickInvoiceIdInput,
  retry: 'never',
  positional: 'id',
  docsUrl,
  toRequest: () => ({ json: {} }),
  fromResponse: (_body: unknown, input) => ({ id: input.id, resent: true as const }),
});

/**
 * The quick invoice operations, by method name (`paya.quickInvoices.*`).
 *
 * @example
 * ```ts
 * const invoice = (
 *   await paya.quickInvoices.create({
 *     location_id,
 *     title: 'March support',
 *     due_date: '2027-03-31',
 *     item_list: { 'SDK Support Fee': 10, 'Consulting Fee': '39.99' },
 *     email: 'payer@example.com',
 *     send_email: 1,
 *     allow_partial_pay: 1,
 *   })
 * ).unwrap();
 * await paya.quickInvoices.addTransaction(invoice.id, { transaction_id: checkPaymentId });
 * console.log((await paya.quickInvoices.retrieve(invoice.id)).unwrap().payment_status); // 'partiallyPaid'
 * ```
 */
export const quickInvoiceOperations = {
  create: createQuickInvoice,
  retrieve: retrieveQuickInvoice,
  update: updateQuickInvoice,
  delete: deleteQuickInvoice,
  list: listQuickInvoices,
  addTransaction: addQuickInvoiceTransaction,
  removeTransaction: removeQuickInvoiceTransaction,
  resend: resendQuickInvoice,
} as const;
