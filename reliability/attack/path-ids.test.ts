import type { PaymentsError, Result } from '@payweave/core';
import { createPayweave } from 'payweave';
import { afterAll, describe, expect, it } from 'vitest';
import { settleErr, settleUnknown } from './support/assertions.js';
import {
  connectFiClient,
  connectFiLogin,
  lcLocationId,
  leadConnectorClient,
  limits,
  payaClient,
  payaDeveloperId,
  payaUserId,
  payConnectClient,
  payConnectSession200,
  secret,
  type Transport,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Handler,
  lines,
  routes,
  sendJson,
  startServer,
  type TestServer,
} from './support/servers.js';

// DESIGN.md sections 5 and 12 (issue 12, item 3): an id that goes into a path is one segment.
// `..`, `.` (also percent-encoded, also behind a slash), control characters and empty ids are
// a `validation` error naming the field and saying why, and NOTHING is sent: no login, no
// session, no call. Before the shared rule, LeadConnector `orders.recordPayment('..')` sent
// `POST /payments/record-payment` and PayConnect `invoices.pay('..')` sent `POST /v2/pay`.

afterAll(closeAllServers);

const testTimeout = 20_000;

/** Ids that would change the route or split a line, and the empty id. */
const hostileIds: readonly string[] = [
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e',
  '%252e%252e',
  '../pay',
  '..%2fpay',
  'a/../b',
  'a\u0000b',
  'a\r\nX-Injected: 1',
  'a%0d%0aX-Injected: 1',
  '\u007f',
  '\t',
  '',
];

/** Paya ids must be 24 to 36 characters: hostile values of that length reach the path rule itself. */
const payaHostileIds: readonly string[] = [
  ...hostileIds,
  '../../../../../../../../v2',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fv2',
  '11eb0000aaaabbbbccccddd\n',
  '11eb0000aaaabbbbcccc%0d%0a',
  '11eb0000aaaabbbbccccdddd\u0000',
];

/** The reasons the path-segment rule gives (schemas may refuse first, e.g. Paya's length). */
const routeReason = /must not be "\." or "\.\."|segment between slashes|control characters|must not be empty/;

/** Answers everything with 200 `{}`: a request that escaped would be recorded and answered. */
const answerEverything: Handler = (_request, response) => sendJson(response, 200, {});

type Call<Client> = (client: Client, id: string) => unknown;

interface Case<Client> {
  readonly name: string;
  readonly field: string;
  readonly call: Call<Client>;
}

/** Bypasses a method's static types: these inputs are wrong on purpose. */
function loose(method: unknown): (...args: unknown[]) => unknown {
  return method as (...args: unknown[]) => unknown;
}

async function expectRefusedUnsent<Client>(
  server: TestServer,
  client: Client,
  testCase: Case<Client>,
  ids: readonly string[],
): Promise<void> {
  for (const id of ids) {
    const error = await settleErr(settleUnknown(testCase.call(client, id)));
    const shown = JSON.stringify(id);
    expect(error.code, `${testCase.name}(${shown})`).toBe('validation');
    expect(error.message, `${testCase.name}(${shown})`).toContain(`${testCase.field}`);
    expect(error.message, `${testCase.name}(${shown})`).toMatch(/nothing was sent/);
    expect(error.retryable, `${testCase.name}(${shown})`).toBe(false);
    expect(lines(server), `${testCase.name}(${shown}) sent a request`).toEqual([]);
  }
}

type PayaClient = ReturnType<typeof payaClient>;
type PayConnectClient = ReturnType<typeof payConnectClient>;
type ConnectFiClient = ReturnType<typeof connectFiClient>;
type LeadConnectorClient = ReturnType<typeof leadConnectorClient>;

const payaCases: Case<PayaClient>[] = [
  { name: 'transactions.retrieve', field: 'id', call: (c, id) => loose(c.transactions.retrieve)({ id }) },
  { name: 'transactions.void', field: 'id', call: (c, id) => loose(c.transactions.void)({ id }) },
  {
    name: 'transactions.authComplete',
    field: 'id',
    call: (c, id) => loose(c.transactions.authComplete)({ id, transaction_amount: '5.00' }),
  },
  { name: 'paylinks.retrieve', field: 'id', call: (c, id) => loose(c.paylinks.retrieve)({ id }) },
  { name: 'paylinks.resend', field: 'id', call: (c, id) => loose(c.paylinks.resend)({ id }) },
  { name: 'paylinks.delete', field: 'id', call: (c, id) => loose(c.paylinks.delete)({ id }) },
  { name: 'contacts.retrieve', field: 'id', call: (c, id) => loose(c.contacts.retrieve)({ id }) },
];

const payConnectCases: Case<PayConnectClient>[] = [
  {
    name: 'invoices.retrieve',
    field: 'invoiceId',
    call: (c, invoiceId) => loose(c.invoices.retrieve)({ invoiceId }),
  },
  {
    name: 'invoices.pay',
    field: 'invoiceId',
    call: (c, invoiceId) => loose(c.invoices.pay)({ invoiceId, amount: '10.00' }),
  },
  {
    name: 'invoices.pay (positional)',
    field: 'invoiceId',
    call: (c, invoiceId) => loose(c.invoices.pay)(invoiceId, { amount: '10.00' }),
  },
  {
    name: 'invoices.update',
    field: 'invoiceId',
    call: (c, invoiceId) => loose(c.invoices.update)({ invoiceId, memo: 'x' }),
  },
  {
    name: 'invoices.sendEmail',
    field: 'invoiceId',
    call: (c, invoiceId) => loose(c.invoices.sendEmail)({ invoiceId }),
  },
  {
    name: 'invoices.void',
    field: 'invoiceId',
    call: (c, invoiceId) => loose(c.invoices.void)({ invoiceId }),
  },
];

// connectFi puts its ids in bodies, never in a path; its id rule (letters, digits, `_`) refuses
// every one of these values before anything (the login included) is sent.
const connectFiCases: Case<ConnectFiClient>[] = [
  {
    name: 'paymentLinks.retrieve',
    field: 'cFiTransactionId',
    call: (c, cFiTransactionId) => loose(c.paymentLinks.retrieve)({ cFiTransactionId }),
  },
  {
    name: 'paymentLinks.cancel',
    field: 'cFiTransactionId',
    call: (c, cFiTransactionId) => loose(c.paymentLinks.cancel)({ cFiTransactionId }),
  },
  {
    name: 'paymentLinks.setStatus',
    field: 'cFiTransactionId',
    call: (c, cFiTransactionId) =>
      loose(c.paymentLinks.setStatus)({ cFiTransactionId, status: 'SentToPay', description: 'x' }),
  },
  {
    name: 'paymentLinks.setRefundStatus',
    field: 'cFiTransactionId',
    call: (c, cFiTransactionId) =>
      loose(c.paymentLinks.setRefundStatus)({ cFiTransactionId, status: 'SentToPay', description: 'x' }),
  },
];

const leadConnectorCases: Case<LeadConnectorClient>[] = [
  { name: 'orders.retrieve', field: 'orderId', call: (c, orderId) => loose(c.orders.retrieve)({ orderId }) },
  {
    name: 'orders.recordPayment',
    field: 'orderId',
    call: (c, orderId) => loose(c.orders.recordPayment)({ orderId, mode: 'cash' }),
  },
  {
    name: 'orders.createFulfillment',
    field: 'orderId',
    call: (c, orderId) =>
      loose(c.orders.createFulfillment)({
        orderId,
        trackings: [],
        items: [{ priceId: 'price_1', qty: 1 }],
        notifyCustomer: false,
      }),
  },
  {
    name: 'orders.listFulfillments',
    field: 'orderId',
    call: (c, orderId) => loose(c.orders.listFulfillments)({ orderId }),
  },
  {
    name: 'orders.listNotes',
    field: 'orderId',
    call: (c, orderId) => loose(c.orders.listNotes)({ orderId }),
  },
  {
    name: 'transactions.retrieve',
    field: 'transactionId',
    call: (c, transactionId) => loose(c.transactions.retrieve)({ transactionId }),
  },
  {
    name: 'subscriptions.retrieve',
    field: 'subscriptionId',
    call: (c, subscriptionId) => loose(c.subscriptions.retrieve)({ subscriptionId }),
  },
];

describe.each(transports)(
  'ids that would change the route are refused, nothing sent ($transport)',
  ({ transport }) => {
    it.each(payaCases)(
      'paya $name',
      async (testCase) => {
        const server = await startServer(answerEverything);
        await expectRefusedUnsent(server, payaClient(server, transport), testCase, payaHostileIds);
      },
      testTimeout,
    );

    it.each(payConnectCases)(
      'payconnect $name',
      async (testCase) => {
        const server = await startServer(answerEverything);
        await expectRefusedUnsent(server, payConnectClient(server, transport), testCase, hostileIds);
      },
      testTimeout,
    );

    it.each(connectFiCases)(
      'connectfi $name',
      async (testCase) => {
        const server = await startServer(answerEverything);
        await expectRefusedUnsent(server, connectFiClient(server, transport), testCase, hostileIds);
      },
      testTimeout,
    );

    it.each(leadConnectorCases)(
      'leadconnector $name',
      async (testCase) => {
        const server = await startServer(answerEverything);
        await expectRefusedUnsent(server, leadConnectorClient(server, transport), testCase, hostileIds);
      },
      testTimeout,
    );

    it(
      'leadconnector orders.recordPayment("..") says why, naming orderId (it used to send POST /payments/record-payment)',
      async () => {
        const server = await startServer(answerEverything);
        const client = leadConnectorClient(server, transport);
        const error = await settleErr(
          settleUnknown(loose(client.orders.recordPayment)({ orderId: '..', mode: 'cash', amount: 10 })),
        );
        expect(error.code).toBe('validation');
        expect(error.operation).toBe('leadconnector.orders.recordPayment');
        expect(error.message).toContain('orderId: must not be "." or ".." (it would change the route)');
        expect(error.message).toMatch(/nothing was sent/);
        const encoded = await settleErr(
          settleUnknown(loose(client.orders.recordPayment)({ orderId: '%2e%2e', mode: 'cash' })),
        );
        expect(encoded.message).toContain('orderId: must not be "." or ".." even percent-encoded');
        expect(lines(server)).toEqual([]);
      },
      testTimeout,
    );

    it(
      'payconnect invoices.pay("..") says why, naming invoiceId (it used to send POST /v2/pay)',
      async () => {
        const server = await startServer(answerEverything);
        const client = payConnectClient(server, transport);
        for (const call of [
          () => loose(client.invoices.pay)('..', { amount: '10.00' }),
          () => loose(client.invoices.pay)({ invoiceId: '..', amount: '10.00' }),
        ]) {
          const error = await settleErr(settleUnknown(call()));
          expect(error.code).toBe('validation');
          expect(error.operation).toBe('payconnect.invoices.pay');
          expect(error.message).toContain('invoiceId: must not be "." or ".." (it would change the route)');
        }
        expect(lines(server)).toEqual([]);
      },
      testTimeout,
    );

    it(
      'the reason is the shared rule for every provider whose schema lets the value through',
      async () => {
        const server = await startServer(answerEverything);
        const checks: [string, () => unknown][] = [
          [
            'payconnect',
            () => loose(payConnectClient(server, transport).invoices.void)({ invoiceId: '.%2e' }),
          ],
          [
            'leadconnector',
            () => loose(leadConnectorClient(server, transport).orders.retrieve)({ orderId: 'a\u0000' }),
          ],
          [
            'paya',
            () =>
              loose(payaClient(server, transport).transactions.void)({ id: '../../../../../../../../v2' }),
          ],
        ];
        for (const [provider, call] of checks) {
          const error = await settleErr(settleUnknown(call()));
          expect(error.message, provider).toMatch(routeReason);
        }
        expect(lines(server)).toEqual([]);
      },
      testTimeout,
    );

    it(
      'well-formed ids still go out, percent-encoded in one segment (the servers do answer)',
      async () => {
        const server = await startServer(
          routes({ 'POST /v2/sessions': payConnectSession200 }, answerEverything),
        );
        await settleUnknown(
          loose(leadConnectorClient(server, transport).orders.retrieve)({ orderId: 'ord/1 x?#' }),
        );
        await settleUnknown(
          loose(payConnectClient(server, transport).invoices.retrieve)({ invoiceId: 'INV-1.2' }),
        );
        await settleUnknown(
          loose(payaClient(server, transport).transactions.retrieve)({ id: '11eb0000aaaabbbbccccdddd' }),
        );
        const sent = lines(server);
        expect(sent.some((line) => line.startsWith('GET /payments/orders/ord%2F1%20x%3F%23?'))).toBe(true);
        expect(sent).toContain('POST /v2/sessions');
        expect(sent).toContain('GET /v2/invoices/INV-1.2');
        expect(sent).toContain('GET /v2/transactions/11eb0000aaaabbbbccccdddd');
      },
      testTimeout,
    );
  },
);

/** The facade over all four providers, pointed at `server`. */
function facade(server: TestServer, transport: Transport) {
  return createPayweave({
    providers: {
      paya: {
        baseUrl: server.origin,
        userId: payaUserId,
        userApiKey: secret.payaApiKey,
        developerId: payaDeveloperId,
        transport,
        ...limits,
      },
      payconnect: { baseUrl: server.origin, apiKey: secret.payConnectApiKey, transport, ...limits },
      connectfi: {
        baseUrl: server.origin,
        login: connectFiLogin,
        password: secret.connectFiPassword,
        transport,
        ...limits,
      },
      leadconnector: {
        baseUrl: server.origin,
        accessToken: secret.lcAccessToken,
        locationId: lcLocationId,
        rateLimit: false,
        transport,
        ...limits,
      },
    },
  });
}

describe.each(transports)(
  'the facade refuses the same ids before asking any provider ($transport)',
  ({ transport }) => {
    const facadeHostile = [
      '..',
      '.',
      '%2e%2e',
      '.%2E',
      '%252e%252e',
      'a/../b',
      'a\u0000b',
      'a\r\nb',
      'x'.repeat(257),
    ];

    it.each(['paya', 'payconnect', 'connectfi', 'leadconnector'] as const)(
      'paymentRequests.retrieve on %s',
      async (provider) => {
        const server = await startServer(answerEverything);
        const pw = facade(server, transport);
        for (const id of facadeHostile) {
          const result = (await settleUnknown(pw.paymentRequests.retrieve({ provider, id }))) as Result<
            unknown,
            PaymentsError
          >;
          const error = await settleErr(Promise.resolve(result));
          expect(error.code, JSON.stringify(id)).toBe('validation');
          expect(error.provider, JSON.stringify(id)).toBe(provider);
          expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(id)).toEqual(['id']);
          expect(error.message, JSON.stringify(id)).toMatch(/^payweave\.paymentRequests\.retrieve: id must /);
        }
        const dots = await settleErr(settleUnknown(pw.paymentRequests.retrieve({ provider, id: '..' })));
        expect(dots.message).toBe(
          'payweave.paymentRequests.retrieve: id must not be "." or ".." (it would change the route).',
        );
        expect(lines(server)).toEqual([]);
      },
      testTimeout,
    );

    it.each(['paya', 'leadconnector'] as const)(
      'transactions.retrieve on %s',
      async (provider) => {
        const server = await startServer(answerEverything);
        const pw = facade(server, transport);
        for (const id of facadeHostile) {
          const error = await settleErr(settleUnknown(pw.transactions.retrieve({ provider, id })));
          expect(error.code, JSON.stringify(id)).toBe('validation');
          expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(id)).toEqual(['id']);
        }
        expect(lines(server)).toEqual([]);
      },
      testTimeout,
    );

    it(
      'execute() reaches the same provider rule',
      async () => {
        const server = await startServer(answerEverything);
        const pw = facade(server, transport);
        const error = await settleErr(
          settleUnknown(
            pw.execute('leadconnector.orders.recordPayment', { orderId: '..', mode: 'cash' } as never),
          ),
        );
        expect(error.code).toBe('validation');
        expect(error.message).toContain('orderId: must not be "." or ".." (it would change the route)');
        expect(lines(server)).toEqual([]);
      },
      testTimeout,
    );
  },
);
