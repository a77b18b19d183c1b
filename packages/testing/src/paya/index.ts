export type {
  PayaPostbackAttempt,
  PayaSimPostbacks,
  SimPostbackAction,
  SimPostbackResource,
} from './paya-sim-postbacks.js';
export { namedRange } from './paya-sim-query.js';
export {
  type PayaSimCredentials,
  type PayaSimState,
  payaSimulatorDefaults,
  type SimLocation,
  type SimNotification,
  type SimProductTransaction,
  type SimRecord,
  type SimTransaction,
} from './paya-sim-state.js';
export { transactionToWire } from './paya-sim-transactions.js';
export {
  createPayaSimulator,
  type PayaSimulator,
  type PayaSimulatorOptions,
  payaSandboxBaseUrl,
  type SeedTransactionsOptions,
} from './paya-simulator.js';
