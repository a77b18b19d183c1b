/**
 * The one thing the stores need from your Redis client: running a Lua script. Every store
 * operation is one script, so each is atomic on the server (no read-then-write races between
 * instances) and the client needs nothing else. {@link fromIoredis} and {@link fromNodeRedis}
 * adapt the two common Node clients; any other client fits in a few lines.
 *
 * Replies follow the usual mapping: integers as numbers, bulk strings as strings, nil as
 * `null`, multi-bulk as arrays.
 *
 * @example
 * ```ts
 * // A client of your own, say one with a `command(name, ...args)` method:
 * const redis: RedisLike = {
 *   eval: (script, keys, args) => client.command('EVAL', script, String(keys.length), ...keys, ...args),
 *   evalSha: (sha1, keys, args) => client.command('EVALSHA', sha1, String(keys.length), ...keys, ...args),
 * };
 * ```
 */
export interface RedisLike {
  /** `EVAL script numkeys key... arg...`. */
  eval(script: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
  /**
   * `EVALSHA sha1 numkeys key... arg...`, when the client has it: after a script's first run
   * only its SHA1 is sent. A `NOSCRIPT` reply (the server's script cache was flushed, or a
   * restart) makes the store send the script again with `eval`.
   */
  evalSha?(sha1: string, keys: readonly string[], args: readonly string[]): Promise<unknown>;
}
