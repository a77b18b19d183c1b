import type { RedisLike } from '../redis-like.js';

/** The options `node-redis` takes for `EVAL` / `EVALSHA`. */
export interface NodeRedisEvalOptions {
  /** The script's keys. */
  keys: string[];
  /** The script's arguments. */
  arguments: string[];
}

/**
 * What {@link fromNodeRedis} uses of a `redis` (node-redis) client: `eval` and `evalSha`.
 * Declared here, so `@payweave/redis` needs no type from `redis`.
 */
export interface NodeRedisClientLike {
  /** `EVAL`. */
  eval(script: string, options: NodeRedisEvalOptions): Promise<unknown>;
  /** `EVALSHA`. */
  evalSha(sha1: string, options: NodeRedisEvalOptions): Promise<unknown>;
}

/**
 * Adapts a `redis` (node-redis v4 or later) client, connected (`await client.connect()`). For
 * quick failures while Redis is down, create it with `disableOfflineQueue: true`; the stores
 * also bound each operation with their `timeoutMs`.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { fromNodeRedis, redisRateLimitStore } from '@payweave/redis';
 *
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = redisRateLimitStore(fromNodeRedis(client));
 * ```
 */
export function fromNodeRedis(client: NodeRedisClientLike): RedisLike {
  if (typeof client?.eval !== 'function' || typeof client.evalSha !== 'function') {
    throw new TypeError('fromNodeRedis: expected a node-redis client (with eval and evalSha).');
  }
  return {
    eval: (script, keys, args) => client.eval(script, { keys: [...keys], arguments: [...args] }),
    evalSha: (sha1, keys, args) => client.evalSha(sha1, { keys: [...keys], arguments: [...args] }),
  };
}
