import type { RetryMode, RetrySettings } from '../retry/retry-mode.js';

/**
 * Per-call options accepted by every method: limits override the client's for this call.
 *
 * @example
 * ```ts
 * await paya.transactions.retrieve(id, {}, { timeoutMs: 5_000, signal });
 * ```
 */
export interface CallOptions extends Partial<RetrySettings> {
  /** Ends the call at once, also while it waits to retry. */
  signal?: AbortSignal | undefined;
  /** Overrides the operation's retry mode; only a stricter mode is honoured (`safe` > `reconcile` > `never`). */
  retry?: RetryMode | undefined;
  /** List operations: fetch the next page while the caller works on the current one (default true). */
  prefetch?: boolean | undefined;
  /**
   * List operations: the most pages one walk fetches (default 10,000; `Infinity` to lift it).
   * A provider that repeats a page, or announces more pages than this, ends the walk with an
   * `invalid_response` error instead of an endless loop.
   */
  maxPages?: number | undefined;
}
