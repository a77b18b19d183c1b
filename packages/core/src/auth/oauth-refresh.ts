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
  /** Refreshes now (sharing any refresh in flight). */
  refreshNow(): Promise<OAuthTokens>;
}

/**
 * OAuth bearer auth with refresh-token rotation (LeadConnector): refreshes ahead of
 * expiry and on a 401, one refresh in flight for all callers, and the rotated pair is
 * handed to `onTokens` / `tokenStore.save` before the new access token is used. A failed
 * refresh is an `authentication` error and the old tokens stay in place.
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
    // Persist first: the old refresh token is already spent, so losing this pair would lock the app out.
    await options.tokenStore?.save(next);
    await options.onTokens?.(next);
    tokens = next;
    refreshCount += 1;
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
