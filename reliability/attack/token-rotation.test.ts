import type { OAuthTokens } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { settleOk } from './support/assertions.js';
import { formOf, lcClientId, leadConnectorOAuthClient, secret, transports } from './support/clients.js';
import { closeAllServers, type Handler, lines, routes, sendJson, startPair } from './support/servers.js';

// DESIGN.md section 3: LeadConnector rotates the refresh token on every refresh, so the old
// one is spent the moment the provider answers. If persisting the new pair fails (onTokens
// throws, tokenStore.save rejects), the pair must stay in use in memory: dropping it would
// leave the client holding a dead refresh token and lock the app out at the next refresh.

afterAll(closeAllServers);

const testTimeout = 10_000;
const orderPath = '/payments/orders/ord_attack_1';
const order = { _id: 'ord_attack_1', altId: 'loc_attack_1', status: 'completed' };

/**
 * A token endpoint that rotates like LeadConnector's (each refresh token works once, the
 * answer carries a new one) and an order route that accepts only the newest access token,
 * answering 401 once when `force401` is set.
 */
function rotatingProvider() {
  let generation = 0;
  let validRefresh: string = secret.lcRefreshToken;
  let validAccess = '';
  const state = { force401: false };
  const handler: Handler = routes({
    'POST /oauth/token': (request, response) => {
      const form = formOf(request.body);
      if (form.refresh_token !== validRefresh) {
        sendJson(response, 400, { error: 'invalid_grant', error_description: 'refresh token already used' });
        return;
      }
      generation += 1;
      validRefresh = `lcRefresh_rotated_${generation}_Zx8`;
      validAccess = `lcAccess_rotated_${generation}_Qm2`;
      sendJson(response, 200, {
        access_token: validAccess,
        refresh_token: validRefresh,
        token_type: 'Bearer',
        expires_in: 86_399,
        userType: 'Location',
        locationId: 'loc_attack_1',
      });
    },
    [`GET ${orderPath}`]: (request, response) => {
      if (state.force401 || request.headers.authorization !== `Bearer ${validAccess}`) {
        state.force401 = false;
        sendJson(response, 401, { statusCode: 401, message: 'Invalid JWT' });
        return;
      }
      sendJson(response, 200, order);
    },
  });
  return { handler, state };
}

type Persist = { label: string; oauth: () => Record<string, unknown> };

const failingPersistence: Persist[] = [
  // Control: with persistence working the same flow must pass, so a failure below is the save.
  { label: 'onTokens succeeds (control)', oauth: () => ({ onTokens: () => {} }) },
  {
    label: 'onTokens throws',
    oauth: () => ({
      onTokens: () => {
        throw new Error('database is down');
      },
    }),
  },
  {
    label: 'onTokens rejects',
    oauth: () => ({ onTokens: () => Promise.reject(new Error('database is down')) }),
  },
  {
    label: 'tokenStore.save throws',
    oauth: () => ({
      tokenStore: {
        load: () => undefined,
        save: (_tokens: OAuthTokens) => {
          throw new Error('disk full');
        },
      },
    }),
  },
  {
    label: 'tokenStore.save rejects',
    oauth: () => ({
      tokenStore: {
        load: () => Promise.resolve(undefined),
        save: (_tokens: OAuthTokens) => Promise.reject(new Error('disk full')),
      },
    }),
  },
];

describe.each(transports)('rotated tokens survive a failed save ($transport)', ({ transport }) => {
  it.each(failingPersistence)(
    '$label: the call succeeds with the new access token, and the next refresh sends the NEW refresh token',
    async ({ oauth }) => {
      const { handler, state } = rotatingProvider();
      const { provider, attacker } = await startPair(handler);
      const lc = leadConnectorOAuthClient(provider, transport, oauth(), { timeoutMs: 5_000 });

      const first = await settleOk(lc.orders.retrieve('ord_attack_1'));
      expect(first._id).toBe('ord_attack_1');

      // The provider revokes the access token: the client must refresh with the rotated token.
      state.force401 = true;
      const second = await settleOk(lc.orders.retrieve('ord_attack_1'));
      expect(second._id).toBe('ord_attack_1');

      const tokenCalls = provider.requests.filter((request) => request.path === '/oauth/token');
      expect(tokenCalls.map((request) => formOf(request.body).refresh_token)).toEqual([
        secret.lcRefreshToken,
        'lcRefresh_rotated_1_Zx8',
      ]);
      for (const call of tokenCalls) {
        expect(call.headers['content-type']).toContain('application/x-www-form-urlencoded');
        expect(formOf(call.body)).toMatchObject({
          grant_type: 'refresh_token',
          client_id: lcClientId,
          client_secret: secret.lcClientSecret,
        });
      }
      const orderCalls = provider.requests.filter((request) => request.path === orderPath);
      expect(orderCalls.map((request) => request.headers.authorization)).toEqual([
        'Bearer lcAccess_rotated_1_Qm2',
        'Bearer lcAccess_rotated_1_Qm2',
        'Bearer lcAccess_rotated_2_Qm2',
      ]);
      expect(lines(provider)).toHaveLength(5);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});
