import type { PaymentsError, Result } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import { settleErr } from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  credentialHeader,
  leadConnectorClient,
  type ProviderName,
  payaClient,
  payConnectClient,
  payConnectSession200,
  secret,
  setStatusInput,
  type Transport,
  transports,
} from './support/clients.js';
import {
  closeAllServers,
  type Handler,
  lines,
  resetConnection,
  routes,
  sendJson,
  startPair,
  type TestServer,
} from './support/servers.js';

// DESIGN.md section 3: `validation` means OUR check refused the input and nothing was sent
// (fix the input); `invalid_request` means the PROVIDER refused what was sent (a 400/422 with
// its field errors). Callers branch on that difference. Every message starts with the
// operation id, which already names the provider: never "paya paya.transactions.refund".

afterAll(closeAllServers);

const testTimeout = 10_000;
const payaId = '11eb0000aaaabbbbccccdddd';

function expectOperationPrefix(error: PaymentsError, operation: string): void {
  expect(error.operation).toBe(operation);
  expect(error.message.startsWith(`${operation}: `)).toBe(true);
  const provider = operation.split('.')[0];
  expect(error.message).not.toContain(`${provider} ${operation}`);
}

interface Refusal {
  operation: string;
  provider: ProviderName;
  status: number;
  /** Auth calls answered first. */
  auth: Record<string, Handler>;
  /** The refused call, `METHOD /path`. */
  call: string;
  body: unknown;
  field: string;
  run(server: TestServer, transport: Transport): Promise<Result<unknown, PaymentsError>>;
}

const refusals: Refusal[] = [
  {
    operation: 'paya.transactions.refund',
    provider: 'paya',
    status: 422,
    auth: {},
    call: 'POST /v2/transactions',
    body: { errors: { transaction_amount: ['must not exceed the original amount'] } },
    field: 'transaction_amount',
    run: (server, transport) =>
      payaClient(server, transport).transactions.refund({
        previous_transaction_id: payaId,
        transaction_amount: '4.00',
      }),
  },
  {
    operation: 'paya.transactions.sale',
    provider: 'paya',
    status: 400,
    auth: {},
    call: 'POST /v2/transactions',
    body: { errors: { billing_zip: ['does not match the card'] } },
    field: 'billing_zip',
    run: (server, transport) =>
      payaClient(server, transport).transactions.sale(cardSale({ billing_zip: '32606' })),
  },
  {
    operation: 'leadconnector.orders.recordPayment',
    provider: 'leadconnector',
    status: 422,
    auth: {},
    call: 'POST /payments/orders/ord_attack_1/record-payment',
    body: {
      statusCode: 422,
      message: ['amount must not be greater than the amount due'],
      error: 'Unprocessable Entity',
    },
    field: 'amount',
    run: (server, transport) =>
      leadConnectorClient(server, transport).orders.recordPayment({
        orderId: 'ord_attack_1',
        mode: 'cash',
        amount: 500,
        isPartialPayment: true,
      }),
  },
  {
    operation: 'connectfi.paymentLinks.setStatus',
    provider: 'connectfi',
    status: 400,
    auth: { 'POST /auth/get-token': connectFiLogin200 },
    call: 'POST /payment-link/payment/set-status',
    body: {
      requestId: 'cfi-req-9',
      code: 'requestValidateError',
      message: 'request validation failed',
      context: [
        {
          instancePath: '/description',
          keyword: 'maxLength',
          message: 'must NOT have more than 100 characters',
        },
      ],
    },
    field: 'description',
    run: (server, transport) => connectFiClient(server, transport).paymentLinks.setStatus(setStatusInput),
  },
  {
    operation: 'payconnect.invoices.pay',
    provider: 'payconnect',
    status: 422,
    auth: { 'POST /v2/sessions': payConnectSession200 },
    call: 'POST /v2/invoices/inv_attack_1/pay',
    body: { message: 'Validation failed', errors: { amount: ['exceeds the amount due'] } },
    field: 'amount',
    run: (server, transport) =>
      payConnectClient(server, transport).invoices.pay({ invoiceId: 'inv_attack_1', amount: '999.00' }),
  },
];

interface OwnCheck {
  operation: string;
  field: string;
  run(server: TestServer, transport: Transport): Promise<Result<unknown, PaymentsError>>;
}

const ownChecks: OwnCheck[] = [
  {
    operation: 'paya.transactions.sale',
    field: 'cvv',
    run: (server, transport) => payaClient(server, transport).transactions.sale(cardSale({ cvv: 'abc' })),
  },
  {
    operation: 'leadconnector.orders.recordPayment',
    field: 'amount',
    run: (server, transport) =>
      leadConnectorClient(server, transport).orders.recordPayment({
        orderId: 'ord_attack_1',
        mode: 'cash',
        amount: -5,
      }),
  },
  {
    operation: 'connectfi.paymentLinks.setStatus',
    field: 'description',
    run: (server, transport) =>
      connectFiClient(server, transport).paymentLinks.setStatus({
        ...setStatusInput,
        description: '<script>',
      }),
  },
  {
    operation: 'payconnect.invoices.pay',
    field: 'amount',
    run: (server, transport) =>
      payConnectClient(server, transport).invoices.pay({ invoiceId: 'inv_attack_1', amount: '1.001' }),
  },
];

describe.each(transports)('error codes and messages ($transport)', ({ transport }) => {
  it.each(refusals)(
    '$operation: a provider $status with field errors is invalid_request (not validation)',
    async (refusal) => {
      const { provider, attacker } = await startPair(
        routes(refusal.auth, (_request, response) => sendJson(response, refusal.status, refusal.body)),
      );

      const error = await settleErr(refusal.run(provider, transport));

      expect(error.code).toBe('invalid_request');
      expect(error.httpStatus).toBe(refusal.status);
      expect(Object.keys(error.fieldErrors ?? {})).toContain(refusal.field);
      expectOperationPrefix(error, refusal.operation);
      // Refused, not lost: sent once, never retried, with the provider's credential.
      expect(provider.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
        ...Object.keys(refusal.auth),
        refusal.call,
      ]);
      const [header, value] = credentialHeader[refusal.provider];
      expect(provider.requests.at(-1)?.headers[header]).toBe(value);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  it.each(ownChecks)(
    '$operation: our own input check is validation, with zero requests sent',
    async (check) => {
      const { provider, attacker } = await startPair();

      const error = await settleErr(check.run(provider, transport));

      expect(error.code).toBe('validation');
      expect(Object.keys(error.fieldErrors ?? {})).toContain(check.field);
      expectOperationPrefix(error, check.operation);
      expect(lines(provider)).toEqual([]);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );

  const failures: { label: string; handler: Handler; operation: string; code: string }[] = [
    {
      label: '500',
      handler: (_request, response) => sendJson(response, 500, { message: 'Internal Server Error' }),
      operation: 'paya.transactions.retrieve',
      code: 'provider_unavailable',
    },
    {
      label: 'connection reset',
      handler: (_request, _response, incoming) => resetConnection(incoming),
      operation: 'paya.transactions.retrieve',
      code: 'network',
    },
    {
      label: 'no answer (timeout)',
      handler: () => {},
      operation: 'paya.transactions.retrieve',
      code: 'timeout',
    },
    {
      label: '404',
      handler: (_request, response) =>
        sendJson(response, 404, { name: 'Not Found', message: 'Transaction not found', status: 404 }),
      operation: 'paya.transactions.retrieve',
      code: 'not_found',
    },
  ];

  it.each(failures)(
    'a $label: message starts with the operation id and does not repeat the provider',
    async ({ handler, operation, code }) => {
      const { provider, attacker } = await startPair(handler);
      const paya = payaClient(provider, transport, { maxRetries: 0 });

      const error = await settleErr(paya.transactions.retrieve(payaId));

      expect(error.code).toBe(code);
      expectOperationPrefix(error, operation);
      expect(lines(provider)).toEqual([`GET /v2/transactions/${payaId}`]);
      expect(provider.requests[0]?.headers['user-api-key']).toBe(secret.payaApiKey);
      expect(lines(attacker)).toEqual([]);
    },
    testTimeout,
  );
});
