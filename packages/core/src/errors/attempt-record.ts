/** What happened on one try of a call; the history is kept on every {@link PaymentsError}. */
export interface AttemptRecord {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** HTTP status, when a response arrived. */
  readonly httpStatus?: number;
  /** Failure kind when no usable response arrived (`timeout`, `network`, ...). */
  readonly failure?: 'timeout' | 'network' | 'connect' | 'aborted' | 'too_large';
  /** Milliseconds the attempt took. */
  readonly durationMs: number;
  /** Delay waited before the next attempt, when there was one. */
  readonly retryDelayMs?: number;
  /** Why the engine did (or did not) try again. */
  readonly decision?: 'retry' | 'reconcile' | 'reauthenticate' | 'stop';
  /** Set on the lookups a `reconcile` call made after an ambiguous failure (`lookup`) and on its resend (`resend`). */
  readonly phase?: 'lookup' | 'resend';
}
