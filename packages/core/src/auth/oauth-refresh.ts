import { PaymentsError } from '../errors/payments-error.js';
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

/** Where rotated tokens are kept, so a restart does not reuse a spent refresh token. */
export interface TokenStore {
  /** The latest tokens, or `undefined` when none were saved. */
  load(): Promise<OAuthTokens | undefined> | OAuthTokens | undefined;
  /** Persists a new pair; awaited before the new access token is used. */
  save(tokens: OAuthTokens): Promise<void> | void;
}

/** Settings of {@link oauthRefresh}. */
export interface OAuthRefreshOptions {
  /** Initial tokens (the access token may be missing or expired). */
  tokens: OAuthTokens;
  /** Calls the provider's token endpoint with a refresh token. Rejects with a `PaymentsError`. */
  refresh: (refreshToken: string, signal?: AbortSignal) => Promise<OAuthTokens>;
  /** Told about every new pair before it is used. */
  onTokens?: (tokens: OAuthTokens) => Promise<void> | void;
  /** Persists pairs; loaded once before the first call. */
  tokenStore?: TokenStore;
  /**
   * Told when `tokenStore.save` or `onTokens` failed for a new pair. The pair stays in use in
   * memory (the old refresh token is already spent), so calls go on; persist it yourself.
   */
  onPersistError?: (error: unknown, tokens: OAuthTokens) => void;
  /** Refresh this long before expiry (default 60 s). */
  renewBeforeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** OAuth auth plus a view of its state for inspection. */
export interface OAuthRefreshAuth extends AuthStrategy {
  /** The current tokens (after a failed refresh: the old ones, kept for inspection). */
  readonly tokens: OAuthTokens;
  /** How many refreshes succeeded. */
  readonly refreshCount: number;
  /** The last failure to persist a rotated pair, until a later pair is persisted. */
  readonly persistError: unknown;
  /** Refreshes now (sharing any refresh in flight). */
  refreshNow(): Promise<OAuthTokens>;
}

/**
 * OAuth bearer auth with refresh-token rotation (LeadConnector): refreshes ahead of
 * expiry and on a 401, one refresh in flight for all callers, and the rotated pair is
 * handed to `onTokens` / `tokenStore.save` before the new access token is used. A failed
 * refresh is an `authentication` error and the old tokens stay in place. A pair that could
 * not be persisted stays in use in memory and is reported (`onPersistError`, `persistError`).
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
  let tokens = options.tokens;
  let refreshCount = 0;
  let persistError: unknown;
  let loaded = options.tokenStore === undefined;
  // An access token the provider refused (401); kept in `tokens` for inspection, never sent again.
  let refused: string | undefined;

  const load = async () => {
    if (loaded) return;
    const stored = await options.tokenStore?.load();
    if (stored) tokens = stored;
    loaded = true;
  };

  const refresh = singleFlight(async () => {
    await load();
    let next: OAuthTokens;
    try {
      next = await options.refresh(tokens.refreshToken);
    } catch (error) {
      throw error instanceof PaymentsError
        ? error.with({ code: 'authentication', message: `Token refresh failed: ${error.message}` })
        : new PaymentsError({ code: 'authentication', message: 'Token refresh failed.', cause: error });
    }
    // The old refresh token is spent the moment the provider answers: adopt the new pair first, so
    // no failure of the app's storage can make the next refresh send a dead token (invalid_grant).
    tokens = next;
    refreshCount += 1;
    persistError = undefined;
    for (const persist of [() => options.tokenStore?.save(next), () => options.onTokens?.(next)]) {
      try {
        await persist();
      } catch (error) {
        persistError = error;
        try {
          options.onPersistError?.(error, next);
        } catch {
          // The report is best effort; the pair is already in use.
        }
      }
    }
    return next;
  });

  const usable = () =>
    tokens.accessToken !== '' &&
    tokens.accessToken !== refused &&
    (tokens.expiresAt === undefined || tokens.expiresAt.getTime() - renewBeforeMs > now());

  return {
    get tokens() {
      return tokens;
    },
    get refreshCount() {
      return refreshCount;
    },
    get persistError() {
      return persistError;
    },
    refreshNow: refresh,
    async authorize() {
      await load();
      const current = usable() ? tokens : await refresh();
      return { authorization: `Bearer ${current.accessToken}` };
    },
    async onUnauthorized(usedHeaders) {
      if (usedHeaders.authorization === `Bearer ${tokens.accessToken}`) refused = tokens.accessToken;
      return true;
    },
  };
}
