/**
 * `payweave`: one typed client for PayConnect, Paya Connect, connectFi and LeadConnector,
 * with unified payment requests and transactions.
 *
 * @packageDocumentation
 * @module payweave
 */
export { type ConnectFiClient, type ConnectFiSettings, createConnectFi } from '@payweave/connectfi';
export {
  formatMoney,
  type Money,
  PaymentsError,
  type PaymentsErrorCode,
  type Result,
  toRows,
} from '@payweave/core';
export {
  createLeadConnector,
  type LeadConnectorClient,
  type LeadConnectorSettings,
  leadConnectorWebhooks,
} from '@payweave/leadconnector';
export { createPaya, type PayaClient, type PayaSettings, payaPostbacks } from '@payweave/paya';
export { createPayConnect, type PayConnectClient, type PayConnectSettings } from '@payweave/payconnect';
export {
  type ConfiguredOperation,
  type ConfiguredOperationById,
  createPayweave,
  knownProviders,
  type Payweave,
  type PayweaveSettings,
} from './create-payweave.js';
export { inputJsonSchema } from './input-json-schema.js';
export type { CatalogueEntry } from './operation-catalogue.js';
export {
  connectFiPaymentLinkStatuses,
  fromConnectFiPaymentLink,
} from './payment-requests/from-connectfi-payment-link.js';
export {
  fromLeadConnectorOrder,
  leadConnectorOrderStatuses,
} from './payment-requests/from-leadconnector-order.js';
export { fromPayaPaylink, payaPaylinkStatuses } from './payment-requests/from-paya-paylink.js';
export {
  fromPayaQuickInvoice,
  payaQuickInvoiceStatuses,
} from './payment-requests/from-paya-quick-invoice.js';
export {
  fromPayConnectInvoice,
  payConnectInvoiceStatuses,
} from './payment-requests/from-payconnect-invoice.js';
export type {
  PayaPaylinkFilters,
  PayaPaymentRequestFilters,
  PayaPaymentRequestKind,
  PayaQuickInvoiceFilters,
} from './payment-requests/paya-payment-requests.js';
export type {
  PaymentRequest,
  PaymentRequestKind,
  PaymentRequestProvider,
  PaymentRequestStatus,
} from './payment-requests/payment-request.js';
export type {
  PaymentRequestFilters,
  PaymentRequestListRequest,
  PaymentRequestProviderOf,
  PaymentRequests,
} from './payment-requests/payment-request-service.js';
export type {
  ConfiguredName,
  ConfiguredProviders,
  ProviderClients,
  ProviderName,
  ProviderSettings,
  ProvidersInput,
} from './providers/provider-map.js';
export type { ProviderRecord } from './record-fields.js';
export {
  fromLeadConnectorTransaction,
  leadConnectorTransactionStatuses,
} from './transactions/from-leadconnector-transaction.js';
export { fromPayaTransaction, payaTransactionStatuses } from './transactions/from-paya-transaction.js';
export type { Transaction, TransactionProvider, TransactionStatus } from './transactions/transaction.js';
export type {
  TransactionFilters,
  TransactionListRequest,
  TransactionProviderOf,
  Transactions,
} from './transactions/transaction-service.js';
export type { UnifiedAdapter, UnifiedService } from './unified-service.js';
export { fromLeadConnectorEvent, leadConnectorInvoiceStatuses } from './webhooks/from-leadconnector-event.js';
export { fromPayaPostback } from './webhooks/from-paya-postback.js';
export type {
  PaymentRequestEvent,
  PaymentRequestEventType,
  ProviderWebhookEvents,
  TransactionEvent,
  TransactionEventType,
  UnifiedWebhookEvent,
  UnwrappedWebhook,
  WebhookProvider,
} from './webhooks/unified-webhook-event.js';
export type {
  PayweaveWebhookSettings,
  PayweaveWebhooks,
  UnwrapWebhookInput,
} from './webhooks/webhook-service.js';
