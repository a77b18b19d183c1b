import { defineOperation } from '@payweave/core';
import type * as z from 'zod/mini';
import { buildRequest } from '../build-request.js';
import { LEADCONNECTOR_DOCS } from '../leadconnector-constants.js';
import { limitOffsetPaging } from '../limit-offset-paging.js';
import type { Subscription, SubscriptionList } from './subscription-schemas.js';
import {
  listSubscriptionsInput,
  retrieveSubscriptionInput,
  subscriptionListSchema,
  subscriptionSchema,
} from './subscription-schemas.js';

const alt = ['altId', 'altType'] as const;

/** `GET /payments/subscriptions` — scope `payments/subscriptions.readonly`. Paged with limit/offset. */
export const listSubscriptions = defineOperation({
  id: 'leadconnector.subscriptions.list',
  method: 'GET',
  path: '/payments/subscriptions',
  summary: 'List subscriptions, filtered by entity, mode, dates, source, contact or id.',
  input: listSubscriptionsInput,
  output: subscriptionListSchema,
  retry: 'safe',
  scopes: ['payments/subscriptions.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/list-subscriptions`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/subscriptions', required: alt }),
  paging: limitOffsetPaging<z.infer<typeof listSubscriptionsInput>, SubscriptionList, Subscription>(
    (output) => output.data,
    (output) => output.totalCount,
  ),
});

/** `GET /payments/subscriptions/{subscriptionId}` — scope `payments/subscriptions.readonly`. */
export const retrieveSubscription = defineOperation({
  id: 'leadconnector.subscriptions.retrieve',
  method: 'GET',
  path: '/payments/subscriptions/{subscriptionId}',
  summary: 'Get one subscription by id.',
  input: retrieveSubscriptionInput,
  output: subscriptionSchema,
  retry: 'safe',
  positional: 'subscriptionId',
  scopes: ['payments/subscriptions.readonly'],
  docsUrl: `${LEADCONNECTOR_DOCS}/get-subscription-by-id`,
  toRequest: (input) =>
    buildRequest(input, { method: 'GET', path: '/payments/subscriptions/{subscriptionId}', required: alt }),
});

/** The `subscriptions` resource.
 *
 * @example
 * ```ts
 * const sub = await lc.subscriptions.retrieve('6322e9c9e39fc14ab3ed7042');
 * ```
 */
export const subscriptionOperations = { list: listSubscriptions, retrieve: retrieveSubscription } as const;
