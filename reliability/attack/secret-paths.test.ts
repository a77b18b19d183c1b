import type { PaymentsError } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { captureHooks, captureLogger, errorViews, secretHits, settleErr } from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  connectFiLogin as login,
  payaClient,
  secret,
  setStatusInput,
  transports,
} from './support/clients.js';
import { closeAllServers, type Handler, lines, routes, sendJson, startPair } from './support/servers.js';

// DESIGN.md section 12: no credential, token, card or bank number in any log line, error,
// hook payload, inspect or JSON output, on any path. These are the paths a redactor that
// only scrubs request bodies and HTTP error messages misses: errors inside a 2xx envelope,
// network causes from a caller's fetch, and provider fields that are not "the message"
// (`name`, a response header, the NAME of a field).

afterAll(closeAllServers);

const testTimeout = 10_000;

/** A debug logger and hooks for one client, and the check that none of them saw a secret. */
function observe() {
  const log = captureLogger();
  const hooks = captureHooks();
  return {
    options: { logger: log.logger, logLevel: 'debug' as const, hooks: hooks.hooks },
    expectClean(error: PaymentsError, secrets: readonly string[]) {
      const hits = [
        ...Object.entries(errorViews(error)).flatMap(([where, text]) =>
          secretHits(`error ${where}`, text, secrets),
        ),
        ...secretHits('debug log', log.text(), secrets),
        ...secretHits('hook payloads', hooks.text(), secrets),
      ];
      expect(hits).toEqual([]);
      // The scan must have had something to scan: debug lines and hook events were produced.
      return { logLines: log.lines.length, hookEvents: hooks.events.length };
    },
  };
}

describe.each(transports)('secrets on odd paths ($transport)', ({ transport }) => {
  it(
    'connectFi error inside a 2xx envelope quoting password, bank account, routing number and token',
    async () => {
      const handler = routes({
        'POST /auth/get-token': connectFiLogin200,
        'POST /payment-link/payment/set-status': (_request, response) =>
          sendJson(response, 200, {
            code: 'someError',
            message: `status refused for ${login}/${secret.connectFiPassword}: ACH ${secret.bankAccount} at ${secret.routing} (token ${secret.connectFiToken})`,
            requestId: 'cfi-req-1',
            context: {
              ach: { payment: { DFIAccountNumber: secret.bankAccount, routingNumber: secret.routing } },
            },
          }),
      });
      const { provider, attacker } = await startPair(handler);
      const seen = observe();
      const connectfi = connectFiClient(provider, transport, seen.options);

      const error = await settleErr(connectfi.paymentLinks.setStatus(setStatusInput));

      expect(lines(provider)).toEqual(['POST /auth/get-token', 'POST /payment-link/payment/set-status']);
      expect(provider.requests[1]?.headers['x-connectfi-token']).toBe(secret.connectFiToken);
      expect(lines(attacker)).toEqual([]);
      expect(error.providerCode).toBe('someError');
      const scanned = seen.expectClean(error, [
        secret.connectFiPassword,
        secret.connectFiToken,
        secret.bankAccount,
        secret.routing,
      ]);
      expect(scanned.logLines).toBeGreaterThan(0);
      expect(scanned.hookEvents).toBeGreaterThan(0);
    },
    testTimeout,
  );

  it(
    'connectFi login refused with validation context quoting the password',
    async () => {
      const handler = routes({
        'POST /auth/get-token': (_request, response) =>
          sendJson(response, 400, {
            code: 'requestValidateError',
            message: `login ${login} with password ${secret.connectFiPassword} refused`,
            requestId: 'cfi-req-2',
            context: [
              {
                instancePath: '/user/password',
                keyword: 'pattern',
                message: `"${secret.connectFiPassword}" must match pattern`,
              },
            ],
          }),
      });
      const { provider, attacker } = await startPair(handler);
      const seen = observe();
      const connectfi = connectFiClient(provider, transport, seen.options);

      const error = await settleErr(connectfi.paymentLinks.setStatus(setStatusInput));

      expect(lines(provider)).toEqual(['POST /auth/get-token']);
      expect(lines(attacker)).toEqual([]);
      seen.expectClean(error, [secret.connectFiPassword]);
    },
    testTimeout,
  );

  it(
    "a caller's fetch that throws quoting the user-api-key in its message and cause",
    async () => {
      const { provider, attacker } = await startPair();
      let calls = 0;
      const leakyFetch = (async (_url: unknown, init?: RequestInit) => {
        calls += 1;
        const headers = JSON.stringify(init?.headers ?? {});
        throw new Error(`proxy refused request with headers ${headers}`, {
          cause: new Error(`upstream said: bad user-api-key ${secret.payaApiKey}`),
        });
      }) as typeof fetch;
      const seen = observe();
      const paya = payaClient(provider, transport, { ...seen.options, fetch: leakyFetch, maxRetries: 1 });

      const error = await settleErr(paya.transactions.retrieve('11eb0000aaaabbbbccccdddd'));

      // The caller's fetch replaces the transport: nothing reaches either server.
      expect(calls).toBeGreaterThanOrEqual(1);
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
      expect(error.code).toBe('network');
      seen.expectClean(error, [secret.payaApiKey]);
    },
    testTimeout,
  );

  const payaEchoes: { label: string; handler: Handler }[] = [
    {
      label: 'the `name` field of the error body',
      handler: (_request, response) =>
        sendJson(response, 401, {
          name: `Unauthorized key ${secret.payaApiKey} for card ${secret.cardNumber} cvv ${secret.cvv}`,
          message: 'Unauthorized',
          status: 401,
        }),
    },
    {
      label: 'the x-request-id response header',
      handler: (_request, response) =>
        sendJson(
          response,
          422,
          { errors: { transaction_amount: ['is not valid'] } },
          { 'x-request-id': `req-${secret.payaApiKey}-${secret.cardNumber}-${secret.cvv}` },
        ),
    },
    {
      label: 'field NAMES of the errors object',
      handler: (_request, response) =>
        sendJson(response, 422, {
          errors: {
            [secret.cardNumber]: ['bad'],
            [secret.cvv]: ['bad'],
            [secret.payaApiKey]: ['bad'],
          },
        }),
    },
  ];

  it.each(payaEchoes)(
    'Paya sale error echoing key, card number and CVV in $label',
    async ({ handler }) => {
      const { provider, attacker } = await startPair(handler);
      const seen = observe();
      const paya = payaClient(provider, transport, seen.options);

      const error = await settleErr(paya.transactions.sale(cardSale()));

      expect(lines(provider)).toEqual(['POST /v2/transactions']);
      expect(JSON.parse(provider.requests[0]?.body ?? '{}').transaction.cvv).toBe(secret.cvv);
      expect(lines(attacker)).toEqual([]);
      seen.expectClean(error, [secret.payaApiKey, secret.cardNumber, secret.cvv]);
    },
    testTimeout,
  );
});
