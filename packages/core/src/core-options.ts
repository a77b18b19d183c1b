import type { TransportName } from './http/exchange.js';
import type { HttpHooks } from './http/http-types.js';
import type { Logger, LogLevel } from './logging/logger.js';
import type { RetrySettings } from './retry/retry-mode.js';

/**
 * Options every provider factory accepts next to its credentials.
 *
 * @example
 * ```ts
 * createPaya({ timeoutMs: 10_000, maxRetries: 3, logger: console, logLevel: 'debug' });
 * ```
 */
export interface CoreOptions extends Partial<RetrySettings> {
  /** A `fetch` to use instead of the built-in transport (tests, proxies, other runtimes). */
  fetch?: typeof fetch | undefined;
  /**
   * `auto` (default): Node's http module on Node (the fast path), the global `fetch`
   * elsewhere. `fetch`: always the global `fetch` (e.g. when an undici global dispatcher
   * routes it through a proxy).
   */
  transport?: TransportName | undefined;
  /** Where log lines go; silent when not given. Lines are redacted. */
  logger?: Logger | undefined;
  /** Lowest level logged (default `info`). */
  logLevel?: LogLevel | undefined;
  /** Observability hooks (redacted data). */
  hooks?: HttpHooks | undefined;
  /**
   * The most bytes of a response body payweave reads (default 10 MB), counted while streaming
   * and after decompression; a larger body is an `invalid_response`, never an out-of-memory.
   */
  maxResponseBytes?: number | undefined;
  /** Appended to payweave's user agent (`myapp/1.2`). */
  userAgent?: string | undefined;
}
