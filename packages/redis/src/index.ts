/**
 * `@payweave/redis`: many instances of a service behave as one payweave client. OAuth token
 * pairs (one refresh across all instances, under a fenced lock), session tokens (one login per
 * expiry), the LeadConnector rate limit (one sliding window per location), webhook dedupe and
 * charge outcomes, kept on your Redis through your own client (`ioredis` or `redis`).
 *
 * @packageDocumentation
 * @module @payweave/redis
 */

export {
  fromIoredis,
  type IoredisClientLike,
} from './adapters/ioredis-adapter.js';
export {
  fromNodeRedis,
  type NodeRedisClientLike,
  type NodeRedisEvalOptions,
} from './adapters/node-redis-adapter.js';
export { type RedisDedupeStoreOptions, redisDedupeStore } from './redis-dedupe-store.js';
export type { RedisLike } from './redis-like.js';
export { type RedisOutcomeStoreOptions, redisOutcomeStore } from './redis-outcome-store.js';
export { type RedisRateLimitStoreOptions, redisRateLimitStore } from './redis-rate-limit-store.js';
export { type RedisSessionStoreOptions, redisSessionStore } from './redis-session-store.js';
export { RedisStoreError, type RedisStoreErrorKind } from './redis-store-error.js';
export { type RedisTokenStoreOptions, redisTokenStore } from './redis-token-store.js';
export { defaultPrefix, defaultTimeoutMs, type RedisStoreOptions, type TokenCodec } from './store-options.js';
