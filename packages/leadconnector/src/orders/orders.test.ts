import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken, orderIds, priceId } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createLeadConnector({ baseUrl, accessToken, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });
const last = () => simulator.log[simulator.log.length - 1]!;

describe('orders.list', () => {
  it('walks every page with limit/offset and sends Version, bearer and the location defaults', async () => {
    simulator.seedOrders(22);
    const orders = await client().orders.list({ limit: 10 }).toArray({ limit: 1000 });
    expect(orders.unwrap()).toHaveLength(25);
    expect(simulator.log.map((entry) => entry.query.offset)).toEqual([undefined, '10', '20']);
    const first = simulator.log[0]!;
    expect(first.method).toBe('GET');
    expect(first.path).toBe('/payments/orders');
    expect(first.query).toMatchObject({ altId: locationId, altType: 'location', limit: '10' });
    expect(first.headers.version).toBe('2021-07-28');
    expect(first.headers.authorization).toBe(`Bearer ${accessToken}`);
  });

  it('stops at totalCount without asking for an empty page', async () => {
    simulator.seedOrders(7);
    const pages = [];
    for await (const page of client().orders.list({ limit: 5 }).pages()) pages.push(page);
    expect(pages.map((page) => page.items.length)).toEqual([5, 5]);
    expect(pages[0]?.totalCount).toBe(10);
    expect(simulator.log).toHaveLength(2);
  });

  it('filters by payment status, contact and dates', async () => {
    const unpaid = await client()
      .orders.list({ paymentStatus: 'unpaid', startAt: '2024-02-02', endAt: '2024-02-28' })
      .toArray({ limit: 10 });
    expect(
      unpaid
        .unwrap()
        .map((order) => order._id)
        .sort(),
    ).toEqual([orderIds[1], orderIds[2]]);
    expect(last().query).toMatchObject({
      paymentStatus: 'unpaid',
      startAt: '2024-02-02',
      endAt: '2024-02-28',
    });
  });

  it('refuses a bad enum or date before sending', async () => {
    const result = await client()
      .orders.list({ paymentStatus: 'open' as never, startAt: '02/01/2024' })
      .firstPage();
    expect(result.unwrapErr().code).toBe('validation');
    expect(Object.keys(result.unwrapErr().fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['paymentStatus', 'startAt']),
    );
    expect(simulator.log).toHaveLength(0);
  });

  it('needs an altId when the client has no locationId', async () => {
    const bare = createLeadConnector({ baseUrl, accessToken });
    const result = await bare.orders.list().firstPage();
    expect(result.unwrapErr().code).toBe('validation');
    expect(result.unwrapErr().message).toContain('altId is required');
    expect(simulator.log).toHaveLength(0);
    const explicit = await bare.orders.list({ altId: locationId }).firstPage();
    expect(explicit.unwrap().items).toHaveLength(3);
  });
});

describe('orders.retrieve', () => {
  it('sends altType=location (the live API needs it) and keeps _id', async () => {
    const order = (await client().orders.retrieve(orderIds[1])).unwrap();
    expect(order._id).toBe(orderIds[1]);
    expect(order.amount).toBe(120);
    expect(last().path).toBe(`/payments/orders/${orderIds[1]}`);
    expect(last().query).toEqual({ altId: locationId, altType: 'location' });
  });

  it('maps the live 404 body (no statusCode) to not_found with its traceId', async () => {
    const error = (await client().orders.retrieve('653f5e0cde5a1314e62a8399')).unwrapErr();
    expect(error.code).toBe('not_found');
    expect(error.httpStatus).toBe(404);
    expect(error.providerMessage).toBe('Order not found');
    expect(error.providerCode).toBe('HttpException');
    expect(error.traceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('orders.recordPayment', () => {
  it('moves the payment status through partially_paid to paid and records transactions and notes', async () => {
    const lc = client();
    const partial = await lc.orders.recordPayment({
      orderId: orderIds[1],
      mode: 'cash',
      amount: 20,
      isPartialPayment: true,
      notes: 'first instalment',
    });
    expect(partial.unwrap()).toEqual({ success: true });
    expect(last().method).toBe('POST');
    expect(last().path).toBe(`/payments/orders/${orderIds[1]}/record-payment`);
    expect(last().body).toEqual({
      altId: locationId,
      altType: 'location',
      mode: 'cash',
      amount: 20,
      isPartialPayment: true,
      notes: 'first instalment',
    });
    expect((await lc.orders.retrieve(orderIds[1])).unwrap().paymentStatus).toBe('partially_paid');

    const rest = await lc.orders.recordPayment({
      orderId: orderIds[1],
      mode: 'card',
      card: { type: 'visa', last4: '4242' },
    });
    expect(rest.isOk()).toBe(true);
    const paid = (await lc.orders.retrieve(orderIds[1])).unwrap();
    expect(paid.paymentStatus).toBe('paid');
    const txns = await lc.transactions.list({ entityId: orderIds[1] }).toArray({ limit: 10 });
    expect(
      txns
        .unwrap()
        .map((txn) => txn.amount)
        .sort(),
    ).toEqual([100, 20]);
    const notes = (await lc.orders.listNotes(orderIds[1])).unwrap() as { data: { text: string }[] };
    expect(notes.data.map((note) => note.text)).toEqual(['first instalment']);
  });

  it('is not retried after a reset once the request left, and reports a 400 from the API as is', async () => {
    simulator.faults.resetNext({ path: '/payments/orders' }, { afterHandling: true });
    const reset = await client().orders.recordPayment({ orderId: orderIds[1], mode: 'cash' });
    expect(reset.unwrapErr().code).toBe('network');
    expect(simulator.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
    const again = await client().orders.recordPayment({ orderId: orderIds[1], mode: 'cash' });
    expect(again.unwrapErr().httpStatus).toBe(400);
    expect(again.unwrapErr().providerMessage).toBe('Order is already paid');
  });

  it('refuses an unknown mode and a bad card before sending', async () => {
    const result = await client().orders.recordPayment({
      orderId: orderIds[1],
      mode: 'crypto' as never,
      card: { type: 'visa', last4: '42' },
    });
    expect(Object.keys(result.unwrapErr().fieldErrors ?? {}).sort()).toEqual(['card.last4', 'mode']);
    expect(simulator.log).toHaveLength(0);
  });
});

describe('orders.recordPayment money and positional id', () => {
  it('takes the order id positionally, like Paya, and sends the amount unchanged', async () => {
    const result = await client().orders.recordPayment(
      orderIds[1]!,
      { mode: 'cash', amount: 25.5, isPartialPayment: true },
      { timeoutMs: 2_000 },
    );
    expect(result.unwrap()).toEqual({ success: true });
    expect(last().method).toBe('POST');
    expect(last().path).toBe(`/payments/orders/${orderIds[1]}/record-payment`);
    expect(last().body).toEqual({
      altId: locationId,
      altType: 'location',
      mode: 'cash',
      amount: 25.5,
      isPartialPayment: true,
    });
    expect(last().rawBody).toContain('"amount":25.5');
  });

  it.each([
    [1e21, 'must be at most 99999999.99'],
    [0.1 + 0.2, 'must be a decimal amount with at most 2 decimals'],
    [10.001, 'must be a decimal amount with at most 2 decimals'],
    [5e-324, 'must be a decimal amount with at most 2 decimals'],
    [1.79e308, 'must be at most 99999999.99'],
    [Number.NaN, 'must be a finite number'],
    [Number.POSITIVE_INFINITY, 'must be a finite number'],
    [-20, 'must be greater than 0'],
    [0, 'must be greater than 0'],
    ['20.00', 'must be a number (an amount in major units, such as 25.5)'],
  ])('refuses amount %s before sending: %s', async (amount, message) => {
    const error = (
      await client().orders.recordPayment(orderIds[1]!, { mode: 'cash', amount: amount as number })
    ).unwrapErr();
    expect(error.code).toBe('validation');
    expect(error.fieldErrors).toEqual({ amount: [message] });
    expect(error.message).toContain(`amount: ${message}`);
    expect(simulator.log).toHaveLength(0);
  });

  it('a positional id with an empty rest reports the missing mode, not "(root): Invalid input"', async () => {
    const error = (await client().orders.recordPayment(orderIds[1]!)).unwrapErr();
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['mode']);
    expect(error.message).not.toContain('(root)');
    expect(simulator.log).toHaveLength(0);
  });
});

describe('positional order ids', () => {
  it('createFulfillment, listFulfillments, listNotes and retrieve take the order id first', async () => {
    const lc = client();
    const created = await lc.orders.createFulfillment(orderIds[1]!, {
      trackings: [],
      items: [{ priceId, qty: 1 }],
      notifyCustomer: false,
    });
    expect(created.unwrap().status).toBe(true);
    expect(last().path).toBe(`/payments/orders/${orderIds[1]}/fulfillments`);
    expect(last().body).toEqual({
      altId: locationId,
      altType: 'location',
      trackings: [],
      items: [{ priceId, qty: 1 }],
      notifyCustomer: false,
    });
    expect((await lc.orders.listFulfillments(orderIds[1]!)).unwrap().data).toHaveLength(1);
    expect(last().path).toBe(`/payments/orders/${orderIds[1]}/fulfillments`);
    expect((await lc.orders.listNotes(orderIds[1]!)).isOk()).toBe(true);
    expect(last().path).toBe(`/payments/orders/${orderIds[1]}/notes`);
    expect((await lc.orders.retrieve(orderIds[1]!, { altType: 'location' })).unwrap()._id).toBe(orderIds[1]);
  });

  it('every LeadConnector operation with one id in its path declares it positional', () => {
    const withPathId = client().operations.filter((operation) => /\{\w+\}/.test(operation.path));
    expect(withPathId.map((operation) => [operation.id, operation.positional])).toEqual(
      withPathId.map((operation) => [operation.id, /\{(\w+)\}/.exec(operation.path)?.[1]]),
    );
    expect(withPathId.map((operation) => operation.id).sort()).toEqual([
      'leadconnector.orders.createFulfillment',
      'leadconnector.orders.listFulfillments',
      'leadconnector.orders.listNotes',
      'leadconnector.orders.recordPayment',
      'leadconnector.orders.retrieve',
      'leadconnector.subscriptions.retrieve',
      'leadconnector.transactions.retrieve',
    ]);
  });
});

describe('fulfillments', () => {
  it('creates a fulfillment and lists it', async () => {
    const lc = client();
    const created = await lc.orders.createFulfillment({
      orderId: orderIds[1],
      trackings: [
        { trackingNumber: '1Z999', shippingCarrier: 'UPS', trackingUrl: 'https://ups.example/1Z999' },
      ],
      items: [{ priceId, qty: 2 }],
      notifyCustomer: false,
    });
    const fulfillment = created.unwrap();
    expect(fulfillment.status).toBe(true);
    expect(fulfillment.data.items?.[0]?.qty).toBe(2);
    expect(last().body).toMatchObject({
      altId: locationId,
      altType: 'location',
      notifyCustomer: false,
      items: [{ priceId, qty: 2 }],
    });
    const listed = (await lc.orders.listFulfillments(orderIds[1])).unwrap();
    expect(listed.data.map((item) => item._id)).toEqual([fulfillment.data._id]);
    expect(last().query).toEqual({ altId: locationId, altType: 'location' });
    expect((await lc.orders.retrieve(orderIds[1])).unwrap().fulfillmentStatus).toBe('partially_fulfilled');
  });

  it('surfaces the API refusing more than was ordered', async () => {
    const result = await client().orders.createFulfillment({
      orderId: orderIds[1],
      trackings: [],
      items: [{ priceId, qty: 3 }],
      notifyCustomer: true,
    });
    expect(result.unwrapErr().code).toBe('invalid_request');
    expect(result.unwrapErr().httpStatus).toBe(400);
  });
});
