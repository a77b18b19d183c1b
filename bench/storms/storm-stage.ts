import type { BenchContext, StageReport } from '../lib/bench-context.js';
import { runWorker } from '../lib/child-process.js';
import { formatNumber, markdownTable } from '../lib/format.js';
import type { LeadConnectorStats, OAuthStormSetup } from '../server/server-protocol.js';
import type { RateLimitResult } from './rate-limit-worker.js';
import type { TokenStormResult } from './token-storm-worker.js';

const stormCalls = 1000;

/**
 * Token storms (1,000 concurrent calls on an expired OAuth token, both when the server is
 * the one to say so and when the client knows) and a 1,000-call job under LeadConnector's
 * documented rate limit (100 requests per 10 s; 100 per 1 s with `--quick`).
 */
export async function runStormStage(context: BenchContext): Promise<StageReport> {
  const { server, ready, files } = context;
  await server.request({ cmd: 'lc.rateLimitOff' });
  await server.request<LeadConnectorStats>({ cmd: 'lc.stats' });
  const stormRows: string[][] = [];
  const targets = [];
  for (const mode of ['server-401', 'known-expired'] as const) {
    const setup = await server.request<OAuthStormSetup>({ cmd: 'lc.oauthStorm' });
    const result = await runWorker<TokenStormResult>(files.tokenStorm as string, [
      ready.leadConnectorUrl,
      setup.refreshToken,
      setup.expiredAccessToken,
      mode,
      String(stormCalls),
    ]);
    const stats = await server.request<LeadConnectorStats>({ cmd: 'lc.stats' });
    stormRows.push([
      mode === 'server-401'
        ? 'client thinks the token is valid; server answers 401'
        : 'client knows the token expired',
      `${result.succeeded} / ${result.calls}`,
      formatNumber(result.milliseconds, 0),
      String(stats.tokenRequests),
      String(stats.status401),
      String(stats.requests),
    ]);
    targets.push({
      target: `Token storm (${mode}): 1,000 concurrent calls on an expired token make one token request`,
      measured: `${stats.tokenRequests} token request(s), ${result.succeeded}/${result.calls} calls OK in ${formatNumber(result.milliseconds, 0)} ms`,
      met: stats.tokenRequests === 1 && result.succeeded === result.calls,
    });
  }

  const limit = { maxRequests: 100, intervalMs: context.quick ? 1000 : 10_000 };
  await server.request({ cmd: 'lc.rateLimit', ...limit });
  const job = await runWorker<RateLimitResult>(files.rateLimit as string, [
    ready.leadConnectorUrl,
    String(stormCalls),
  ]);
  const stats = await server.request<LeadConnectorStats>({ cmd: 'lc.stats' });
  await server.request({ cmd: 'lc.rateLimitOff' });
  // The first window is a burst of maxRequests; after it the rate is what the limiter sustains.
  const idealSeconds = ((stormCalls - limit.maxRequests) / limit.maxRequests) * (limit.intervalMs / 1000);
  const efficiency = idealSeconds / job.seconds;
  targets.push({
    target: 'Rate limit: 1,000-call LeadConnector job, no 429 and >= 95% of the allowed rate',
    measured: `${stats.status429} x 429, ${formatNumber(efficiency * 100)}% of the allowed rate (${formatNumber(job.seconds, 1)} s, ideal ${formatNumber(idealSeconds, 0)} s)`,
    met: stats.status429 === 0 && efficiency >= 0.95 && job.succeeded === job.calls,
  });

  const markdown = `## 5. Token storms and rate limits (LeadConnector)

**Token storm**: ${stormCalls} concurrent \`orders.retrieve\` calls from a client whose OAuth access token has expired,
in a fresh process; the simulator counts the requests (token requests go to \`/oauth/token\`, and the refresh
token rotates, so a second refresh would fail).

${markdownTable(['case', 'calls OK', 'ms', 'token requests', '401s', 'requests seen'], stormRows)}

**Rate limit**: ${stormCalls} \`orders.retrieve\` calls issued at once by a client with its default limiter,
against the simulator enforcing ${limit.maxRequests} requests per ${formatNumber(limit.intervalMs / 1000)} s per location
(sliding window, 429 beyond). The first ${limit.maxRequests} calls may go at once, so the shortest possible job
is ${formatNumber(idealSeconds, 0)} s; "allowed rate" is that ideal time / the measured time.

${markdownTable(
  ['calls OK', 'seconds', '429s', 'busiest window (requests)', '% of allowed rate'],
  [
    [
      `${job.succeeded} / ${job.calls}`,
      formatNumber(job.seconds, 1),
      String(stats.status429),
      String(stats.peakInWindow),
      `${formatNumber(efficiency * 100)}%`,
    ],
  ],
)}`;
  return { markdown, targets };
}
