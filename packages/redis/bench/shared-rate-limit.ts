/**
 * Benchmark of issue 18, "Done means": the LeadConnector rate limit shared through Redis.
 * 4 worker processes (each its own Redis connection: two ioredis, two node-redis) run one bulk
 * job for one location against the LeadConnector simulator enforcing the documented 100
 * requests per 10 s (sliding window, 429 beyond). Prints the 429 count, the busiest window and
 * the share of the allowed rate reached. A benchmark, not a test: nothing here is asserted.
 *
 *   npx tsx --tsconfig tsconfig.json packages/redis/bench/shared-rate-limit.ts [--calls 1000] [--interval-ms 10000] [--workers 4]
 *
 * The first window may go at once (a burst of 100), so the shortest possible job is
 * (calls - 100) / 100 windows; "allowed rate" is that ideal time / the measured time.
 */
import { createLeadConnectorSimulator } from '@payweave/testing';
import { testPrefix } from '../src/test-support/clients.js';
import { forkWorker } from '../src/test-support/fork-worker.js';
import { startRedisServer } from '../src/test-support/redis-server.js';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const calls = flag('calls', 1000);
const intervalMs = flag('interval-ms', 10_000);
const workerCount = flag('workers', 4);
const maxRequests = 100;

const redis = await startRedisServer();
const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests, intervalMs } });
const baseUrl = await simulator.listen();
const prefix = testPrefix('bench');
try {
  const workers = await Promise.all(
    Array.from({ length: workerCount }, (_, index) =>
      forkWorker({
        baseUrl,
        redisPort: redis.port,
        client: index % 2 === 0 ? 'ioredis' : 'redis',
        prefix,
        sharedRateLimit: { maxRequests, intervalMs },
      }),
    ),
  );
  simulator.reset();
  simulator.setRateLimit({ maxRequests, intervalMs });
  const shares = Array.from(
    { length: workerCount },
    (_, index) => Math.floor(calls / workerCount) + (index < calls % workerCount ? 1 : 0),
  );
  const started = performance.now();
  const reports = await Promise.all(workers.map((worker, index) => worker.calls(shares[index] ?? 0)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.exit()));

  const ok = reports.reduce((sum, report) => sum + report.ok, 0);
  const status429 = simulator.log.filter((entry) => entry.outcome === 429).length;
  const idealSeconds = ((calls - maxRequests) / maxRequests) * (intervalMs / 1000);
  const share = idealSeconds / seconds;
  const lines = [
    `shared rate limit: ${workerCount} processes, one job of ${calls} calls for one location, limit ${maxRequests} per ${intervalMs / 1000} s`,
    `  calls Ok:                 ${ok} / ${calls}`,
    `  429 answers:              ${status429}`,
    `  busiest window:           ${simulator.state.stats.peakInWindow} requests (limit ${maxRequests})`,
    `  job time:                 ${seconds.toFixed(1)} s (ideal ${idealSeconds.toFixed(1)} s)`,
    `  share of the allowed rate: ${(share * 100).toFixed(1)} %`,
    `  per worker:               ${reports.map((report) => report.ok).join(' / ')} calls`,
    `  target (issue 18):        0 x 429 and >= 90 % -> ${status429 === 0 && share >= 0.9 && ok === calls ? 'met' : 'NOT met'}`,
  ];
  console.log(lines.join('\n'));
  const failures = reports.map((report) => report.firstError).filter(Boolean);
  if (failures.length > 0) console.log(`  first failure: ${failures[0]}`);
} finally {
  await simulator.close();
  await redis.stop();
}
