import { afterAll, describe, expect, it } from 'vitest';
import { settle, settleErr, settleOk } from './support/assertions.js';
import { leadConnectorClient, payaClient, payaTransaction, secret, transports } from './support/clients.js';
import { closeAllServers, type Handler, lines, sendJson, startPair } from './support/servers.js';

// DESIGN.md section 4: every wait (Retry-After, a rate-limit header, the limiter's queue) is
// bounded by deadlineMs, and a server-provided wait beyond maxRetryAfterMs fails fast. A
// provider that asks for an hour, or requests that never come back, must not park the
// client: the vitest timeout (10 s) is the only clock these tests use.
//
// The cases run concurrently: a client that does park would otherwise cost 10 s per case.

afterAll(closeAllServers);

const testTimeout = 10_000;
const orderPath = '/payments/orders/ord_attack_1';
const order = { _id: 'ord_attack_1', altId: 'loc_attack_1', status: 'completed', amount: 25 };

function orderRequests(lines: { method: string; path: string }[]) {
  return lines.map((request) => `${request.method} ${request.path}`);
}

describe.concurrent.each(transports)('waits are bounded ($transport)', ({ transport }) => {
  it(
    'LeadConnector 429 asking for an hour: rate_limited at once, and the next call is not parked',
    async () => {
      let answered = 0;
      const handler: Handler = (_request, response) => {
        answered += 1;
        if (answered === 1) {
          sendJson(
            response,
            429,
            { statusCode: 429, message: 'Too many requests' },
            {
              'x-ratelimit-interval-milliseconds': '3600000',
              'x-ratelimit-max': '100',
              'x-ratelimit-remaining': '0',
            },
          );
        } else {
          sendJson(response, 200, order);
        }
      };
      const { provider, attacker } = await startPair(handler);
      // The limiter is on (default 100 per 10 s) and learns the hour-long window from the 429.
      const lc = leadConnectorClient(provider, transport, { rateLimit: {} });

      const error = await settleErr(lc.orders.retrieve('ord_attack_1'));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(3_600_000);
      expect(orderRequests(provider.requests)).toEqual([`GET ${orderPath}`]);
      expect(provider.requests[0]?.headers.authorization).toBe(`Bearer ${secret.lcAccessToken}`);

      // Ok or Err both fine: what matters is that it resolves, not after an hour.
      await settle(lc.orders.retrieve('ord_attack_1', {}, { deadlineMs: 1500 }));
      expect(provider.requests.length).toBeLessThanOrEqual(2);
      expect(orderRequests(provider.requests).every((line) => line === `GET ${orderPath}`)).toBe(true);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'LeadConnector requests that never answer: timeout, and their limiter slots do not block later calls',
    async () => {
      let hanging = true;
      const handler: Handler = (_request, response) => {
        if (!hanging) sendJson(response, 200, order);
        // else: never answer.
      };
      const { provider, attacker } = await startPair(handler);
      // Two slots per second: the unanswered attempts of the first call fill them.
      const lc = leadConnectorClient(provider, transport, {
        rateLimit: { maxRequests: 2, intervalMs: 1000 },
        timeoutMs: 200,
        deadlineMs: 600,
      });

      const error = await settleErr(lc.orders.retrieve('ord_attack_1'));
      expect(error.code).toBe('timeout');
      const sent = provider.requests.length;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThanOrEqual(3);

      hanging = false;
      const found = await settleOk(lc.orders.retrieve('ord_attack_1', {}, { deadlineMs: 3000 }));
      expect(found._id).toBe('ord_attack_1');
      expect(provider.requests.length).toBe(sent + 1);
      expect(orderRequests(provider.requests).every((line) => line === `GET ${orderPath}`)).toBe(true);
      expect(
        provider.requests.every(
          (request) => request.headers.authorization === `Bearer ${secret.lcAccessToken}`,
        ),
      ).toBe(true);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'Paya requests that never answer: timeout within the deadline, and the client keeps working',
    async () => {
      let hanging = true;
      const id = '11eb0000aaaabbbbccccdddd';
      const handler: Handler = (_request, response) => {
        if (!hanging) sendJson(response, 200, { transaction: payaTransaction({ id }) });
      };
      const { provider, attacker } = await startPair(handler);
      const paya = payaClient(provider, transport, { timeoutMs: 200, deadlineMs: 600 });

      const error = await settleErr(paya.transactions.retrieve(id));
      expect(error.code).toBe('timeout');
      const sent = provider.requests.length;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThanOrEqual(3);
      expect(lines(provider).every((line) => line === `GET /v2/transactions/${id}`)).toBe(true);
      expect(
        provider.requests.every((request) => request.headers['user-api-key'] === secret.payaApiKey),
      ).toBe(true);

      hanging = false;
      const transaction = await settleOk(paya.transactions.retrieve(id));
      expect(transaction.id).toBe(id);
      expect(provider.requests.length).toBe(sent + 1);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});
