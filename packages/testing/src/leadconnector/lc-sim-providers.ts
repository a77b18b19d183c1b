import { json, newHexId } from '../simulator/sim-helpers.js';
import type { SimRequest, SimRoute } from '../simulator/sim-types.js';
import {
  badRequest,
  bodyOf,
  Checks,
  checkAltQuery,
  forbidden,
  intQuery,
  traceId,
} from './lc-sim-responses.js';
import { leadConnectorSimDefaults } from './lc-sim-seed.js';
import type { LcSimAccessToken, LcSimCustomProvider, LeadConnectorSimState } from './lc-sim-state.js';

const noConfig = 'No such config exists for given locationId and marketplaceAppId';

/** The access token of a request, when it is a known one. */
export function tokenOf(request: SimRequest, state: LeadConnectorSimState): LcSimAccessToken | undefined {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? state.accessTokens.get(header.slice(7)) : undefined;
}

function view(provider: LcSimCustomProvider) {
  const { keys, supportsSubscriptionSchedule: _schedule, ...rest } = provider;
  const paymentProvider: Record<string, unknown> = {};
  if (keys.live) paymentProvider.live = { liveMode: true, publishableKey: keys.live.publishableKey };
  if (keys.test) paymentProvider.test = { liveMode: false, publishableKey: keys.test.publishableKey };
  return { ...rest, paymentProvider, deleted: false, traceId: traceId() };
}

function locationOf(request: SimRequest): string | undefined {
  return request.query.get('locationId') ?? undefined;
}

const requireLocation = (request: SimRequest) =>
  new Checks().string({ locationId: locationOf(request) }, 'locationId').result();

function validKeys(value: unknown): value is { apiKey: string; publishableKey: string } {
  const keys = value as Record<string, unknown> | undefined;
  return (
    typeof keys?.apiKey === 'string' &&
    keys.apiKey !== '' &&
    typeof keys.publishableKey === 'string' &&
    keys.publishableKey !== ''
  );
}

/** Routes of custom providers (integration + config lifecycle) and white-label providers. */
export function providerRoutes(): SimRoute<LeadConnectorSimState>[] {
  return [
    {
      method: 'POST',
      path: '/payments/custom-provider/provider',
      handle: (request, state) => {
        const missing = requireLocation(request);
        if (missing) return missing;
        const body = bodyOf(request);
        const invalid = new Checks()
          .only(body, [
            'name',
            'description',
            'paymentsUrl',
            'queryUrl',
            'imageUrl',
            'supportsSubscriptionSchedule',
          ])
          .string(body, 'name')
          .string(body, 'description')
          .string(body, 'paymentsUrl')
          .string(body, 'queryUrl')
          .string(body, 'imageUrl')
          .boolean(body, 'supportsSubscriptionSchedule')
          .result();
        if (invalid) return invalid;
        const locationId = locationOf(request) as string;
        const at = new Date().toISOString();
        const existing = state.customProviders.get(locationId);
        const provider: LcSimCustomProvider = {
          _id: existing?._id ?? newHexId(),
          name: body.name as string,
          description: body.description as string,
          paymentsUrl: body.paymentsUrl as string,
          queryUrl: body.queryUrl as string,
          imageUrl: body.imageUrl as string,
          supportsSubscriptionSchedule: body.supportsSubscriptionSchedule as boolean,
          locationId,
          marketplaceAppId: leadConnectorSimDefaults.marketplaceAppId,
          keys: existing?.keys ?? {},
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
        };
        state.customProviders.set(locationId, provider);
        return json(200, view(provider));
      },
    },
    {
      method: 'DELETE',
      path: '/payments/custom-provider/provider',
      handle: (request, state) => {
        const missing = requireLocation(request);
        if (missing) return missing;
        const removed = state.customProviders.delete(locationOf(request) as string);
        return removed
          ? json(200, { success: true })
          : badRequest('No such integration exists for given locationId and marketplaceAppId');
      },
    },
    {
      method: 'GET',
      path: '/payments/custom-provider/connect',
      handle: (request, state) => {
        const missing = requireLocation(request);
        if (missing) return missing;
        const provider = state.customProviders.get(locationOf(request) as string);
        if (!provider || (!provider.keys.live && !provider.keys.test)) return badRequest(noConfig);
        return json(200, view(provider));
      },
    },
    {
      method: 'POST',
      path: '/payments/custom-provider/connect',
      handle: (request, state) => {
        const missing = requireLocation(request);
        if (missing) return missing;
        const body = bodyOf(request);
        const invalid = new Checks()
          .only(body, ['live', 'test'])
          .that(validKeys(body.live), 'live.apiKey and live.publishableKey should not be empty')
          .that(validKeys(body.test), 'test.apiKey and test.publishableKey should not be empty')
          .result();
        if (invalid) return invalid;
        const provider = state.customProviders.get(locationOf(request) as string);
        if (!provider) return badRequest(noConfig);
        provider.keys = {
          live: body.live as { apiKey: string; publishableKey: string },
          test: body.test as { apiKey: string; publishableKey: string },
        };
        provider.updatedAt = new Date().toISOString();
        return json(200, view(provider));
      },
    },
    {
      method: 'POST',
      path: '/payments/custom-provider/disconnect',
      handle: (request, state) => {
        const missing = requireLocation(request);
        if (missing) return missing;
        const body = bodyOf(request);
        const invalid = new Checks().only(body, ['liveMode']).boolean(body, 'liveMode').result();
        if (invalid) return invalid;
        const provider = state.customProviders.get(locationOf(request) as string);
        const mode = body.liveMode ? 'live' : 'test';
        if (!provider?.keys[mode]) return badRequest(noConfig);
        delete provider.keys[mode];
        return json(200, { success: true });
      },
    },
    {
      method: 'PUT',
      path: '/payments/custom-provider/capabilities',
      handle: (request, state) => {
        const body = bodyOf(request);
        const invalid = new Checks()
          .only(body, ['supportsSubscriptionSchedules', 'companyId', 'locationId'])
          .boolean(body, 'supportsSubscriptionSchedules')
          .string(body, 'companyId', true)
          .string(body, 'locationId', true)
          .that(
            body.companyId !== undefined || body.locationId !== undefined,
            'companyId or locationId should not be empty',
          )
          .result();
        if (invalid) return invalid;
        const key = (body.locationId ?? body.companyId) as string;
        state.capabilities.set(key, {
          supportsSubscriptionSchedules: body.supportsSubscriptionSchedules as boolean,
        });
        return json(200, { success: true });
      },
    },
    {
      method: 'POST',
      path: '/payments/integrations/provider/whitelabel',
      handle: (request, state) => {
        const token = tokenOf(request, state);
        if (token?.kind !== 'app')
          return forbidden('This endpoint can only be invoked using a marketplace app token');
        const body = bodyOf(request);
        const checks = new Checks()
          .only(body, ['altId', 'altType', 'uniqueName', 'title', 'provider', 'description', 'imageUrl'])
          .string(body, 'altId')
          .oneOf(body, 'altType', ['location'])
          .string(body, 'uniqueName')
          .string(body, 'title')
          .oneOf(body, 'provider', ['authorize-net', 'nmi'])
          .string(body, 'description')
          .string(body, 'imageUrl');
        if (typeof body.uniqueName === 'string') {
          checks.that(
            /^[a-z](?:[a-z-]*[a-z])?$/.test(body.uniqueName),
            'uniqueName must start and end with a character and contain only lowercase characters and hyphens',
          );
        }
        if (typeof body.imageUrl === 'string')
          checks.that(body.imageUrl.startsWith('https://'), 'imageUrl must start with https://');
        const invalid = checks.result();
        if (invalid) return invalid;
        if (
          state.whiteLabelProviders.some(
            (provider) => provider.altId === body.altId && provider.uniqueName === body.uniqueName,
          )
        ) {
          return badRequest(`Integration provider ${String(body.uniqueName)} already exists`);
        }
        const at = new Date().toISOString();
        const provider = {
          _id: newHexId(),
          altId: body.altId as string,
          altType: 'location' as const,
          uniqueName: body.uniqueName as string,
          title: body.title as string,
          route: body.uniqueName as string,
          provider: body.provider as string,
          description: body.description as string,
          imageUrl: body.imageUrl as string,
          createdAt: at,
          updatedAt: at,
        };
        state.whiteLabelProviders.push(provider);
        return json(200, provider);
      },
    },
    {
      method: 'GET',
      path: '/payments/integrations/provider/whitelabel',
      handle: (request, state) => {
        const invalid = checkAltQuery(request);
        if (invalid) return invalid;
        const altId = request.query.get('altId');
        const matching = state.whiteLabelProviders.filter((provider) => provider.altId === altId);
        const offset = intQuery(request, 'offset', 0);
        // The spec's default limit is 0, read here as "no limit".
        const limit = intQuery(request, 'limit', 0) || matching.length;
        return json(200, { providers: matching.slice(offset, offset + limit) });
      },
    },
  ];
}
