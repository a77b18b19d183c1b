export {
  type PayConnectSimInvoice,
  type PayConnectSimState,
  seedInvoices as seedPayConnectInvoices,
} from './payconnect-sim-state.js';
export {
  createPayConnectSimulator,
  type PayConnectSimCredentials,
  type PayConnectSimulator,
  type PayConnectSimulatorOptions,
  payConnectSandboxUrl,
  payConnectSimulatorApiKey,
  payConnectSimulatorDefaults,
} from './payconnect-simulator.js';
