import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { buildRequest } from '../build-request.js';
import { successSchema } from '../common-schemas.js';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import { limitOffsetPaging } from '../limit-offset-paging.js';
import type { OrderList, OrderSummary } from './order-schemas.js';
import {
  createFulfillmentInput,
  createFulfillmentOutput,
  listFulfillmentsOutput,
  listNotesOutput,
  listOrdersInput,
  orderChildInput,
  orderListSchema,
  orderSchema,
  recordPaymentInput,
  retrieveOrderInput,
} from './order-schemas.js';

const alt = ['altId', 'altType'] as const;

/** `GET /payments/orders` — scope `payments/orders.readonly`. Paged with limit/offset (default 10 per page). */
export const listOrders = defineOperation({
  id: 'leadconnector.orders.list',
  method: 'GET',
  path: '/payments/orders',
  summary:
    'List orders, filtered by status, payment status, mode, dates, contact, funnel products or source.',
  input: listOrdersInput,
  output: orderListSchema,
  retry: 'safe',
  scopes: ['payments/orders.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-orders`,
  toRequest: (input) => buildRequest(input, { method: 'GET', path: '/payments/orders', required: alt }),
  paging: limitOffsetPaging<z.infer<typeof listOrdersInput>, OrderList, OrderSummary>(
    (output) => output.data,
    (output) => output.totalCount,
  ),
});

/** `GET /payments/orders/{orderId}` — scope `payments/orders.readonly`; sends `altType=location` (live quirk). */
export const retrieveOrder = defineOperation({
  id: 'leadconnector.orders.retrieve',
  method: 'GET',
  path: '/payments/orders/{orderId}',
  summary: 'Get one order by id.',
  description: 'Sends altType=location: the live API answers 422 without it although the spec omits it.',
  input: retrieveOrderInput,
  output: orderSchema,
  retry: 'safe',
  positional: 'orderId',
  scopes: ['payments/orders.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/get-order-by-id`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/orders/{orderId}', required: alt }),
});

/** `POST /payments/orders/{orderId}/record-payment` — scope `payments/orders.collectPayment`. Never retried blindly. */
export const recordOrderPayment = defineOperation({
  id: 'leadconnector.orders.recordPayment',
  method: 'POST',
  path: '/payments/orders/{orderId}/record-payment',
  summary:
    'Record a manual payment (cash, card, cheque, bank transfer, other) against an order; partial payments allowed.',
  description: 'Moves money on the books, so it is only retried when the request provably never left.',
  input: recordPaymentInput,
  output: successSchema,
  retry: 'never',
  positional: 'orderId',
  scopes: ['payments/orders.collectPayment'],
  docsUrl: `${LEADCONNECTOR_DOCS}/record-order-payment`,
  toRequest: (input) =>
    buildRequest(input, { method: 'POST', path: '/payments/orders/{orderId}/record-payment', required: alt }),
});

/** `POST /payments/orders/{orderId}/fulfillments` — scope `payments/orders.write`. */
export const createOrderFulfillment = defineOperation({
  id: 'leadconnector.orders.createFulfillment',
  method: 'POST',
  path: '/payments/orders/{orderId}/fulfillments',
  summary: 'Record a fulfillment (items shipped, trackings) for an order.',
  input: createFulfillmentInput,
  output: createFulfillmentOutput,
  retry: 'never',
  positional: 'orderId',
  scopes: ['payments/orders.write'],
  docsUrl: `${LEADCONNECTOR_DOCS}/create-order-fulfillment`,
  toRequest: (input) =>
    buildRequest(input, { method: 'POST', path: '/payments/orders/{orderId}/fulfillments', required: alt }),
});

/** `GET /payments/orders/{orderId}/fulfillments` — scope `payments/orders.readonly`. */
export const listOrderFulfillments = defineOperation({
  id: 'leadconnector.orders.listFulfillments',
  method: 'GET',
  path: '/payments/orders/{orderId}/fulfillments',
  summary: 'List every fulfillment of an order.',
  input: orderChildInput,
  output: listFulfillmentsOutput,
  retry: 'safe',
  positional: 'orderId',
  scopes: ['payments/orders.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-order-fulfillment`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/orders/{orderId}/fulfillments', required: alt }),
});

/** `GET /payments/orders/{orderId}/notes` — the spec lists no scope (an order read scope is assumed). */
export const listOrderNotes = defineOperation({
  id: 'leadconnector.orders.listNotes',
  method: 'GET',
  path: '/payments/orders/{orderId}/notes',
  summary: 'List the notes of an order (the spec documents no response body; it is passed through).',
  input: orderChildInput,
  output: listNotesOutput,
  retry: 'safe',
  positional: 'orderId',
  scopes: [],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-order-notes`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/orders/{orderId}/notes', required: alt }),
});

/** The `orders` resource: every order operation, keyed by method name.
 *
 * @example
 * ```ts
 * lc.orders.recordPayment(orderId, { mode: 'cash', amount: 20, isPartialPayment: true });
 * lc.orders.retrieve(orderId); // the same as retrieve({ orderId })
 * ```
 */
export const orderOperations = {
  list: listOrders,
  retrieve: retrieveOrder,
  recordPayment: recordOrderPayment,
  createFulfillment: createOrderFulfillment,
  listFulfillments: listOrderFulfillments,
  listNotes: listOrderNotes,
} as const;
