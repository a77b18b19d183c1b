import { PaymentsError } from '../errors/payments-error.js';
import { sleep } from '../retry/sleep.js';
import { memorySessionStore, type SessionStore, type StoredSession } from '../stores/session-store.js';
import type { StoreLease } from '../stores/store-lease.js';
import type { AuthStrategy } from './auth-strategy.js';
import { singleFlight } from './single-flight.js';

/** A token issued by a login or session call, with its expiry. */
export interface IssuedToken {
  /** The token itself (a secret). */
  readonly token: string;
  /** When it stops working. */
  readonly expiresAt: Date;
}

/** What was being done with a {@link SessionStore} when it failed. */
export type SessionStoreAction = 'read' | 'lock' | 'write' | 'discard' | 'release';

/** Settings of {@link sessionToken}. */
export interface SessionTokenOptions {
  /** Issues a new token (the provider's login / session call). Rejects with a `PaymentsError`. */
  issue: (signal?: AbortSignal) => Promise<IssuedToken>;
  /** Turns the token into request headers. */
  toHeaders: (token: string) => Record<string, string>;
  /** Renew this long before expiry (default 60 s). */
  renewBeforeMs?: number;
  /** Called with each token this client uses (issued here or read from the store), e.g. to register it with a redactor. */
  onIssued?: (token: IssuedToken) => void;
  /**
   * Shares the session with every instance of the service (`@payweave/redis`): read before a
   * login, one login at a time under a lock with a lease, the others read the new session.
   * Default: a {@link memorySessionStore} of this client alone. When the store cannot be reached
   * the client logs in by itself (as a single process would) and reports it to `onStoreError`.
   */
  store?: SessionStore | undefined;
  /** Lease of the login lock, in ms (default 30 s). */
  lockLeaseMs?: number | undefined;
  /** The longest a client waits for another instance's login before logging in itself (default twice the lease). */
  lockWaitMs?: number | undefined;
  /** Told when the shared `store` failed (for logs). */
  onStoreError?: ((error: unknown, action: SessionStoreAction) => void) | undefined;
  /** Clock, for tests. */
  now?: () => number;
}

/** Session-token auth plus a read-only view of its state (never the token itself). */
export interface SessionTokenAuth extends AuthStrategy {
  /** Expiry of the cached token, or `undefined` when there is none. */
  readonly expiresAt: Date | undefined;
  /** How many tokens have been issued by this client (sessions read from a shared store are not counted). */
  readonly issuedCount: number;
  /** Forgets the cached token; the next call reads the store or issues a new one. */
  invalidate(): void;
}

const storeFailed = Symbol('store failed');

/**
 * Tokens issued by a call (PayConnect sessions, connectFi login): cached with their
 * expiry, renewed ahead of it, one renewal in flight however many calls wait, and on a
 * 401 the token is dropped so the retried call gets a fresh one. With a shared `store`, every
 * instance of a service uses one session: one login per expiry for all of them.
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
  const leaseMs = options.lockLeaseMs ?? 30_000;
  const waitMs = options.lockWaitMs ?? 2 * leaseMs;
  const store = options.store ?? memorySessionStore();
  let current: IssuedToken | undefined;
  let generation: number | undefined;
  // The generation a 401 refused: never taken from the store again.
  let dropped: number | undefined;
  let issuedCount = 0;

  const report = (error: unknown, action: SessionStoreAction) => {
    try {
      options.onStoreError?.(error, action);
    } catch {
      // Logging must not change the outcome.
    }
  };

  const attempt = async <T>(
    action: SessionStoreAction,
    call: () => Promise<T>,
  ): Promise<T | typeof storeFailed> => {
    try {
      return await call();
    } catch (error) {
      report(error, action);
      return storeFailed;
    }
  };

  const fresh = (token: IssuedToken | undefined): token is IssuedToken =>
    token !== undefined && token.expiresAt.getTime() - renewBeforeMs > now();

  const use = (token: IssuedToken, from: number | undefined) => {
    options.onIssued?.(token);
    current = token;
    generation = from;
    return token;
  };

  /** Takes a usable stored session, if there is one. */
  const take = (stored: StoredSession | undefined): IssuedToken | undefined =>
    stored && fresh(stored.token) && stored.generation !== dropped
      ? use(stored.token, stored.generation)
      : undefined;

  const issue = async (lease: StoreLease | undefined) => {
    const issued = await options.issue();
    if (!issued.token) {
      throw new PaymentsError({ code: 'authentication', message: 'The session call returned no token.' });
    }
    issuedCount += 1;
    use(issued, undefined);
    const written = await attempt('write', () => store.write(issued, lease));
    if (written !== storeFailed && written !== undefined && current === issued) generation = written;
    return issued;
  };

  const renew = singleFlight(async () => {
    const giveUpAt = Date.now() + waitMs;
    let pause = 10;
    for (;;) {
      const stored = await attempt('read', () => store.read());
      if (stored === storeFailed) return issue(undefined);
      const taken = take(stored);
      if (taken) return taken;
      const lease = await attempt('lock', () => store.acquireLock(leaseMs));
      if (lease === storeFailed) return issue(undefined);
      if (lease) {
        try {
          const again = await attempt('read', () => store.read());
          const retaken = again === storeFailed ? undefined : take(again);
          return retaken ?? (await issue(lease));
        } finally {
          Promise.resolve()
            .then(() => store.release(lease))
            .catch((error: unknown) => report(error, 'release'));
        }
      }
      // Another instance is logging in: wait for its session, or log in ourselves once the wait is too long.
      if (Date.now() + pause > giveUpAt) return issue(undefined);
      await sleep(pause * (0.75 + Math.random() / 2));
      pause = Math.min(250, Math.ceil(pause * 1.5));
    }
  });

  return {
    get expiresAt() {
      return current?.expiresAt;
    },
    get issuedCount() {
      return issuedCount;
    },
    invalidate() {
      current = undefined;
      if (generation !== undefined) dropped = generation;
    },
    async authorize() {
      const token = fresh(current) ? current : await renew();
      return options.toHeaders(token.token);
    },
    async onUnauthorized(usedHeaders) {
      // Only drop the token the failed call used; another caller may already have renewed it.
      if (current && JSON.stringify(options.toHeaders(current.token)) === JSON.stringify(usedHeaders)) {
        current = undefined;
        const refused = generation;
        if (refused !== undefined) {
          dropped = refused;
          await attempt('discard', () => store.discard(refused));
        }
      }
      return true;
    },
  };
}
