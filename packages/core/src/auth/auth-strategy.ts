/**
 * How a client authenticates. The HTTP client asks for headers before each attempt and
 * tells the strategy about a 401 so it can drop a stale token and have the call retried once.
 */
export interface AuthStrategy {
  /** Headers for the next attempt; may issue or renew a token first. Rejects with a `PaymentsError`. */
  authorize(signal?: AbortSignal): Promise<Record<string, string>>;
  /**
   * Called when an attempt answered 401 with `headers`. Resolve `true` when fresh
   * credentials may fix it (the call is then retried once).
   */
  onUnauthorized?(headers: Record<string, string>): Promise<boolean> | boolean;
}
