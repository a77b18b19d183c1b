import {
  type AnyOperation,
  type AuthStrategy,
  assembleProvider,
  hideInternals,
  type OAuthRefreshAuth,
  type OAuthTokens,
  oauthRefresh,
  type ProviderClient,
  type ProviderDescriptor,
  type RequestLimiter,
  type ResourceMap,
  runOperation,
  staticHeaders,
} from '@payweave/core';
import {
  LEADCONNECTOR_PACKAGE,
  LEADCONNECTOR_PACKAGE_VERSION,
  LEADCONNECTOR_PROVIDER,
} from './leadconnector-constants.js';
import { mapLeadConnectorError } from './leadconnector-errors.js';
import { createLeadConnectorRateLimiter } from './leadconnector-rate-limiter.js';
import {
  type LeadConnectorOAuthSettings,
  type LeadConnectorSettings,
  type ResolvedLeadConnectorSettings,
  resolveLeadConnectorSettings,
} from './leadconnector-settings.js';
import { refreshToken } from './oauth/refresh-token-operation.js';
import type { TokenResponse } from './oauth/token-schemas.js';

/**
 * Everything core must know about LeadConnector except its operations. Kept apart from the
 * resources so a client built from a few resources does not pull the others into a bundle;
 * `createLeadConnector` and {@link createLeadConnectorClient} both assemble from this one value.
 */
export const leadConnectorDescriptorBase: Omit<ProviderDescriptor<ResourceMap>, 'resources'> = {
  id: LEADCONNECTOR_PROVIDER,
  packageName: LEADCONNECTOR_PACKAGE,
  packageVersion: LEADCONNECTOR_PACKAGE_VERSION,
  mapError: mapLeadConnectorError,
  // On a 429 LeadConnector says how long its window lasts, in ms.
  retryAfterHeaders: ['x-ratelimit-interval-milliseconds'],
};

/** The OAuth state of a client made with `oauth` settings. */
export interface LeadConnectorOAuthSession {
  /** The current pair (after a failed refresh: the old one, kept for inspection). */
  readonly tokens: OAuthTokens;
  /** How many refreshes succeeded. */
  readonly refreshCount: number;
  /** Refreshes now, sharing any refresh in flight. */
  refreshNow(): Promise<OAuthTokens>;
}

/**
 * What every LeadConnector client has beside its resources, whichever resources it was
 * built with: none of it depends on an operation, so a client of a few resources keeps it.
 */
export interface LeadConnectorClientExtras {
  /** The default location id, when one was set. */
  readonly locationId: string | undefined;
  /** The client-side rate limiter (`undefined` when turned off). */
  readonly rateLimiter: RequestLimiter | undefined;
  /** OAuth state; `undefined` for clients made with an `accessToken`. */
  readonly oauthSession: LeadConnectorOAuthSession | undefined;
}

/**
 * A LeadConnector client of the resources `R` (see {@link createLeadConnectorClient}): one
 * property per resource, `operations` and `execute` for those resources only, plus
 * `locationId`, `rateLimiter` and `oauthSession`.
 *
 * @example
 * ```ts
 * const lc: LeadConnectorClientOf<{ orders: typeof orderOperations }> =
 *   createLeadConnectorClient({ accessToken, locationId }, { orders: orderOperations });
 * ```
 */
export type LeadConnectorClientOf<R extends ResourceMap> = ProviderClient<R> & LeadConnectorClientExtras;

type Fill = (input: Record<string, unknown>) => Record<string, unknown>;

function shapeKeys(operation: AnyOperation): Set<string> {
  const shape = (operation.input as { _zod?: { def?: { shape?: Record<string, unknown> } } })._zod?.def
    ?.shape;
  return new Set(Object.keys(shape ?? {}));
}

function defaultsFiller(operation: AnyOperation, resolved: ResolvedLeadConnectorSettings): Fill {
  const keys = shapeKeys(operation);
  const { locationId } = resolved;
  // Capabilities take companyId or locationId; elsewhere locationId is needed even next to companyId.
  const companyOrLocation = operation.id === 'leadconnector.customProviders.updateCapabilities';
  const oauth = resolved.credentials.kind === 'oauth' ? resolved.credentials.oauth : undefined;
  return (input) => {
    const filled = { ...input };
    if (keys.has('altId') && filled.altId === undefined && locationId !== undefined)
      filled.altId = locationId;
    if (keys.has('altType') && filled.altType === undefined) filled.altType = 'location';
    // Where locationId is only a filter next to altId it stays as the caller gave it.
    if (
      keys.has('locationId') &&
      !keys.has('altId') &&
      filled.locationId === undefined &&
      !(companyOrLocation && filled.companyId !== undefined) &&
      locationId !== undefined
    ) {
      filled.locationId = locationId;
    }
    if (oauth && keys.has('client_id') && filled.client_id === undefined) filled.client_id = oauth.clientId;
    if (oauth && keys.has('client_secret') && filled.client_secret === undefined)
      filled.client_secret = oauth.clientSecret;
    return filled;
  };
}

// Client defaults are filled before validation; the operations stay shared and unchanged.
function inputDefaults(
  resolved: ResolvedLeadConnectorSettings,
): (operation: AnyOperation, input: unknown) => unknown {
  const fillers = new Map<AnyOperation, Fill>();
  return (operation, input) => {
    // Anything but a plain object goes to the schema untouched, to be refused there.
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
    let fill = fillers.get(operation);
    if (!fill) {
      fill = defaultsFiller(operation, resolved);
      fillers.set(operation, fill);
    }
    return fill(input as Record<string, unknown>);
  };
}

function withVersion(auth: AuthStrategy, version: string): AuthStrategy {
  return {
    authorize: async (signal) => ({ ...(await auth.authorize(signal)), version }),
    onUnauthorized: (headers) => auth.onUnauthorized?.(headers) ?? false,
  };
}

function toExpiry(value: Date | number | undefined): Date | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value : new Date(value);
}

function rateLimiterOf(
  settings: LeadConnectorSettings,
  resolved: ResolvedLeadConnectorSettings,
): RequestLimiter | undefined {
  const { rateLimit, rateLimiter, logLevel, logger } = settings;
  if (rateLimiter) return rateLimiter;
  if (rateLimit === false) return undefined;
  return createLeadConnectorRateLimiter(
    rateLimit?.store
      ? {
          ...rateLimit,
          // The shared window is per location (ids are not secrets); its warnings go to the client's logger.
          storeKey: rateLimit.storeKey ?? resolved.locationId ?? 'default',
          logger: rateLimit.logger ?? (logLevel === 'silent' || logLevel === 'error' ? undefined : logger),
        }
      : (rateLimit ?? {}),
  );
}

/**
 * Creates a LeadConnector client with only the resources given, so a bundler keeps only
 * their operations and schemas (a one-call orders app is far smaller than one built with
 * `createLeadConnector`, which references every resource). Settings, credentials, the
 * `Version` header, OAuth refresh (with `onTokens`, `tokenStore` and a shared `store`), the
 * rate limiter and its shared window, the `altId` / `altType` / `locationId` defaults and
 * secret redaction are exactly those of `createLeadConnector`; bad settings throw a
 * `configuration` error here. The client has one property per given resource, `operations`
 * and `execute`, which know only the given operations (any other id is an `unsupported`
 * error), and `locationId`, `rateLimiter` and `oauthSession`.
 *
 * The OAuth refresh does not need the `oauth` resource: the client runs the token call
 * itself, whatever resources it was given. Pass `oauth: oauthOperations` only to call
 * `exchangeCode`, `refresh` or `locationToken` yourself.
 *
 * @param settings - Credentials, location, rate limit and core options, as for `createLeadConnector`.
 * @param resources - The resources to include, by name: `orderOperations`,
 *   `transactionOperations`, `subscriptionOperations`, `couponOperations`,
 *   `customProviderOperations`, `whiteLabelProviderOperations`, `oauthOperations` (or a
 *   subset of one of them, such as `{ orders: { list: listOrders } }`).
 * @returns A typed client for those resources.
 *
 * @example
 * ```ts
 * import { createLeadConnectorClient, orderOperations } from '@payweave/leadconnector';
 *
 * const lc = createLeadConnectorClient({ accessToken, locationId }, { orders: orderOperations });
 * for await (const order of lc.orders.list({ altId: locationId, altType: 'location' })) console.log(order._id);
 * ```
 */
export function createLeadConnectorClient<R extends ResourceMap>(
  settings: LeadConnectorSettings,
  resources: R,
): LeadConnectorClientOf<R> {
  const resolved = resolveLeadConnectorSettings(settings);
  const {
    accessToken: _a,
    oauth: _o,
    locationId: _l,
    version: _v,
    baseUrl: _b,
    rateLimit: _r,
    rateLimiter: _rl,
    ...options
  } = settings;
  const limiter = rateLimiterOf(settings, resolved);
  const oauth: LeadConnectorOAuthSettings | undefined =
    resolved.credentials.kind === 'oauth' ? resolved.credentials.oauth : undefined;
  const secrets = oauth
    ? [oauth.clientSecret, oauth.refreshToken, oauth.accessToken]
    : resolved.credentials.kind === 'accessToken'
      ? [resolved.credentials.accessToken]
      : [];
  let session: OAuthRefreshAuth | undefined;
  const { client } = assembleProvider(
    { ...leadConnectorDescriptorBase, resources },
    {
      baseUrl: resolved.baseUrl,
      options,
      secrets,
      limiter,
      inputDefaults: inputDefaults(resolved),
      auth: (runtime) => {
        if (resolved.credentials.kind === 'accessToken') {
          return withVersion(
            staticHeaders({ authorization: `Bearer ${resolved.credentials.accessToken}` }),
            resolved.version,
          );
        }
        if (!oauth) return undefined;
        session = oauthRefresh({
          tokens: {
            accessToken: oauth.accessToken ?? '',
            refreshToken: oauth.refreshToken,
            expiresAt: toExpiry(oauth.expiresAt),
          },
          ...(oauth.onTokens ? { onTokens: oauth.onTokens } : {}),
          ...(oauth.tokenStore ? { tokenStore: oauth.tokenStore } : {}),
          ...(oauth.renewBeforeMs === undefined ? {} : { renewBeforeMs: oauth.renewBeforeMs }),
          store: oauth.store,
          lockLeaseMs: oauth.lockLeaseMs,
          onStoreError: (error, action) => {
            runtime.http.logger.warn(
              `leadconnector: the shared token store failed (${action}); token refreshes fail closed until it answers.`,
              { cause: runtime.redactor.text(error instanceof Error ? error.message : String(error)) },
            );
          },
          onPersistError: (error, tokens) => {
            runtime.http.logger.error(
              'leadconnector: a rotated OAuth token pair could not be persisted; it stays in use in memory. Persist it before this process ends, or the merchant must consent again.',
              { cause: runtime.redactor.text(error instanceof Error ? error.message : String(error)) },
            );
            oauth.onPersistError?.(error, tokens);
          },
          // The token call is an `auth: 'none'` operation, so it skips the limiter: calls holding
          // slots may be waiting on this very refresh. It runs on the runtime directly, not by id
          // through `execute`, so it works whether or not the caller's resources include `oauth`.
          refresh: async (token) => {
            runtime.redactor.addSecret(token);
            const result = await runOperation(runtime, refreshToken, {
              client_id: oauth.clientId,
              client_secret: oauth.clientSecret,
              refresh_token: token,
              user_type: oauth.userType ?? 'Location',
            });
            if (result.isErr()) throw result.error;
            const body = result.value as TokenResponse;
            for (const secret of [body.access_token, body.refresh_token]) runtime.redactor.addSecret(secret);
            return {
              accessToken: body.access_token,
              refreshToken: body.refresh_token ?? token,
              expiresAt:
                body.expires_in === undefined ? undefined : new Date(Date.now() + body.expires_in * 1000),
            };
          },
        });
        return withVersion(session, resolved.version);
      },
    },
  );
  const current = session;
  // Logging the session must never print the tokens: inspect and JSON show counts and expiry only.
  const oauthSession: LeadConnectorOAuthSession | undefined = current
    ? hideInternals(
        {
          get tokens() {
            return current.tokens;
          },
          get refreshCount() {
            return current.refreshCount;
          },
          refreshNow: () => current.refreshNow(),
        },
        () => ({ refreshCount: current.refreshCount, expiresAt: current.tokens.expiresAt?.toISOString() }),
      )
    : undefined;
  return Object.assign(client, {
    locationId: resolved.locationId,
    rateLimiter: limiter,
    oauthSession,
  }) as LeadConnectorClientOf<R>;
}
