import type { PaymentsError, Result } from '@payweave/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  errOf,
  expectPrototypeClean,
  okOf,
  prototypeSnapshot,
  settle,
  settleUnknown,
} from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  connectFiPayment,
  credentialHeader,
  lcLocationId,
  leadConnectorClient,
  type ProviderName,
  payaClient,
  payaLocationId,
  payaTransaction,
  payConnectClient,
  payConnectSession200,
  setStatusInput,
  type Transport,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Handler,
  lines,
  routes,
  sendJson,
  sendText,
  startPair,
  type TestServer,
} from './support/servers.js';

// DESIGN.md sections 3 and 12: a method never rejects (anything thrown inside the pipeline
// becomes an Err), and no hostile input key or response body can pollute a prototype. Inputs
// are built with JSON.parse, which makes `__proto__`, `constructor` and `toString` OWN keys,
// the shape a request body parsed by a web framework has.

const before = prototypeSnapshot();
afterEach(() => expectPrototypeClean(before));
afterAll(closeAllServers);

const testTimeout = 10_000;
const payaId = '11eb0000aaaabbbbccccdddd';
const cFiId = '29ljhq5Apu1YfdtU3wN7yx';

/** `fields` plus own `__proto__`, `constructor` and `toString` keys, as JSON.parse makes them. */
function hostile(fields: Record<string, unknown>): Record<string, unknown> {
  const parts = Object.entries(fields).map(
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
  parts.push(
    '"__proto__":{"polluted":"yes","isAdmin":true}',
    '"constructor":{"prototype":{"polluted":"yes"}}',
    '"toString":"not a function"',
  );
  const parsed = JSON.parse(`{${parts.join(',')}}`) as Record<string, unknown>;
  expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
  return parsed;
}

type Call = () => unknown;

/** Bypasses a method's static types: these inputs are wrong on purpose. */
function loose(method: unknown): (...args: unknown[]) => unknown {
  return method as (...args: unknown[]) => unknown;
}

/** A provider answering every call successfully, so a call that does go out resolves quickly. */
function happyProvider(): Handler {
  return routes(
    {
      'POST /auth/get-token': connectFiLogin200,
      'POST /v2/sessions': payConnectSession200,
      'POST /v2/transactions': (_request, response) =>
        sendJson(response, 200, { transaction: payaTransaction({ id: payaId }) }),
    },
    (_request, response) => sendJson(response, 200, {}),
  );
}

describe.each(transports)('hostile inputs resolve to a Result ($transport)', ({ transport }) => {
  async function clients() {
    const { provider, attacker } = await startPair(happyProvider());
    return {
      provider,
      attacker,
      paya: payaClient(provider, transport),
      connectfi: connectFiClient(provider, transport),
      lc: leadConnectorClient(provider, transport),
      payconnect: payConnectClient(provider, transport),
    };
  }

  it(
    'own __proto__ / constructor / toString keys at the top level are refused by validation, unsent',
    async () => {
      const { provider, attacker, paya, connectfi, lc, payconnect } = await clients();
      const calls: [string, Call][] = [
        ['paya.transactions.sale', () => loose(paya.transactions.sale)(hostile(cardSale()))],
        [
          'paya.transactions.refund',
          () =>
            loose(paya.transactions.refund)(
              hostile({ previous_transaction_id: payaId, transaction_amount: '1.00' }),
            ),
        ],
        [
          'paya.contacts.create',
          () => loose(paya.contacts.create)(hostile({ location_id: payaLocationId, last_name: 'Sanchez' })),
        ],
        ['paya.transactions.retrieve', () => loose(paya.transactions.retrieve)(hostile({ id: payaId }))],
        ['paya execute sale', () => loose(paya.execute)('paya.transactions.sale', hostile(cardSale()))],
        ['connectfi setStatus', () => loose(connectfi.paymentLinks.setStatus)(hostile(setStatusInput))],
        [
          'connectfi retrieve',
          () => loose(connectfi.paymentLinks.retrieve)(hostile({ cFiTransactionId: cFiId })),
        ],
        [
          'connectfi execute retrieve',
          () =>
            loose(connectfi.execute)('connectfi.paymentLinks.retrieve', hostile({ cFiTransactionId: cFiId })),
        ],
        ['lc orders.retrieve', () => loose(lc.orders.retrieve)(hostile({ orderId: 'ord_attack_1' }))],
        [
          'lc orders.recordPayment',
          () => loose(lc.orders.recordPayment)(hostile({ orderId: 'ord_attack_1', mode: 'cash', amount: 5 })),
        ],
        [
          'lc execute coupons.create',
          () =>
            loose(lc.execute)(
              'leadconnector.coupons.create',
              hostile({
                altId: lcLocationId,
                name: 'Spring',
                code: 'SPRING10',
                discountType: 'percentage',
                discountValue: 10,
                startDate: '2025-03-01T00:00:00Z',
              }),
            ),
        ],
        [
          'payconnect invoices.create',
          () =>
            loose(payconnect.invoices.create)(
              hostile({
                customer: { name: 'Acme' },
                lineItems: [{ description: 'Service', quantity: 1, unitPrice: '1.00' }],
                dueDate: '2030-01-01',
              }),
            ),
        ],
        [
          'payconnect invoices.retrieve',
          () => loose(payconnect.invoices.retrieve)(hostile({ invoiceId: 'inv_attack_1' })),
        ],
        [
          'payconnect execute retrieve',
          () =>
            loose(payconnect.execute)('payconnect.invoices.retrieve', hostile({ invoiceId: 'inv_attack_1' })),
        ],
      ];
      for (const [label, call] of calls) {
        const result = await settleUnknown(Promise.resolve().then(call));
        expect.soft(result.isErr() && result.error.code, label).toBe('validation');
      }
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'non-object inputs (null, number, string, array) resolve to validation errors, unsent',
    async () => {
      const { provider, attacker, paya, connectfi, lc, payconnect } = await clients();
      const methods: [string, unknown][] = [
        ['paya sale', paya.transactions.sale],
        ['paya refund', paya.transactions.refund],
        ['connectfi setStatus', connectfi.paymentLinks.setStatus],
        ['lc recordPayment', lc.orders.recordPayment],
        ['payconnect create', payconnect.invoices.create],
      ];
      for (const [label, method] of methods) {
        for (const input of [null, 42, 'text', [], [1, 2]]) {
          const result = await settleUnknown(Promise.resolve().then(() => loose(method)(input)));
          expect
            .soft(result.isErr() && result.error.code, `${label}(${JSON.stringify(input)})`)
            .toBe('validation');
        }
      }
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'execute with prototype names as the operation id is unsupported, unsent',
    async () => {
      const { provider, attacker, paya, connectfi, lc, payconnect } = await clients();
      for (const client of [paya, connectfi, lc, payconnect]) {
        for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
          const result = await settleUnknown(Promise.resolve().then(() => loose(client.execute)(id, {})));
          expect
            .soft(result.isErr() && result.error.code, `${client.provider} execute(${id})`)
            .toBe('unsupported');
        }
      }
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it(
    'hostile keys nested where free-form objects are allowed (Paya custom_data) resolve and pollute nothing',
    async () => {
      const { provider, attacker, paya } = await clients();
      const custom_data = JSON.parse(
        '{"note":"x","__proto__":{"polluted":"nested"},"constructor":{"prototype":{"polluted":"nested"}}}',
      );

      await settle(paya.transactions.sale(cardSale({ custom_data })));

      expect(lines(provider)).toEqual(['POST /v2/transactions']);
      const sent = JSON.parse(provider.requests[0]?.body ?? '{}');
      expect(sent.transaction.custom_data.note).toBe('x');
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});

// Paya's record mappers decorate the parsed record in place (decorateRecord): own hostile keys in
// a successful answer must neither reach a prototype nor stand in for the decoded fields.
describe.each(transports)('a success record with hostile own keys ($transport)', ({ transport }) => {
  it(
    'is decorated from its own fields; __proto__ and constructor stay plain data',
    async () => {
      const before = prototypeSnapshot();
      const transaction = JSON.stringify(payaTransaction({ status_id: 301, reason_code_id: 1000 })).replace(
        /}$/,
        ',"__proto__":{"status":"approved","polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"x"}',
      );
      const { provider, attacker } = await startPair(
        routes({
          'POST /v2/transactions': (_request, response) =>
            sendText(response, 201, `{"transaction":${transaction}}`, { 'content-type': 'application/json' }),
        }),
      );

      const sale = okOf(await payaClient(provider, transport).transactions.sale(cardSale()));

      expect(sale.status).toBe('declined');
      expect(sale.transaction_amount_money).toEqual({ amountMinor: 1000, currency: 'USD' });
      expect(Object.getPrototypeOf(sale)).toBe(Object.prototype);
      expect((sale as Record<string, unknown>).polluted).toBeUndefined();
      expectPrototypeClean(before);
      expect(lines(provider)).toEqual(['POST /v2/transactions']);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});

// Error and success bodies no schema foresaw. Each provider's error mapper reads them; none
// may throw out of the pipeline.
const oddBodies = [
  { label: 'errors.field is [null]', text: '{"errors":{"field":[null]}}' },
  { label: 'message is [null, 5, {}]', text: '{"message":[null,5,{}]}' },
  { label: 'errors is null', text: '{"errors":null}' },
  { label: 'errors is an array', text: '{"errors":["a",null,{"b":1}]}' },
  { label: 'errors nests objects', text: '{"errors":{"field":{"deep":[1]}}}' },
  { label: 'a top-level array', text: '[1,"two",{"three":3}]' },
  { label: 'a number', text: '42' },
  { label: 'a string', text: '"oops"' },
  { label: 'null', text: 'null' },
  {
    label: 'own __proto__ / constructor keys everywhere',
    text: '{"__proto__":{"polluted":"body"},"errors":{"__proto__":["x"],"constructor":["y"],"toString":["z"]},"message":{"toString":1},"context":[null,1,{"instancePath":5,"params":null}]}',
  },
  {
    label: 'fields of the wrong type',
    text: '{"code":{"x":1},"name":["n"],"statusCode":"abc","traceId":7,"requestId":{},"subCode":[],"error_description":5}',
  },
];

interface Reader {
  name: ProviderName;
  /** Auth calls that come first (login, session). */
  auth: Record<string, Handler>;
  /** `METHOD /path` of the call under test (query left out). */
  call: string;
  /** Fields the call's JSON body must carry (POST reads). */
  body?: Record<string, unknown>;
  run(server: TestServer, transport: Transport): Promise<Result<unknown, PaymentsError>>;
}

const readers: Reader[] = [
  {
    name: 'paya',
    auth: {},
    call: `GET /v2/transactions/${payaId}`,
    run: (server, transport) => payaClient(server, transport).transactions.retrieve(payaId),
  },
  {
    name: 'leadconnector',
    auth: {},
    call: 'GET /payments/orders/ord_attack_1',
    run: (server, transport) => leadConnectorClient(server, transport).orders.retrieve('ord_attack_1'),
  },
  {
    name: 'connectfi',
    auth: { 'POST /auth/get-token': connectFiLogin200 },
    call: 'POST /payment-link/payment/list',
    body: { cFiTransactionId: cFiId },
    run: (server, transport) => connectFiClient(server, transport).paymentLinks.retrieve(cFiId),
  },
  {
    name: 'payconnect',
    auth: { 'POST /v2/sessions': payConnectSession200 },
    call: 'GET /v2/invoices/inv_attack_1',
    run: (server, transport) => payConnectClient(server, transport).invoices.retrieve('inv_attack_1'),
  },
];

describe.each(transports)('odd provider bodies resolve to a Result ($transport)', ({ transport }) => {
  describe.each(readers)('$name', (reader) => {
    const authCalls = Object.keys(reader.auth);
    const callRequests = (server: TestServer) =>
      server.requests.filter((request) => !authCalls.includes(`${request.method} ${request.path}`));
    const callLines = (server: TestServer) =>
      callRequests(server).map((request) => `${request.method} ${request.path}`);
    // Every call carried the provider's credential (and its body), so it was a real call.
    const expectSentProperly = (server: TestServer) => {
      const [name, value] = credentialHeader[reader.name];
      for (const request of callRequests(server)) {
        expect(request.headers[name]).toBe(value);
        if (reader.body) expect(JSON.parse(request.body)).toMatchObject(reader.body);
      }
    };

    it.each(oddBodies)(
      '422 with $label',
      async ({ text }) => {
        const { provider, attacker } = await startPair(
          routes(reader.auth, (_request, response) =>
            sendText(response, 422, text, { 'content-type': 'application/json' }),
          ),
        );

        const error = errOf(await settle(reader.run(provider, transport)));

        expect(error.code).toBe('invalid_request');
        expect(error.httpStatus).toBe(422);
        expect(callLines(provider)).toEqual([reader.call]);
        expectSentProperly(provider);
        expect(lines(attacker)).toEqual([]);
      },
      testTimeout,
    );

    it.each(oddBodies)(
      '200 with $label',
      async ({ text }) => {
        const { provider, attacker } = await startPair(
          routes(reader.auth, (_request, response) =>
            sendText(response, 200, text, { 'content-type': 'application/json' }),
          ),
        );

        const error = errOf(await settle(reader.run(provider, transport)));

        // connectFi reads any body with a `code` as an error envelope (provider_error); the
        // others have nothing to read. What matters here is that it resolved to an Err.
        expect(['invalid_response', 'provider_error']).toContain(error.code);
        // A read may be retried on an unreadable 2xx, within maxRetries (2).
        const sent = callLines(provider);
        expect(sent.length).toBeGreaterThanOrEqual(1);
        expect(sent.length).toBeLessThanOrEqual(3);
        expect(sent.every((line) => line === reader.call)).toBe(true);
        expectSentProperly(provider);
        expect(lines(attacker)).toEqual([]);
      },
      testTimeout,
    );
  });
});

// Control for the odd 200 bodies above: a valid envelope on the same route resolves Ok.
describe.each(transports)('control ($transport)', ({ transport }) => {
  it(
    'a valid connectFi list envelope resolves Ok',
    async () => {
      const { provider, attacker } = await startPair(
        routes({
          'POST /auth/get-token': connectFiLogin200,
          'POST /payment-link/payment/list': (_request, response) =>
            sendJson(response, 200, { code: '0', data: [connectFiPayment()] }),
        }),
      );

      const payment = okOf(await settle(connectFiClient(provider, transport).paymentLinks.retrieve(cFiId)));

      expect(payment.cFiTransactionId).toBe(cFiId);
      expect(lines(provider)).toEqual(['POST /auth/get-token', 'POST /payment-link/payment/list']);
      expect(provider.requests[1]?.headers['x-connectfi-token']).toBe(credentialHeader.connectfi[1]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});
