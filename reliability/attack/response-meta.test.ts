import { describe, expect, it } from 'vitest';
import { okOf } from './support/assertions.js';
import { cardSale, payaClient, payaList, payaTransaction, secret, transports } from './support/clients.js';
import { resetConnection, routes, sendJson, startPair } from './support/servers.js';

const testTimeout = 10_000;

describe.each(transports)('success metadata: withResponse() ($transport)', ({ transport }) => {
  it(
    'gives status, redacted headers, request id, attempts and duration beside the same Result',
    async () => {
      const { provider } = await startPair(
        routes({
          'GET /v2/transactions/11e95f8ec39de8fbdb0a4f1b': (_request, response) =>
            sendJson(
              response,
              200,
              { transaction: payaTransaction({ id: '11e95f8ec39de8fbdb0a4f1b' }) },
              {
                'x-request-id': 'req-meta-1',
                // A provider that echoes a credential in a header must not get it shown.
                'x-api-key': secret.payaApiKey,
              },
            ),
        }),
      );
      const paya = payaClient(provider, transport);

      const { result, response } = await paya.transactions
        .retrieve('11e95f8ec39de8fbdb0a4f1b')
        .withResponse();

      expect(okOf(result)).toMatchObject({ id: '11e95f8ec39de8fbdb0a4f1b' });
      expect(response).toMatchObject({ httpStatus: 200, requestId: 'req-meta-1' });
      expect(response?.headers['x-request-id']).toBe('req-meta-1');
      expect(response?.headers['x-api-key']).toBe('[REDACTED]');
      expect(JSON.stringify(response)).not.toContain(secret.payaApiKey);
      expect(response?.attempts).toEqual([expect.objectContaining({ attempt: 1, httpStatus: 200 })]);
      expect(response?.durationMs).toBeGreaterThanOrEqual(0);
      // Awaiting the method itself still gives the plain Result.
      expect(okOf(await paya.transactions.retrieve('11e95f8ec39de8fbdb0a4f1b'))).toMatchObject({
        id: '11e95f8ec39de8fbdb0a4f1b',
      });
      expect(provider.requests).toHaveLength(2);
    },
    testTimeout,
  );

  it(
    'on a failure the response is undefined and the error carries status and attempts',
    async () => {
      const { provider } = await startPair(
        routes({
          'GET /v2/transactions/11e95f8ec39de8fbdb0a4f1c': (_request, response) =>
            sendJson(response, 404, { name: 'Not Found' }),
        }),
      );
      const { result, response } = await payaClient(provider, transport)
        .transactions.retrieve('11e95f8ec39de8fbdb0a4f1c')
        .withResponse();
      expect(response).toBeUndefined();
      expect(result.isErr() && result.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
    },
    testTimeout,
  );

  it(
    'a sale found by the reconcile lookup says so (reconciled) with the lookup response',
    async () => {
      let sent: Record<string, unknown> | undefined;
      const { provider } = await startPair(
        routes({
          'POST /v2/transactions': (request, _response, incoming) => {
            sent = (JSON.parse(request.body) as { transaction: Record<string, unknown> }).transaction;
            resetConnection(incoming);
          },
          'GET /v2/transactions': (_request, response) =>
            sendJson(
              response,
              200,
              payaList([payaTransaction({ id: 'found-1', transaction_api_id: sent?.transaction_api_id })]),
              { 'x-request-id': 'lookup-1' },
            ),
        }),
      );
      const { result, response } = await payaClient(provider, transport)
        .transactions.sale(cardSale())
        .withResponse();
      expect(okOf(result)).toMatchObject({ id: 'found-1' });
      expect(response).toMatchObject({ httpStatus: 200, requestId: 'lookup-1', reconciled: true });
      expect(provider.requests.filter((entry) => entry.method === 'POST')).toHaveLength(1);
    },
    testTimeout,
  );
});
