/**
 * `@payweave/payconnect`: PayConnect invoices (create, search, retrieve, update, pay, send
 * email, void) with API-key sessions, on the payweave core.
 *
 * @packageDocumentation
 * @module @payweave/payconnect
 */
export {
  buildInvoiceOperations,
  createInvoice,
  defaultSearchPageSize,
  invoiceOperations,
  type PayConnectInvoiceOperations,
  payInvoice,
  retrieveInvoice,
  searchInvoices,
  sendInvoiceEmail,
  updateInvoice,
  voidInvoice,
} from './invoices/invoice-operations.js';
export {
  type PayConnectInvoiceStatus,
  payableInvoiceStatuses,
  payConnectInvoiceStatuses,
} from './invoices/invoice-status.js';
export type {
  PayConnectInvoice,
  PayConnectIssuedSession,
  PayConnectPagination,
  PayConnectSearchPage,
} from './invoices/invoice-types.js';
export type { RetrieveInvoiceInput, RetrieveInvoiceMethod } from './invoices/retrieve-with-fallback.js';
export {
  createPayConnect,
  type PayConnectClient,
  type PayConnectResources,
  type PayConnectWorkflow,
} from './payconnect-client.js';
export { mapPayConnectError } from './payconnect-errors.js';
export {
  type PayConnectEnvironment,
  type PayConnectSettings,
  payConnectEnvironments,
  payConnectEnvironmentVariables,
} from './payconnect-settings.js';
export {
  type PayConnectRoute,
  type PayConnectRouteName,
  type PayConnectRouteOverrides,
  type PayConnectRouteTable,
  payConnectRoutes,
  resolvePayConnectRoutes,
} from './routes.js';
export {
  buildSessionOperations,
  type PayConnectSessionOperations,
  sessionOperations,
} from './sessions/session-operations.js';
export type { PayConnectSessionView } from './sessions/session-view.js';
export type { PayConnectConnectionCheck, PayConnectConnectionReport } from './test-connection.js';
export {
  defaultWorkflowMaxRows,
  type PayConnectTemplateExecutor,
  type PayConnectTemplateOperationId,
  type PayConnectTemplateRequest,
  type PayConnectWorkflowOptions,
  payConnectTemplateMethods,
} from './workflow/execute-template.js';
export {
  invoiceRows,
  type SearchPageRowsInput,
  searchPageRows,
  searchRows,
} from './workflow/invoice-rows.js';
