import type { RedisLike } from './redis-like.js';

/** The default key prefix. */
export const defaultPrefix = 'payweave:';
/** The default bound on one store operation, in ms. */
export const defaultTimeoutMs = 2_000;

/** Options every Redis store takes. */
export interface RedisStoreOptions {
  /**
   * Prepended to every key (default `payweave:`), e.g. `myapp:prod:payweave:` to keep
   * environments apart on one Redis. Printable characters without spaces, at most 100.
   */
  readonly prefix?: string | undefined;
  /**
   * The longest one operation may take, in ms (default 2,000). A Redis that does not answer in
   * time counts as unreachable: the operation rejects with a `RedisStoreError` of kind `timeout`,
   * whatever the client's own reconnect and offline-queue settings are.
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * How tokens are kept in Redis: as they are (the default; protect Redis as you protect the
 * database the tokens would otherwise live in), or through your own encryption. `encrypt` gets
 * the serialized record (JSON text) and returns what is stored; `decrypt` reverses it. Both may
 * be async (WebCrypto, a KMS).
 *
 * @example
 * ```ts
 * const codec: TokenCodec = {
 *   encrypt: (plain) => aesGcmEncrypt(key, plain), // your function, e.g. on crypto.subtle
 *   decrypt: (stored) => aesGcmDecrypt(key, stored),
 * };
 * ```
 */
export interface TokenCodec {
  /** Turns the serialized record into what Redis keeps. */
  encrypt(plain: string): string | Promise<string>;
  /** Turns what Redis keeps back into the serialized record. */
  decrypt(stored: string): string | Promise<string>;
}

/** A store's checked settings. */
export interface ResolvedStoreOptions {
  readonly redis: RedisLike;
  readonly prefix: string;
  readonly timeoutMs: number;
}

// Printable ASCII without space; names also leave out the braces of Redis Cluster hash tags.
const prefixPattern = /^[\x21-\x7e]{0,100}$/;
const namePattern = /^[\x21-\x7a\x7c\x7e]{1,200}$/;

/** Checks the options shared by every store; throws a `TypeError` naming the bad one. */
export function resolveStoreOptions(
  factory: string,
  redis: RedisLike,
  options: RedisStoreOptions,
): ResolvedStoreOptions {
  if (typeof redis !== 'object' || redis === null || typeof redis.eval !== 'function') {
    throw new TypeError(
      `${factory}: the first argument must be a RedisLike (use fromIoredis(client) or fromNodeRedis(client)).`,
    );
  }
  const prefix = options.prefix ?? defaultPrefix;
  if (typeof prefix !== 'string' || !prefixPattern.test(prefix)) {
    throw new TypeError(`${factory}: prefix must be at most 100 printable characters without spaces.`);
  }
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 1 && timeoutMs <= 60_000)) {
    throw new TypeError(`${factory}: timeoutMs must be a number of ms from 1 to 60000.`);
  }
  return { redis, prefix, timeoutMs };
}

/**
 * Checks a store's name (it goes into key names, so it must never be a secret: use a location
 * id, an account name or a hash you choose, never a token or an API key).
 */
export function checkName(factory: string, name: unknown): string {
  if (typeof name !== 'string' || !namePattern.test(name)) {
    throw new TypeError(
      `${factory}: name must be 1 to 200 printable characters without spaces or braces (a location id or account name, never a secret).`,
    );
  }
  return name;
}

/** Checks an optional codec. */
export function checkCodec(factory: string, codec: TokenCodec | undefined): TokenCodec | undefined {
  if (
    codec !== undefined &&
    (typeof codec !== 'object' ||
      codec === null ||
      typeof codec.encrypt !== 'function' ||
      typeof codec.decrypt !== 'function')
  ) {
    throw new TypeError(`${factory}: codec must have encrypt and decrypt functions.`);
  }
  return codec;
}
