import { PaymentsError } from '../errors/payments-error.js';
import type { AuthStrategy } from './auth-strategy.js';
import { singleFlight } from './single-flight.js';

/** A token issued by a login or session call, with its expiry. */
export interface IssuedToken {
  /** The token itself (a secret). */
  readonly token: string;
  /** When it stops working. */
  readonly expiresAt: Date;
}

/** Settings of {@link sessionToken}. */
export interface SessionTokenOptions {
  /** Issues a new token (the provider's login / session call). Rejects with a `PaymentsError`. */
  issue: (signal?: AbortSignal) => Promise<IssuedToken>;
  /** Turns the token into request headers. */
  toHeaders: (token: string) => Record<string, string>;
  /** Renew this long before expiry (default 60 s). */
  renewBeforeMs?: number;
  /** Called with each new token, e.g. to register it with a redactor. */
  onIssued?: (token: IssuedToken) => void;
  /** Clock, for tests. */
  now?: () => number;
}

/** Session-token auth plus a read-only view of its state (never the token itself). */
export interface SessionTokenAuth extends AuthStrategy {
  /** Expiry of the cached token, or `undefined` when there is none. */
  readonly expiresAt: Date | undefined;
  /** How many tokens have been issued by this client. */
  readonly issuedCount: number;
  /** Forgets the cached token; the next call issues a new one. */
  invalidate(): void;
}

/**
 * Tokens issued by a call (PayConnect sessions, connectFi login): cached with their
 * expiry, renewed ahead of it, one renewal in flight however many calls wait, and on a
 * 401 the token is dropped so the retried call gets a fresh one.
 *
 * @example
 * ```ts
 * const auth = sessionToken({
 *   issue: async () => ({ token: 't', expiresAt: new Date(Date.now() + 3_600_000) }),
 *   toHeaders: (token) => ({ authorization: `Bearer ${token}` }),
 * });
 * ```
 */
export function sessionToken(options: SessionTokenOptions): SessionTokenAuth {
  const now = options.now ?? Date.now;
  const renewBeforeMs = options.renewBeforeMs ?? 60_000;
  let current: IssuedToken | undefined;
  let issuedCount = 0;

  const renew = singleFlight(async () => {
    const issued = await options.issue();
    if (!issued.token) {
      throw new PaymentsError({ code: 'authentication', message: 'The session call returned no token.' });
    }
    issuedCount += 1;
    options.onIssued?.(issued);
    current = issued;
    return issued;
  });

  const fresh = (token: IssuedToken | undefined): token is IssuedToken =>
    token !== undefined && token.expiresAt.getTime() - renewBeforeMs > now();

  return {
    get expiresAt() {
      return current?.expiresAt;
    },
    get issuedCount() {
      return issuedCount;
    },
    invalidate() {
      current = undefined;
    },
    async authorize() {
      const token = fresh(current) ? current : await renew();
      return options.toHeaders(token.token);
    },
    onUnauthorized(usedHeaders) {
      // Only drop the token the failed call used; another caller may already have renewed it.
      if (current && JSON.stringify(options.toHeaders(current.token)) === JSON.stringify(usedHeaders)) {
        current = undefined;
      }
      return true;
    },
  };
}
