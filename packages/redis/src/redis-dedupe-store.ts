import type { DedupeStore } from '@payweave/core';
import type { RedisLike } from './redis-like.js';
import { asNumber, badReply, lua, runScript } from './run-script.js';
import { type RedisStoreOptions, resolveStoreOptions } from './store-options.js';

/** Options of {@link redisDedupeStore}. */
export type RedisDedupeStoreOptions = RedisStoreOptions;

// KEYS: the claim. ARGV: ttl ms. SET NX PX: 1 when claimed, 0 when already claimed.
const claimScript = lua(`
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 1 end
return 0
`);

const releaseScript = lua(`return redis.call('DEL', KEYS[1])`);

/**
 * A {@link DedupeStore} on Redis, so a webhook delivery (or any keyed event) is processed once
 * across every instance of a service: `claim` is `SET key 1 NX PX ttl` (of two concurrent
 * claims exactly one wins), `release` is `DEL`.
 *
 * Keys: `<prefix>dedupe:<key>`, expiring after the claim's ttl. Delivery ids are not secrets.
 * When Redis cannot be reached, `claim` rejects with a `RedisStoreError`: the webhook handlers
 * then answer 503, so the provider delivers again later, and nothing is processed twice.
 *
 * @example
 * ```ts
 * const receiver = leadConnectorWebhooks({ dedupe: redisDedupeStore(fromIoredis(new Redis())) });
 * ```
 */
export function redisDedupeStore(redis: RedisLike, options: RedisDedupeStoreOptions = {}): DedupeStore {
  const resolved = resolveStoreOptions('redisDedupeStore', redis, options);
  const keyOf = (key: string) => {
    if (typeof key !== 'string' || key.length === 0)
      throw new TypeError('dedupe: key must be a non-empty string.');
    return `${resolved.prefix}dedupe:${key}`;
  };
  return {
    async claim(key, ttlMs) {
      if (!(Number.isFinite(ttlMs) && ttlMs >= 1))
        throw new RangeError('dedupe.claim: ttlMs must be at least 1.');
      const reply = await runScript(
        resolved.redis,
        claimScript,
        [keyOf(key)],
        [String(Math.ceil(ttlMs))],
        'dedupe.claim',
        resolved.timeoutMs,
      );
      const claimed = asNumber(reply);
      if (claimed !== 0 && claimed !== 1) throw badReply('dedupe.claim');
      return claimed === 1;
    },
    async release(key) {
      await runScript(resolved.redis, releaseScript, [keyOf(key)], [], 'dedupe.release', resolved.timeoutMs);
    },
  };
}
