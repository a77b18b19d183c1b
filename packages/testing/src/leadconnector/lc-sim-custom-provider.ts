import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRoute } from '../simulator/sim-types.js';
import { badRequest, bodyOf, Checks, unauthorized } from './lc-sim-responses.js';
import { leadConnectorSimDefaults } from './lc-sim-seed.js';
import type { LeadConnectorSimState } from './lc-sim-state.js';

/** The `queryUrl` request types HighLevel sends (documented in its custom provider guide). */
export type LcSimQueryType =
  | 'verify'
  | 'list_payment_methods'
  | 'charge_payment'
  | 'create_subscription'
  | 'cancel_subscription'
  | 'refund';

/** Whose keys a simulated `queryUrl` call uses. */
export interface LcSimQueryOptions {
  /** The location whose connected keys are used (default the seeded one). */
  readonly locationId?: string | undefined;
  /** Which key pair (default `test`). */
  readonly mode?: 'live' | 'test' | undefined;
  /** An api key to send instead of the connected one (a wrong one, to test the 401). */
  readonly apiKey?: string | undefined;
  /** Per-request timeout (default 30 s). */
  readonly timeoutMs?: number | undefined;
}

/** What the provider answered a simulated `queryUrl` call. */
export interface LcSimQueryResult {
  /** HTTP status. */
  readonly status: number;
  /** The parsed JSON body (the text when it is not JSON). */
  readonly body: unknown;
  /** The body as received. */
  readonly text: string;
  /** The content type answered. */
  readonly contentType: string | null;
  /** The JSON body sent (with its apiKey). */
  readonly request: Readonly<Record<string, unknown>>;
}

/** An event the provider posted to HighLevel's custom provider webhook, as the simulator accepted it. */
export interface LcSimCustomProviderEvent {
  /** The `event` field. */
  readonly event: string;
  /** The location the api key belongs to. */
  readonly locationId: string;
  /** Which of the location's keys was used. */
  readonly mode: 'live' | 'test';
  /** The body as received (with its apiKey). */
  readonly body: Readonly<Record<string, unknown>>;
  /** When it arrived (ISO 8601). */
  readonly receivedAt: string;
}

/**
 * The simulator playing HighLevel's side of a custom payment provider: it calls the provider's
 * `queryUrl` with each documented request, with the api key connected by
 * `customProviders.connect`, and it records the events the provider posts to
 * `POST /payments/custom-provider/webhook`.
 */
export interface LeadConnectorSimCustomProvider {
  /**
   * The documented body of one request type (`body` fields override the defaults; fresh ids
   * otherwise), with the connected api key of `options.locationId` / `options.mode` (default:
   * the seeded location, `test`) unless `options.apiKey` is given. Throws when no keys are
   * connected and no `apiKey` is given.
   */
  requestBody(
    type: LcSimQueryType | (string & {}),
    body?: Readonly<Record<string, unknown>>,
    options?: LcSimQueryOptions,
  ): Record<string, unknown>;
  /** POSTs {@link LeadConnectorSimCustomProvider.requestBody} to `queryUrl` as HighLevel does (JSON, no auth header). */
  callQueryUrl(
    queryUrl: string,
    type: LcSimQueryType | (string & {}),
    body?: Readonly<Record<string, unknown>>,
    options?: LcSimQueryOptions,
  ): Promise<LcSimQueryResult>;
  /**
   * Sends one request `times` times with the same body (the same `transactionId`), one after
   * the other or all at once: HighLevel retrying a charge.
   */
  repeatQuery(
    queryUrl: string,
    type: LcSimQueryType | (string & {}),
    body: Readonly<Record<string, unknown>> | undefined,
    repeat: { readonly times: number; readonly concurrent?: boolean | undefined },
    options?: LcSimQueryOptions,
  ): Promise<LcSimQueryResult[]>;
  /** POSTs any text to `queryUrl` (malformed JSON, another content type). */
  postRaw(
    queryUrl: string,
    text: string,
    contentType?: string,
    timeoutMs?: number,
  ): Promise<LcSimQueryResult>;
  /** Every event accepted since the last `reset()`, in order. */
  readonly events: readonly LcSimCustomProviderEvent[];
}

const eventStore = new WeakMap<LeadConnectorSimState, LcSimCustomProviderEvent[]>();

/** The events recorded for one state (a `reset()` makes a new state, so a new list). */
function eventsOf(state: LeadConnectorSimState): LcSimCustomProviderEvent[] {
  let events = eventStore.get(state);
  if (!events) {
    events = [];
    eventStore.set(state, events);
  }
  return events;
}

const eventNames = [
  'payment.captured',
  'subscription.updated',
  'subscription.trialing',
  'subscription.active',
  'subscription.charged',
];
const required: Record<string, readonly string[]> = {
  'payment.captured': ['chargeId', 'ghlTransactionId', 'chargeSnapshot'],
  'subscription.updated': ['ghlSubscriptionId', 'subscriptionSnapshot'],
  'subscription.trialing': ['chargeId', 'ghlTransactionId', 'ghlSubscriptionId', 'marketplaceAppId'],
  'subscription.active': ['chargeId', 'ghlTransactionId', 'ghlSubscriptionId', 'marketplaceAppId'],
  'subscription.charged': ['chargeId', 'ghlSubscriptionId', 'subscriptionSnapshot', 'chargeSnapshot'],
};
const snapshots = ['chargeSnapshot', 'subscriptionSnapshot'];

const isInteger = (value: unknown) => typeof value === 'number' && Number.isInteger(value);

function checkChargeSnapshot(checks: Checks, value: unknown): void {
  const snapshot = (value ?? {}) as Record<string, unknown>;
  checks
    .oneOf(snapshot, 'status', ['succeeded', 'failed', 'pending'])
    // The documented unit: the decimal amount × 100, an integer.
    .that(isInteger(snapshot.amount), 'chargeSnapshot.amount must be an integer (the amount × 100)')
    .that(
      isInteger(snapshot.chargedAt) && (snapshot.chargedAt as number) < 100_000_000_000,
      'chargeSnapshot.chargedAt must be a unix time in seconds',
    );
}

function checkSubscriptionSnapshot(checks: Checks, value: unknown): void {
  const snapshot = (value ?? {}) as Record<string, unknown>;
  checks
    .string(snapshot, 'id')
    .oneOf(snapshot, 'status', ['trialing', 'active', 'expired', 'canceled', 'unpaid', 'pending']);
  for (const field of ['trialEnd', 'createdAt', 'nextCharge']) {
    const time = snapshot[field];
    checks.that(
      time === undefined || (isInteger(time) && (time as number) < 100_000_000_000),
      `subscriptionSnapshot.${field} must be a unix time in seconds`,
    );
  }
}

/**
 * The provider → HighLevel webhook endpoint: authenticated by the `apiKey` in the body against
 * the keys connected for `locationId` (401 otherwise, 400 when the location has no custom
 * provider config), each event's documented required fields checked (422), then recorded.
 */
export function customProviderWebhookRoutes(): SimRoute<LeadConnectorSimState>[] {
  return [
    {
      method: 'POST',
      path: '/payments/custom-provider/webhook',
      handle: (request, state) => {
        const body = bodyOf(request);
        const shape = new Checks().string(body, 'apiKey').string(body, 'locationId').result();
        if (shape) return shape;
        const provider = state.customProviders.get(body.locationId as string);
        if (!provider || (!provider.keys.live && !provider.keys.test)) {
          return badRequest('No such config exists for given locationId and marketplaceAppId');
        }
        const mode =
          provider.keys.live?.apiKey === body.apiKey
            ? 'live'
            : provider.keys.test?.apiKey === body.apiKey
              ? 'test'
              : undefined;
        if (!mode) return unauthorized('Invalid apiKey');
        const checks = new Checks().oneOf(body, 'event', eventNames);
        for (const field of required[body.event as string] ?? []) {
          if (snapshots.includes(field)) {
            checks.that(
              body[field] !== null && typeof body[field] === 'object',
              `${field} must be an object`,
            );
          } else checks.string(body, field);
        }
        if (body.chargeSnapshot !== undefined) checkChargeSnapshot(checks, body.chargeSnapshot);
        if (body.subscriptionSnapshot !== undefined)
          checkSubscriptionSnapshot(checks, body.subscriptionSnapshot);
        const invalid = checks.result();
        if (invalid) return invalid;
        eventsOf(state).push({
          event: body.event as string,
          locationId: body.locationId as string,
          mode,
          body,
          receivedAt: new Date().toISOString(),
        });
        return json(200, { success: true });
      },
    },
  ];
}

function defaultBody(type: string, locationId: string): Record<string, unknown> {
  const contactId = 'sim-contact-0001';
  switch (type) {
    case 'verify':
      return { transactionId: newHexId(), chargeId: `ch_sim_${newHexId()}` };
    case 'list_payment_methods':
      return { locationId, contactId };
    case 'charge_payment':
      return {
        paymentMethodId: 'pm_sim_0001',
        contactId,
        transactionId: newHexId(),
        chargeDescription: 'Sim tee',
        amount: 25,
        currency: 'USD',
      };
    case 'create_subscription':
      return {
        locationId,
        contactId,
        paymentMethodId: 'pm_sim_0001',
        subscriptionId: newHexId(),
        transactionId: newHexId(),
        startDate: new Date().toISOString().slice(0, 10),
        currency: 'USD',
        amount: 100,
        recurringAmount: '80.00',
        isSchedule: false,
        productDetails: [
          {
            _id: newHexId(),
            name: 'Sim membership',
            qty: 1,
            productId: newHexId(),
            priceId: leadConnectorSimDefaults.priceId,
            prices: [
              {
                _id: leadConnectorSimDefaults.priceId,
                name: 'Monthly',
                type: 'recurring',
                currency: 'usd',
                amount: 8000,
                recurring: { interval: 'month', intervalCount: 1 },
              },
            ],
          },
        ],
      };
    case 'cancel_subscription':
      return { subscriptionId: newHexId() };
    case 'refund':
      return { amount: 10, transactionId: newHexId(), chargeId: `ch_sim_${newHexId()}` };
    default:
      return {};
  }
}

async function post(
  queryUrl: string,
  text: string,
  contentType: string,
  request: Record<string, unknown>,
  timeoutMs = 30_000,
): Promise<LcSimQueryResult> {
  const response = await fetch(queryUrl, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/json' },
    body: text,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const received = await response.text();
  let body: unknown = received;
  try {
    body = JSON.parse(received);
  } catch {
    // Kept as text.
  }
  return {
    status: response.status,
    body,
    text: received,
    contentType: response.headers.get('content-type'),
    request,
  };
}

/** The `simulator.customProvider` helpers over a simulator's current state. */
export function createLcSimCustomProvider(
  state: () => LeadConnectorSimState,
): LeadConnectorSimCustomProvider {
  const requestBody: LeadConnectorSimCustomProvider['requestBody'] = (type, body = {}, options = {}) => {
    const locationId = options.locationId ?? leadConnectorSimDefaults.locationId;
    const mode = options.mode ?? 'test';
    let apiKey = options.apiKey;
    if (apiKey === undefined) {
      apiKey = state().customProviders.get(locationId)?.keys[mode]?.apiKey;
      if (apiKey === undefined) {
        throw new Error(
          `leadconnector simulator: no ${mode} keys are connected for location ${locationId}; call customProviders.connect first or pass options.apiKey`,
        );
      }
    }
    // HighLevel's order: the type, then the documented fields, with the api key among them.
    return { type, ...defaultBody(type, locationId), apiKey, ...body };
  };
  const callQueryUrl: LeadConnectorSimCustomProvider['callQueryUrl'] = (queryUrl, type, body, options) => {
    const request = requestBody(type, body, options);
    return post(queryUrl, JSON.stringify(request), 'application/json', request, options?.timeoutMs);
  };
  return {
    requestBody,
    callQueryUrl,
    async repeatQuery(queryUrl, type, body, repeat, options) {
      const request = requestBody(type, body, options);
      const send = () =>
        post(queryUrl, JSON.stringify(request), 'application/json', request, options?.timeoutMs);
      if (repeat.concurrent) return Promise.all(Array.from({ length: repeat.times }, send));
      const results: LcSimQueryResult[] = [];
      for (let index = 0; index < repeat.times; index += 1) results.push(await send());
      return results;
    },
    postRaw(queryUrl, text, contentType = 'application/json', timeoutMs) {
      return post(queryUrl, text, contentType, {}, timeoutMs);
    },
    get events() {
      return eventsOf(state());
    },
  };
}
