// The server half of a HighLevel custom payment provider. The browser half lives in ./iframe and
// is its own entry (`@payweave/leadconnector/iframe`): only its types are re-exported here, so the
// main bundle and the iframe bundle share no code.
export {
  type CustomProviderHandler,
  type CustomProviderHandlerOptions,
  createCustomProviderHandler,
} from './create-handler.js';
export {
  type CustomProviderEventsClient,
  type CustomProviderEventsSettings,
  createCustomProviderEvents,
  customProviderEventOperations,
  LEADCONNECTOR_CUSTOM_PROVIDER_WEBHOOK_BASE_URL,
  sendCustomProviderEvent,
} from './events/custom-provider-events.js';
export type {
  CustomProviderEvent,
  CustomProviderEventBase,
  CustomProviderEventName,
  CustomProviderEventReceipt,
  EventChargeSnapshot,
  EventSubscriptionSnapshot,
  PaymentCapturedEvent,
  SubscriptionChargedEvent,
  SubscriptionStartedEvent,
  SubscriptionUpdatedEvent,
} from './events/event-types.js';
export type {
  CustomElementCloseResponse,
  CustomElementErrorResponse,
  CustomElementSuccessResponse,
  CustomProviderReadyMessage,
  HighLevelToIframeMessage,
  IframeContact,
  IframeProductDetail,
  IframeToHighLevelMessage,
  PaymentInitiateProps,
  SetupInitiateProps,
} from './iframe/iframe-messages.js';
export {
  type CustomProviderNodeHandler,
  type CustomProviderNodeRequest,
  toNodeHandler,
} from './node-handler.js';
export type {
  CancelSubscriptionQuery,
  ChargeOutcome,
  ChargePaymentQuery,
  ChargeSnapshot,
  CreateSubscriptionOutcome,
  CreateSubscriptionQuery,
  CustomProviderAccount,
  CustomProviderApiKeys,
  CustomProviderKeyRecord,
  CustomProviderMode,
  CustomProviderPaymentMethod,
  CustomProviderProductDetail,
  CustomProviderQuery,
  CustomProviderQueryBase,
  CustomProviderQueryType,
  ListPaymentMethodsQuery,
  RefundOutcome,
  RefundQuery,
  SubscriptionSnapshot,
  VerifyOutcome,
  VerifyQuery,
} from './query-types.js';
export type { CustomProviderErrorCode } from './responses.js';
export type { CustomProviderIdempotencyOptions } from './run-once.js';
export type { ChargeSnapshotAmountUnit, UnixTime } from './wire-values.js';
