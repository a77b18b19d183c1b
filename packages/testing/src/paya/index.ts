export type {
  PayaFormPayerFields,
  PayaFormSubmission,
  PayaSimForms,
  SimFormName,
} from './paya-sim-forms.js';
export type {
  PayaPostbackAttempt,
  PayaSimPostbacks,
  SimPostbackAction,
  SimPostbackResource,
} from './paya-sim-postbacks.js';
export { namedRange } from './paya-sim-query.js';
export type { PayaSimClock, SimRecurringRun } from './paya-sim-recurrings.js';
export {
  type PayaSimCredentials,
  type PayaSimState,
  payaSimulatorDefaults,
  type SimAccountVault,
  type SimLocation,
  type SimNotification,
  type SimProductTransaction,
  type SimQuickInvoiceEmail,
  type SimRecord,
  type SimRecurring,
  type SimTransaction,
  type SimTransactionBatch,
} from './paya-sim-state.js';
export { transactionToWire } from './paya-sim-transactions.js';
export {
  createPayaSimulator,
  type PayaSimulator,
  type PayaSimulatorOptions,
  payaSandboxBaseUrl,
  type SeedTransactionsOptions,
} from './paya-simulator.js';
