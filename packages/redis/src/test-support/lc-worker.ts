/**
 * One "instance" of a service in its own process, for the multi-process tests and benchmarks:
 * a LeadConnector client on the simulator whose OAuth pair and rate limit are shared through
 * Redis (its own connection, of the kind asked). Settings come as JSON in argv[2]; commands
 * come over IPC: `calls` runs N concurrent `transactions.retrieve` and answers the counts;
 * `state` answers the OAuth state. Started by `forkWorker` (tsx, the repo's tsconfig paths).
 */
import { createLeadConnector, type LeadConnectorClient } from '@payweave/leadconnector';
import { leadConnectorSimDefaults as sim } from '@payweave/testing';
import { redisRateLimitStore, redisTokenStore } from '../index.js';
import { clientKinds } from './clients.js';

/** Settings of one worker. */
export interface WorkerSettings {
  readonly baseUrl: string;
  readonly redisPort: number;
  readonly client: 'ioredis' | 'redis';
  readonly prefix: string;
  /** OAuth (a refresh token and an expired access token), or a private token with the shared limiter. */
  readonly oauth?: {
    readonly refreshToken: string;
    readonly accessToken: string;
    readonly lockLeaseMs?: number;
  };
  readonly sharedRateLimit?: { readonly maxRequests: number; readonly intervalMs: number };
}

/** What a `calls` command answers. */
export interface CallsReport {
  readonly ok: number;
  readonly failed: number;
  readonly codes: Record<string, number>;
  readonly firstError: string | undefined;
  readonly seconds: number;
  readonly refreshCount: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as WorkerSettings;
const kind = clientKinds.find((candidate) => candidate.client === settings.client);
if (!kind) throw new Error(`unknown client ${settings.client}`);
const connection = await kind.connect(settings.redisPort);

let lc: LeadConnectorClient;
if (settings.oauth) {
  lc = createLeadConnector({
    baseUrl: settings.baseUrl,
    locationId: sim.locationId,
    rateLimit: false,
    deadlineMs: 60_000,
    oauth: {
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      refreshToken: settings.oauth.refreshToken,
      accessToken: settings.oauth.accessToken,
      expiresAt: Date.now() - 1_000,
      lockLeaseMs: settings.oauth.lockLeaseMs,
      store: redisTokenStore(connection.redis, {
        name: `leadconnector:${sim.locationId}`,
        prefix: settings.prefix,
      }),
    },
  });
} else {
  lc = createLeadConnector({
    baseUrl: settings.baseUrl,
    accessToken: sim.accessToken,
    locationId: sim.locationId,
    deadlineMs: 600_000,
    rateLimit: {
      ...settings.sharedRateLimit,
      store: redisRateLimitStore(connection.redis, { prefix: settings.prefix }),
    },
  });
}

async function calls(count: number): Promise<CallsReport> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: count }, () => lc.transactions.retrieve(sim.transactionId)),
  );
  const codes: Record<string, number> = {};
  let firstError: string | undefined;
  for (const result of results) {
    if (result.isErr()) {
      codes[result.error.code] = (codes[result.error.code] ?? 0) + 1;
      firstError ??= result.error.message;
    }
  }
  const failed = results.filter((result) => result.isErr()).length;
  return {
    ok: count - failed,
    failed,
    codes,
    firstError,
    seconds: (performance.now() - started) / 1000,
    refreshCount: lc.oauthSession?.refreshCount ?? 0,
  };
}

process.on('message', (message: { id: number; cmd: string; count?: number }) => {
  const answer = (result: unknown) => process.send?.({ id: message.id, result });
  if (message.cmd === 'calls') void calls(message.count ?? 1).then(answer);
  else if (message.cmd === 'state')
    answer({ tokens: lc.oauthSession?.tokens, refreshCount: lc.oauthSession?.refreshCount });
  else if (message.cmd === 'exit') void connection.close().then(() => process.exit(0));
});
process.send?.({ type: 'ready' });
