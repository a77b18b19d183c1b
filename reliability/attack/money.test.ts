import type { AnyOperation } from '@payweave/core';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type AttackError, settleErr, settleOk, settleUnknown } from './support/assertions.js';
import {
  cardSale,
  connectFiClient,
  connectFiLogin200,
  leadConnectorClient,
  payaClient,
  payaTransaction,
  payConnectClient,
  payConnectSession200,
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

// Issue 12 item 2 and DESIGN.md section 5: money moves only as decimal amounts with the
// currency's precision, finite, within the provider's range, positive where the provider
// requires it, through ONE helper (`decimalAmount` in core) for every provider. A number is
// judged by its shortest decimal form, so float artefacts never reach the wire. Every
// hostile amount must be a `validation` error that says why, with nothing sent at all
// (no login either); a valid amount must reach the wire unchanged.

afterAll(closeAllServers);

const testTimeout = 10_000;

/** The amounts of issue 12 and the message each must get (LeadConnector range: at most 99999999.99). */
const hostileAmounts: readonly [label: string, amount: number, reason: RegExp][] = [
  ['1e+21', 1e21, /^must be at most /],
  ['0.30000000000000004', 0.1 + 0.2, /^must be a decimal amount with at most 2 decimals$/],
  ['10.001', 10.001, /^must be a decimal amount with at most 2 decimals$/],
  ['5e-324', 5e-324, /^must be a decimal amount with at most 2 decimals$/],
  ['1.79e308', 1.79e308, /^must be at most /],
  ['NaN', Number.NaN, /^must be a finite number$/],
  ['Infinity', Number.POSITIVE_INFINITY, /^must be a finite number$/],
  ['-Infinity', Number.NEGATIVE_INFINITY, /^must be a finite number$/],
  ['negative (-25.5)', -25.5, /^must (be greater than 0|not be negative)$/],
];

const orderId = 'ord_attack_1';
const couponId = 'cpn_attack_1';
const coupon = {
  name: 'Attack five off',
  code: 'ATTACK5',
  discountType: 'amount' as const,
  discountValue: 5,
  startDate: '2024-03-01T00:00:00Z',
};

/** A LeadConnector server that accepts everything (so only our own check can refuse). */
const leadConnector200: Handler = routes({
  [`POST /payments/orders/${orderId}/record-payment`]: (_request, response) =>
    sendJson(response, 200, { success: true }),
  'POST /payments/coupon': (request, response) =>
    sendJson(response, 201, { _id: couponId, ...JSON.parse(request.body) }),
  'PUT /payments/coupon': (request, response) =>
    sendJson(response, 200, { _id: couponId, ...JSON.parse(request.body) }),
});

const connectFi200: Handler = routes({
  'POST /auth/get-token': connectFiLogin200,
  'POST /payment-link/payment/list': (_request, response) =>
    sendJson(response, 200, { code: '0', data: [], requestId: 'list-1' }),
});

function expectRefused(error: AttackError, server: TestServer, field: string, reason: RegExp): void {
  expect(lines(server)).toEqual([]);
  expect(error.code).toBe('validation');
  expect(error.message).not.toContain('Invalid input');
  const messages = error.fieldErrors?.[field] ?? [];
  expect(messages, JSON.stringify(error.fieldErrors)).toHaveLength(1);
  expect(messages[0]).toMatch(reason);
  expect(error.message).toContain(`${field}: ${messages[0]}`);
}

describe.each(transports)('money rules over loopback ($transport)', ({ transport }) => {
  describe.each(hostileAmounts)('amount %s', (_label, amount, reason) => {
    it(
      'LeadConnector orders.recordPayment refuses it (positional and object forms, execute), nothing sent',
      async () => {
        const server = await startServer(leadConnector200);
        const lc = leadConnectorClient(server, transport);
        expectRefused(
          await settleErr(lc.orders.recordPayment(orderId, { mode: 'cash', amount, isPartialPayment: true })),
          server,
          'amount',
          reason,
        );
        expectRefused(
          await settleErr(lc.orders.recordPayment({ orderId, mode: 'cash', amount })),
          server,
          'amount',
          reason,
        );
        expectRefused(
          await settleErr(
            lc.execute('leadconnector.orders.recordPayment', { orderId, mode: 'card', amount }),
          ),
          server,
          'amount',
          reason,
        );
      },
      testTimeout,
    );

    it(
      'LeadConnector coupon discountValue refuses it on create and update, amount and percentage, nothing sent',
      async () => {
        const server = await startServer(leadConnector200);
        const lc = leadConnectorClient(server, transport);
        for (const discountType of ['amount', 'percentage'] as const) {
          const input = { ...coupon, discountType, discountValue: amount };
          expectRefused(await settleErr(lc.coupons.create(input)), server, 'discountValue', reason);
          expectRefused(await settleErr(lc.coupons.update(couponId, input)), server, 'discountValue', reason);
        }
      },
      testTimeout,
    );

    it(
      'connectFi list amountFrom / amountTo refuse it, and not even the login is sent',
      async () => {
        const server = await startServer(connectFi200);
        const connectFi = connectFiClient(server, transport);
        for (const field of ['amountFrom', 'amountTo'] as const) {
          const page = await connectFi.paymentLinks.list({ [field]: amount }).firstPage();
          if (page.isOk()) expect.fail(`${field} ${amount} was accepted`);
          expectRefused(page.error as AttackError, server, field, reason);
        }
      },
      testTimeout,
    );

    it(
      'Paya and PayConnect (the same helper) refuse it too, nothing sent',
      async () => {
        const server = await startServer(
          routes({ 'POST /v2/sessions': payConnectSession200, 'POST /v2/transactions': () => {} }),
        );
        const paya = payaClient(server, transport);
        const sale = await settleErr(paya.transactions.sale(cardSale({ transaction_amount: amount })));
        expect(lines(server)).toEqual([]);
        expect(sale.code).toBe('validation');
        expect(sale.fieldErrors?.transaction_amount?.[0]).toMatch(
          /^must be (a decimal amount with at most 2 decimals|at most 99999999.99|a finite number|greater than 0)$/,
        );
        const payConnect = payConnectClient(server, transport);
        const pay = await settleErr(payConnect.invoices.pay({ invoiceId: 'inv_attack_1', amount }));
        expect(lines(server)).toEqual([]);
        expect(pay.code).toBe('validation');
        expect(pay.fieldErrors?.amount?.[0]).toMatch(/^must be /);
      },
      testTimeout,
    );
  });

  it(
    'LeadConnector refuses an amount given as a string (its wire format is a JSON number), nothing sent',
    async () => {
      const server = await startServer(leadConnector200);
      const lc = leadConnectorClient(server, transport);
      const error = await settleErr(
        settleUnknown(
          (lc.orders.recordPayment as (id: string, rest: unknown) => unknown)(orderId, {
            mode: 'cash',
            amount: '25.50',
          }),
        ),
      );
      expectRefused(
        error,
        server,
        'amount',
        /^must be a number \(an amount in major units, such as 25\.5\)$/,
      );
    },
    testTimeout,
  );

  it(
    'valid amounts go on the wire unchanged (LeadConnector and connectFi as JSON numbers)',
    async () => {
      const server = await startServer(leadConnector200);
      const lc = leadConnectorClient(server, transport);
      expect(await settleOk(lc.orders.recordPayment(orderId, { mode: 'cash', amount: 25.5 }))).toEqual({
        success: true,
      });
      expect(await settleOk(lc.coupons.create({ ...coupon, discountValue: 0.01 }))).toMatchObject({
        _id: couponId,
      });
      expect(
        await settleOk(lc.coupons.update(couponId, { ...coupon, discountValue: 99_999_999.99 })),
      ).toMatchObject({ _id: couponId });
      expect(lines(server)).toEqual([
        `POST /payments/orders/${orderId}/record-payment`,
        'POST /payments/coupon',
        'PUT /payments/coupon',
      ]);
      const [payment, created, updated] = server.requests;
      expect(payment?.body).toContain('"amount":25.5');
      expect(JSON.parse(payment?.body ?? '{}')).toMatchObject({ mode: 'cash', amount: 25.5 });
      expect(JSON.parse(payment?.body ?? '{}')).not.toHaveProperty('orderId');
      expect(created?.body).toContain('"discountValue":0.01');
      expect(updated?.body).toContain('"discountValue":99999999.99');
      expect(JSON.parse(updated?.body ?? '{}')).toMatchObject({ id: couponId });

      const cfi = await startServer(connectFi200);
      const connectFi = connectFiClient(cfi, transport);
      const page = await connectFi.paymentLinks.list({ amountFrom: 0, amountTo: 1234.56 }).firstPage();
      expect(page.isOk(), page.isErr() ? page.error.message : '').toBe(true);
      expect(lines(cfi)).toEqual(['POST /auth/get-token', 'POST /payment-link/payment/list']);
      expect(cfi.requests[1]?.body).toContain('"amountFrom":0');
      expect(cfi.requests[1]?.body).toContain('"amountTo":1234.56');
    },
    testTimeout,
  );

  it(
    'Paya keeps the caller’s form (string or number) on the wire',
    async () => {
      const server = await startServer(
        routes({
          'POST /v2/transactions': (_request, response) =>
            sendJson(response, 201, { transaction: payaTransaction({ transaction_amount: '10.50' }) }),
        }),
      );
      const paya = payaClient(server, transport);
      await settleOk(paya.transactions.sale(cardSale({ transaction_amount: '10.50' })));
      await settleOk(paya.transactions.sale(cardSale({ transaction_amount: 10.5 })));
      const [asText, asNumber] = server.requests.map((request) => JSON.parse(request.body).transaction);
      expect(asText.transaction_amount).toBe('10.50');
      expect(asNumber.transaction_amount).toBe(10.5);
    },
    testTimeout,
  );
});

/** Field paths of an input schema whose name says they hold money, with the schema of that field. */
function moneyFields(schema: z.ZodMiniType, path = ''): [string, z.ZodMiniType][] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const found: [string, z.ZodMiniType][] = [];
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodMiniType>)) {
        const fieldPath = path ? `${path}.${key}` : key;
        if (/amount|price|discountValue|subtotal|tax|tip|fee|total/i.test(key) && !/Ids?$|Type$/.test(key))
          found.push([fieldPath, field]);
        else found.push(...moneyFields(field, fieldPath));
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
      found.push(...moneyFields(def.innerType as z.ZodMiniType, path));
      break;
    case 'array':
      found.push(...moneyFields(def.element as z.ZodMiniType, `${path}[]`));
      break;
    case 'union':
      for (const option of def.options as z.ZodMiniType[]) found.push(...moneyFields(option, path));
      break;
    case 'pipe':
      found.push(...moneyFields(def.in as z.ZodMiniType, path));
      break;
  }
  return found;
}

describe('every money field of every operation of every provider gets the shared rule', async () => {
  const server = await startServer();
  const clients = {
    leadconnector: leadConnectorClient(server, 'auto'),
    connectfi: connectFiClient(server, 'auto'),
    paya: payaClient(server, 'auto'),
    payconnect: payConnectClient(server, 'auto'),
  };
  const fields = Object.values(clients).flatMap((client) =>
    (client.operations as readonly AnyOperation[]).flatMap((operation) =>
      moneyFields(operation.input as z.ZodMiniType).map(([path, schema]) => ({
        id: `${operation.id} ${path}`,
        schema,
      })),
    ),
  );

  it('finds the money fields it must check (custom providers and white-label providers have none in the spec)', () => {
    const ids = fields.map((field) => field.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'leadconnector.orders.recordPayment amount',
        'leadconnector.coupons.create discountValue',
        'leadconnector.coupons.update discountValue',
        'connectfi.paymentLinks.list amountFrom',
        'connectfi.paymentLinks.list amountTo',
        'paya.transactions.sale transaction_amount',
        'payconnect.invoices.pay amount',
        'payconnect.invoices.create lineItems[].unitPrice',
      ]),
    );
    expect(ids.filter((id) => /customProvider|whitelabel/i.test(id))).toEqual([]);
  });

  it.each(hostileAmounts)('each one refuses %s', (_label, amount) => {
    const accepted = fields
      .filter((field) => z.safeParse(field.schema, amount).success)
      .map((field) => field.id);
    expect(accepted).toEqual([]);
  });

  it('each one refuses a float artefact written as a string or exponent text', () => {
    for (const text of ['0.30000000000000004', '10.001', '1e3', '5e-324', ' 10.00']) {
      const accepted = fields
        .filter((field) => z.safeParse(field.schema, text).success)
        .map((field) => field.id);
      expect(accepted, text).toEqual([]);
    }
  });
});
