import { afterAll, describe, expect, it } from 'vitest';
import { type AttackError, settleErr } from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  formOf,
  leadConnectorClient,
  leadConnectorOAuthClient,
  payaClient,
  payConnectClient,
  payConnectSession200,
  secret,
  setStatusInput,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Handler,
  lines,
  routes,
  startPair,
  type TestServer,
} from './support/servers.js';

// DESIGN.md section 3: no exchange ever follows a redirect. A 3xx that pointed the SDK at
// another origin would hand it the card, the CVV, the API key or the OAuth secrets; a
// 307/308 would even replay the POST body there. So the attacker server must see nothing.

afterAll(closeAllServers);

const statuses = [301, 302, 307, 308] as const;
const testTimeout = 10_000;

function redirect(status: number, location: string): Handler {
  return (_request, response) => {
    const body = '<html><body>Moved</body></html>';
    response.writeHead(status, {
      location,
      'content-type': 'text/html',
      'content-length': String(Buffer.byteLength(body)),
    });
    response.end(body);
  };
}

function expectRefused(
  error: AttackError,
  status: number,
  attacker: TestServer,
  code: AttackError['code'] = 'provider_error',
): void {
  expect(lines(attacker)).toEqual([]);
  expect(error.code).toBe(code);
  expect(error.httpStatus).toBe(status);
  // The error names where the provider tried to send us, so an operator can see the hijack.
  expect(error.message).toContain(attacker.origin);
}

describe.each(transports)('redirects are never followed ($transport)', ({ transport }) => {
  it.each(statuses)(
    'Paya sale answered %i: the card never leaves for the Location',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(redirect(status, `${attacker.origin}/v2/transactions`));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.transactions.sale(cardSale()));

      expect(lines(provider)).toEqual(['POST /v2/transactions']);
      const [sent] = provider.requests;
      expect(sent?.headers['user-api-key']).toBe(secret.payaApiKey);
      expect(JSON.parse(sent?.body ?? '{}').transaction).toMatchObject({
        action: 'sale',
        payment_method: 'cc',
        account_number: secret.cardNumber,
        cvv: secret.cvv,
      });
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );

  it.each(statuses)(
    'Paya retrieve (a safe GET) answered %i is neither followed nor retried',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(redirect(status, `${attacker.origin}/v2/transactions/x`));
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.transactions.retrieve('11eb0000aaaabbbbccccdddd'));

      expect(lines(provider)).toEqual(['GET /v2/transactions/11eb0000aaaabbbbccccdddd']);
      expect(provider.requests[0]?.headers['user-api-key']).toBe(secret.payaApiKey);
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );

  it(
    'Paya sale answered 307 to a same-origin path is not followed either',
    async () => {
      // Following it would send the charge a second time, to a route we never chose.
      const { provider, attacker } = await startPair();
      provider.setHandler(
        routes(
          { 'POST /v2/transactions': redirect(307, '/v2/transactions/replay') },
          (_request, response) => {
            response.writeHead(500).end();
          },
        ),
      );
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.transactions.sale(cardSale()));

      expect(lines(provider)).toEqual(['POST /v2/transactions']);
      expect(lines(attacker)).toEqual([]);
      expect(error.code).toBe('provider_error');
      expect(error.httpStatus).toBe(307);
    },
    testTimeout,
  );

  it.each(statuses)(
    'connectFi login answered %i: login and password stay home',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(
        routes({ 'POST /auth/get-token': redirect(status, `${attacker.origin}/auth/get-token`) }),
      );
      const connectfi = connectFiClient(provider, transport);

      const error = await settleErr(connectfi.paymentLinks.setStatus(setStatusInput));

      expect(lines(provider)).toEqual(['POST /auth/get-token']);
      expect(JSON.parse(provider.requests[0]?.body ?? '{}')).toMatchObject({
        user: { password: secret.connectFiPassword },
      });
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );

  it.each(statuses)(
    'connectFi call with a token answered %i: the token stays home',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(
        routes({
          'POST /auth/get-token': connectFiLogin200,
          'POST /payment-link/payment/set-status': redirect(
            status,
            `${attacker.origin}/payment-link/payment/set-status`,
          ),
        }),
      );
      const connectfi = connectFiClient(provider, transport);

      const error = await settleErr(connectfi.paymentLinks.setStatus(setStatusInput));

      expect(lines(provider)).toEqual(['POST /auth/get-token', 'POST /payment-link/payment/set-status']);
      expect(provider.requests[1]?.headers['x-connectfi-token']).toBe(secret.connectFiToken);
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );

  it.each(statuses)(
    'LeadConnector OAuth refresh answered %i: client secret and refresh token stay home',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(
        routes({ 'POST /oauth/token': redirect(status, `${attacker.origin}/oauth/token`) }),
      );
      const lc = leadConnectorOAuthClient(provider, transport);

      const error = await settleErr(lc.orders.retrieve('ord_attack_1'));

      expect(lines(provider)).toEqual(['POST /oauth/token']);
      expect(formOf(provider.requests[0]?.body ?? '')).toMatchObject({
        grant_type: 'refresh_token',
        client_secret: secret.lcClientSecret,
        refresh_token: secret.lcRefreshToken,
      });
      // A refresh that fails is an authentication failure of the call that needed it (the app must
      // re-consent or fix the setup); the redirect is named in its message.
      expectRefused(error, status, attacker, 'authentication');
    },
    testTimeout,
  );

  it.each(statuses)(
    'LeadConnector bearer call answered %i: the access token stays home',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(redirect(status, `${attacker.origin}/payments/orders/ord_attack_1`));
      const lc = leadConnectorClient(provider, transport);

      const error = await settleErr(lc.orders.retrieve('ord_attack_1'));

      expect(provider.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        'GET /payments/orders/ord_attack_1',
      ]);
      expect(provider.requests[0]?.headers.authorization).toBe(`Bearer ${secret.lcAccessToken}`);
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );

  it.each(statuses)(
    'PayConnect session call answered %i: the API key stays home',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(
        routes({ 'POST /v2/sessions': redirect(status, `${attacker.origin}/v2/sessions`) }),
      );
      const payconnect = payConnectClient(provider, transport);

      const error = await settleErr(payconnect.invoices.void('inv_attack_1'));

      expect(lines(provider)).toEqual(['POST /v2/sessions']);
      expect(provider.requests[0]?.headers.authorization).toBe(`Api-Key ${secret.payConnectApiKey}`);
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );

  it.each(statuses)(
    'PayConnect invoice call answered %i: the session token stays home',
    async (status) => {
      const { provider, attacker } = await startPair();
      provider.setHandler(
        routes({
          'POST /v2/sessions': payConnectSession200,
          'POST /v2/invoices/inv_attack_1/void': redirect(status, `${attacker.origin}/v2/invoices/x/void`),
        }),
      );
      const payconnect = payConnectClient(provider, transport);

      const error = await settleErr(payconnect.invoices.void('inv_attack_1'));

      expect(lines(provider)).toEqual(['POST /v2/sessions', 'POST /v2/invoices/inv_attack_1/void']);
      expect(provider.requests[1]?.headers.authorization).toBe(`Bearer ${secret.payConnectSession}`);
      expectRefused(error, status, attacker);
    },
    testTimeout,
  );
});
