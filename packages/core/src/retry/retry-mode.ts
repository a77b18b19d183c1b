/**
 * How a call may be retried (DESIGN.md section 4):
 * - `safe`: reads and writes the provider treats as idempotent; retried on network errors,
 *   timeouts, 408, 429 and 5xx.
 * - `reconcile`: creates that move money where the record can be found again by a client
 *   reference; after an ambiguous failure the record is looked up before anything is resent.
 * - `never`: retried only when the request provably never left (connection refused, DNS).
 */
export type RetryMode = 'safe' | 'reconcile' | 'never';

/** Retry and time limits; every field can be set per client and per call. */
export interface RetrySettings {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** Per attempt, covering the response headers and the whole body (default 30 s). */
  timeoutMs: number;
  /** For the whole call, retries and waits included (default 120 s). */
  deadlineMs: number;
  /** The longest `Retry-After` the SDK will wait; longer fails at once (default 60 s). */
  maxRetryAfterMs: number;
  /** First backoff delay (default 250 ms); doubles each retry, with jitter. */
  backoffBaseMs: number;
  /** Largest backoff delay (default 8 s). */
  backoffMaxMs: number;
}

/** The defaults of {@link RetrySettings}. */
export const defaultRetrySettings: RetrySettings = {
  maxRetries: 2,
  timeoutMs: 30_000,
  deadlineMs: 120_000,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 250,
  backoffMaxMs: 8_000,
};
