/**
 * 1,000 concurrent LeadConnector calls on an expired OAuth access token, in a fresh
 * process. Args: <baseUrl> <refreshToken> <accessToken> <mode: server-401|known-expired> <calls>
 * `server-401`: the client thinks the token is good and every call meets a 401 at once;
 * `known-expired`: the client knows it expired and must refresh before sending.
 * The parent counts the token requests on the simulator.
 */
import { createLeadConnector } from '@payweave/leadconnector';
import { leadConnectorSimDefaults as sim } from '@payweave/testing';
import { reportResult } from '../lib/child-process.js';

/** Figures of one storm (request counts come from the simulator). */
export interface TokenStormResult {
  readonly calls: number;
  readonly succeeded: number;
  readonly milliseconds: number;
  readonly refreshesSeen: number;
}

const [baseUrl, refreshToken, accessToken, mode, callsArg] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const calls = Number(callsArg);
let refreshesSeen = 0;
const lc = createLeadConnector({
  baseUrl,
  locationId: sim.locationId,
  rateLimit: false,
  oauth: {
    clientId: sim.clientId,
    clientSecret: sim.clientSecret,
    refreshToken,
    accessToken,
    expiresAt: mode === 'known-expired' ? Date.now() - 1000 : Date.now() + 3_600_000,
    onTokens: () => {
      refreshesSeen += 1;
    },
  },
});
const started = performance.now();
const results = await Promise.all(Array.from({ length: calls }, () => lc.orders.retrieve(sim.orderIds[0])));
const milliseconds = performance.now() - started;
const failed = results.find((result) => result.isErr());
if (failed?.isErr()) console.error(`first failure: ${failed.error.message}`);
const result: TokenStormResult = {
  calls,
  succeeded: results.filter((candidate) => candidate.isOk()).length,
  milliseconds,
  refreshesSeen,
};
reportResult(result);
