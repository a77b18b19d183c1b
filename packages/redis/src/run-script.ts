import type { RedisLike } from './redis-like.js';
import { messageOf, RedisStoreError } from './redis-store-error.js';

/** A Lua script with its SHA1, computed once (WebCrypto, so the package runs outside Node too). */
export interface LuaScript {
  readonly source: string;
  sha1: Promise<string> | undefined;
}

/** Declares a script. */
export function lua(source: string): LuaScript {
  return { source, sha1: undefined };
}

async function sha1Of(script: LuaScript): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  script.sha1 ??= subtle
    .digest('SHA-1', new TextEncoder().encode(script.source))
    .then((digest) =>
      Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
    );
  return script.sha1;
}

/**
 * Runs `script` (EVALSHA first when the client has it, EVAL on `NOSCRIPT`), bounded by
 * `timeoutMs`. Every failure becomes a {@link RedisStoreError} that quotes no argument.
 */
export async function runScript(
  redis: RedisLike,
  script: LuaScript,
  keys: readonly string[],
  args: readonly string[],
  operation: string,
  timeoutMs: number,
): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RedisStoreError('timeout', operation, `no answer from Redis within ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  const run = async () => {
    const sha1 = redis.evalSha ? await sha1Of(script) : undefined;
    if (sha1 !== undefined && redis.evalSha) {
      try {
        return await redis.evalSha(sha1, keys, args);
      } catch (error) {
        if (!/NOSCRIPT/i.test(messageOf(error))) throw error;
      }
    }
    return redis.eval(script.source, keys, args);
  };
  try {
    return await Promise.race([
      run().catch((error: unknown) => {
        throw new RedisStoreError('unavailable', operation, 'the Redis client failed.', error);
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A reply that is not what the script returns: the key holds something else. */
export function badReply(operation: string): RedisStoreError {
  return new RedisStoreError('reply', operation, 'Redis answered with an unexpected reply.');
}

/** A reply value as a string (clients return bulk strings as strings, some as buffers). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A reply value as a finite number, or `undefined`. */
export function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : Number(asText(value));
  return Number.isFinite(number) ? number : undefined;
}
