import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { settleErr, settleOk } from './support/assertions.js';
import {
  connectFiClient,
  connectFiLogin200,
  leadConnectorOAuthClient,
  payaClient,
  secret,
  setStatusInput,
  transports,
} from './support/clients.js';
import { closeAllServers, routes, sendJson, startPair } from './support/servers.js';

// Issue 12, item 7: three small ways a hostile or careless answer used to leak or mislead.

afterAll(closeAllServers);

const testTimeout = 10_000;

describe.each(transports)('small ones ($transport)', ({ transport }) => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'a connectFi error code %s is a provider code, never a function or a prototype',
    async (code) => {
      const { provider } = await startPair(
        routes({
          'POST /auth/get-token': connectFiLogin200,
          'POST /payment-link/payment/set-status': (_request, response) =>
            sendJson(response, 200, { code, message: 'refused', requestId: 'r-1' }),
        }),
      );
      const error = await settleErr(
        connectFiClient(provider, transport).paymentLinks.setStatus(setStatusInput),
      );
      expect(typeof error.code).toBe('string');
      expect(error.code).toBe('provider_error');
      expect(error.providerCode).toBe(code);
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'provider_error', providerCode: code });
    },
    testTimeout,
  );

  it(
    'logging the LeadConnector OAuth session shows counts and expiry, never the tokens',
    async () => {
      const { provider } = await startPair(
        routes({
          'POST /oauth/token': (_request, response) =>
            sendJson(response, 200, {
              access_token: secret.lcAccessToken,
              refresh_token: 'lcRefresh_Attack_rotated_1',
              expires_in: 3600,
            }),
          'GET /payments/orders/ord_attack_1': (_request, response) =>
            sendJson(response, 200, { _id: 'ord_attack_1', altId: 'loc_attack_1', altType: 'location' }),
        }),
      );
      const lc = leadConnectorOAuthClient(provider, transport, {}, { timeoutMs: 5_000 });
      await settleOk(lc.orders.retrieve('ord_attack_1'));
      const shown = [
        JSON.stringify(lc.oauthSession),
        inspect(lc.oauthSession, { depth: 5 }),
        JSON.stringify(lc),
      ];
      for (const text of shown) {
        for (const value of [secret.lcAccessToken, secret.lcRefreshToken, 'lcRefresh_Attack_rotated_1']) {
          expect(text).not.toContain(value);
        }
      }
      expect(JSON.parse(JSON.stringify(lc.oauthSession))).toMatchObject({ refreshCount: 1 });
      // The tokens stay readable on purpose, for the app that stores them.
      expect(lc.oauthSession?.tokens.accessToken).toBe(secret.lcAccessToken);
    },
    testTimeout,
  );

  it(
    'a provider error quoting a secret in a field name keeps the field, not the secret',
    async () => {
      const { provider } = await startPair(
        routes({
          'POST /v2/transactions': (_request, response) =>
            sendJson(response, 422, {
              errors: { [`key ${secret.payaApiKey}`]: ['is invalid'], [secret.cardNumber]: ['bad'] },
            }),
        }),
      );
      const error = await settleErr(
        payaClient(provider, transport).transactions.sale({
          location_id: '11e95f8ec39de8fbdb0a4f1a',
          transaction_amount: '10.00',
          account_number: secret.cardNumber,
          exp_date: '1230',
        }),
      );
      expect(error.code).toBe('invalid_request');
      const shown = [error.message, JSON.stringify(error), inspect(error, { depth: 10 })].join('\n');
      expect(shown).not.toContain(secret.payaApiKey);
      expect(shown).not.toContain(secret.cardNumber);
      expect(Object.keys(error.fieldErrors ?? {})).toHaveLength(2);
    },
    testTimeout,
  );
});
