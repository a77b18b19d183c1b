import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testPrefix } from './test-support/clients.js';
import { forkWorker, type Worker } from './test-support/fork-worker.js';

// Issue 18, "Done means": 4 worker processes x 250 concurrent calls on an expired LeadConnector
// token, sharing the pair through a real redis-server -> exactly 1 token request, 0 invalid_grant,
// 1,000 / 1,000 calls Ok. Two workers use ioredis, two node-redis.
const port = inject('redisPort');
const simulator = createLeadConnectorSimulator({ rateLimit: false });
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());

describe('token storm across processes', () => {
  it('4 processes x 250 concurrent calls on an expired token: 1 token request, 0 invalid_grant, 1,000 Ok', {
    timeout: 180_000,
  }, async () => {
    simulator.addAccessToken('expired-storm-token', { expiresAt: 1 });
    const prefix = testPrefix('storm');
    const workers: Worker[] = await Promise.all(
      (['ioredis', 'redis', 'ioredis', 'redis'] as const).map((client) =>
        forkWorker({
          baseUrl,
          redisPort: port,
          client,
          prefix,
          oauth: { refreshToken: simulator.defaults.refreshToken, accessToken: 'expired-storm-token' },
        }),
      ),
    );
    try {
      simulator.clearLog();
      const reports = await Promise.all(workers.map((worker) => worker.calls(250)));
      const tokenCalls = simulator.log.filter((entry) => entry.path === '/oauth/token');
      const ok = reports.reduce((sum, report) => sum + report.ok, 0);
      console.log(
        `token storm: ${tokenCalls.length} token request(s), ${tokenCalls.filter((entry) => entry.outcome !== 200).length} refused (invalid_grant), ${ok}/1000 calls Ok, ` +
          `slowest worker ${Math.max(...reports.map((report) => report.seconds)).toFixed(2)} s`,
      );
      expect(reports.map((report) => report.firstError).filter(Boolean)).toEqual([]);
      expect(tokenCalls).toHaveLength(1);
      expect(tokenCalls.filter((entry) => entry.outcome !== 200)).toHaveLength(0);
      expect(simulator.state.stats.refreshes).toBe(1);
      expect(ok).toBe(1000);
      expect(reports.reduce((sum, report) => sum + report.refreshCount, 0)).toBe(1);
      // Every call went out with the one new access token.
      const bearers = new Set(
        simulator.log
          .filter((entry) => entry.path !== '/oauth/token')
          .map((entry) => entry.headers.authorization),
      );
      expect(bearers.size).toBe(1);
    } finally {
      await Promise.all(workers.map((worker) => worker.exit()));
    }
  });
});
