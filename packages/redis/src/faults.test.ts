import type { OAuthTokens } from '@payweave/core';
import { createLeadConnector, type LeadConnectorClient } from '@payweave/leadconnector';
import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { redisTokenStore } from './index.js';
import type { RedisLike } from './redis-like.js';
import { clientKinds, type TestConnection, testPrefix } from './test-support/clients.js';
import { forkWorker } from './test-support/fork-worker.js';
import { type RedisServer, startRedisServer } from './test-support/redis-server.js';

// Issue 18, "Done means", faults: a lock holder killed mid-refresh, Redis stopped during a
// refresh (a network partition), Redis restarted mid-run (its data lost: no persistence). In
// each: no rotated token lost, no lockout, every call ends.

const sharedPort = inject('redisPort');
const [ioredisKind, nodeRedisKind] = clientKinds as [(typeof clientKinds)[0], (typeof clientKinds)[0]];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const simulator = createLeadConnectorSimulator({ rateLimit: false });
const { locationId, clientId, clientSecret, transactionId } = simulator.defaults;
let baseUrl = '';
const connections: TestConnection[] = [];
const servers: RedisServer[] = [];
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  await Promise.all(servers.map((server) => server.stop()));
  await simulator.close();
});

async function connect(kind: (typeof clientKinds)[0], port: number): Promise<RedisLike> {
  const connection = await kind.connect(port);
  connections.push(connection);
  return connection.redis;
}

interface InstanceOptions {
  readonly redis: RedisLike;
  readonly prefix: string;
  readonly refreshToken: string;
  readonly base?: string;
  readonly persistErrors?: OAuthTokens[];
  readonly renewBeforeMs?: number;
}

/** One service instance in this process: its own Redis connection, the shared pair. */
function instance(options: InstanceOptions): LeadConnectorClient {
  return createLeadConnector({
    baseUrl: options.base ?? baseUrl,
    locationId,
    rateLimit: false,
    deadlineMs: 10_000,
    backoffBaseMs: 5,
    oauth: {
      clientId,
      clientSecret,
      refreshToken: options.refreshToken,
      accessToken: 'expired-fault-token',
      expiresAt: Date.now() - 1_000,
      lockLeaseMs: 1_000,
      ...(options.renewBeforeMs === undefined ? {} : { renewBeforeMs: options.renewBeforeMs }),
      onPersistError: (_error, tokens) => options.persistErrors?.push(tokens),
      store: redisTokenStore(options.redis, {
        name: `leadconnector:${locationId}`,
        prefix: options.prefix,
        timeoutMs: 300,
      }),
    },
  });
}

const tokenCalls = () => simulator.log.filter((entry) => entry.path === '/oauth/token');

describe('faults', () => {
  it('a lock holder killed mid-refresh: its lease lapses, another instance refreshes, nothing is spent twice', {
    timeout: 120_000,
  }, async () => {
    simulator.reset();
    simulator.addAccessToken('expired-fault-token', { expiresAt: 1 });
    const prefix = testPrefix('killed');
    // The holder's token request stalls before the provider handles it, then the holder dies.
    simulator.faults.stallNext(60_000, { path: '/oauth/token' });
    const holder = await forkWorker({
      baseUrl,
      redisPort: sharedPort,
      client: 'ioredis',
      prefix,
      oauth: {
        refreshToken: simulator.defaults.refreshToken,
        accessToken: 'expired-fault-token',
        lockLeaseMs: 1_000,
      },
    });
    const holderCalls = holder.calls(5).catch((error: unknown) => error);
    await vi.waitFor(() => expect(tokenCalls().map((entry) => entry.outcome)).toEqual(['stall']), {
      timeout: 60_000,
    });
    holder.process.kill('SIGKILL');
    expect(await holderCalls).toBeInstanceOf(Error);

    const survivor = instance({
      redis: await connect(nodeRedisKind, sharedPort),
      prefix,
      refreshToken: simulator.defaults.refreshToken,
    });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => survivor.transactions.retrieve(transactionId)),
    );
    expect(results.filter((result) => result.isErr()).map((result) => result.unwrapErr().message)).toEqual(
      [],
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(tokenCalls().map((entry) => entry.outcome)).toEqual(['stall', 200]);
    expect(simulator.state.stats.refreshes).toBe(1);
  });

  it('Redis stopped during a refresh: the rotated pair stays in use, refreshes fail closed, and the pair is written back when Redis returns', async () => {
    simulator.reset();
    simulator.addAccessToken('expired-fault-token', { expiresAt: 1 });
    const redisServer = await startRedisServer();
    servers.push(redisServer);
    const prefix = testPrefix('partition');
    const persistErrors: OAuthTokens[] = [];
    const a = instance({
      redis: await connect(ioredisKind, redisServer.port),
      prefix,
      refreshToken: simulator.defaults.refreshToken,
      persistErrors,
    });
    const b = instance({
      redis: await connect(nodeRedisKind, redisServer.port),
      prefix,
      refreshToken: simulator.defaults.refreshToken,
    });
    // The provider rotates at once but answers late; Redis goes away in between.
    // Long enough that stopping Redis (slow on a loaded machine) always ends before the answer.
    simulator.faults.delayNext(3_000, { path: '/oauth/token' });
    const first = a.transactions.retrieve(transactionId);
    await vi.waitFor(() => expect(tokenCalls()).toHaveLength(1), { timeout: 10_000 });
    await redisServer.stop();
    expect((await first).isOk()).toBe(true);
    const rotated = a.oauthSession!.tokens;
    expect(persistErrors.map((tokens) => tokens.refreshToken)).toEqual([rotated.refreshToken]);
    expect(simulator.state.refreshTokens.has(rotated.refreshToken)).toBe(true);

    // Partition: a goes on with its valid access token; b, whose token expired, fails closed at once.
    expect((await a.transactions.retrieve(transactionId)).isOk()).toBe(true);
    const refused = (await b.transactions.retrieve(transactionId)).unwrapErr();
    expect(refused.code).toBe('authentication');
    expect(refused.message).toContain('shared token store could not be reached');
    expect(tokenCalls()).toHaveLength(1);

    // Redis returns, empty. a writes its pair back; b reads it: no lockout, no second refresh.
    await redisServer.start();
    await vi.waitFor(
      async () => {
        expect((await a.transactions.retrieve(transactionId)).isOk()).toBe(true);
        expect((await b.transactions.retrieve(transactionId)).isOk()).toBe(true);
      },
      { timeout: 10_000, interval: 300 },
    );
    expect(b.oauthSession!.tokens.refreshToken).toBe(rotated.refreshToken);
    expect(tokenCalls().map((entry) => entry.outcome)).toEqual([200]);
  });

  it('Redis restarted mid-run (data lost) while tokens keep rotating: every call ends, no lockout, the valid token is never lost', async () => {
    const shortLived = createLeadConnectorSimulator({ rateLimit: false, tokenLifetimeSeconds: 2 });
    const shortUrl = await shortLived.listen();
    try {
      shortLived.addAccessToken('expired-fault-token', { expiresAt: 1 });
      const redisServer = await startRedisServer();
      servers.push(redisServer);
      const prefix = testPrefix('restart');
      const make = async (kind: (typeof clientKinds)[0]) =>
        instance({
          redis: await connect(kind, redisServer.port),
          prefix,
          base: shortUrl,
          refreshToken: shortLived.defaults.refreshToken,
          renewBeforeMs: 500,
        });
      const instances = [await make(ioredisKind), await make(nodeRedisKind), await make(ioredisKind)];
      let ok = 0;
      let failed = 0;
      const runUntil = Date.now() + 7_000;
      const restart = (async () => {
        await sleep(2_500);
        await redisServer.stop();
        await sleep(300);
        await redisServer.start();
      })();
      await Promise.all(
        instances.map(async (client) => {
          while (Date.now() < runUntil) {
            const results = await Promise.all(
              Array.from({ length: 10 }, () =>
                client.transactions.retrieve(shortLived.defaults.transactionId),
              ),
            );
            for (const result of results)
              if (result.isOk()) ok += 1;
              else failed += 1;
            await sleep(100);
          }
        }),
      );
      await restart;
      const refreshes = shortLived.log.filter((entry) => entry.path === '/oauth/token');
      console.log(
        `restart mid-run: ${ok} calls Ok, ${failed} failed (all ended), ${refreshes.filter((entry) => entry.outcome === 200).length} refreshes, ` +
          `${refreshes.filter((entry) => entry.outcome !== 200).length} refused`,
      );
      expect(ok + failed).toBeGreaterThan(0);
      expect(refreshes.filter((entry) => entry.outcome === 200).length).toBeGreaterThan(2);
      // No lockout: after the run every instance works again (within a token lifetime or two).
      await vi.waitFor(
        async () => {
          for (const client of instances)
            expect((await client.transactions.retrieve(shortLived.defaults.transactionId)).isOk()).toBe(true);
        },
        { timeout: 10_000, interval: 250 },
      );
      // Not lost: the one refresh token the provider still accepts is held by an instance.
      const valid = [...shortLived.state.refreshTokens.keys()];
      expect(valid).toHaveLength(1);
      expect(instances.some((client) => client.oauthSession?.tokens.refreshToken === valid[0])).toBe(true);
    } finally {
      await shortLived.close();
    }
  });
});
