export { leadConnectorSimDefaults } from './lc-sim-seed.js';
export type {
  LcSimAccessToken,
  LcSimCoupon,
  LcSimCustomProvider,
  LcSimFulfillment,
  LcSimNote,
  LcSimOrder,
  LcSimOrderItem,
  LcSimPaymentRecord,
  LcSimWhiteLabelProvider,
  LeadConnectorSimState,
} from './lc-sim-state.js';
export type { LeadConnectorSimWebhooks } from './lc-sim-webhooks.js';
export {
  createLeadConnectorSimulator,
  type LeadConnectorSimCredentials,
  type LeadConnectorSimRateLimit,
  type LeadConnectorSimulator,
  type LeadConnectorSimulatorOptions,
  leadConnectorSimBaseUrl,
} from './leadconnector-simulator.js';
