import { PaymentsError } from '@payweave/core';
import { createPayweave } from 'payweave';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleOk } from './support/assertions.js';
import {
  connectFiClient,
  connectFiLogin,
  connectFiLogin200,
  leadConnectorClient,
  limits,
  type ProviderName,
  payaClient,
  payConnectClient,
  secret,
  type Transport,
  transports,
} from './support/clients.js';
import { closeAllServers, lines, routes, sendJson, startServer, type TestServer } from './support/servers.js';

// DESIGN.md sections 5 and 12 (issue 12, item 4): one base-URL rule for all four providers,
// from settings and from environment variables alike. https, or http only on loopback
// (127.0.0.0/8, localhost, [::1]); no credentials, no query or fragment. A bad URL is a
// `configuration` error thrown by the factory, naming the setting or the variable, so no
// client exists that could send a credential in clear text. Before: Paya and LeadConnector
// accepted `http://payments.example.com`, and LEADCONNECTOR_BASE_URL alone sent the OAuth
// client secret over plain http.

afterAll(closeAllServers);

const variables = [
  'CONNECTFI_BASE_URL',
  'CONNECTFI_LOGIN',
  'CONNECTFI_PASSWORD',
  'LEADCONNECTOR_BASE_URL',
  'LEADCONNECTOR_ACCESS_TOKEN',
  'LEADCONNECTOR_LOCATION_ID',
  'LEADCONNECTOR_CLIENT_ID',
  'LEADCONNECTOR_CLIENT_SECRET',
  'LEADCONNECTOR_REFRESH_TOKEN',
  'PAYA_USER_ID',
  'PAYA_USER_API_KEY',
  'PAYA_DEVELOPER_ID',
  'PAYCONNECT_API_KEY',
] as const;

// Every variable a factory reads is saved, cleared for the test and put back afterwards.
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));
  for (const name of variables) delete process.env[name];
});
afterEach(() => {
  for (const name of variables) {
    const value = saved[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** URLs that would carry credentials in clear text (or carry credentials themselves). */
const clearText: readonly [string, RegExp][] = [
  ['http://payments.example.com', /must be an https URL .*\(got http:\/\/payments\.example\.com\)/],
  ['http://10.0.0.8:8080', /must be an https URL/],
  ['http://localhost.attacker.example', /must be an https URL/],
  ['http://127.0.0.1.attacker.example', /must be an https URL/],
  ['HTTP://PAYMENTS.EXAMPLE.COM', /must be an https URL/],
  ['ws://payments.example.com', /must be an https URL/],
  ['https://user:hunter2@payments.example.com', /must not contain a user name or password/],
  ['https://payments.example.com/?key=1', /must not have a query or fragment/],
  ['https://payments.example.com/#x', /must not have a query or fragment/],
  [' https://payments.example.com', /must not contain spaces or control characters/],
];

/** Each provider's factory, made with a base URL from its settings (through the suite's clients). */
const fromSettings: Record<ProviderName, (baseUrl: string, transport: Transport) => unknown> = {
  paya: (baseUrl, transport) => payaClient({ origin: baseUrl } as TestServer, transport),
  payconnect: (baseUrl, transport) => payConnectClient({ origin: baseUrl } as TestServer, transport),
  connectfi: (baseUrl, transport) => connectFiClient({ origin: baseUrl } as TestServer, transport),
  leadconnector: (baseUrl, transport) => leadConnectorClient({ origin: baseUrl } as TestServer, transport),
};

function thrown(make: () => unknown): PaymentsError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsError);
    return error as PaymentsError;
  }
  return expect.fail('the factory made a client');
}

function expectConfiguration(error: PaymentsError, provider: string, field: string, why: RegExp): void {
  expect(error.code).toBe('configuration');
  expect(error.provider).toBe(provider);
  expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
  expect(error.message.startsWith(`${provider}: ${field} `)).toBe(true);
  expect(error.message).toMatch(why);
  expect(error.message).not.toContain('hunter2');
}

describe.each(transports)(
  'clear-text base URLs are refused when the client is made ($transport)',
  ({ transport }) => {
    it.each(Object.keys(fromSettings) as ProviderName[])('%s: from the baseUrl setting', (provider) => {
      for (const [baseUrl, why] of clearText) {
        expectConfiguration(
          thrown(() => fromSettings[provider](baseUrl, transport)),
          provider,
          'baseUrl',
          why,
        );
      }
    });

    it.each(Object.keys(fromSettings) as ProviderName[])('%s: through the facade', (provider) => {
      const error = thrown(() =>
        createPayweave({
          providers: {
            [provider]: { ...settingsFor(provider), baseUrl: 'http://payments.example.com', transport },
          },
        } as never),
      );
      expectConfiguration(error, provider, 'baseUrl', /must be an https URL/);
    });

    it('connectfi: from CONNECTFI_BASE_URL, naming the variable', () => {
      process.env.CONNECTFI_LOGIN = connectFiLogin;
      process.env.CONNECTFI_PASSWORD = secret.connectFiPassword;
      for (const [baseUrl, why] of clearText) {
        process.env.CONNECTFI_BASE_URL = baseUrl;
        const error = thrown(() =>
          connectFiClient({ origin: undefined } as unknown as TestServer, transport),
        );
        expectConfiguration(error, 'connectfi', 'CONNECTFI_BASE_URL', why);
      }
    });

    it('leadconnector: LEADCONNECTOR_BASE_URL alone, with OAuth from the environment, is refused before any token call', () => {
      process.env.LEADCONNECTOR_CLIENT_ID = 'attack-client-id';
      process.env.LEADCONNECTOR_CLIENT_SECRET = secret.lcClientSecret;
      process.env.LEADCONNECTOR_REFRESH_TOKEN = secret.lcRefreshToken;
      for (const [baseUrl, why] of clearText) {
        process.env.LEADCONNECTOR_BASE_URL = baseUrl;
        const error = thrown(() => createLeadConnectorFromEnvironment(transport));
        expectConfiguration(error, 'leadconnector', 'LEADCONNECTOR_BASE_URL', why);
        expect(JSON.stringify(error)).not.toContain(secret.lcClientSecret);
      }
      // An access token from the environment is held to the same rule.
      delete process.env.LEADCONNECTOR_CLIENT_ID;
      process.env.LEADCONNECTOR_ACCESS_TOKEN = secret.lcAccessToken;
      process.env.LEADCONNECTOR_BASE_URL = 'http://payments.example.com';
      expectConfiguration(
        thrown(() => createLeadConnectorFromEnvironment(transport)),
        'leadconnector',
        'LEADCONNECTOR_BASE_URL',
        /must be an https URL/,
      );
    });
  },
);

describe.each(transports)(
  'loopback http is accepted, from settings and environment ($transport)',
  ({ transport }) => {
    it.each(['127.0.0.1', 'localhost'])('every provider reaches a loopback server named %s', async (host) => {
      const server = await startServer(
        routes(
          {
            'POST /auth/get-token': connectFiLogin200,
            'GET /v2/transactions/11eb0000aaaabbbbccccdddd': (_request, response) =>
              sendJson(response, 200, { transaction: { id: '11eb0000aaaabbbbccccdddd' } }),
          },
          (_request, response) => sendJson(response, 404, {}),
        ),
      );
      const origin = `http://${host}:${server.port}`;
      const loopback = { origin } as TestServer;
      await payaClient(loopback, transport).transactions.retrieve('11eb0000aaaabbbbccccdddd');
      await payConnectClient(loopback, transport).invoices.retrieve('INV-1');
      await connectFiClient(loopback, transport).paymentLinks.retrieve('29ljhq5Apu1YfdtU3wN7yx');
      await leadConnectorClient(loopback, transport).orders.retrieve({ orderId: 'ord_1' });
      const sent = lines(server);
      expect(sent).toContain('GET /v2/transactions/11eb0000aaaabbbbccccdddd');
      expect(sent).toContain('POST /v2/sessions');
      expect(sent).toContain('POST /auth/get-token');
      expect(sent.some((line) => line.startsWith('GET /payments/orders/ord_1?'))).toBe(true);
    });

    it('LEADCONNECTOR_BASE_URL on loopback is used, and the setting wins over a clear-text variable', async () => {
      const server = await startServer(
        routes({
          'POST /oauth/token': (_request, response) =>
            sendJson(response, 200, {
              access_token: secret.lcAccessToken,
              refresh_token: 'lcRefresh_rotated_1',
              token_type: 'Bearer',
              expires_in: 86_399,
              scope: 'payments/orders.readonly',
              userType: 'Location',
              locationId: 'loc_attack_1',
            }),
          'GET /payments/orders/ord_1': (_request, response) => sendJson(response, 200, { _id: 'ord_1' }),
        }),
      );
      process.env.LEADCONNECTOR_CLIENT_ID = 'attack-client-id';
      process.env.LEADCONNECTOR_CLIENT_SECRET = secret.lcClientSecret;
      process.env.LEADCONNECTOR_REFRESH_TOKEN = secret.lcRefreshToken;
      process.env.LEADCONNECTOR_LOCATION_ID = 'loc_attack_1';
      process.env.LEADCONNECTOR_BASE_URL = `${server.origin}/`;
      const fromEnvironment = createLeadConnectorFromEnvironment(transport);
      await settleOk(fromEnvironment.orders.retrieve({ orderId: 'ord_1' }));
      expect(lines(server)[0]).toBe('POST /oauth/token');

      process.env.LEADCONNECTOR_BASE_URL = 'http://payments.example.com';
      const fromSetting = leadConnectorClient(server, transport);
      await settleOk(fromSetting.orders.retrieve({ orderId: 'ord_1' }));
      expect(lines(server).filter((line) => line.startsWith('GET /payments/orders/ord_1'))).toHaveLength(2);
    });
  },
);

function settingsFor(provider: ProviderName): Record<string, unknown> {
  switch (provider) {
    case 'paya':
      return { userId: 'u', userApiKey: secret.payaApiKey, developerId: 'd' };
    case 'payconnect':
      return { apiKey: secret.payConnectApiKey };
    case 'connectfi':
      return { login: connectFiLogin, password: secret.connectFiPassword };
    case 'leadconnector':
      return { accessToken: secret.lcAccessToken, rateLimit: false };
  }
}

/** A LeadConnector client made from the environment only (no baseUrl or credentials given). */
function createLeadConnectorFromEnvironment(transport: Transport) {
  return leadConnectorClient({ origin: undefined } as unknown as TestServer, transport, {
    accessToken: undefined,
    locationId: undefined,
    ...limits,
  });
}
