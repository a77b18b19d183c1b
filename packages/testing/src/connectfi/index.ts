export {
  type ConnectFiSimHistoryEntry,
  type ConnectFiSimPayment,
  type ConnectFiSimState,
  type ConnectFiSimStatus,
  connectFiId,
  connectFiSimStatuses,
  seedPaymentLinkId,
  seedPayments as seedConnectFiPayments,
  seedRefunds as seedConnectFiRefunds,
} from './connectfi-sim-state.js';
export type { AjvError } from './connectfi-sim-validate.js';
export {
  type ConnectFiSimCredentials,
  type ConnectFiSimulator,
  type ConnectFiSimulatorOptions,
  connectFiSimulatorDefaults,
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  connectFiSimulatorUrl,
  createConnectFiSimulator,
} from './connectfi-simulator.js';
