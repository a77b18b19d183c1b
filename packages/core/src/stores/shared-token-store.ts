import type { OAuthTokens } from '../auth/oauth-refresh.js';
import { createMemoryLock, type StoreLease } from './store-lease.js';

/** An OAuth pair as a {@link SharedTokenStore} keeps it. */
export interface StoredTokens {
  /** The pair. */
  readonly tokens: OAuthTokens;
  /**
   * Its place in the rotation chain. A pair given in settings is version 0; a refresh that
   * spends the refresh token of version `n` stores its new pair as version `n + 1`. A provider
   * that rotates refresh tokens accepts each one once, so each version has at most one valid
   * successor and a higher version is always the newer pair, even after the store lost its
   * data and an instance publishes the pair it kept in memory again.
   */
  readonly version: number;
}

/** What {@link SharedTokenStore.compareAndSet} did. */
export type TokenWriteResult =
  | {
      /** The pair was stored. */
      readonly stored: true;
      /** Its version (`expectedVersion + 1`). */
      readonly version: number;
    }
  | {
      /** The pair was not stored. */
      readonly stored: false;
      /**
       * `stale`: a newer pair (a higher version) is stored; read it. `fenced`: a later lease than
       * the one given holds the lock or wrote the stored pair (this holder stalled past its lease).
       */
      readonly reason: 'stale' | 'fenced';
    };

/**
 * Where the OAuth pair of one app installation is shared by every instance of a service, so
 * that exactly one of them refreshes a rotating refresh token and the others read the new pair.
 * `@payweave/redis` implements it on Redis; {@link memoryTokenStore} is the in-process default.
 *
 * The refresh protocol of `oauthRefresh` on it:
 * 1. `read()` the stored pair before every refresh (another instance may have refreshed);
 * 2. `acquireRefreshLock(leaseMs)`; when another instance holds it, wait and read again (the
 *    lease lapses if its holder dies, so the wait is bounded);
 * 3. under the lease, `read()` once more, refresh with the stored refresh token, and
 *    `compareAndSet(version, newPair, lease)` before the new access token is used;
 * 4. `release(lease)`.
 *
 * Every method may reject when the store cannot be reached; the refresh then fails closed.
 */
export interface SharedTokenStore {
  /** The stored pair with its version, or `undefined` when none is stored. */
  read(): Promise<StoredTokens | undefined>;
  /**
   * Stores `tokens` as version `expectedVersion + 1`, atomically, unless a pair with a higher
   * version than `expectedVersion` is stored (`stale`: never overwrite a newer pair) or, when
   * `lease` is given, a later lease holds the lock or wrote the stored pair (`fenced`). A store
   * holding nothing, or an older version (after it lost its data), accepts the write.
   */
  compareAndSet(expectedVersion: number, tokens: OAuthTokens, lease?: StoreLease): Promise<TokenWriteResult>;
  /** Takes the refresh lock for `leaseMs`: a lease with a fencing token, or `undefined` while another instance holds it. */
  acquireRefreshLock(leaseMs: number): Promise<StoreLease | undefined>;
  /** Gives the lock back if `lease` still holds it (a lapsed lease releases nothing). */
  release(lease: StoreLease): Promise<void>;
}

/** Options of {@link memoryTokenStore}. */
export interface MemoryTokenStoreOptions {
  /** A pair to start with (version 0), e.g. the one your database holds. */
  readonly tokens?: OAuthTokens | undefined;
  /** The clock of the lock's leases (tests). */
  readonly now?: (() => number) | undefined;
}

/**
 * A {@link SharedTokenStore} in this process's memory: what `oauthRefresh` uses when given no
 * store (one refresh at a time within the process, as before). Pass one to several clients of
 * the same installation in one process to share their pair; use `@payweave/redis` to share it
 * between processes.
 *
 * @example
 * ```ts
 * const store = memoryTokenStore();
 * const a = createLeadConnector({ locationId, oauth: { clientId, clientSecret, refreshToken, store } });
 * const b = createLeadConnector({ locationId, oauth: { clientId, clientSecret, refreshToken, store } });
 * ```
 */
export function memoryTokenStore(options: MemoryTokenStoreOptions = {}): SharedTokenStore {
  const lock = createMemoryLock(options.now);
  let stored: (StoredTokens & { readonly fence: number }) | undefined = options.tokens
    ? { tokens: options.tokens, version: 0, fence: 0 }
    : undefined;
  return {
    async read() {
      return stored ? { tokens: stored.tokens, version: stored.version } : undefined;
    },
    async compareAndSet(expectedVersion, tokens, lease) {
      if (stored && stored.version > expectedVersion) return { stored: false, reason: 'stale' };
      if (lease) {
        const holder = lock.holder();
        if ((holder !== undefined && holder > lease.fence) || (stored && stored.fence > lease.fence)) {
          return { stored: false, reason: 'fenced' };
        }
      }
      stored = { tokens, version: expectedVersion + 1, fence: lease?.fence ?? 0 };
      return { stored: true, version: stored.version };
    },
    async acquireRefreshLock(leaseMs) {
      return lock.acquire(leaseMs);
    },
    async release(lease) {
      lock.release(lease);
    },
  };
}
