import type { OAuthTokens, SharedTokenStore, StoredTokens, TokenWriteResult } from '@payweave/core';
import { acquireLease, fenceText, type LockKeys, releaseLease } from './lease-lock.js';
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

/** Options of {@link redisTokenStore}. */
export interface RedisTokenStoreOptions extends RedisStoreOptions {
  /**
   * Which pair this is: one store per app installation, e.g. `leadconnector:${locationId}`. It
   * goes into key names, so never a token or a secret.
   */
  readonly name: string;
  /** How the pair is kept: plain (default) or through your `{ encrypt, decrypt }`. */
  readonly codec?: TokenCodec | undefined;
}

// KEYS: data. Returns { pair, version } (false for a missing field).
const readScript = lua(`return redis.call('HMGET', KEYS[1], 'pair', 'version')`);

// KEYS: data, lock. ARGV: expected version, pair, fence ('' when written without a lease).
// Never overwrites a newer pair (stale); a lease older than the lock's holder or than the stored
// pair's writer is refused (fenced).
const compareAndSetScript = lua(`
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0') or 0
local expected = tonumber(ARGV[1])
if current > expected then return {0, 'stale'} end
local fence = 0
if ARGV[3] ~= '' then
  fence = tonumber(ARGV[3])
  local writer = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0') or 0
  local holder = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
  if writer > fence or holder > fence then return {0, 'fenced'} end
end
redis.call('HSET', KEYS[1], 'pair', ARGV[2], 'version', string.format('%d', expected + 1), 'fence', string.format('%d', fence))
return {1, expected + 1}
`);

interface PairRecord {
  readonly a: string;
  readonly r: string;
  readonly e: number | null;
}

/**
 * A {@link SharedTokenStore} on Redis: the OAuth pair of one app installation, shared by every
 * instance of a service (`oauth: { store }` of `createLeadConnector`). Exactly one instance
 * refreshes at a time (a lock with a lease, `SET NX PX`, and a fencing token from a counter that
 * keeps growing even after Redis lost its data); the new pair is written by a compare-and-set
 * script that never overwrites a newer pair and refuses a holder that stalled past its lease.
 *
 * Keys (all in one Redis Cluster slot through the `{name}` hash tag): `<prefix>oauth:{<name>}`
 * (a hash: the pair, its version, its writer's fence), `…:lock`, `…:fences`. Key names hold only
 * the prefix and the name; the tokens are values, plain or through `codec`.
 *
 * When Redis cannot be reached, every operation rejects with a `RedisStoreError` within
 * `timeoutMs`: token refreshes then fail closed (no refresh without the lock), while access
 * tokens still valid in each instance's memory go on working.
 *
 * @example
 * ```ts
 * const store = redisTokenStore(fromIoredis(new Redis()), { name: `leadconnector:${locationId}` });
 * const lc = createLeadConnector({
 *   locationId,
 *   oauth: { clientId, clientSecret, refreshToken, store },
 * });
 * ```
 */
export function redisTokenStore(redis: RedisLike, options: RedisTokenStoreOptions): SharedTokenStore {
  const factory = 'redisTokenStore';
  const resolved = resolveStoreOptions(factory, redis, options);
  const name = checkName(factory, options?.name);
  const codec = checkCodec(factory, options.codec);
  const base = `${resolved.prefix}oauth:{${name}}`;
  const data = base;
  const keys: LockKeys = { lock: `${base}:lock`, fences: `${base}:fences` };

  const encode = async (tokens: OAuthTokens): Promise<string> => {
    const record: PairRecord = {
      a: tokens.accessToken,
      r: tokens.refreshToken,
      e: tokens.expiresAt ? tokens.expiresAt.getTime() : null,
    };
    const plain = JSON.stringify(record);
    return codec ? codec.encrypt(plain) : plain;
  };

  const decode = async (stored: string): Promise<OAuthTokens> => {
    let record: PairRecord;
    try {
      record = JSON.parse(codec ? await codec.decrypt(stored) : stored) as PairRecord;
    } catch (error) {
      throw new RedisStoreError('decode', 'token.read', 'the stored pair could not be decoded.', error);
    }
    if (typeof record?.a !== 'string' || typeof record.r !== 'string') {
      throw new RedisStoreError('decode', 'token.read', 'the stored pair is not a token pair.');
    }
    return {
      accessToken: record.a,
      refreshToken: record.r,
      expiresAt: typeof record.e === 'number' ? new Date(record.e) : undefined,
    };
  };

  return {
    async read(): Promise<StoredTokens | undefined> {
      const reply = await runScript(resolved.redis, readScript, [data], [], 'token.read', resolved.timeoutMs);
      if (!Array.isArray(reply)) throw badReply('token.read');
      const pair = asText(reply[0]);
      if (pair === undefined) return undefined;
      const version = asNumber(reply[1]);
      if (version === undefined) throw badReply('token.read');
      return { tokens: await decode(pair), version };
    },
    async compareAndSet(expectedVersion, tokens, lease): Promise<TokenWriteResult> {
      if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
        throw new RangeError('token.compareAndSet: expectedVersion must be an integer of 0 or more.');
      }
      const reply = await runScript(
        resolved.redis,
        compareAndSetScript,
        [data, keys.lock],
        [String(expectedVersion), await encode(tokens), lease ? fenceText(lease.fence) : ''],
        'token.compareAndSet',
        resolved.timeoutMs,
      );
      if (!Array.isArray(reply)) throw badReply('token.compareAndSet');
      if (asNumber(reply[0]) === 1) {
        const version = asNumber(reply[1]);
        if (version === undefined) throw badReply('token.compareAndSet');
        return { stored: true, version };
      }
      const reason = asText(reply[1]);
      if (reason !== 'stale' && reason !== 'fenced') throw badReply('token.compareAndSet');
      return { stored: false, reason };
    },
    acquireRefreshLock(leaseMs) {
      return acquireLease(resolved, keys, leaseMs, 'token.acquireRefreshLock');
    },
    release(lease) {
      return releaseLease(resolved, keys, lease, 'token.release');
    },
  };
}
