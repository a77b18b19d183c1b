import type { IssuedToken, SessionStore, StoredSession } from '@payweave/core';
import { acquireLease, fenceText, type LockKeys, nextCounterLua, releaseLease } from './lease-lock.js';
import type { RedisLike } from './redis-like.js';
import { RedisStoreError } from './redis-store-error.js';
import { asNumber, asText, badReply, lua, runScript } from './run-script.js';
import {
  checkCodec,
  checkName,
  type RedisStoreOptions,
  resolveStoreOptions,
  type TokenCodec,
} from './store-options.js';

/** Options of {@link redisSessionStore}. */
export interface RedisSessionStoreOptions extends RedisStoreOptions {
  /**
   * Which session this is: one store per account, e.g. `payconnect:production` or
   * `connectfi:${login}`. It goes into key names, so never an API key, password or token.
   */
  readonly name: string;
  /** How the token is kept: plain (default) or through your `{ encrypt, decrypt }`. */
  readonly codec?: TokenCodec | undefined;
}

// KEYS: data. Returns { token, expiresAt, generation } (false for a missing field).
const readScript = lua(`return redis.call('HMGET', KEYS[1], 'token', 'expiresAt', 'generation')`);

// KEYS: data, lock, generation counter. ARGV: token, expiresAt (epoch ms), fence ('' for none).
// Returns the new generation, or 0 when refused (a later lease holds the lock, or the stored
// session lasts longer).
const writeScript = lua(`${nextCounterLua}
if ARGV[3] ~= '' then
  local holder = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
  if holder > tonumber(ARGV[3]) then return 0 end
end
local stored = tonumber(redis.call('HGET', KEYS[1], 'expiresAt') or '0') or 0
if stored > tonumber(ARGV[2]) then return 0 end
local generation = next_counter(KEYS[3])
redis.call('HSET', KEYS[1], 'token', ARGV[1], 'expiresAt', ARGV[2], 'generation', string.format('%d', generation))
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return generation
`);

// KEYS: data. ARGV: generation. Drops the session only if it is still that generation.
const discardScript = lua(`
if redis.call('HGET', KEYS[1], 'generation') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/**
 * A {@link SessionStore} on Redis: one PayConnect session or connectFi login token shared by
 * every instance of a service (`sessionStore` of `createPayConnect` / `createConnectFi`), so
 * they log in once per expiry, not once each. The session expires in Redis when it does
 * (`PEXPIREAT`); a 401 drops exactly the session that failed (by generation); logins are
 * serialized by a lock with a lease and a fencing token.
 *
 * Keys (one Cluster slot): `<prefix>session:{<name>}` (a hash: token, expiry, generation),
 * `…:lock`, `…:fences`, `…:generations`. The token is a value, plain or through `codec`.
 *
 * When Redis cannot be reached, operations reject with a `RedisStoreError` within `timeoutMs`
 * and each client logs in by itself (a login spends nothing another instance holds), with a
 * warning in its logger.
 *
 * @example
 * ```ts
 * const sessionStore = redisSessionStore(fromNodeRedis(client), { name: 'payconnect:production' });
 * const payconnect = createPayConnect({ apiKey, environment: 'production', sessionStore });
 * ```
 */
export function redisSessionStore(redis: RedisLike, options: RedisSessionStoreOptions): SessionStore {
  const factory = 'redisSessionStore';
  const resolved = resolveStoreOptions(factory, redis, options);
  const name = checkName(factory, options?.name);
  const codec = checkCodec(factory, options.codec);
  const data = `${resolved.prefix}session:{${name}}`;
  const keys: LockKeys = { lock: `${data}:lock`, fences: `${data}:fences` };
  const generations = `${data}:generations`;

  return {
    async read(): Promise<StoredSession | undefined> {
      const reply = await runScript(
        resolved.redis,
        readScript,
        [data],
        [],
        'session.read',
        resolved.timeoutMs,
      );
      if (!Array.isArray(reply)) throw badReply('session.read');
      const stored = asText(reply[0]);
      if (stored === undefined) return undefined;
      const expiresAt = asNumber(reply[1]);
      const generation = asNumber(reply[2]);
      if (expiresAt === undefined || generation === undefined) throw badReply('session.read');
      if (expiresAt <= Date.now()) return undefined;
      let token: string;
      try {
        token = codec ? await codec.decrypt(stored) : stored;
      } catch (error) {
        throw new RedisStoreError(
          'decode',
          'session.read',
          'the stored session could not be decrypted.',
          error,
        );
      }
      return { token: { token, expiresAt: new Date(expiresAt) }, generation };
    },
    async write(token: IssuedToken, lease) {
      const expiresAt = token.expiresAt.getTime();
      if (!Number.isFinite(expiresAt)) throw new RangeError('session.write: expiresAt must be a valid date.');
      const reply = await runScript(
        resolved.redis,
        writeScript,
        [data, keys.lock, generations],
        [
          codec ? await codec.encrypt(token.token) : token.token,
          String(Math.trunc(expiresAt)),
          lease ? fenceText(lease.fence) : '',
        ],
        'session.write',
        resolved.timeoutMs,
      );
      const generation = asNumber(reply);
      if (generation === undefined) throw badReply('session.write');
      return generation === 0 ? undefined : generation;
    },
    async discard(generation) {
      await runScript(
        resolved.redis,
        discardScript,
        [data],
        [fenceText(generation)],
        'session.discard',
        resolved.timeoutMs,
      );
    },
    acquireLock(leaseMs) {
      return acquireLease(resolved, keys, leaseMs, 'session.acquireLock');
    },
    release(lease) {
      return releaseLease(resolved, keys, lease, 'session.release');
    },
  };
}
