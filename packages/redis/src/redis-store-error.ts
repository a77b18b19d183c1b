/** Why a Redis store operation failed. */
export type RedisStoreErrorKind =
  /** The client failed or was not connected (Redis down, network, a closed connection). */
  | 'unavailable'
  /** No answer within the store's `timeoutMs`. */
  | 'timeout'
  /** Redis answered with something the store did not expect (another program wrote the key?). */
  | 'reply'
  /** A stored token could not be decoded or decrypted (a wrong key in `codec`?). */
  | 'decode';

/**
 * What every Redis store rejects with. Its message names the store operation and the kind of
 * failure; it never quotes keys' values or the script's arguments (they may hold tokens), and
 * it does not keep the client's own error object (some clients attach the command's arguments
 * to it): only that error's message, as `cause`.
 */
export class RedisStoreError extends Error {
  /** The kind of failure. */
  readonly kind: RedisStoreErrorKind;
  /** The store operation (`token.compareAndSet`, `rateLimit.acquire`, ...). */
  readonly operation: string;

  /** Builds the error; `cause` is reduced to its message. */
  constructor(kind: RedisStoreErrorKind, operation: string, detail: string, cause?: unknown) {
    super(
      `@payweave/redis ${operation} failed (${kind}): ${detail}`,
      cause === undefined ? undefined : { cause: new Error(messageOf(cause)) },
    );
    this.name = 'RedisStoreError';
    this.kind = kind;
    this.operation = operation;
  }
}

/** The first line of an error's message, at most 300 characters. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
