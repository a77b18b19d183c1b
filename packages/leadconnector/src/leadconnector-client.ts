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
  runOperation,
  staticHeaders,
} from '@payweave/core';
import { couponOperations } from './coupons/coupon-operations.js';
import { customProviderOperations } from './custom-providers/custom-provider-operations.js';
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
import { oauthOperations, refreshToken } from './oauth/oauth-operations.js';
import type { TokenResponse } from './oauth/oauth-schemas.js';
import { orderOperations } from './orders/order-operations.js';
import { subscriptionOperations } from './subscriptions/subscription-operations.js';
import { transactionOperations } from './transactions/transaction-operations.js';
import { whiteLabelProviderOperations } from './white-label-providers/white-label-provider-operations.js';

/** Every resource of the client and its operations, as declared. */
export const leadConnectorResources = {
  orders: orderOperations,
  transactions: transactionOperations,
  subscriptions: subscriptionOperations,
  coupons: couponOperations,
  customProviders: customProviderOperations,
  whiteLabelProviders: whiteLabelProviderOperations,
  oauth: oauthOperations,
} as const;

/** The resource map of {@link LeadConnectorClient}. */
export type LeadConnectorResources = typeof leadConnectorResources;

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
 * The LeadConnector (HighLevel) Payments API client: `orders`, `transactions`,
 * `subscriptions`, `coupons`, `customProviders`, `whiteLabelProviders` and `oauth`. Every
 * method returns a `Result` (list methods a page iterator); `altId`, `altType` and
 * `locationId` default from the client's `locationId`.
 *
 * @example
 * ```ts
 * const lc = createLeadConnector({ accessToken, locationId });
 * for await (const order of lc.orders.list({ paymentStatus: 'unpaid' })) console.log(order._id);
 * await lc.orders.recordPayment({ orderId, mode: 'cash', amount: 25, isPartialPayment: true });
 * ```
 */
export type LeadConnectorClient = ProviderClient<LeadConnectorResources> & {
  /** The default location id, when one was set. */
  readonly locationId: string | undefined;
  /** The client-side rate limiter (`undefined` when turned off). */
  readonly rateLimiter: RequestLimiter | undefined;
  /** OAuth state; `undefined` for clients made with an `accessToken`. */
  readonly oauthSession: LeadConnectorOAuthSession | undefined;
};

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

/** What is special about LeadConnector, for core's assembler. */
export const leadConnectorDescriptor: ProviderDescriptor<LeadConnectorResources> = {
  id: LEADCONNECTOR_PROVIDER,
  packageName: LEADCONNECTOR_PACKAGE,
  packageVersion: LEADCONNECTOR_PACKAGE_VERSION,
  resources: leadConnectorResources,
  mapError: mapLeadConnectorError,
  // On a 429 LeadConnector says how long its window lasts, in ms.
  retryAfterHeaders: ['x-ratelimit-interval-milliseconds'],
};

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

/**
 * Creates a LeadConnector client. Settings are checked here: a missing or conflicting
 * credential, a `Version` other than `2021-07-28` or a bad base URL throws a
 * `configuration` error. With `oauth`, the access token is refreshed before it expires
 * and on a 401, one refresh at a time for all callers, and the rotated pair is handed to
 * `onTokens` / `tokenStore` before the new access token is used.
 *
 * @example
 * ```ts
 * import { createLeadConnector } from '@payweave/leadconnector';
 *
 * const lc = createLeadConnector({
 *   oauth: { clientId, clientSecret, refreshToken, onTokens: (tokens) => db.save(tokens) },
 *   locationId: 've9EPM428h8vShlRW1KT',
 * });
 * const coupon = await lc.coupons.create({
 *   name: 'Spring', code: 'SPRING10', discountType: 'percentage', discountValue: 10,
 *   startDate: '2025-03-01T00:00:00Z',
 * });
 * ```
 */
export function createLeadConnector(settings: LeadConnectorSettings = {}): LeadConnectorClient {
  const resolved = resolveLeadConnectorSettings(settings);
  const {
    accessToken: _a,
    oauth: _o,
    locationId: _l,
    version: _v,
    baseUrl: _b,
    rateLimit,
    rateLimiter,
    ...options
  } = settings;
  const limiter =
    rateLimiter ??
    (rateLimit === false
      ? undefined
      : createLeadConnectorRateLimiter(
          rateLimit?.store
            ? {
                ...rateLimit,
                // The shared window is per location (ids are not secrets); its warnings go to the client's logger.
                storeKey: rateLimit.storeKey ?? resolved.locationId ?? 'default',
                logger:
                  rateLimit.logger ??
                  (options.logLevel === 'silent' || options.logLevel === 'error'
                    ? undefined
                    : options.logger),
              }
            : (rateLimit ?? {}),
        ));
  const oauth: LeadConnectorOAuthSettings | undefined =
    resolved.credentials.kind === 'oauth' ? resolved.credentials.oauth : undefined;
  const secrets = oauth
    ? [oauth.clientSecret, oauth.refreshToken, oauth.accessToken]
    : resolved.credentials.kind === 'accessToken'
      ? [resolved.credentials.accessToken]
      : [];
  let session: OAuthRefreshAuth | undefined;
  const { client } = assembleProvider(leadConnectorDescriptor, {
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
        // slots may be waiting on this very refresh.
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
  });
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
  }) as LeadConnectorClient;
}
