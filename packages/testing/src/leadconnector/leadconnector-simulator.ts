import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse, SimRoute } from '../simulator/sim-types.js';
import { couponRoutes } from './lc-sim-coupons.js';
import {
  createLcSimCustomProvider,
  customProviderWebhookRoutes,
  type LeadConnectorSimCustomProvider,
} from './lc-sim-custom-provider.js';
import { newToken, oauthRoutes } from './lc-sim-oauth.js';
import { orderRoutes } from './lc-sim-orders.js';
import { paymentRecordRoutes } from './lc-sim-payments.js';
import { providerRoutes } from './lc-sim-providers.js';
import { badRequest, bodyOf, forbidden, unauthorized } from './lc-sim-responses.js';
import {
  initialLeadConnectorState,
  leadConnectorSimDefaults,
  makeOrder,
  makeOrderItem,
  seedBulkOrders,
} from './lc-sim-seed.js';
import type { LcSimOrder, LeadConnectorSimState } from './lc-sim-state.js';
import {
  createLcSimWebhooks,
  installEventPayload,
  type LeadConnectorSimWebhooks,
  orderEventPayload,
} from './lc-sim-webhooks.js';

/** The real API base URL, which the msw handlers intercept. */
export const leadConnectorSimBaseUrl = 'https://services.leadconnectorhq.com';

/** The simulator's rate limit: requests per window per location. */
export interface LeadConnectorSimRateLimit {
  /** Requests accepted per window (documented: 100). */
  maxRequests: number;
  /** Window length in ms (documented: 10 000). */
  intervalMs: number;
}

/** Options of {@link createLeadConnectorSimulator}. */
export interface LeadConnectorSimulatorOptions {
  /** Rate limit (default the documented 100 per 10 s); `false` accepts everything (headers then report a huge limit). */
  rateLimit?: LeadConnectorSimRateLimit | false;
  /** Requests per location per day (default 200,000). */
  dailyLimit?: number;
  /** Lifetime of issued access tokens, in seconds (default 86399). */
  tokenLifetimeSeconds?: number;
}

/** The settings a LeadConnector client needs to talk to the simulator. */
export interface LeadConnectorSimCredentials {
  /** A private integration token of the seeded location ({@link leadConnectorSimDefaults}.accessToken). */
  readonly accessToken: string;
  /** The seeded location ({@link leadConnectorSimDefaults}.locationId). */
  readonly locationId: string;
}

/** A LeadConnector simulator with its helpers. */
export interface LeadConnectorSimulator extends Simulator<LeadConnectorSimState> {
  /**
   * The settings a client needs: the seeded location's private integration token and its
   * location id (`createLeadConnector({ baseUrl, ...simulator.credentials })`).
   */
  readonly credentials: LeadConnectorSimCredentials;
  /** Seeded ids and tokens: {@link leadConnectorSimDefaults}. */
  readonly defaults: typeof leadConnectorSimDefaults;
  /** The rate limit in force. */
  readonly rateLimit: LeadConnectorSimRateLimit | false;
  /** Changes the rate limit (also clears the current windows). */
  setRateLimit(limit: LeadConnectorSimRateLimit | false): void;
  /** Adds `count` cheap orders to a location (default the seeded one); resolves the location's order count. */
  seedOrders(count: number, locationId?: string): number;
  /**
   * Issues a one-time authorization code for `/oauth/token` (grant `authorization_code`), as
   * installing the app on a location does, and emits that install's `INSTALL` webhook.
   */
  issueAuthorizationCode(locationId?: string): string;
  /** Registers an access token (e.g. an expired one with `expiresAt: 1`). */
  addAccessToken(
    token: string,
    options?: { locationId?: string; kind?: 'private' | 'app' | 'agency'; expiresAt?: number },
  ): void;
  /** Registers an unspent refresh token for a location; returns it. */
  addRefreshToken(token?: string, locationId?: string): string;
  /** Makes every issued access token expired (401 on next use). */
  expireAccessTokens(): void;
  /**
   * Signed webhooks (Ed25519 `x-ghl-signature`, HighLevel's documented bodies with `timestamp`
   * and a fresh `webhookId`) sent to registered receivers when state changes: `OrderStatusUpdate`
   * when a recorded payment moves an order's status or payment status, `OrderCreate` from
   * {@link LeadConnectorSimulator.placeOrder}, `INSTALL` from
   * {@link LeadConnectorSimulator.issueAuthorizationCode}.
   */
  readonly webhooks: LeadConnectorSimWebhooks;
  /**
   * Places an order as a customer checking out would (unpaid, `pending`, one line), in the
   * seeded location unless `fields.altId` says otherwise, and emits `OrderCreate`. The Payments
   * API has no create-order call, so this is the simulator's way in.
   */
  placeOrder(fields?: Partial<LcSimOrder>): LcSimOrder;
  /**
   * HighLevel's side of a custom payment provider: `callQueryUrl(queryUrl, type, body?)` sends
   * each documented `queryUrl` request with the keys connected by `customProviders.connect`
   * (repeats and wrong keys too), and `events` lists what the provider posted to
   * `POST /payments/custom-provider/webhook` (checked against the connected keys).
   */
  readonly customProvider: LeadConnectorSimCustomProvider;
}

const docsMax = 100;
const docsInterval = 10_000;

/**
 * A stateful LeadConnector Payments API, written from HighLevel's docs and OpenAPI files
 * (never from the SDK's schemas): orders whose payment status moves on record-payment
 * (partial payments too), fulfillments, notes, transactions and subscriptions with filters
 * and limit/offset paging, coupons (codes unique per location, 201 on create), the custom
 * provider lifecycle and white-label providers. Every payments call needs
 * `Version: 2021-07-28` (400 otherwise) and a known, unexpired bearer token (401). The
 * OAuth token endpoint rotates refresh tokens. The documented rate limit is enforced with
 * its `X-RateLimit-*` headers and 429s. It starts with location `defaults.locationId`,
 * three orders, three transactions and two subscriptions. State changes are delivered as
 * signed webhooks to the receivers registered with `simulator.webhooks`.
 *
 * @example
 * ```ts
 * const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 20, intervalMs: 500 } });
 * const baseUrl = await simulator.listen();
 * const lc = createLeadConnector({ baseUrl, ...simulator.credentials });
 * simulator.seedOrders(100_000);
 *
 * const receiver = leadConnectorWebhooks({ publicKeys: [simulator.webhooks.publicKeyPem] });
 * simulator.webhooks.register('http://127.0.0.1:3000/webhooks/highlevel', { duplicates: 1 });
 * await lc.orders.recordPayment({ orderId, mode: 'cash' }); // OrderStatusUpdate, sent twice
 * await simulator.webhooks.settled();
 * ```
 */
export function createLeadConnectorSimulator(
  options: LeadConnectorSimulatorOptions = {},
): LeadConnectorSimulator {
  let rateLimit: LeadConnectorSimRateLimit | false = options.rateLimit ?? {
    maxRequests: docsMax,
    intervalMs: docsInterval,
  };
  const dailyLimit = options.dailyLimit ?? 200_000;
  const lifetimeSeconds = () => options.tokenLifetimeSeconds ?? 86_399;

  const locationKey = (request: SimRequest, state: LeadConnectorSimState): string | undefined => {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? state.accessTokens.get(header.slice(7)) : undefined;
    return token ? (token.locationId ?? token.companyId) : undefined;
  };

  const rateHeaders = (key: string, state: LeadConnectorSimState): Record<string, string> => {
    const max = rateLimit ? rateLimit.maxRequests : 1_000_000;
    const interval = rateLimit ? rateLimit.intervalMs : docsInterval;
    const used = rateLimit ? (state.window.get(key)?.length ?? 0) : 0;
    return {
      'x-ratelimit-limit-daily': String(dailyLimit),
      'x-ratelimit-daily-remaining': String(Math.max(0, dailyLimit - (state.daily.get(key) ?? 0))),
      'x-ratelimit-interval-milliseconds': String(interval),
      'x-ratelimit-max': String(max),
      'x-ratelimit-remaining': String(Math.max(0, max - used)),
    };
  };

  // Returns a 429 when the location is over its limit; otherwise counts the request.
  const admit = (key: string, state: LeadConnectorSimState): SimResponse | undefined => {
    const daily = state.daily.get(key) ?? 0;
    if (daily >= dailyLimit) {
      state.stats.rateLimited += 1;
      return {
        status: 429,
        body: { statusCode: 429, message: 'Daily rate limit exceeded' },
        headers: rateHeaders(key, state),
      };
    }
    if (rateLimit) {
      const now = Date.now();
      let window = state.window.get(key);
      if (!window) {
        window = [];
        state.window.set(key, window);
      }
      while (window.length > 0 && (window[0] as number) <= now - rateLimit.intervalMs) window.shift();
      if (window.length >= rateLimit.maxRequests) {
        state.stats.rateLimited += 1;
        return {
          status: 429,
          body: { statusCode: 429, message: 'Too many requests' },
          headers: rateHeaders(key, state),
        };
      }
      window.push(now);
      state.stats.peakInWindow = Math.max(state.stats.peakInWindow, window.length);
    }
    state.daily.set(key, daily + 1);
    return undefined;
  };

  const before = (request: SimRequest, state: LeadConnectorSimState): SimResponse | undefined => {
    state.stats.requests += 1;
    if (request.path === '/oauth/token') return undefined;
    // Authenticated by the apiKey in its body, checked by the route.
    if (request.path === '/payments/custom-provider/webhook') return undefined;
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) return unauthorized('Invalid token: access token is missing');
    const token = state.accessTokens.get(header.slice(7));
    if (!token) return unauthorized('Invalid token: access token is invalid');
    if (token.expiresAt !== 0 && token.expiresAt <= Date.now())
      return unauthorized('Invalid token: access token has expired');
    const version = request.headers.version;
    if (version === undefined) return badRequest('Version header was not found');
    if (version !== '2021-07-28') return badRequest(`Version ${version} is not supported`);
    if (token.kind !== 'agency' && request.path.startsWith('/payments/')) {
      const body = bodyOf(request);
      const asked =
        request.query.get('altId') ?? request.query.get('locationId') ?? body.altId ?? body.locationId;
      if (typeof asked === 'string' && asked !== token.locationId) {
        return forbidden('The token does not have access to this location');
      }
    }
    return admit(locationKey(request, state) as string, state);
  };

  const withRateHeaders = (route: SimRoute<LeadConnectorSimState>): SimRoute<LeadConnectorSimState> => ({
    ...route,
    handle: async (request, state) => {
      const response = await route.handle(request, state);
      const key = locationKey(request, state);
      if (!key || request.path === '/oauth/token') return response;
      return { ...response, headers: { ...rateHeaders(key, state), ...response.headers } };
    },
  });

  const channel = createLcSimWebhooks();

  const routes = [
    ...orderRoutes(channel.sink),
    ...paymentRecordRoutes(),
    ...couponRoutes(),
    ...providerRoutes(),
    ...customProviderWebhookRoutes(),
    ...oauthRoutes(lifetimeSeconds),
  ].map(withRateHeaders);

  const base = createSimulator<LeadConnectorSimState>({
    name: 'leadconnector',
    baseUrl: leadConnectorSimBaseUrl,
    initialState: () => initialLeadConnectorState(lifetimeSeconds() * 1000),
    routes,
    before,
    notFound: (request) => ({
      status: 404,
      body: { statusCode: 404, message: `Cannot ${request.method} ${request.path}`, error: 'Not Found' },
    }),
  });

  const simulator = base as LeadConnectorSimulator;
  Object.defineProperty(simulator, 'rateLimit', { get: () => rateLimit, enumerable: true });
  return Object.assign(simulator, {
    credentials: {
      accessToken: leadConnectorSimDefaults.accessToken,
      locationId: leadConnectorSimDefaults.locationId,
    },
    defaults: leadConnectorSimDefaults,
    webhooks: channel.webhooks,
    customProvider: createLcSimCustomProvider(() => simulator.state),
    placeOrder(fields: Partial<LcSimOrder> = {}) {
      const altId = fields.altId ?? leadConnectorSimDefaults.locationId;
      const at = new Date().toISOString();
      const order = makeOrder({
        _id: newHexId(),
        altId,
        amount: 25,
        liveMode: false,
        items: [makeOrderItem(altId, 'Sim tee', 25, 1, 1)],
        createdAt: at,
        updatedAt: at,
        ...fields,
      });
      const list = simulator.state.orders.get(altId) ?? [];
      list.push(order);
      simulator.state.orders.set(altId, list);
      simulator.state.orderById.set(order._id, order);
      channel.sink.emit('OrderCreate', orderEventPayload(order, 'OrderCreate'));
      return order;
    },
    setRateLimit(limit: LeadConnectorSimRateLimit | false) {
      rateLimit = limit;
      simulator.state.window.clear();
    },
    seedOrders(count: number, locationId: string = leadConnectorSimDefaults.locationId) {
      return seedBulkOrders(simulator.state, count, locationId);
    },
    issueAuthorizationCode(locationId: string = leadConnectorSimDefaults.locationId) {
      const code = newToken('sim-code');
      simulator.state.authorizationCodes.set(code, {
        locationId,
        companyId: leadConnectorSimDefaults.companyId,
      });
      channel.sink.emit('INSTALL', installEventPayload(locationId, leadConnectorSimDefaults.companyId));
      return code;
    },
    addAccessToken(
      token: string,
      tokenOptions: { locationId?: string; kind?: 'private' | 'app' | 'agency'; expiresAt?: number } = {},
    ) {
      simulator.state.accessTokens.set(token, {
        kind: tokenOptions.kind ?? 'app',
        locationId: tokenOptions.locationId ?? leadConnectorSimDefaults.locationId,
        companyId: leadConnectorSimDefaults.companyId,
        expiresAt: tokenOptions.expiresAt ?? Date.now() + lifetimeSeconds() * 1000,
      });
    },
    addRefreshToken(
      token: string = newToken('sim-refresh'),
      locationId: string = leadConnectorSimDefaults.locationId,
    ) {
      simulator.state.refreshTokens.set(token, { locationId, companyId: leadConnectorSimDefaults.companyId });
      return token;
    },
    expireAccessTokens() {
      for (const token of simulator.state.accessTokens.values())
        if (token.expiresAt !== 0) token.expiresAt = 1;
    },
  });
}
