import type { Logger } from '@payweave/core';
import { createLeadConnector, type LeadConnectorRateLimiter } from '@payweave/leadconnector';
import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { redisRateLimitStore } from './index.js';
import { clientKinds, type TestConnection, testPrefix } from './test-support/clients.js';
import { startRedisServer } from './test-support/redis-server.js';

const port = inject('redisPort');
const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 20, intervalMs: 500 } });
const { accessToken, locationId, transactionId } = simulator.defaults;
let baseUrl = '';
const connections: TestConnection[] = [];
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
beforeEach(() => {
  simulator.reset();
  simulator.setRateLimit({ maxRequests: 20, intervalMs: 500 });
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await simulator.close();
});

function recordingLogger(lines: string[]): Logger {
  const record = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}

describe('the LeadConnector limit shared through Redis', () => {
  it('4 instances with their own connections run one job for one location: no 429, never over the limit', async () => {
    const prefix = testPrefix('limit');
    const clients = [];
    for (let index = 0; index < 4; index += 1) {
      const connection = await (clientKinds[index % 2] as (typeof clientKinds)[0]).connect(port);
      connections.push(connection);
      clients.push(
        createLeadConnector({
          baseUrl,
          accessToken,
          locationId,
          rateLimit: {
            maxRequests: 20,
            intervalMs: 500,
            store: redisRateLimitStore(connection.redis, { prefix }),
          },
        }),
      );
    }
    const results = await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: 40 }, () => client.transactions.retrieve(transactionId)),
      ),
    );
    expect(results.filter((result) => result.isErr())).toHaveLength(0);
    expect(simulator.state.stats.rateLimited).toBe(0);
    expect(simulator.state.stats.peakInWindow).toBeLessThanOrEqual(20);
    expect(clients.every((client) => (client.rateLimiter as LeadConnectorRateLimiter).shared === true)).toBe(
      true,
    );
  });

  it('falls back to the local limit with a warning when Redis is down, and calls go on', async () => {
    const scratch = await startRedisServer();
    const connection = await (clientKinds[0] as (typeof clientKinds)[0]).connect(scratch.port);
    connections.push(connection);
    await scratch.stop();
    const lines: string[] = [];
    const lc = createLeadConnector({
      baseUrl,
      accessToken,
      locationId,
      logger: recordingLogger(lines),
      rateLimit: {
        maxRequests: 20,
        intervalMs: 500,
        store: redisRateLimitStore(connection.redis, { prefix: testPrefix('down'), timeoutMs: 200 }),
      },
    });
    const results = await Promise.all(
      Array.from({ length: 30 }, () => lc.transactions.retrieve(transactionId)),
    );
    expect(results.filter((result) => result.isErr())).toHaveLength(0);
    expect(simulator.state.stats.rateLimited).toBe(0);
    expect((lc.rateLimiter as LeadConnectorRateLimiter).shared).toBe(false);
    const warnings = lines.filter((line) => line.startsWith('warn'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'the shared rate-limit store failed; this process uses its own limit (20 per 500 ms)',
    );
  });
});
