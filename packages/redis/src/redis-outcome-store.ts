import type { OutcomeClaim, OutcomeStore } from '@payweave/core';
import type { RedisLike } from './redis-like.js';
import { asNumber, asText, badReply, lua, runScript } from './run-script.js';
import { type RedisStoreOptions, resolveStoreOptions } from './store-options.js';

/** Options of {@link redisOutcomeStore}. */
export type RedisOutcomeStoreOptions = RedisStoreOptions;

// A key holds `p` while its work is pending and `d:<outcome>` once done.
// KEYS: the key. ARGV: lease ms. Returns {'claimed'}, {'pending'} or {'done', outcome}.
const claimScript = lua(`
if redis.call('SET', KEYS[1], 'p', 'NX', 'PX', ARGV[1]) then return {'claimed'} end
local value = redis.call('GET', KEYS[1])
if value == 'p' then return {'pending'} end
return {'done', string.sub(value, 3)}
`);

// KEYS: the key. ARGV: outcome, ttl ms. Stored only while the key exists (the lease did not run out).
const completeScript = lua(`
if redis.call('SET', KEYS[1], 'd:' .. ARGV[1], 'XX', 'PX', ARGV[2]) then return 1 end
return 0
`);

const releaseScript = lua(`return redis.call('DEL', KEYS[1])`);

/**
 * An {@link OutcomeStore} on Redis: the outcome of work that must run once (a charge, keyed by
 * the caller's transaction id) is shared by every instance of a service, so a repeated request
 * gets the first outcome instead of a second charge. `claim` is one script (`SET NX PX`, else
 * read the pending marker or the outcome), `complete` is `SET XX PX` (stored only while the
 * claim's lease lasts), `release` is `DEL`.
 *
 * Keys: `<prefix>outcome:<key>`. Outcomes are kept as given (serialized JSON); keep secrets
 * out of them. When Redis cannot be reached, every operation rejects with a `RedisStoreError`,
 * and the handlers answer 503 rather than risk doing the work twice.
 *
 * @example
 * ```ts
 * const outcomes = redisOutcomeStore(fromIoredis(new Redis()), { prefix: 'shop:' });
 * await outcomes.claim('charge:tx_1', 60_000); // { kind: 'claimed' } on exactly one instance
 * ```
 */
export function redisOutcomeStore(redis: RedisLike, options: RedisOutcomeStoreOptions = {}): OutcomeStore {
  const resolved = resolveStoreOptions('redisOutcomeStore', redis, options);
  const keyOf = (key: string) => {
    if (typeof key !== 'string' || key.length === 0)
      throw new TypeError('outcome: key must be a non-empty string.');
    return `${resolved.prefix}outcome:${key}`;
  };
  const checkMs = (operation: string, ms: number) => {
    if (!(Number.isFinite(ms) && ms >= 1))
      throw new RangeError(`${operation}: the time must be at least 1 ms.`);
    return String(Math.ceil(ms));
  };
  return {
    async claim(key, leaseMs): Promise<OutcomeClaim> {
      const reply = await runScript(
        resolved.redis,
        claimScript,
        [keyOf(key)],
        [checkMs('outcome.claim', leaseMs)],
        'outcome.claim',
        resolved.timeoutMs,
      );
      if (!Array.isArray(reply)) throw badReply('outcome.claim');
      const kind = asText(reply[0]);
      if (kind === 'claimed' || kind === 'pending') return { kind };
      const outcome = asText(reply[1]);
      if (kind !== 'done' || outcome === undefined) throw badReply('outcome.claim');
      return { kind: 'done', outcome };
    },
    async complete(key, outcome, ttlMs) {
      if (typeof outcome !== 'string') throw new TypeError('outcome.complete: outcome must be a string.');
      const reply = await runScript(
        resolved.redis,
        completeScript,
        [keyOf(key)],
        [outcome, checkMs('outcome.complete', ttlMs)],
        'outcome.complete',
        resolved.timeoutMs,
      );
      const stored = asNumber(reply);
      if (stored !== 0 && stored !== 1) throw badReply('outcome.complete');
      return stored === 1;
    },
    async release(key) {
      await runScript(resolved.redis, releaseScript, [keyOf(key)], [], 'outcome.release', resolved.timeoutMs);
    },
  };
}
