import type Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  fromIoredis,
  fromNodeRedis,
  RedisStoreError,
  redisDedupeStore,
  redisOutcomeStore,
  redisRateLimitStore,
  redisSessionStore,
  redisTokenStore,
  type TokenCodec,
} from './index.js';
import { clientKinds, inspector, type TestConnection, testPrefix } from './test-support/clients.js';
import { startRedisServer } from './test-support/redis-server.js';

const port = inject('redisPort');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pair = (n: number) => ({
  accessToken: `access-secret-${n}-Qm2x`,
  refreshToken: `refresh-secret-${n}-Zx8y`,
  expiresAt: new Date(Date.UTC(2030, 0, 1, 0, 0, n)),
});

/** AES-GCM on WebCrypto: what a user would pass as `codec`. */
async function aesCodec(): Promise<TokenCodec> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  return {
    async encrypt(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        key,
        new TextEncoder().encode(plain),
      );
      return `${Buffer.from(iv).toString('base64')}.${Buffer.from(sealed).toString('base64')}`;
    },
    async decrypt(stored) {
      const [iv, sealed] = stored.split('.') as [string, string];
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: Buffer.from(iv, 'base64') },
        key,
        Buffer.from(sealed, 'base64'),
      );
      return new TextDecoder().decode(plain);
    },
  };
}

let raw: Redis;
beforeAll(async () => {
  raw = await inspector(port);
});
afterAll(() => raw.disconnect());

describe.each(clientKinds)('stores on $client', ({ client, connect }) => {
  let connection: TestConnection;
  beforeAll(async () => {
    connection = await connect(port);
  });
  afterAll(() => connection.close());

  describe('token store', () => {
    it('reads nothing, then compare-and-sets versions and never overwrites a newer pair', async () => {
      const store = redisTokenStore(connection.redis, { name: 'loc-1', prefix: testPrefix(client) });
      expect(await store.read()).toBeUndefined();
      expect(await store.compareAndSet(0, pair(1))).toEqual({ stored: true, version: 1 });
      expect(await store.read()).toEqual({ tokens: pair(1), version: 1 });
      expect(await store.compareAndSet(1, pair(2))).toEqual({ stored: true, version: 2 });
      // A writer that refreshed from version 1 after version 2 was stored: stale, refused.
      expect(await store.compareAndSet(1, pair(9))).toEqual({ stored: false, reason: 'stale' });
      expect(await store.read()).toEqual({ tokens: pair(2), version: 2 });
      // A pair without an expiry round-trips as such.
      expect(await store.compareAndSet(2, { accessToken: 'a', refreshToken: 'r' })).toMatchObject({
        stored: true,
      });
      expect((await store.read())?.tokens).toEqual({
        accessToken: 'a',
        refreshToken: 'r',
        expiresAt: undefined,
      });
    });

    it('50 concurrent lock attempts: exactly one lease; released, the next lease has a larger fence', async () => {
      const store = redisTokenStore(connection.redis, { name: 'loc-1', prefix: testPrefix(client) });
      const leases = await Promise.all(Array.from({ length: 50 }, () => store.acquireRefreshLock(5_000)));
      const granted = leases.filter((lease) => lease !== undefined);
      expect(granted).toHaveLength(1);
      await store.release(granted[0]!);
      const next = await store.acquireRefreshLock(5_000);
      expect(next?.fence).toBeGreaterThan(granted[0]!.fence);
    });

    it('a lease lapses by itself (its holder died), and releasing a lapsed lease frees nothing', async () => {
      const store = redisTokenStore(connection.redis, { name: 'loc-1', prefix: testPrefix(client) });
      const first = await store.acquireRefreshLock(150);
      expect(first).toBeDefined();
      expect(await store.acquireRefreshLock(150)).toBeUndefined();
      await sleep(200);
      const second = await store.acquireRefreshLock(5_000);
      expect(second!.fence).toBeGreaterThan(first!.fence);
      await store.release(first!); // the stale holder's release must not free the new holder's lock
      expect(await store.acquireRefreshLock(5_000)).toBeUndefined();
    });

    it('fencing: a holder that stalled past its lease cannot write while a later lease holds the lock, or over what it wrote', async () => {
      const store = redisTokenStore(connection.redis, { name: 'loc-1', prefix: testPrefix(client) });
      const stalled = await store.acquireRefreshLock(100);
      await sleep(150);
      const later = await store.acquireRefreshLock(5_000);
      // The stalled holder wakes up and writes: refused while the later lease holds the lock.
      expect(await store.compareAndSet(0, pair(1), stalled)).toEqual({ stored: false, reason: 'fenced' });
      expect(await store.compareAndSet(0, pair(2), later)).toEqual({ stored: true, version: 1 });
      await store.release(later!);
      // Lock free again, but the stored pair was written by a later lease: still refused.
      expect(await store.compareAndSet(1, pair(3), stalled)).toEqual({ stored: false, reason: 'fenced' });
      expect(await store.read()).toEqual({ tokens: pair(2), version: 1 });
    });

    it('encrypts through the codec: Redis holds no token text, and reading gives the pair back', async () => {
      const prefix = testPrefix(client);
      const codec = await aesCodec();
      const store = redisTokenStore(connection.redis, { name: 'loc-enc', prefix, codec });
      await store.compareAndSet(0, pair(7));
      expect(await store.read()).toEqual({ tokens: pair(7), version: 1 });
      const value = await raw.hget(`${prefix}oauth:{loc-enc}`, 'pair');
      expect(value).toBeTypeOf('string');
      expect(value).not.toContain('secret');
      // Plain (no codec) the pair is readable JSON, as documented.
      const plain = redisTokenStore(connection.redis, { name: 'loc-plain', prefix });
      await plain.compareAndSet(0, pair(8));
      expect(await raw.hget(`${prefix}oauth:{loc-plain}`, 'pair')).toContain(pair(8).refreshToken);
      // The wrong key cannot read it: a decode error, not a wrong pair.
      const other = redisTokenStore(connection.redis, { name: 'loc-enc', prefix, codec: await aesCodec() });
      const error = await other.read().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedisStoreError);
      expect((error as RedisStoreError).kind).toBe('decode');
    });
  });

  describe('session store', () => {
    it('stores until expiry (PEXPIREAT), drops only the generation that failed, refuses a fenced write', async () => {
      const prefix = testPrefix(client);
      const store = redisSessionStore(connection.redis, { name: 'payconnect:test', prefix });
      expect(await store.read()).toBeUndefined();
      const expiresAt = new Date(Date.now() + 60_000);
      const first = await store.write({ token: 'session-secret-1', expiresAt });
      expect(first).toBeGreaterThan(0);
      expect(await store.read()).toEqual({
        token: { token: 'session-secret-1', expiresAt },
        generation: first,
      });
      const ttl = await raw.pttl(`${prefix}session:{payconnect:test}`);
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      const later = new Date(Date.now() + 120_000);
      const second = await store.write({ token: 'session-secret-2', expiresAt: later });
      expect(second).toBeGreaterThan(first!);
      // A session that expires sooner does not replace one that lasts longer.
      expect(await store.write({ token: 'session-secret-3', expiresAt })).toBeUndefined();
      await store.discard(first!); // an old generation's 401 must not drop the new session
      expect((await store.read())?.token.token).toBe('session-secret-2');
      await store.discard(second!);
      expect(await store.read()).toBeUndefined();
      // Fencing: a lapsed lease's write is refused while a later lease holds the lock.
      const stalled = await store.acquireLock(100);
      await sleep(150);
      const holder = await store.acquireLock(5_000);
      expect(await store.write({ token: 'late', expiresAt: later }, stalled)).toBeUndefined();
      expect(await store.write({ token: 'session-secret-4', expiresAt: later }, holder)).toBeGreaterThan(0);
      await store.release(holder!);
      // A session already expired is not returned.
      const short = redisSessionStore(connection.redis, { name: 'short', prefix });
      await short.write({ token: 'gone', expiresAt: new Date(Date.now() + 100) });
      await sleep(150);
      expect(await short.read()).toBeUndefined();
    });

    it('round-trips through a codec, keeping no token text in Redis', async () => {
      const prefix = testPrefix(client);
      const store = redisSessionStore(connection.redis, {
        name: 'connectfi:CLIENT',
        prefix,
        codec: await aesCodec(),
      });
      const expiresAt = new Date(Date.now() + 60_000);
      await store.write({ token: 'session-secret-enc', expiresAt });
      expect((await store.read())?.token).toEqual({ token: 'session-secret-enc', expiresAt });
      expect(await raw.hget(`${prefix}session:{connectfi:CLIENT}`, 'token')).not.toContain('secret');
    });
  });

  describe('rate-limit store', () => {
    it('200 concurrent acquisitions on a window of 50: exactly 50 granted, the rest told when a slot frees', async () => {
      const store = redisRateLimitStore(connection.redis, { prefix: testPrefix(client) });
      const decisions = await Promise.all(
        Array.from({ length: 200 }, () => store.acquire('loc-1', 50, 1_000)),
      );
      expect(decisions.filter((decision) => decision.granted)).toHaveLength(50);
      for (const decision of decisions) {
        if (!decision.granted) {
          expect(decision.retryAfterMs).toBeGreaterThan(0);
          expect(decision.retryAfterMs).toBeLessThanOrEqual(1_000);
        }
      }
      // Other keys have their own window.
      expect(await store.acquire('loc-2', 50, 1_000)).toMatchObject({ granted: true });
    });

    it('the window slides: a slot frees when the oldest grant leaves it, and a lowered limit is honoured', async () => {
      const store = redisRateLimitStore(connection.redis, { prefix: testPrefix(client) });
      expect(await store.acquire('loc', 2, 300)).toMatchObject({ granted: true });
      await sleep(100);
      expect(await store.acquire('loc', 2, 300)).toMatchObject({ granted: true });
      const denied = await store.acquire('loc', 2, 300);
      expect(denied.granted).toBe(false);
      await sleep((denied as { retryAfterMs: number }).retryAfterMs + 10);
      expect(await store.acquire('loc', 2, 300)).toMatchObject({ granted: true });
      // Two grants in the window and the limit drops to 1: wait until both but one have left.
      expect((await store.acquire('loc', 1, 300)).granted).toBe(false);
    });
  });

  describe('dedupe store', () => {
    it('100 concurrent claims of one key: exactly one wins; release lets the next one in; claims expire', async () => {
      const prefix = testPrefix(client);
      const store = redisDedupeStore(connection.redis, { prefix });
      const claims = await Promise.all(Array.from({ length: 100 }, () => store.claim('wh_1', 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      await store.release('wh_1');
      expect(await store.claim('wh_1', 100)).toBe(true);
      await sleep(150);
      expect(await store.claim('wh_1', 60_000)).toBe(true);
      expect(await raw.exists(`${prefix}dedupe:wh_1`)).toBe(1);
    });
  });

  describe('outcome store', () => {
    it('100 concurrent claims: one claimed, the rest pending; done after complete; a lapsed lease cannot complete', async () => {
      const store = redisOutcomeStore(connection.redis, { prefix: testPrefix(client) });
      const claims = await Promise.all(Array.from({ length: 100 }, () => store.claim('charge:tx_1', 60_000)));
      expect(claims.filter((claim) => claim.kind === 'claimed')).toHaveLength(1);
      expect(claims.filter((claim) => claim.kind === 'pending')).toHaveLength(99);
      const outcome = JSON.stringify({ chargeId: 'ch_1', status: 'succeeded' });
      expect(await store.complete('charge:tx_1', outcome, 60_000)).toBe(true);
      expect(await store.claim('charge:tx_1', 60_000)).toEqual({ kind: 'done', outcome });
      // A claim whose lease ran out (its holder crashed) can be claimed again, and the late holder cannot complete.
      expect(await store.claim('charge:tx_2', 100)).toEqual({ kind: 'claimed' });
      await sleep(150);
      expect(await store.complete('charge:tx_2', outcome, 60_000)).toBe(false);
      expect(await store.claim('charge:tx_2', 60_000)).toEqual({ kind: 'claimed' });
      await store.release('charge:tx_2');
      expect(await store.claim('charge:tx_2', 60_000)).toEqual({ kind: 'claimed' });
      // An outcome that looks like the pending marker is still an outcome.
      await store.complete('charge:tx_2', 'p', 60_000);
      expect(await store.claim('charge:tx_2', 60_000)).toEqual({ kind: 'done', outcome: 'p' });
    });
  });

  it('keys carry the prefix and nothing secret; scripts are re-sent after SCRIPT FLUSH (NOSCRIPT)', async () => {
    const prefix = testPrefix(`${client}-keys`);
    const tokens = redisTokenStore(connection.redis, { name: 'loc-keys', prefix });
    const sessions = redisSessionStore(connection.redis, { name: 'payconnect:prod', prefix });
    await tokens.compareAndSet(0, pair(5), await tokens.acquireRefreshLock(5_000));
    await sessions.write({ token: 'session-secret-keys', expiresAt: new Date(Date.now() + 60_000) });
    await redisRateLimitStore(connection.redis, { prefix }).acquire('loc-keys', 10, 10_000);
    await redisDedupeStore(connection.redis, { prefix }).claim('wh_keys', 60_000);
    await redisOutcomeStore(connection.redis, { prefix }).claim('charge:keys', 60_000);
    const keys = (await raw.keys(`${prefix}*`)).sort();
    expect(keys).toEqual(
      [
        `${prefix}dedupe:wh_keys`,
        `${prefix}oauth:{loc-keys}`,
        `${prefix}oauth:{loc-keys}:fences`,
        `${prefix}oauth:{loc-keys}:lock`,
        `${prefix}outcome:charge:keys`,
        `${prefix}ratelimit:{loc-keys}`,
        `${prefix}session:{payconnect:prod}`,
        `${prefix}session:{payconnect:prod}:generations`,
      ].sort(),
    );
    for (const key of keys) expect(key).not.toMatch(/secret|Qm2x|Zx8y/);
    await raw.script('FLUSH');
    expect(await tokens.read()).toMatchObject({ version: 1 });
  });
});

describe('bad input and an unreachable Redis', () => {
  it('refuses a secret-looking or malformed name, a bad prefix and a non-client', () => {
    const redis = { eval: async () => null };
    expect(() => redisTokenStore(redis, { name: 'has space' })).toThrow(TypeError);
    expect(() => redisTokenStore(redis, { name: 'x{y}' })).toThrow(/braces/);
    expect(() => redisSessionStore(redis, { name: '' })).toThrow(TypeError);
    expect(() => redisDedupeStore(redis, { prefix: 'a b' })).toThrow(/prefix/);
    expect(() => redisDedupeStore(redis, { timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => redisRateLimitStore({} as never)).toThrow(/RedisLike/);
    expect(() => fromIoredis({} as never)).toThrow(/ioredis/);
    expect(() => fromNodeRedis({} as never)).toThrow(/node-redis/);
  });

  it.each(clientKinds)(
    '$client: every operation rejects with a RedisStoreError within timeoutMs when Redis is down',
    async ({ connect }) => {
      const scratch = await startRedisServer();
      const connection = await connect(scratch.port);
      await scratch.stop();
      const options = { prefix: testPrefix('down'), timeoutMs: 300 };
      const started = Date.now();
      const failures = await Promise.all(
        [
          redisTokenStore(connection.redis, { ...options, name: 'loc' }).read(),
          redisTokenStore(connection.redis, { ...options, name: 'loc' }).acquireRefreshLock(1_000),
          redisSessionStore(connection.redis, { ...options, name: 'pc' }).read(),
          redisRateLimitStore(connection.redis, options).acquire('loc', 10, 1_000),
          redisDedupeStore(connection.redis, options).claim('wh', 1_000),
          redisOutcomeStore(connection.redis, options).claim('tx', 1_000),
        ].map((operation) =>
          operation.then(
            () => 'resolved',
            (error: unknown) => error,
          ),
        ),
      );
      expect(Date.now() - started).toBeLessThan(2_000);
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(RedisStoreError);
        expect(['unavailable', 'timeout']).toContain((failure as RedisStoreError).kind);
      }
      await connection.close();
    },
  );
});
