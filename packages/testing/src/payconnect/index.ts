export {
  type PayConnectSimInvoice,
  type PayConnectSimState,
  seedInvoices as seedPayConnectInvoices,
} from './payconnect-sim-state.js';
export {
  createPayConnectSimulator,
  type PayConnectSimulator,
  type PayConnectSimulatorOptions,
  payConnectSandboxUrl,
  payConnectSimulatorApiKey,
} from './payconnect-simulator.js';
