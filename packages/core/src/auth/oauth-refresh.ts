import { PaymentsError } from '../errors/payments-error.js';
import { sleep } from '../retry/sleep.js';
import { memoryTokenStore, type SharedTokenStore, type StoredTokens } from '../stores/shared-token-store.js';
import type { StoreLease } from '../stores/store-lease.js';
import type { AuthStrategy } from './auth-strategy.js';
import { singleFlight } from './single-flight.js';

/** An OAuth token pair. */
export interface OAuthTokens {
  /** Bearer token for API calls. */
  readonly accessToken: string;
  /** The refresh token; rotates on every refresh. */
  readonly refreshToken: string;
  /** When the access token expires, when known. */
  readonly expiresAt?: Date | undefined;
}

/**
 * Where rotated tokens are kept, so a restart does not reuse a spent refresh token. Loaded once,
 * before the first call; to share a pair between running instances use a {@link SharedTokenStore}
 * (`store`), which is read before every refresh.
 */
export interface TokenStore {
  /** The latest tokens, or `undefined` when none were saved. */
  load(): Promise<OAuthTokens | undefined> | OAuthTokens | undefined;
  /** Persists a new pair; awaited before the new access token is used. */
  save(tokens: OAuthTokens): Promise<void> | void;
}

/** What was being done with a {@link SharedTokenStore} when it failed. */
export type TokenStoreAction = 'read' | 'lock' | 'write' | 'release';

/** Settings of {@link oauthRefresh}. */
export interface OAuthRefreshOptions {
  /** Initial tokens (the access token may be missing or expired). */
  tokens: OAuthTokens;
  /** Calls the provider's token endpoint with a refresh token. Rejects with a `PaymentsError`. */
  refresh: (refreshToken: string, signal?: AbortSignal) => Promise<OAuthTokens>;
  /** Told about every new pair this client obtained, before it is used. */
  onTokens?: (tokens: OAuthTokens) => Promise<void> | void;
  /** Persists pairs; loaded once before the first call. */
  tokenStore?: TokenStore;
  /**
   * Shares the pair with every instance of the service (`@payweave/redis`): read before every
   * refresh, one refresh at a time across all instances under a lock with a lease, the new pair
   * written (compare-and-set, fenced) before it is used. Default: a {@link memoryTokenStore} of
   * this client alone, which behaves as a single process always did.
   *
   * When the store cannot be reached a refresh fails closed (an `authentication` error, nothing
   * sent to the provider: a refresh outside the lock could spend the refresh token another
   * instance holds), while an access token still valid in memory goes on being used.
   */
  store?: SharedTokenStore | undefined;
  /** Lease of the refresh lock, in ms (default 30 s): longer than a token call may take. */
  lockLeaseMs?: number | undefined;
  /** The longest a refresh waits for another instance's refresh, in ms (default twice the lease). */
  lockWaitMs?: number | undefined;
  /**
   * Told when `tokenStore.save`, `onTokens` or the shared `store` could not persist a new pair.
   * The pair stays in use in memory (the old refresh token is already spent), so calls go on; a
   * pair the shared store refused or could not take is written again later, under the lock.
   */
  onPersistError?: (error: unknown, tokens: OAuthTokens) => void;
  /** Told whenever the shared `store` fails (for logs); the refresh then fails closed. */
  onStoreError?: ((error: unknown, action: TokenStoreAction) => void) | undefined;
  /** Refresh this long before expiry (default 60 s). */
  renewBeforeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** OAuth auth plus a view of its state for inspection. */
export interface OAuthRefreshAuth extends AuthStrategy {
  /** The current tokens (after a failed refresh: the old ones, kept for inspection). */
  readonly tokens: OAuthTokens;
  /** The version of the current pair in the shared store's chain (0: the pair from settings). */
  readonly version: number;
  /** How many refreshes this client made (pairs read from the shared store are not counted). */
  readonly refreshCount: number;
  /** The last failure to persist a rotated pair, until a later pair is persisted. */
  readonly persistError: unknown;
  /** True while a pair this client obtained is not yet in the shared store (it is retried). */
  readonly unpublished: boolean;
  /** Refreshes now (sharing any refresh in flight, and taking a pair another instance just stored). */
  refreshNow(): Promise<OAuthTokens>;
}

const defaultLeaseMs = 30_000;
const republishIntervalMs = 1_000;

/** A message that names the store failure without quoting it (a client's error text may hold anything). */
function storeUnavailable(action: TokenStoreAction, cause: unknown): PaymentsError {
  return new PaymentsError({
    code: 'authentication',
    message: `Token refresh refused: the shared token store could not be reached (${action}). No refresh was sent, because a refresh outside the store's lock could spend the refresh token another instance holds and lock every instance out; calls go on once the store answers.`,
    retryable: true,
    cause,
  });
}

function refreshFailed(error: unknown): PaymentsError {
  return error instanceof PaymentsError
    ? error.with({ code: 'authentication', message: `Token refresh failed: ${error.message}` })
    : new PaymentsError({ code: 'authentication', message: 'Token refresh failed.', cause: error });
}

/**
 * OAuth bearer auth with refresh-token rotation (LeadConnector): refreshes ahead of expiry and
 * on a 401, and the rotated pair is written to the shared `store` and handed to `onTokens` /
 * `tokenStore.save` before the new access token is used.
 *
 * One refresh at a time across every instance sharing the `store`: the stored pair is read
 * before every refresh (another instance may already have refreshed); only the holder of the
 * refresh lock refreshes, and the others wait for the new pair and read it (bounded by
 * `lockWaitMs` and by each call's deadline). The lock has a lease, so a holder that dies blocks
 * no one for longer than `lockLeaseMs`, and a fencing token, so a holder that stalled past its
 * lease cannot overwrite a newer pair. When the provider refuses the refresh token
 * (`invalid_grant`), the store is read once more before the failure is reported: another
 * instance may have rotated it.
 *
 * A failed refresh is an `authentication` error and the old tokens stay in place. A rotated
 * pair is never dropped: when it cannot be persisted it stays in use in memory, the failure is
 * reported (`onPersistError`, `persistError`), and it is written to the shared store again
 * later. When the shared store cannot be reached, refreshes fail closed while a valid access
 * token in memory goes on working.
 *
 * @example
 * ```ts
 * const auth = oauthRefresh({
 *   tokens: { accessToken, refreshToken, expiresAt },
 *   refresh: (token) => callTokenEndpoint(token),
 *   onTokens: (tokens) => db.saveTokens(tokens),
 * });
 * ```
 */
export function oauthRefresh(options: OAuthRefreshOptions): OAuthRefreshAuth {
  const now = options.now ?? Date.now;
  const renewBeforeMs = options.renewBeforeMs ?? 60_000;
  const leaseMs = options.lockLeaseMs ?? defaultLeaseMs;
  const waitMs = options.lockWaitMs ?? 2 * leaseMs;
  const store = options.store ?? memoryTokenStore();
  let tokens = options.tokens;
  let version = 0;
  let refreshCount = 0;
  let persistError: unknown;
  let loaded = options.tokenStore === undefined;
  // An access token the provider refused (401); kept in `tokens` for inspection, never sent again.
  let refused: string | undefined;
  // A pair this client obtained that the shared store does not hold yet.
  let unpublished: StoredTokens | undefined;
  // The lease the unpublished pair was obtained under: its release may have failed with the write.
  let publishLease: StoreLease | undefined;
  let lastPublishAttempt = 0;

  const load = async () => {
    if (loaded) return;
    const stored = await options.tokenStore?.load();
    if (stored) tokens = stored;
    loaded = true;
  };

  const usable = () =>
    tokens.accessToken !== '' &&
    tokens.accessToken !== refused &&
    (tokens.expiresAt === undefined || tokens.expiresAt.getTime() - renewBeforeMs > now());

  const reportPersistError = (error: unknown, pair: OAuthTokens) => {
    persistError = error;
    try {
      options.onPersistError?.(error, pair);
    } catch {
      // The report is best effort; the pair is already in use.
    }
  };

  const reportStoreError = (error: unknown, action: TokenStoreAction) => {
    try {
      options.onStoreError?.(error, action);
    } catch {
      // Logging must not change the outcome.
    }
  };

  /** Calls the store; a failure is reported and becomes the fail-closed error. */
  const fromStore = async <T>(action: TokenStoreAction, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      reportStoreError(error, action);
      throw storeUnavailable(action, error);
    }
  };

  /** Takes a stored pair that is newer than ours. */
  const adopt = (stored: StoredTokens | undefined) => {
    if (!stored || stored.version <= version) return;
    tokens = stored.tokens;
    version = stored.version;
    if (unpublished && unpublished.version <= version) unpublished = undefined;
  };

  // Not awaited: a release that fails leaves a lease that lapses by itself.
  const release = (lease: StoreLease) => {
    Promise.resolve()
      .then(() => store.release(lease))
      .catch((error: unknown) => reportStoreError(error, 'release'));
  };

  /** Writes `pair` (version `pairVersion`) under `lease`; resolves whether the store holds it now. */
  const publish = async (pair: OAuthTokens, pairVersion: number, lease: StoreLease): Promise<boolean> => {
    let outcome: Awaited<ReturnType<SharedTokenStore['compareAndSet']>>;
    try {
      outcome = await store.compareAndSet(pairVersion - 1, pair, lease);
    } catch (error) {
      reportStoreError(error, 'write');
      unpublished = { tokens: pair, version: pairVersion };
      publishLease = lease;
      reportPersistError(error, pair);
      return false;
    }
    if (outcome.stored) {
      if (unpublished && unpublished.version <= pairVersion) unpublished = undefined;
      return true;
    }
    if (outcome.reason === 'stale') {
      // A newer pair is stored (a pair registered after a new consent, or a provider that does not
      // rotate): it wins. Ours is older in the chain, so nothing valid is dropped.
      unpublished = undefined;
      try {
        adopt(await store.read());
      } catch (error) {
        reportStoreError(error, 'read');
      }
      return false;
    }
    // Fenced: a later lease holds the lock. Keep the pair and write it again when the lock is free.
    unpublished = { tokens: pair, version: pairVersion };
    reportPersistError(
      new Error('The shared token store refused the rotated pair: a later lease holds the refresh lock.'),
      pair,
    );
    return false;
  };

  /** Writes a pair the store does not hold yet, when the lock is free. Never throws. */
  const republish = singleFlight(async () => {
    const pending = unpublished;
    if (!pending) return;
    lastPublishAttempt = Date.now();
    let lease: StoreLease | undefined;
    try {
      lease = await store.acquireRefreshLock(leaseMs);
    } catch (error) {
      reportStoreError(error, 'lock');
      return;
    }
    // The lock may still be held by the lease the pair was obtained under (its release failed too).
    const own = publishLease;
    if (!lease && own && own.expiresAt > Date.now()) lease = own;
    if (!lease) return;
    try {
      let stored: StoredTokens | undefined;
      try {
        stored = await store.read();
      } catch (error) {
        reportStoreError(error, 'read');
        return;
      }
      if (stored && stored.version >= pending.version) {
        unpublished = undefined;
        adopt(stored);
        return;
      }
      if (await publish(pending.tokens, pending.version, lease)) {
        persistError = undefined;
        publishLease = undefined;
      }
    } finally {
      release(lease);
    }
  });

  /** Refreshes with our refresh token under `lease`; on a refusal, reads the store once more. */
  const refreshUnder = async (lease: StoreLease): Promise<OAuthTokens> => {
    let spentVersion = version;
    let next: OAuthTokens;
    try {
      next = await options.refresh(tokens.refreshToken);
    } catch (error) {
      // Another instance may have rotated the token (a holder that stalled past its lease): read once more.
      let stored: StoredTokens | undefined;
      try {
        stored = await store.read();
      } catch (readError) {
        reportStoreError(readError, 'read');
      }
      if (!stored || stored.version <= version) throw refreshFailed(error);
      adopt(stored);
      if (usable()) return tokens;
      spentVersion = version;
      try {
        next = await options.refresh(tokens.refreshToken);
      } catch (again) {
        throw refreshFailed(again);
      }
    }
    // The old refresh token is spent the moment the provider answers: adopt the new pair first, so
    // no failure of any storage can make the next refresh send a dead token (invalid_grant).
    tokens = next;
    version = spentVersion + 1;
    refused = undefined;
    refreshCount += 1;
    persistError = undefined;
    await publish(next, version, lease);
    for (const persist of [() => options.tokenStore?.save(next), () => options.onTokens?.(next)]) {
      try {
        await persist();
      } catch (error) {
        reportPersistError(error, next);
      }
    }
    return tokens;
  };

  const refresh = async (force: boolean): Promise<OAuthTokens> => {
    await load();
    if (unpublished) await republish();
    const startVersion = version;
    const done = () => (force ? version > startVersion : usable());
    const giveUpAt = Date.now() + waitMs;
    let pause = 10;
    for (;;) {
      adopt(await fromStore('read', () => store.read()));
      if (done()) return tokens;
      const lease = await fromStore('lock', () => store.acquireRefreshLock(leaseMs));
      if (lease) {
        try {
          adopt(await fromStore('read', () => store.read()));
          if (done()) return tokens;
          return await refreshUnder(lease);
        } finally {
          release(lease);
        }
      }
      // Another instance is refreshing: wait for its pair (or for its lease to lapse).
      if (Date.now() + pause > giveUpAt) {
        throw new PaymentsError({
          code: 'authentication',
          message: `Token refresh timed out: another instance held the refresh lock for more than ${waitMs} ms and stored no new pair.`,
          retryable: true,
        });
      }
      await sleep(pause * (0.75 + Math.random() / 2));
      pause = Math.min(250, Math.ceil(pause * 1.5));
    }
  };

  const refreshWhenNeeded = singleFlight(() => refresh(false));
  const refreshForced = singleFlight(() => refresh(true));

  return {
    get tokens() {
      return tokens;
    },
    get version() {
      return version;
    },
    get refreshCount() {
      return refreshCount;
    },
    get persistError() {
      return persistError;
    },
    get unpublished() {
      return unpublished !== undefined;
    },
    refreshNow: refreshForced,
    async authorize() {
      await load();
      if (unpublished && Date.now() - lastPublishAttempt >= republishIntervalMs) {
        // Background: a valid access token must not wait on a store that may be down.
        republish().catch(() => {});
      }
      const current = usable() ? tokens : await refreshWhenNeeded();
      return { authorization: `Bearer ${current.accessToken}` };
    },
    async onUnauthorized(usedHeaders) {
      if (usedHeaders.authorization === `Bearer ${tokens.accessToken}`) refused = tokens.accessToken;
      return true;
    },
  };
}
