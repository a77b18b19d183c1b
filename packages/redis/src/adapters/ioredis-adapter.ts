import type { RedisLike } from '../redis-like.js';

/**
 * What {@link fromIoredis} uses of an `ioredis` client (`Redis` or `Cluster`): `eval` and
 * `evalsha`. Declared here, so `@payweave/redis` needs no type from `ioredis`.
 */
export interface IoredisClientLike {
  /** `EVAL`. */
  eval(script: string, numberOfKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  /** `EVALSHA`. */
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/**
 * Adapts an `ioredis` client (v5 or later; `new Redis(...)` or `new Cluster(...)`). For
 * quick failures while Redis is down, create the client with `enableOfflineQueue: false` or a
 * low `maxRetriesPerRequest`; the stores also bound each operation with their `timeoutMs`.
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { fromIoredis, redisTokenStore } from '@payweave/redis';
 *
 * const redis = fromIoredis(new Redis(process.env.REDIS_URL!));
 * const store = redisTokenStore(redis, { name: `leadconnector:${locationId}` });
 * ```
 */
export function fromIoredis(client: IoredisClientLike): RedisLike {
  if (typeof client?.eval !== 'function' || typeof client.evalsha !== 'function') {
    throw new TypeError('fromIoredis: expected an ioredis client (with eval and evalsha).');
  }
  return {
    eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
    evalSha: (sha1, keys, args) => client.evalsha(sha1, keys.length, ...keys, ...args),
  };
}
