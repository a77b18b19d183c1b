/**
 * `@payweave/paya`: Paya Connect (location infos, contacts, card and ACH transactions,
 * paylinks) on the payweave core.
 *
 * @packageDocumentation
 * @module @payweave/paya
 */
export {
  contactOperations,
  createContact,
  deleteContact,
  listContacts,
  retrieveContact,
  updateContact,
} from './contacts/contact-operations.js';
export { type ContactRecord, contactExpands, type PayaContact } from './contacts/contact-schemas.js';
export {
  findLocationDefaults,
  listLocationInfos,
  locationInfoOperations,
} from './location-infos/location-info-operations.js';
export type {
  PayaLocationDefaults,
  PayaLocationInfo,
  PayaProductTransaction,
} from './location-infos/location-info-schemas.js';
export {
  createPaya,
  type PayaClient,
  type PayaLocationInfoMethods,
  type PayaResources,
  payaResources,
} from './paya-client.js';
export { mapPayaError } from './paya-errors.js';
export {
  type PayaEnvironment,
  type PayaSettings,
  payaEnvironments,
  payaEnvironmentVariables,
  type ResolvedPayaSettings,
  resolvePayaSettings,
} from './paya-settings.js';
export { PAYA_PACKAGE_VERSION } from './paya-version.js';
export {
  createPaylink,
  deletePaylink,
  listPaylinks,
  paylinkOperations,
  resendPaylink,
  retrievePaylink,
  updatePaylink,
} from './paylinks/paylink-operations.js';
export { type PayaPaylink, type PaylinkRecord, paylinkExpands } from './paylinks/paylink-schemas.js';
export {
  type PaylinkDeliveryName,
  type PaylinkStatusName,
  paylinkDeliveryMethods,
  paylinkDeliveryName,
  paylinkStatuses,
  paylinkStatusName,
} from './paylinks/paylink-status.js';
export {
  createPostbackConfig,
  deletePostbackConfig,
  listPostbackConfigs,
  postbackConfigOperations,
  retrievePostbackConfig,
  updatePostbackConfig,
} from './postback-configs/postback-config-operations.js';
export {
  type PayaPostbackConfig,
  type PostbackConfigRecord,
  toPayaPostbackConfig,
} from './postback-configs/postback-config-schemas.js';
export type { PayaPostbackCredentials } from './postbacks/basic-auth.js';
export { type PayaPostbacksOptions, payaPostbacks } from './postbacks/paya-postbacks.js';
export {
  type PayaAccountVault,
  type PayaTransactionBatch,
  payaFlagValue,
  type TransactionBatchRecord,
  toPayaTransactionBatch,
} from './postbacks/postback-records.js';
export {
  type PayaAccountVaultPostback,
  type PayaContactPostback,
  type PayaPostback,
  type PayaPostbackAction,
  type PayaPostbackOf,
  type PayaPostbackResource,
  type PayaTransactionBatchPostback,
  type PayaTransactionPostback,
  type PayaUnknownPostback,
  payaPostbackActions,
  payaPostbackResources,
} from './postbacks/postback-types.js';
export {
  type TransactionBatchStatusName,
  transactionBatchStatuses,
  transactionBatchStatusName,
} from './postbacks/transaction-batch-status.js';
export { type NamedDateRange, namedDateRanges } from './shared/paya-filters.js';
export type { ListMeta, ListPage } from './shared/paya-paging.js';
export {
  authComplete,
  authOnly,
  avsOnly,
  credit,
  debit,
  listTransactions,
  newTransactionApiId,
  refund,
  retrieveTransaction,
  sale,
  transactionOperations,
  voidTransaction,
} from './transactions/transaction-operations.js';
export {
  achSecCodes,
  type PayaTransaction,
  type TransactionRecord,
  transactionExpands,
} from './transactions/transaction-schemas.js';
export {
  type TransactionReasonName,
  type TransactionStatusName,
  type TransactionTypeName,
  transactionReasonName,
  transactionReasons,
  transactionStatuses,
  transactionStatusName,
  transactionTypeName,
  transactionTypes,
} from './transactions/transaction-status.js';
