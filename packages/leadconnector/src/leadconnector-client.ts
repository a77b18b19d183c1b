import type { ProviderClient, ProviderDescriptor } from '@payweave/core';
import { couponOperations } from './coupons/coupon-operations.js';
import {
  createLeadConnectorClient,
  type LeadConnectorClientExtras,
  leadConnectorDescriptorBase,
} from './create-leadconnector-client.js';
import { customProviderOperations } from './custom-providers/custom-provider-operations.js';
import type { LeadConnectorSettings } from './leadconnector-settings.js';
import { oauthOperations } from './oauth/oauth-operations.js';
import { orderOperations } from './orders/order-operations.js';
import { subscriptionOperations } from './subscriptions/subscription-operations.js';
import { transactionOperations } from './transactions/transaction-operations.js';
import { whiteLabelProviderOperations } from './white-label-providers/white-label-provider-operations.js';

/** Every resource of the client and its operations, as declared. */
export const leadConnectorResources = {
  orders: orderOperations,
  transactions: transactionOperations,
  subscriptions: subscriptionOperations,
  coupons: couponOperations,
  customProviders: customProviderOperations,
  whiteLabelProviders: whiteLabelProviderOperations,
  oauth: oauthOperations,
} as const;

/** The resource map of {@link LeadConnectorClient}. */
export type LeadConnectorResources = typeof leadConnectorResources;

/**
 * The LeadConnector (HighLevel) Payments API client: `orders`, `transactions`,
 * `subscriptions`, `coupons`, `customProviders`, `whiteLabelProviders` and `oauth`. Every
 * method returns a `Result` (list methods a page iterator); `altId`, `altType` and
 * `locationId` default from the client's `locationId`.
 *
 * @example
 * ```ts
 * const lc = createLeadConnector({ accessToken, locationId });
 * for await (const order of lc.orders.list({ paymentStatus: 'unpaid' })) console.log(order._id);
 * await lc.orders.recordPayment({ orderId, mode: 'cash', amount: 25, isPartialPayment: true });
 * ```
 */
export type LeadConnectorClient = ProviderClient<LeadConnectorResources> & LeadConnectorClientExtras;

/**
 * What is special about LeadConnector, for core's assembler, with every resource: the shared
 * `leadConnectorDescriptorBase` plus {@link leadConnectorResources}.
 */
export const leadConnectorDescriptor: ProviderDescriptor<LeadConnectorResources> = {
  ...leadConnectorDescriptorBase,
  resources: leadConnectorResources,
};

/**
 * Creates a LeadConnector client. Settings are checked here: a missing or conflicting
 * credential, a `Version` other than `2021-07-28` or a bad base URL throws a
 * `configuration` error. With `oauth`, the access token is refreshed before it expires
 * and on a 401, one refresh at a time for all callers, and the rotated pair is handed to
 * `onTokens` / `tokenStore` before the new access token is used. It references every
 * resource, so a bundler keeps them all; an app that uses a few builds a smaller bundle
 * with `createLeadConnectorClient`.
 *
 * @example
 * ```ts
 * import { createLeadConnector } from '@payweave/leadconnector';
 *
 * const lc = createLeadConnector({
 *   oauth: { clientId, clientSecret, refreshToken, onTokens: (tokens) => db.save(tokens) },
 *   locationId: 've9EPM428h8vShlRW1KT',
 * });
 * const coupon = await lc.coupons.create({
 *   name: 'Spring', code: 'SPRING10', discountType: 'percentage', discountValue: 10,
 *   startDate: '2025-03-01T00:00:00Z',
 * });
 * ```
 */
export function createLeadConnector(settings: LeadConnectorSettings = {}): LeadConnectorClient {
  return createLeadConnectorClient(settings, leadConnectorResources);
}
