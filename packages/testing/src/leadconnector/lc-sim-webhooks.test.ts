import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleNodeWebhook, type WebhookReceiver } from '@payweave/core';
import { createLeadConnector, type LeadConnectorEvent, leadConnectorWebhooks } from '@payweave/leadconnector';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnectorSimulator } from './leadconnector-simulator.js';

const simulator = createLeadConnectorSimulator({ rateLimit: false });
const { orderIds, locationId } = simulator.defaults;

let receiver: WebhookReceiver<LeadConnectorEvent>;
let received: LeadConnectorEvent[] = [];
let failNext = 0;
let receiverUrl = '';
let receiverServer: Server;
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
  receiverServer = createServer((req, res) => {
    void handleNodeWebhook(receiver, req, res, (event) => {
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('handler down');
      }
      received.push(event);
    });
  });
  await new Promise<void>((resolve) => receiverServer.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiverServer.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await simulator.close();
  receiverServer.closeAllConnections();
  await new Promise<void>((resolve) => receiverServer.close(() => resolve()));
});
beforeEach(() => {
  simulator.reset();
  simulator.webhooks.reset();
  receiver = leadConnectorWebhooks({ publicKeys: [simulator.webhooks.publicKeyPem] });
  received = [];
  failNext = 0;
});

const client = () => createLeadConnector({ baseUrl, ...simulator.credentials });

describe('LeadConnector simulator webhooks', () => {
  it('delivers a signed OrderStatusUpdate when a payment is recorded through the client, processed once despite duplicates', async () => {
    simulator.webhooks.register(receiverUrl, { duplicates: 2 });
    const paid = await client().orders.recordPayment({ orderId: orderIds[1], mode: 'cash' });
    expect(paid.isOk()).toBe(true);
    await simulator.webhooks.settled();

    expect(received).toHaveLength(1);
    const event = received[0]!;
    expect(event).toMatchObject({ provider: 'leadconnector', type: 'OrderStatusUpdate', signedForm: 'raw' });
    if (event.type !== 'OrderStatusUpdate') throw new Error('unreachable');
    expect(event.data).toMatchObject({
      _id: orderIds[1],
      altId: locationId,
      altType: 'location',
      status: 'completed',
      amount: 120,
      currency: 'USD',
    });
    expect(event.data.items?.[0]?.price?.type).toBe('one_time');
    expect(event.webhookId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.deliveryId).toBe(event.webhookId);
    expect(Math.abs(Date.parse(event.timestamp ?? '') - Date.now())).toBeLessThan(60_000);

    const attempts = simulator.webhooks.attempts;
    expect(attempts.map((attempt) => attempt.status)).toEqual([200, 200, 200]);
    expect(new Set(attempts.map((attempt) => attempt.body)).size).toBe(1);
    expect(new Set(attempts.map((attempt) => attempt.headers['x-ghl-signature'])).size).toBe(1);
    expect(attempts.every((attempt) => attempt.event === 'OrderStatusUpdate')).toBe(true);
  });

  it('emits on partial payments only when the status moves', async () => {
    simulator.webhooks.register(receiverUrl);
    const lc = client();
    await lc.orders.recordPayment({ orderId: orderIds[1], mode: 'cash', amount: 20, isPartialPayment: true });
    await lc.orders.recordPayment({ orderId: orderIds[1], mode: 'cash', amount: 20, isPartialPayment: true });
    await lc.orders.recordPayment({ orderId: orderIds[1], mode: 'cash', amount: 80 });
    await simulator.webhooks.settled();
    expect(received.map((event) => event.type === 'OrderStatusUpdate' && event.data.status)).toEqual([
      'pending',
      'completed',
    ]);
    expect(new Set(received.map((event) => event.webhookId)).size).toBe(2);
  });

  it('retries a delivery the receiver failed, and the redelivery is processed', async () => {
    simulator.webhooks.register(receiverUrl, { maxAttempts: 3, retryDelayMs: 1 });
    failNext = 1;
    await client().orders.recordPayment({ orderId: orderIds[2], mode: 'cash' });
    await simulator.webhooks.settled();
    expect(simulator.webhooks.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
    expect(received).toHaveLength(1);
  });

  it('emits OrderCreate for a placed order and INSTALL for an app install', async () => {
    simulator.webhooks.register(receiverUrl);
    const order = simulator.placeOrder({ amount: 42 });
    simulator.issueAuthorizationCode();
    await simulator.webhooks.settled();
    const byType = Object.fromEntries(received.map((event) => [event.type, event]));
    expect(byType.OrderCreate).toMatchObject({ data: { _id: order._id, status: 'pending', amount: 42 } });
    expect(byType.INSTALL).toMatchObject({
      data: {
        appId: simulator.defaults.marketplaceAppId,
        locationId,
        companyId: simulator.defaults.companyId,
      },
    });
    // The placed order is a real record of the simulator.
    const fetched = await client().orders.retrieve({ orderId: order._id });
    expect(fetched.isOk() && fetched.value.amount).toBe(42);
  });

  it('sends nothing without receivers, and a receiver trusting another key refuses its deliveries', async () => {
    await client().orders.recordPayment({ orderId: orderIds[1], mode: 'cash' });
    await simulator.webhooks.settled();
    expect(simulator.webhooks.attempts).toHaveLength(0);

    const other = createLeadConnectorSimulator();
    expect(other.webhooks.publicKeyPem).not.toBe(simulator.webhooks.publicKeyPem);
    receiver = leadConnectorWebhooks({ publicKeys: [other.webhooks.publicKeyPem] });
    simulator.webhooks.register(receiverUrl, { maxAttempts: 1 });
    simulator.placeOrder();
    await simulator.webhooks.settled();
    expect(simulator.webhooks.attempts.map((attempt) => attempt.status)).toEqual([401]);
    expect(received).toHaveLength(0);
  });
});
