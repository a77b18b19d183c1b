import { randomBytes } from 'node:crypto';
import { json } from '../simulator/sim-helpers.js';
import type { SimRoute } from '../simulator/sim-types.js';
import { tokenOf } from './lc-sim-providers.js';
import { badRequest, bodyOf, Checks, unauthorized } from './lc-sim-responses.js';
import { leadConnectorSimDefaults } from './lc-sim-seed.js';
import type { LeadConnectorSimState } from './lc-sim-state.js';

/** A random opaque token. */
export function newToken(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('hex')}`;
}

const scope =
  'payments/orders.readonly payments/orders.write payments/orders.collectPayment payments/transactions.readonly payments/subscriptions.readonly payments/coupons.readonly payments/coupons.write payments/custom-provider.readonly payments/custom-provider.write payments/integration.readonly payments/integration.write';

/** Routes of `/oauth/token` (code and refresh grants, with rotation) and `/oauth/locationToken`. */
export function oauthRoutes(lifetimeSeconds: () => number): SimRoute<LeadConnectorSimState>[] {
  const grant = (state: LeadConnectorSimState, owner: { locationId: string; companyId: string }) => {
    const accessToken = newToken('sim-access');
    const refreshToken = newToken('sim-refresh');
    const seconds = lifetimeSeconds();
    state.accessTokens.set(accessToken, {
      kind: 'app',
      locationId: owner.locationId,
      companyId: owner.companyId,
      expiresAt: Date.now() + seconds * 1000,
    });
    state.refreshTokens.set(refreshToken, owner);
    state.stats.tokenGrants += 1;
    return json(200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: seconds,
      refresh_token: refreshToken,
      scope,
      userType: 'Location',
      locationId: owner.locationId,
      companyId: owner.companyId,
      userId: 'l1C08ntBrFjLS0elLIYU',
      isBulkInstallation: false,
    });
  };
  return [
    {
      method: 'POST',
      path: '/oauth/token',
      handle: (request, state) => {
        if (!request.headers['content-type']?.includes('application/x-www-form-urlencoded')) {
          return badRequest('The token endpoint takes application/x-www-form-urlencoded bodies');
        }
        const body = bodyOf(request);
        const invalid = new Checks()
          .string(body, 'client_id')
          .string(body, 'client_secret')
          .oneOf(body, 'grant_type', ['authorization_code', 'refresh_token', 'client_credentials'])
          .oneOf(body, 'user_type', ['Company', 'Location'], true)
          .result();
        if (invalid) return invalid;
        if (
          body.client_id !== leadConnectorSimDefaults.clientId ||
          body.client_secret !== leadConnectorSimDefaults.clientSecret
        ) {
          return unauthorized('Invalid client credentials');
        }
        if (body.grant_type === 'refresh_token') {
          const owner = state.refreshTokens.get(String(body.refresh_token));
          // Rotation: a refresh token works once; a spent or unknown one is refused.
          if (!owner)
            return unauthorized('Invalid refresh token: the token was already used or does not exist');
          state.refreshTokens.delete(String(body.refresh_token));
          state.stats.refreshes += 1;
          return grant(state, owner);
        }
        if (body.grant_type === 'authorization_code') {
          const owner = state.authorizationCodes.get(String(body.code));
          if (!owner) return unauthorized('Invalid authorization code');
          state.authorizationCodes.delete(String(body.code));
          return grant(state, owner);
        }
        return badRequest('client_credentials is not enabled for this app');
      },
    },
    {
      method: 'POST',
      path: '/oauth/locationToken',
      handle: (request, state) => {
        const token = tokenOf(request, state);
        if (token?.kind !== 'agency')
          return unauthorized('This route needs an agency (Company) access token');
        const body = bodyOf(request);
        const invalid = new Checks().string(body, 'companyId').string(body, 'locationId').result();
        if (invalid) return invalid;
        if (body.companyId !== token.companyId || !state.locations.has(String(body.locationId))) {
          return badRequest('Location not found for this company');
        }
        const accessToken = newToken('sim-location-access');
        const seconds = lifetimeSeconds();
        state.accessTokens.set(accessToken, {
          kind: 'app',
          locationId: String(body.locationId),
          companyId: token.companyId,
          expiresAt: Date.now() + seconds * 1000,
        });
        return json(200, {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: seconds,
          scope,
          locationId: body.locationId,
          userId: 'l1C08ntBrFjLS0elLIYU',
          planId: 'l1C08ntBrFjLS0elLIYU',
        });
      },
    },
  ];
}
