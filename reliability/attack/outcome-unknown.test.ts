import { afterAll, describe, expect, it } from 'vitest';
import { settleErr, settleOk } from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  payaClient,
  payaList,
  payaTransaction,
  secret,
  setStatusInput,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Handler,
  lines,
  type Recorded,
  resetConnection,
  routes,
  sendJson,
  sendText,
  startPair,
  type TestServer,
} from './support/servers.js';

// DESIGN.md section 4: a payments SDK must never turn one intended charge into two. After an
// ambiguous failure of a write (reset after sending, timeout, 5xx, an unreadable 2xx) the
// provider may have acted. Paya's sale runs in `reconcile` mode: look the transaction up by
// its transaction_api_id (exact, every page); found -> Ok; not found -> resend ONCE with the
// same reference; lookup failed or resend ambiguous again -> Err with outcomeUnknown and the
// reference, never another blind send. `never` writes answer outcomeUnknown at once.

afterAll(closeAllServers);

const testTimeout = 10_000;
const createdId = '11eb0000c0ffee0000000001';

type Failure = 'reset' | '502' | 'stall';
const failures: Failure[] = ['reset', '502', 'stall'];

/** Records the write, then fails the way a broken network or provider does. */
function failAfterRecording(kind: Failure): Handler {
  return (_request, response, incoming) => {
    if (kind === 'reset') resetConnection(incoming);
    else if (kind === '502') sendJson(response, 502, { message: 'Bad Gateway' });
    // 'stall': never answer; the attempt's timeout (300 ms) ends it.
  };
}

const isPost = (request: Recorded) => request.method === 'POST' && request.path === '/v2/transactions';
const isLookup = (request: Recorded) => request.method === 'GET' && request.path === '/v2/transactions';
const posts = (server: TestServer) => server.requests.filter(isPost);
const lookups = (server: TestServer) => server.requests.filter(isLookup);
const referenceOf = (request: Recorded | undefined): string =>
  JSON.parse(request?.body ?? '{}').transaction?.transaction_api_id;

function expectSameReference(server: TestServer): string {
  const references = posts(server).map(referenceOf);
  expect(references.length).toBeGreaterThanOrEqual(1);
  const [reference] = references;
  expect(typeof reference).toBe('string');
  expect(references.every((value) => value === reference)).toBe(true);
  return reference as string;
}

describe.each(transports)('outcome unknown ($transport)', ({ transport }) => {
  it.each(failures)(
    'Paya sale: every POST fails (%s), lookups find nothing -> at most one resend, then outcomeUnknown',
    async (kind) => {
      const { provider, attacker } = await startPair(
        routes({
          'POST /v2/transactions': failAfterRecording(kind),
          'GET /v2/transactions': (_request, response) => sendJson(response, 200, payaList([])),
        }),
      );
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.transactions.sale(cardSale()));

      const reference = expectSameReference(provider);
      expect(posts(provider).length).toBeLessThanOrEqual(2);
      if (posts(provider).length === 2) {
        // The resend came only after a lookup said the first send left no record.
        const order = provider.requests;
        const secondPost = order.indexOf(posts(provider)[1]!);
        expect(order.slice(0, secondPost).some(isLookup)).toBe(true);
      }
      for (const lookup of lookups(provider)) expect(lookup.query.get('transaction_api_id')).toBe(reference);
      expect(provider.requests[0]?.headers['user-api-key']).toBe(secret.payaApiKey);
      expect(lines(attacker)).toEqual([]);
      expect(error.outcomeUnknown).toBe(true);
      expect(error.reference).toBe(reference);
    },
    testTimeout,
  );

  it(
    'Paya sale: the POST resets and the lookup itself answers 500 -> exactly one POST, outcomeUnknown',
    async () => {
      const { provider, attacker } = await startPair(
        routes({
          'POST /v2/transactions': failAfterRecording('reset'),
          'GET /v2/transactions': (_request, response) => sendJson(response, 500, { message: 'oops' }),
        }),
      );
      const paya = payaClient(provider, transport);

      const error = await settleErr(paya.transactions.sale(cardSale()));

      expect(posts(provider)).toHaveLength(1);
      expect(lookups(provider).length).toBeGreaterThanOrEqual(1);
      const reference = referenceOf(posts(provider)[0]);
      expect(lines(attacker)).toEqual([]);
      expect(error.outcomeUnknown).toBe(true);
      expect(error.reference).toBe(reference);
    },
    testTimeout,
  );

  it(
    'Paya sale: a 200 with an HTML body is ambiguous -> lookup finds the record -> Ok, one POST',
    async () => {
      const { provider, attacker } = await startPair(
        routes({
          'POST /v2/transactions': (_request, response) =>
            sendText(response, 200, '<html>ok</html>', { 'content-type': 'text/html' }),
          'GET /v2/transactions': (request, response) =>
            sendJson(
              response,
              200,
              payaList([
                payaTransaction({
                  id: createdId,
                  transaction_api_id: request.query.get('transaction_api_id'),
                }),
              ]),
            ),
        }),
      );
      const paya = payaClient(provider, transport);

      const transaction = await settleOk(paya.transactions.sale(cardSale()));

      expect(posts(provider)).toHaveLength(1);
      expect(lookups(provider).length).toBeGreaterThanOrEqual(1);
      const reference = referenceOf(posts(provider)[0]);
      expect(lookups(provider)[0]?.query.get('transaction_api_id')).toBe(reference);
      expect(transaction.id).toBe(createdId);
      expect(transaction.transaction_api_id).toBe(reference);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'Paya sale: lookup records whose transaction_api_id only CONTAINS the reference are not the match',
    async () => {
      // Paya matches text filters as substrings: "order-1001" also finds "order-10010".
      const reference = 'order-1001';
      let postCount = 0;
      const { provider, attacker } = await startPair(
        routes({
          'POST /v2/transactions': (request, response, incoming) => {
            postCount += 1;
            if (postCount === 1) resetConnection(incoming);
            else
              sendJson(response, 200, {
                transaction: payaTransaction({ id: createdId, transaction_api_id: referenceOf(request) }),
              });
          },
          'GET /v2/transactions': (_request, response) =>
            sendJson(
              response,
              200,
              payaList([
                payaTransaction({ id: '11eb0000aaaa000000000001', transaction_api_id: `${reference}0` }),
                payaTransaction({ id: '11eb0000aaaa000000000002', transaction_api_id: `${reference}-retry` }),
                payaTransaction({ id: '11eb0000aaaa000000000003', transaction_api_id: `x${reference}` }),
              ]),
            ),
        }),
      );
      const paya = payaClient(provider, transport);

      const transaction = await settleOk(paya.transactions.sale(cardSale({ transaction_api_id: reference })));

      // The near-misses were not taken for the sale: it was sent once more, with the same reference.
      expect(expectSameReference(provider)).toBe(reference);
      expect(posts(provider)).toHaveLength(2);
      expect(lookups(provider).length).toBeGreaterThanOrEqual(1);
      expect(transaction.id).toBe(createdId);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'Paya sale: the exact match is on page 2 of the lookup -> found, never resent',
    async () => {
      const { provider, attacker } = await startPair(
        routes({
          'POST /v2/transactions': failAfterRecording('reset'),
          'GET /v2/transactions': (request, response) => {
            const reference = request.query.get('transaction_api_id') ?? '';
            const page = Number(request.query.get('page') ?? '1');
            const nearMisses = Array.from({ length: 10 }, (_, index) =>
              payaTransaction({
                id: `11eb0000bbbb0000000000${String(index).padStart(2, '0')}`,
                transaction_api_id: `${reference}-${index}`,
              }),
            );
            const exact = payaTransaction({ id: createdId, transaction_api_id: reference });
            sendJson(response, 200, page >= 2 ? payaList([exact], 2, 11) : payaList(nearMisses, 2, 11));
          },
        }),
      );
      const paya = payaClient(provider, transport);

      const transaction = await settleOk(paya.transactions.sale(cardSale()));

      expect(posts(provider)).toHaveLength(1);
      expect(lookups(provider).some((lookup) => lookup.query.get('page') === '2')).toBe(true);
      expect(transaction.id).toBe(createdId);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it.each(failures)(
    'connectFi setRefundStatus (retry never): the write fails (%s) after sending -> outcomeUnknown, one request',
    async (kind) => {
      const { provider, attacker } = await startPair(
        routes({
          'POST /auth/get-token': connectFiLogin200,
          'POST /payment-link/payment/refund-set-status': failAfterRecording(kind),
        }),
      );
      const connectfi = connectFiClient(provider, transport);

      const error = await settleErr(connectfi.paymentLinks.setRefundStatus(setStatusInput));

      expect(lines(provider)).toEqual([
        'POST /auth/get-token',
        'POST /payment-link/payment/refund-set-status',
      ]);
      expect(JSON.parse(provider.requests[1]?.body ?? '{}')).toMatchObject({
        cFiTransactionId: setStatusInput.cFiTransactionId,
        status: 'SentToPay',
      });
      expect(lines(attacker)).toEqual([]);
      expect(error.outcomeUnknown).toBe(true);
    },
    testTimeout,
  );
});
