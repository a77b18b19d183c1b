/**
 * `@payweave/paya`: Paya Connect (location infos, contacts, card and ACH transactions,
 * paylinks, account vaults, hosted PayForm / AccountForm URLs, recurring billing, quick
 * invoices, transaction batches) on the payweave core.
 *
 * @packageDocumentation
 * @module @payweave/paya
 */
export {
  accountVaultBinInfo,
  accountVaultOperations,
  createAccountVault,
  createAccountVaultFromTransaction,
  deleteAccountVault,
  listAccountVaults,
  retrieveAccountVault,
  retrieveAccountVaultByApiId,
  updateAccountVault,
} from './account-vaults/account-vault-operations.js';
export {
  type AccountVaultRecord,
  accountVaultExpands,
  newAccountVaultApiId,
} from './account-vaults/account-vault-schemas.js';
export {
  type BinCardClassName,
  type BinCardProductName,
  type BinFundSourceName,
  type BinInfoRecord,
  binCardClasses,
  binCardProducts,
  binFundSources,
  type PayaBinInfo,
  toPayaBinInfo,
} from './account-vaults/bin-info.js';
export {
  contactOperations,
  createContact,
  deleteContact,
  listContacts,
  retrieveContact,
  updateContact,
} from './contacts/contact-operations.js';
export { type ContactRecord, contactExpands, type PayaContact } from './contacts/contact-schemas.js';
export { createPayaClient } from './create-paya-client.js';
export { formHashKey, hexData } from './forms/form-hash.js';
export {
  type ExpectedFormResponse,
  type FormLinkLike,
  type FormMessage,
  type PayaFormResponse,
  parseFormResponse,
} from './forms/form-response.js';
export type { AccountFormData, PayFormData } from './forms/form-schemas.js';
export {
  accountFormUrl,
  formUrlLifetimeSeconds,
  type PayaFormCredentials,
  type PayaFormLink,
  type PayaFormName,
  type PayaFormUrlOptions,
  payFormUrl,
} from './forms/form-url.js';
export { createPayaForms, type FormLookups, type PayaForms } from './forms/paya-forms.js';
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
export {
  addQuickInvoiceTransaction,
  createQuickInvoice,
  deleteQuickInvoice,
  listQuickInvoices,
  quickInvoiceOperations,
  removeQuickInvoiceTransaction,
  resendQuickInvoice,
  retrieveQuickInvoice,
  updateQuickInvoice,
} from './quick-invoices/quick-invoice-operations.js';
export {
  type PayaQuickInvoice,
  type QuickInvoiceRecord,
  quickInvoiceExpands,
  toPayaQuickInvoice,
} from './quick-invoices/quick-invoice-schemas.js';
export {
  type QuickInvoicePaymentStatusName,
  type QuickInvoiceStatusName,
  quickInvoicePaymentStatuses,
  quickInvoicePaymentStatusName,
  quickInvoiceStatuses,
  quickInvoiceStatusName,
} from './quick-invoices/quick-invoice-status.js';
export {
  activateRecurring,
  createRecurring,
  deferRecurring,
  deleteRecurring,
  holdRecurring,
  listRecurrings,
  recurringOperations,
  retrieveRecurring,
  skipRecurring,
  updateRecurring,
} from './recurrings/recurring-operations.js';
export {
  type PayaRecurring,
  type RecurringRecord,
  recurringExpands,
  toPayaRecurring,
} from './recurrings/recurring-schemas.js';
export {
  type RecurringIntervalName,
  type RecurringStatusName,
  type RecurringTypeName,
  recurringIntervalName,
  recurringIntervalTypes,
  recurringStatuses,
  recurringStatusName,
  recurringTypeName,
  recurringTypes,
} from './recurrings/recurring-status.js';
export { type NamedDateRange, namedDateRanges } from './shared/paya-filters.js';
export type { ListMeta, ListPage } from './shared/paya-paging.js';
export {
  listTransactionBatches,
  retrieveTransactionBatch,
  settleTransactionBatch,
  transactionBatchOperations,
} from './transaction-batches/transaction-batch-operations.js';
export type { PayaBatchSettlement } from './transaction-batches/transaction-batch-schemas.js';
export { achUpdate, overrideTransaction, type PayaAchActionResult } from './transactions/ach-actions.js';
export { authIncrement } from './transactions/auth-increment.js';
export { force } from './transactions/force.js';
export { partialReversal } from './transactions/partial-reversal.js';
export { editTransaction } from './transactions/transaction-edit.js';
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
