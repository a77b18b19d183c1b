/**
 * `@payweave/testing`: stateful simulators of the payweave providers, usable as a real HTTP
 * server on 127.0.0.1 and as msw handlers in-process (`@payweave/testing/msw`), with fault
 * scripting and a request log for assertions. This entry never loads msw.
 *
 * @packageDocumentation
 * @module @payweave/testing
 */
export { type CapturingLogger, captureLogger, findSecrets } from './capture-logger.js';
export * from './connectfi/index.js';
export * from './leadconnector/index.js';
export type {
  LcSimCustomProviderEvent,
  LcSimQueryOptions,
  LcSimQueryResult,
  LcSimQueryType,
  LeadConnectorSimCustomProvider,
} from './leadconnector/lc-sim-custom-provider.js';
export * from './paya/index.js';
export * from './payconnect/index.js';
export { createSimulator, type Simulator, type SimulatorDefinition } from './simulator/create-simulator.js';
export { type FaultAction, type FaultMatch, FaultScript } from './simulator/fault-script.js';
export { matchPath } from './simulator/match-path.js';
export { json, newHexId } from './simulator/sim-helpers.js';
export type { LoggedRequest, SimOutcome, SimRequest, SimResponse, SimRoute } from './simulator/sim-types.js';
export {
  createWebhookOutbox,
  type DeliveryAttempt,
  type DeliveryPlan,
  type OutgoingDelivery,
  type WebhookOutbox,
} from './simulator/webhook-outbox.js';
export * from './webhooks/leadconnector-signer.js';
