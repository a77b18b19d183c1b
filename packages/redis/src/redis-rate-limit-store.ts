import type { RateLimitDecision, RateLimitStore } from '@payweave/core';
import type { RedisLike } from './redis-like.js';
import { asNumber, badReply, lua, runScript } from './run-script.js';
import { checkName, type RedisStoreOptions, resolveStoreOptions } from './store-options.js';

/** Options of {@link redisRateLimitStore}. */
export type RedisRateLimitStoreOptions = RedisStoreOptions;

// KEYS: the window (a sorted set of grant times). ARGV: limit, window ms, a unique member.
// Timed by the server's clock, so instances with skewed clocks share one window. Returns
// {1, 0} when granted, {0, ms until the oldest grant leaves the window} otherwise.
const acquireScript = lua(`
local now = redis.call('TIME')
local at = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', at - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], at, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
local wait = 1
if oldest[2] then wait = math.max(1, tonumber(oldest[2]) + window - at) end
return {0, wait}
`);

// KEYS: the window. ARGV: the slot, window ms. The slot's request was answered: count it from now.
const completeScript = lua(`
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  local now = redis.call('TIME')
  local at = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
  redis.call('ZADD', KEYS[1], 'XX', at, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
`);

let sequence = 0;

function uniqueMember(): string {
  sequence = (sequence + 1) % 1_000_000_000;
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  return `${random}:${sequence}`;
}

/**
 * A sliding-window {@link RateLimitStore} on Redis, shared by every instance of a service
 * (`rateLimit: { store }` of `createLeadConnector`: the window is the location's). Each
 * acquisition is one script over a sorted set of grant times, timed by the Redis server's
 * clock: old grants are dropped, and a slot is granted only while fewer than `limit` remain.
 * When a request is answered its slot is moved to the answer's time (`complete`), so a request
 * that was slow to reach the provider never lets the shared window free its slot early.
 *
 * Keys: `<prefix>ratelimit:{<key>}` (the key is the location id: not a secret), expiring with
 * the window. When Redis cannot be reached, `acquire` rejects with a `RedisStoreError`; the
 * LeadConnector limiter then uses its local limit and logs a warning.
 *
 * @example
 * ```ts
 * const lc = createLeadConnector({
 *   accessToken, locationId,
 *   rateLimit: { store: redisRateLimitStore(fromIoredis(new Redis())) },
 * });
 * ```
 */
export function redisRateLimitStore(
  redis: RedisLike,
  options: RedisRateLimitStoreOptions = {},
): RateLimitStore {
  const factory = 'redisRateLimitStore';
  const resolved = resolveStoreOptions(factory, redis, options);
  return {
    async acquire(key, limit, windowMs): Promise<RateLimitDecision> {
      checkName(factory, key);
      if (!(Number.isInteger(limit) && limit >= 1))
        throw new RangeError('rateLimit.acquire: limit must be an integer of 1 or more.');
      if (!(Number.isFinite(windowMs) && windowMs >= 1))
        throw new RangeError('rateLimit.acquire: windowMs must be at least 1.');
      const slot = uniqueMember();
      const reply = await runScript(
        resolved.redis,
        acquireScript,
        [`${resolved.prefix}ratelimit:{${key}}`],
        [String(limit), String(Math.ceil(windowMs)), slot],
        'rateLimit.acquire',
        resolved.timeoutMs,
      );
      if (!Array.isArray(reply)) throw badReply('rateLimit.acquire');
      if (asNumber(reply[0]) === 1) return { granted: true, slot };
      const wait = asNumber(reply[1]);
      if (wait === undefined) throw badReply('rateLimit.acquire');
      return { granted: false, retryAfterMs: Math.max(1, Math.ceil(wait)) };
    },
    async complete(key, slot, windowMs) {
      checkName(factory, key);
      await runScript(
        resolved.redis,
        completeScript,
        [`${resolved.prefix}ratelimit:{${key}}`],
        [slot, String(Math.ceil(windowMs))],
        'rateLimit.complete',
        resolved.timeoutMs,
      );
    },
  };
}
