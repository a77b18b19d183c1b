/**
 * `@payweave/leadconnector`: the LeadConnector (HighLevel) Payments API v2 — orders,
 * fulfillments, notes, transactions, subscriptions, coupons, custom providers,
 * white-label providers and OAuth — with token rotation and a per-location rate limiter.
 *
 * @packageDocumentation
 * @module @payweave/leadconnector
 */

export type { SuccessOutput } from './common-schemas.js';
export {
  couponOperations,
  createCoupon,
  deleteCoupon,
  listCoupons,
  retrieveCoupon,
  updateCoupon,
} from './coupons/coupon-operations.js';
export type { Coupon, CouponList } from './coupons/coupon-schemas.js';
export {
  createLeadConnectorClient,
  type LeadConnectorClientExtras,
  type LeadConnectorClientOf,
  type LeadConnectorOAuthSession,
} from './create-leadconnector-client.js';
export * from './custom-provider-kit/index.js';
export {
  connectCustomProvider,
  createCustomProvider,
  customProviderOperations,
  deleteCustomProvider,
  disconnectCustomProvider,
  getCustomProviderConfig,
  updateCustomProviderCapabilities,
} from './custom-providers/custom-provider-operations.js';
export type { CustomProvider } from './custom-providers/custom-provider-schemas.js';
export {
  createLeadConnector,
  type LeadConnectorClient,
  type LeadConnectorResources,
  leadConnectorResources,
} from './leadconnector-client.js';
export {
  LEADCONNECTOR_API_VERSION,
  LEADCONNECTOR_BASE_URL,
  LEADCONNECTOR_RATE_LIMIT,
} from './leadconnector-constants.js';
export { mapLeadConnectorError } from './leadconnector-errors.js';
export {
  createLeadConnectorRateLimiter,
  type LeadConnectorRateLimiter,
  type RateLimiterOptions,
} from './leadconnector-rate-limiter.js';
export {
  type LeadConnectorOAuthSettings,
  type LeadConnectorSettings,
  leadConnectorEnvironment,
} from './leadconnector-settings.js';
export { exchangeCode, locationToken, oauthOperations, refreshToken } from './oauth/oauth-operations.js';
export type { LocationTokenResponse, TokenResponse } from './oauth/oauth-schemas.js';
export {
  createOrderFulfillment,
  listOrderFulfillments,
  listOrderNotes,
  listOrders,
  orderOperations,
  recordOrderPayment,
  retrieveOrder,
} from './orders/order-operations.js';
export type {
  CreateFulfillmentOutput,
  Fulfillment,
  ListFulfillmentsOutput,
  Order,
  OrderList,
  OrderSummary,
} from './orders/order-schemas.js';
export {
  listSubscriptions,
  retrieveSubscription,
  subscriptionOperations,
} from './subscriptions/subscription-operations.js';
export type { Subscription, SubscriptionList } from './subscriptions/subscription-schemas.js';
export {
  listTransactions,
  retrieveTransaction,
  transactionOperations,
} from './transactions/transaction-operations.js';
export type { Transaction, TransactionList } from './transactions/transaction-schemas.js';
export type {
  LeadConnectorInstallPayload,
  LeadConnectorInvoicePayload,
  LeadConnectorOrderPayload,
  LeadConnectorPricePayload,
  LeadConnectorProductPayload,
  LeadConnectorUninstallPayload,
} from './webhooks/event-payloads.js';
export {
  type LeadConnectorEvent,
  type LeadConnectorEventEnvelope,
  type LeadConnectorEventType,
  type LeadConnectorInstallEvent,
  type LeadConnectorInvoiceEvent,
  type LeadConnectorOrderEvent,
  type LeadConnectorOtherEvent,
  type LeadConnectorPriceEvent,
  type LeadConnectorProductEvent,
  type LeadConnectorTypedEvent,
  type LeadConnectorUninstallEvent,
  leadConnectorEventTypes,
  leadConnectorInvoiceEventTypes,
  leadConnectorOrderEventTypes,
  leadConnectorPriceEventTypes,
  leadConnectorProductEventTypes,
} from './webhooks/event-types.js';
export {
  type LeadConnectorLegacyRsaOptions,
  type LeadConnectorWebhookOptions,
  leadConnectorWebhooks,
  unwrapLeadConnectorWebhook,
} from './webhooks/leadconnector-webhooks.js';
export {
  LEADCONNECTOR_RSA_SIGNATURE_CUTOFF,
  LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY,
  LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY,
} from './webhooks/published-keys.js';
export type { SignedForm } from './webhooks/verify-signature.js';
export {
  createWhiteLabelProvider,
  listWhiteLabelProviders,
  whiteLabelProviderOperations,
} from './white-label-providers/white-label-provider-operations.js';
export type {
  WhiteLabelProvider,
  WhiteLabelProviderList,
} from './white-label-providers/white-label-provider-schemas.js';
