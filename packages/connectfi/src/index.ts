/**
 * `@payweave/connectfi`: connectFi (PayGears) payment links — set status with every
 * documented rule checked before sending, refund status, cancel, list and retrieve — with
 * token login, on the payweave core.
 *
 * @packageDocumentation
 * @module @payweave/connectfi
 */
export { type ConnectFiIssuedToken, getToken } from './auth/get-token-operation.js';
export {
  type ConnectFiClient,
  type ConnectFiResources,
  connectFiDescriptor,
  createConnectFi,
} from './connectfi-client.js';
export {
  connectFiErrorCodes,
  mapConnectFiError,
  readErrorEnvelope,
  unwrapConnectFiEnvelope,
} from './connectfi-errors.js';
export type { ConnectFiSessionView } from './connectfi-session-view.js';
export { type ConnectFiSettings, connectFiEnvironmentVariables } from './connectfi-settings.js';
export {
  type ConnectFiPaymentLinkNotification,
  readConnectFiPaymentLinkNotification,
} from './notifications/payment-link-notification.js';
export {
  cancelPaymentLink,
  defaultNumberOfRecords,
  listPaymentLinks,
  paymentLinkOperations,
  retrievePaymentLink,
  setPaymentStatus,
  setRefundStatus,
  toPaymentLinkPage,
} from './payment-links/payment-link-operations.js';
export { maxNumberOfRecords } from './payment-links/payment-link-schemas.js';
export {
  cancellableStatuses,
  isCancellable,
  isManuallySettable,
  type ManuallySettableStatus,
  manuallySettableStatuses,
  type PaymentLinkStatus,
  paymentLinkStatuses,
  paymentLinkStatusMeanings,
} from './payment-links/payment-link-status.js';
export type {
  ConnectFiPayment,
  PaymentAch,
  PaymentLinkPage,
  PaymentStatusChange,
} from './payment-links/payment-link-types.js';
