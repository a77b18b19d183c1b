import { backoffDelay } from './backoff.js';
import type { RetryMode, RetrySettings } from './retry-mode.js';
import type { Disposition } from './status-rules.js';

/** Everything the retry decision depends on; nothing else. */
export interface RetryQuestion {
  /** The call's effective retry mode. */
  readonly mode: RetryMode;
  /** What the failed attempt says about the request. */
  readonly disposition: Disposition;
  /** Resends already made in this call. */
  readonly retriesUsed: number;
  /** The call's limits. */
  readonly settings: RetrySettings;
  /** The wait the provider asked for, when it did. */
  readonly retryAfterMs: number | undefined;
  /** Milliseconds left before the call's deadline. */
  readonly remainingMs: number;
  /** Randomness for the jitter (tests pass their own). */
  readonly random?: (() => number) | undefined;
}

/** Why a call stops resending. */
export type StopReason = 'final' | 'mode' | 'ambiguous' | 'exhausted' | 'deadline' | 'wait_too_long';

/** Resend after `delayMs`, or stop. */
export type RetryDecision =
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'stop'; readonly reason: StopReason };

/**
 * The retry policy, a pure function (DESIGN.md section 4). A write that may have happened is
 * resent only in `safe` mode; `reconcile` and `never` stop with `ambiguous` and the operation
 * layer decides (look the record up, or report outcome unknown). Every wait is bounded by the
 * deadline and `maxRetryAfterMs`: a longer wait asked for by the provider stops at once.
 */
export function decideRetry(question: RetryQuestion): RetryDecision {
  const { disposition, settings, retryAfterMs } = question;
  if (disposition === 'final') return { action: 'stop', reason: 'final' };
  if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryAfterMs) {
    return { action: 'stop', reason: 'wait_too_long' };
  }
  if (disposition === 'ambiguous' && question.mode !== 'safe') return { action: 'stop', reason: 'ambiguous' };
  if (disposition === 'unprocessed' && question.mode === 'never') return { action: 'stop', reason: 'mode' };
  if (question.retriesUsed >= settings.maxRetries) return { action: 'stop', reason: 'exhausted' };
  const delayMs =
    retryAfterMs ??
    backoffDelay(question.retriesUsed + 1, settings.backoffBaseMs, settings.backoffMaxMs, question.random);
  if (delayMs >= question.remainingMs) return { action: 'stop', reason: 'deadline' };
  return { action: 'retry', delayMs };
}
