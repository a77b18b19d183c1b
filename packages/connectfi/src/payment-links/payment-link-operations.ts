import {
  buildError,
  defineOperation,
  Ok,
  type OperationContext,
  type PaymentsError,
  type RequestParts,
  type Result,
} from '@payweave/core';
import * as z from 'zod/mini';
import {
  cancelInput,
  listInput,
  listOutput,
  maxNumberOfRecords,
  paymentOutput,
  retrieveInput,
  setStatusInput,
} from './payment-link-schemas.js';
import type { ConnectFiPayment, PaymentLinkPage } from './payment-link-types.js';

const docs = 'https://docs.paygears.com/connectfi/payment-link';

/** Default `numberOfRecords` of a list page. */
export const defaultNumberOfRecords = 100;

type SetStatusInput = z.infer<typeof setStatusInput>;

// The body is built field by field, in the documented order, so `currentStatus` (ours) is never sent
// and `manualStatus` is sent only when the caller gave it (the provider's default is true).
function setStatusBody(input: SetStatusInput) {
  return {
    cFiTransactionId: input.cFiTransactionId,
    status: input.status,
    description: input.description,
    ...(input.manualStatus === undefined ? {} : { manualStatus: input.manualStatus }),
  };
}

const manualStatusNote =
  '`manualStatus` defaults to true on the provider and then LOCKS the status: later automatic ' +
  'updates (bank, processor) no longer change it. Pass `manualStatus: false` to keep automatic updates.';

/**
 * After an ambiguous failure (reset, timeout, 5xx) a status change may already be applied:
 * resending it would add a second `statusChangeHistory` entry. So the link is read back
 * first, and the change is sent again only if the link is not yet in the target status.
 */
async function findInStatus(
  context: OperationContext,
  cFiTransactionId: string,
  status: string,
  signal?: AbortSignal,
): Promise<Result<ConnectFiPayment | undefined, PaymentsError>> {
  const page = await context.run(listPaymentLinks, { cFiTransactionId, numberOfRecords: 1 }, { signal });
  if (page.isErr()) return page;
  const payment = page.value.payments.find((candidate) => candidate.cFiTransactionId === cFiTransactionId);
  return Ok(payment?.status === status ? payment : undefined);
}

/** `connectfi.paymentLinks.setStatus`: set a payment link's status. */
export const setPaymentStatus = defineOperation({
  id: 'connectfi.paymentLinks.setStatus',
  method: 'POST',
  path: '/payment-link/payment/set-status',
  summary:
    'Set the status of a payment link (between Error, SentToPay, Completed, Settled, Returned, Declined).',
  description: `Every documented rule is checked before sending. ${manualStatusNote}`,
  docsUrl: `${docs}/set-status`,
  input: setStatusInput,
  output: paymentOutput,
  retry: 'reconcile',
  reconcile: (input, context, signal) => findInStatus(context, input.cFiTransactionId, input.status, signal),
  toRequest: (input): RequestParts => ({
    path: '/payment-link/payment/set-status',
    json: setStatusBody(input),
  }),
  fromResponse: (data): ConnectFiPayment => data,
});

/** `connectfi.paymentLinks.setRefundStatus`: set a refund transaction's status. */
export const setRefundStatus = defineOperation({
  id: 'connectfi.paymentLinks.setRefundStatus',
  method: 'POST',
  path: '/payment-link/payment/refund-set-status',
  summary: 'Set the status of a refund transaction (same rules and shape as setStatus).',
  description: manualStatusNote,
  docsUrl: `${docs}/refund-set-status`,
  input: setStatusInput,
  output: paymentOutput,
  // No documented call reads a refund back, so an ambiguous failure cannot be reconciled; a
  // blind resend would record the change twice. The caller sees the error and decides.
  retry: 'never',
  toRequest: (input): RequestParts => ({
    path: '/payment-link/payment/refund-set-status',
    json: setStatusBody(input),
  }),
  fromResponse: (data): ConnectFiPayment => data,
});

/** `connectfi.paymentLinks.cancel`: cancel a link in Initiated, Sent or Processing. */
export const cancelPaymentLink = defineOperation({
  id: 'connectfi.paymentLinks.cancel',
  method: 'POST',
  path: '/payment-link/payment/cancel',
  summary: 'Cancel a payment link (only from Initiated, Sent or Processing).',
  description:
    'Refused here only when you pass a `currentStatus` that cannot be cancelled; otherwise the provider answers `paymentStatus` (a `conflict` error).',
  docsUrl: `${docs}/cancel`,
  input: cancelInput,
  output: paymentOutput,
  retry: 'reconcile',
  reconcile: (input, context, signal) => findInStatus(context, input.cFiTransactionId, 'Cancelled', signal),
  positional: 'cFiTransactionId',
  toRequest: (input): RequestParts => ({
    path: '/payment-link/payment/cancel',
    json: { cFiTransactionId: input.cFiTransactionId },
  }),
  fromResponse: (data): ConnectFiPayment => data,
});

const knownArrayKeys = ['payments', 'items', 'list', 'records', 'rows', 'data', 'result'];
const knownCountKeys = ['totalCount', 'total', 'count', 'totalRecords', 'numberOfRecords'];

/** Reads the list `data`, an array or an object holding one (the shape is not published). */
export function toPaymentLinkPage(data: z.infer<typeof listOutput>): PaymentLinkPage {
  if (Array.isArray(data)) return { payments: data as ConnectFiPayment[] };
  const record = data as Record<string, unknown>;
  const key =
    knownArrayKeys.find((name) => Array.isArray(record[name])) ??
    Object.keys(record).find((name) => Array.isArray(record[name]));
  const payments =
    key === undefined ? [] : (z.parse(z.array(paymentOutput), record[key]) as ConnectFiPayment[]);
  const countKey = knownCountKeys.find((name) => typeof record[name] === 'number' && name !== key);
  return { payments, ...(countKey === undefined ? {} : { totalCount: record[countKey] as number }) };
}

/** `connectfi.paymentLinks.list`: every payment link matching the filters, paged by `numberOfRecords` / `skipRecords`. */
export const listPaymentLinks = defineOperation({
  id: 'connectfi.paymentLinks.list',
  method: 'POST',
  path: '/payment-link/payment/list',
  summary: 'List payment links by filters; the iterator walks every page (numberOfRecords at most 1000).',
  docsUrl: `${docs}/list`,
  input: listInput,
  output: listOutput,
  retry: 'safe',
  // A search sent as POST: a lost answer never means a write may have happened.
  effect: 'read',
  toRequest: (input): RequestParts => ({
    path: '/payment-link/payment/list',
    json: {
      ...input,
      numberOfRecords: input.numberOfRecords ?? defaultNumberOfRecords,
      skipRecords: input.skipRecords ?? 0,
    },
  }),
  fromResponse: (data): PaymentLinkPage => toPaymentLinkPage(data),
  paging: {
    items: (page): ConnectFiPayment[] => page.payments,
    next: (input, page) => {
      const size = Math.min(input.numberOfRecords ?? defaultNumberOfRecords, maxNumberOfRecords);
      const skipped = (input.skipRecords ?? 0) + page.payments.length;
      if (page.payments.length < size) return undefined;
      if (page.totalCount !== undefined && skipped >= page.totalCount) return undefined;
      return { ...input, skipRecords: skipped };
    },
    totalCount: (page) => page.totalCount,
  },
});

/**
 * `connectfi.paymentLinks.retrieve`: one payment link, found through list by
 * `cFiTransactionId` (connectFi has no get-by-id). Resolves `undefined` when none matches;
 * the client's method turns that into a `not_found` error.
 */
export const retrievePaymentLink = defineOperation({
  id: 'connectfi.paymentLinks.retrieve',
  method: 'POST',
  path: '/payment-link/payment/list',
  summary: 'Get one payment link by cFiTransactionId (through list).',
  docsUrl: `${docs}/list`,
  input: retrieveInput,
  output: listOutput,
  retry: 'safe',
  positional: 'cFiTransactionId',
  toRequest: (input): RequestParts => ({
    path: '/payment-link/payment/list',
    json: { cFiTransactionId: input.cFiTransactionId, numberOfRecords: 10, skipRecords: 0 },
  }),
  effect: 'read',
  fromResponse: (data, input): ConnectFiPayment => {
    const found = toPaymentLinkPage(data).payments.find(
      (payment) => payment.cFiTransactionId === input.cFiTransactionId,
    );
    if (found) return found;
    // connectFi has no get-by-id: an empty list answer is the declared not_found.
    throw buildError(
      { provider: 'connectfi', operation: 'connectfi.paymentLinks.retrieve' },
      { code: 'not_found', detail: `no payment link ${input.cFiTransactionId}.`, retryable: false },
    );
  },
});

/** Every payment-link operation. */
export const paymentLinkOperations = Object.freeze({
  setStatus: setPaymentStatus,
  setRefundStatus,
  cancel: cancelPaymentLink,
  list: listPaymentLinks,
  retrieve: retrievePaymentLink,
});
