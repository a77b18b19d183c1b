/**
 * A 1,000-call LeadConnector job under the rate limit, in a fresh process: every call is
 * issued at once and the client's default limiter (100 per 10 s, learnt from the
 * `X-RateLimit-*` headers) spaces them. Args: <baseUrl> <calls>
 * The parent reads the 429 count and the busiest window from the simulator.
 */
import { createLeadConnector } from '@payweave/leadconnector';
import { leadConnectorSimDefaults as sim } from '@payweave/testing';
import { reportResult } from '../lib/child-process.js';

/** Figures of the job. */
export interface RateLimitResult {
  readonly calls: number;
  readonly succeeded: number;
  readonly seconds: number;
}

const [baseUrl, callsArg] = process.argv.slice(2) as [string, string];
const calls = Number(callsArg);
const lc = createLeadConnector({
  baseUrl,
  accessToken: sim.accessToken,
  locationId: sim.locationId,
  deadlineMs: 600_000,
});
const started = performance.now();
const results = await Promise.all(Array.from({ length: calls }, () => lc.orders.retrieve(sim.orderIds[0])));
const failed = results.find((result) => result.isErr());
if (failed?.isErr()) console.error(`first failure: ${failed.error.message}`);
const result: RateLimitResult = {
  calls,
  succeeded: results.filter((candidate) => candidate.isOk()).length,
  seconds: (performance.now() - started) / 1000,
};
reportResult(result);
