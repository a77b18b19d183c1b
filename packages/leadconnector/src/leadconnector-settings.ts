import {
  type CoreOptions,
  checkBaseUrl,
  configurationError,
  type OAuthTokens,
  type RequestLimiter,
  readEnvironment,
  type SharedTokenStore,
  type TokenStore,
} from '@payweave/core';
import {
  LEADCONNECTOR_API_VERSION,
  LEADCONNECTOR_BASE_URL,
  LEADCONNECTOR_PROVIDER,
} from './leadconnector-constants.js';
import type { RateLimiterOptions } from './leadconnector-rate-limiter.js';

/** Environment variables read when a setting is not given. */
export const leadConnectorEnvironment = {
  accessToken: 'LEADCONNECTOR_ACCESS_TOKEN',
  locationId: 'LEADCONNECTOR_LOCATION_ID',
  clientId: 'LEADCONNECTOR_CLIENT_ID',
  clientSecret: 'LEADCONNECTOR_CLIENT_SECRET',
  refreshToken: 'LEADCONNECTOR_REFRESH_TOKEN',
  baseUrl: 'LEADCONNECTOR_BASE_URL',
} as const;

/** OAuth settings of a marketplace app installed on a location. */
export interface LeadConnectorOAuthSettings {
  /** The app's client id. */
  clientId: string;
  /** The app's client secret. */
  clientSecret: string;
  /** The latest refresh token (it rotates on every refresh). */
  refreshToken: string;
  /** A current access token, if you have one; refreshed first when missing or expired. */
  accessToken?: string | undefined;
  /** When `accessToken` expires (a `Date` or epoch ms). */
  expiresAt?: Date | number | undefined;
  /** `Location` (default) or `Company`: the kind of token the refresh asks for. */
  userType?: 'Location' | 'Company' | undefined;
  /** Told about every rotated pair before it is used: persist it, the old refresh token is spent. */
  onTokens?: ((tokens: OAuthTokens) => Promise<void> | void) | undefined;
  /** Loads the latest pair before the first call and saves each rotated pair before it is used. */
  tokenStore?: TokenStore | undefined;
  /**
   * Shares the pair with every instance of your service (`redisTokenStore` of `@payweave/redis`,
   * one per location): the stored pair is read before every refresh, exactly one instance
   * refreshes (under a lock with a lease and a fencing token) and the others read its new pair.
   * When the store cannot be reached, refreshes fail closed with an `authentication` error while
   * a still valid access token goes on working. Default: this client's own memory.
   */
  store?: SharedTokenStore | undefined;
  /** Lease of the shared refresh lock, in ms (default 30 s; longer than a token call may take). */
  lockLeaseMs?: number | undefined;
  /**
   * Told when `tokenStore.save` or `onTokens` failed for a rotated pair. The pair stays in use
   * in memory (the old refresh token is already spent) and the failure is also logged at `error`.
   */
  onPersistError?: ((error: unknown, tokens: OAuthTokens) => void) | undefined;
  /** Refresh this long before expiry (default 60 s). */
  renewBeforeMs?: number | undefined;
}

/**
 * Settings of {@link createLeadConnector}: one of `accessToken` (a private integration or
 * location token) or `oauth`, plus the core options (timeouts, retries, hooks, logger).
 */
export interface LeadConnectorSettings extends CoreOptions {
  /** A private integration token or location access token (env `LEADCONNECTOR_ACCESS_TOKEN`). */
  accessToken?: string | undefined;
  /** OAuth with refresh-token rotation (env `LEADCONNECTOR_CLIENT_ID`, `_CLIENT_SECRET`, `_REFRESH_TOKEN`). */
  oauth?: LeadConnectorOAuthSettings | undefined;
  /** The location (sub-account) id: the default `altId` / `locationId` of every call (env `LEADCONNECTOR_LOCATION_ID`). */
  locationId?: string | undefined;
  /** The `Version` header; the Payments API allows only `2021-07-28`. */
  version?: '2021-07-28' | undefined;
  /**
   * API base URL (default `https://services.leadconnectorhq.com`, env `LEADCONNECTOR_BASE_URL`):
   * https, or http only on loopback (127.0.0.0/8, localhost, [::1]); no credentials, query or
   * fragment, from the setting and the environment variable alike.
   */
  baseUrl?: string | undefined;
  /** Client-side rate limit (default 100 per 10 s, adjusted from headers); `false` turns it off. */
  rateLimit?: RateLimiterOptions | false | undefined;
  /** A limiter shared with other clients of the same location (wins over `rateLimit`). */
  rateLimiter?: RequestLimiter | undefined;
}

/** Settings after defaults, environment variables and checks. */
export interface ResolvedLeadConnectorSettings {
  /** Credentials. */
  readonly credentials:
    | { readonly kind: 'accessToken'; readonly accessToken: string }
    | { readonly kind: 'oauth'; readonly oauth: LeadConnectorOAuthSettings };
  /** Default location. */
  readonly locationId: string | undefined;
  /** `Version` header. */
  readonly version: string;
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
}

function required(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '')
    throw configurationError(LEADCONNECTOR_PROVIDER, field, 'must be a non-empty string');
}

/**
 * Validates settings and fills them from the environment. Throws a `configuration`
 * error naming the setting: a client with bad settings is never made.
 */
export function resolveLeadConnectorSettings(settings: LeadConnectorSettings): ResolvedLeadConnectorSettings {
  const version = settings.version ?? LEADCONNECTOR_API_VERSION;
  if (version !== LEADCONNECTOR_API_VERSION) {
    throw configurationError(
      LEADCONNECTOR_PROVIDER,
      'version',
      `must be ${LEADCONNECTOR_API_VERSION} (the only value the Payments API allows)`,
    );
  }
  // The same rule for the setting and the environment variable: the OAuth client secret and
  // every token go to this URL, so never in clear text. The error names where the URL came from.
  const urlFromEnvironment =
    settings.baseUrl === undefined ? readEnvironment(leadConnectorEnvironment.baseUrl) : undefined;
  const baseUrl = checkBaseUrl(
    LEADCONNECTOR_PROVIDER,
    settings.baseUrl ?? urlFromEnvironment ?? LEADCONNECTOR_BASE_URL,
    urlFromEnvironment === undefined ? 'baseUrl' : leadConnectorEnvironment.baseUrl,
  );
  const locationId = settings.locationId ?? readEnvironment(leadConnectorEnvironment.locationId);
  if (locationId !== undefined) required('locationId', locationId);
  if (settings.accessToken !== undefined && settings.oauth !== undefined) {
    throw configurationError(
      LEADCONNECTOR_PROVIDER,
      'accessToken',
      'and oauth cannot both be given; pick one',
    );
  }
  if (settings.oauth) {
    const { oauth } = settings;
    required('oauth.clientId', oauth.clientId);
    required('oauth.clientSecret', oauth.clientSecret);
    required('oauth.refreshToken', oauth.refreshToken);
    if (oauth.accessToken !== undefined) required('oauth.accessToken', oauth.accessToken);
    if (
      oauth.lockLeaseMs !== undefined &&
      !(typeof oauth.lockLeaseMs === 'number' && oauth.lockLeaseMs >= 100 && oauth.lockLeaseMs <= 600_000)
    ) {
      throw configurationError(
        LEADCONNECTOR_PROVIDER,
        'oauth.lockLeaseMs',
        'must be a number of ms from 100 to 600000',
      );
    }
    return { credentials: { kind: 'oauth', oauth }, locationId, version, baseUrl };
  }
  const accessToken = settings.accessToken ?? readEnvironment(leadConnectorEnvironment.accessToken);
  if (accessToken !== undefined) {
    required('accessToken', accessToken);
    return { credentials: { kind: 'accessToken', accessToken }, locationId, version, baseUrl };
  }
  const clientId = readEnvironment(leadConnectorEnvironment.clientId);
  const clientSecret = readEnvironment(leadConnectorEnvironment.clientSecret);
  const refreshToken = readEnvironment(leadConnectorEnvironment.refreshToken);
  if (clientId && clientSecret && refreshToken) {
    return {
      credentials: { kind: 'oauth', oauth: { clientId, clientSecret, refreshToken } },
      locationId,
      version,
      baseUrl,
    };
  }
  throw configurationError(
    LEADCONNECTOR_PROVIDER,
    'accessToken',
    `is required: give accessToken or oauth (or set ${leadConnectorEnvironment.accessToken})`,
  );
}
