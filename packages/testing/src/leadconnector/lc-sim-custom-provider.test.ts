import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Money, money } from '@payweave/core';
import {
  type ChargeOutcome,
  createCustomProviderEvents,
  createCustomProviderHandler,
  createLeadConnector,
  toNodeHandler,
} from '@payweave/leadconnector';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnectorSimulator } from './leadconnector-simulator.js';

// The simulator plays HighLevel: it calls a provider's queryUrl (a real handler on a real
// socket) with each documented request and receives the provider's events.

const simulator = createLeadConnectorSimulator({ rateLimit: false });
const { locationId, accessToken, marketplaceAppId } = simulator.defaults;
const keys = {
  live: { apiKey: 'sk_live_sim_e2e_0f1e2d3c4b5a6978', publishableKey: 'pk_live_sim' },
  test: { apiKey: 'sk_test_sim_e2e_8796a5b4c3d2e1f0', publishableKey: 'pk_test_sim' },
};

/** The provider's gateway: charges in memory, each success reported to HighLevel as payment.captured. */
const charges = new Map<string, { amount: Money; status: 'succeeded' | 'failed' }>();
let chargeCalls = 0;
let providerServer: Server;
let queryUrl = '';
let simulatorUrl = '';

beforeAll(async () => {
  simulatorUrl = await simulator.listen();
  const events = createCustomProviderEvents({ baseUrl: simulatorUrl });
  const handler = createCustomProviderHandler({
    apiKeys: {
      [keys.live.apiKey]: { locationId, mode: 'live' },
      [keys.test.apiKey]: { locationId, mode: 'test' },
    },
    verify: ({ chargeId }) => {
      const charge = chargeId === undefined ? undefined : charges.get(chargeId);
      if (!charge) return { status: 'pending' };
      return charge.status === 'failed'
        ? { status: 'failed', message: 'Card declined' }
        : {
            status: 'succeeded',
            charge: { chargeId: chargeId!, status: 'succeeded', amount: charge.amount },
          };
    },
    listPaymentMethods: () => [
      { id: 'pm_card_1', type: 'card', title: 'Visa', subTitle: '•••• 4242', expiry: '04/28' },
    ],
    chargePayment: async (query): Promise<ChargeOutcome> => {
      chargeCalls += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      const chargeId = `ch_${chargeCalls}`;
      if (query.paymentMethodId === 'pm_declined') {
        charges.set(chargeId, { amount: query.amount, status: 'failed' });
        return { status: 'failed', chargeId, message: 'Card declined' };
      }
      charges.set(chargeId, { amount: query.amount, status: 'succeeded' });
      const apiKey = query.account.mode === 'live' ? keys.live.apiKey : keys.test.apiKey;
      (
        await events.send({
          event: 'payment.captured',
          apiKey,
          locationId: query.account.locationId,
          chargeId,
          ghlTransactionId: query.transactionId,
          chargeSnapshot: { status: 'succeeded', amount: query.amount, chargedAt: new Date() },
        })
      ).unwrap();
      return { status: 'succeeded', chargeId };
    },
    createSubscription: (query) => ({
      status: 'succeeded',
      subscription: { id: `sub_${query.subscriptionId}`, status: 'active' },
    }),
    cancelSubscription: () => undefined,
    refund: (query) => ({ status: 'succeeded', id: `re_${query.chargeId}`, amount: query.amountIn('USD') }),
  });
  const node = toNodeHandler(handler);
  providerServer = createServer((req, res) => {
    void node(req, res);
  });
  await new Promise<void>((resolve) => providerServer.listen(0, '127.0.0.1', resolve));
  queryUrl = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}/highlevel/query`;
});

afterAll(async () => {
  providerServer.closeAllConnections();
  await new Promise<void>((resolve) => providerServer.close(() => resolve()));
  await simulator.close();
});

beforeEach(async () => {
  simulator.reset();
  charges.clear();
  chargeCalls = 0;
  const lc = createLeadConnector({ baseUrl: simulatorUrl, accessToken, locationId, rateLimit: false });
  (
    await lc.customProviders.create({
      name: 'Acme Pay',
      description: 'Cards by Acme',
      paymentsUrl: 'https://pay.acme.example/session',
      queryUrl,
      imageUrl: 'https://pay.acme.example/logo.png',
      supportsSubscriptionSchedule: true,
    })
  ).unwrap();
  (await lc.customProviders.connect(keys)).unwrap();
});

describe('simulator.customProvider drives a custom provider end to end', () => {
  it('builds each documented request with the connected key', () => {
    const charge = simulator.customProvider.requestBody('charge_payment', { amount: 12.5 });
    expect(charge).toMatchObject({
      type: 'charge_payment',
      paymentMethodId: expect.any(String),
      contactId: expect.any(String),
      transactionId: expect.any(String),
      chargeDescription: expect.any(String),
      amount: 12.5,
      currency: 'USD',
      apiKey: keys.test.apiKey,
    });
    expect(simulator.customProvider.requestBody('verify', {}, { mode: 'live' }).apiKey).toBe(
      keys.live.apiKey,
    );
    expect(simulator.customProvider.requestBody('create_subscription').recurringAmount).toBe('80.00');
    expect(() => simulator.customProvider.requestBody('verify', {}, { locationId: 'elsewhere' })).toThrow(
      /customProviders\.connect/,
    );
  });

  it('charges, verifies, lists, refunds, subscribes and cancels through the queryUrl', async () => {
    const cp = simulator.customProvider;
    const listed = await cp.callQueryUrl(queryUrl, 'list_payment_methods', { contactId: 'contact_1' });
    expect(listed).toMatchObject({ status: 200, body: [{ id: 'pm_card_1', title: 'Visa' }] });

    const charged = await cp.callQueryUrl(queryUrl, 'charge_payment', {
      paymentMethodId: 'pm_card_1',
      transactionId: 'hl_tx_e2e',
      amount: 25.5,
    });
    expect(charged.status).toBe(200);
    expect(charged.body).toMatchObject({
      success: true,
      failed: false,
      chargeId: 'ch_1',
      chargeSnapshot: { status: 'succeeded', amount: 2550, chargeId: 'ch_1' },
    });

    const verified = await cp.callQueryUrl(queryUrl, 'verify', {
      transactionId: 'hl_tx_e2e',
      chargeId: 'ch_1',
    });
    expect(verified.body).toMatchObject({ success: true, chargeSnapshot: { amount: 2550 } });

    const refunded = await cp.callQueryUrl(queryUrl, 'refund', { chargeId: 'ch_1', amount: 5 });
    expect(refunded.body).toEqual({
      success: true,
      message: 'Refund succeeded',
      id: 're_ch_1',
      amount: 5,
      currency: 'USD',
    });

    const created = await cp.callQueryUrl(queryUrl, 'create_subscription', { subscriptionId: 'hl_sub_e2e' });
    expect(created.body).toMatchObject({
      success: true,
      subscription: { subscriptionId: 'sub_hl_sub_e2e', subscriptionSnapshot: { status: 'active' } },
    });
    const canceled = await cp.callQueryUrl(queryUrl, 'cancel_subscription', { subscriptionId: 'hl_sub_e2e' });
    expect(canceled).toMatchObject({ status: 200, body: { status: 'canceled' } });

    // The provider reported the capture to HighLevel with the connected test key.
    expect(cp.events).toHaveLength(1);
    expect(cp.events[0]).toMatchObject({
      event: 'payment.captured',
      locationId,
      mode: 'test',
      body: {
        chargeId: 'ch_1',
        ghlTransactionId: 'hl_tx_e2e',
        chargeSnapshot: { amount: 2550, status: 'succeeded' },
      },
    });
  });

  it('repeats a charge sequentially and concurrently: one charge, one answer', async () => {
    const sequential = await simulator.customProvider.repeatQuery(
      queryUrl,
      'charge_payment',
      { transactionId: 'hl_tx_seq' },
      { times: 3 },
    );
    const concurrent = await simulator.customProvider.repeatQuery(
      queryUrl,
      'charge_payment',
      { transactionId: 'hl_tx_con' },
      { times: 5, concurrent: true },
    );
    expect(chargeCalls).toBe(2);
    for (const results of [sequential, concurrent]) {
      for (const result of results) expect(result.body).toEqual(results[0]!.body);
    }
    expect(new Set(concurrent.map((result) => result.text)).size).toBe(1);
    expect(simulator.customProvider.events).toHaveLength(2);
  });

  it('repeats a declined charge: still declined, never charged again', async () => {
    const results = await simulator.customProvider.repeatQuery(
      queryUrl,
      'charge_payment',
      { paymentMethodId: 'pm_declined', transactionId: 'hl_tx_declined' },
      { times: 3, concurrent: true },
    );
    expect(chargeCalls).toBe(1);
    for (const result of results)
      expect(result.body).toMatchObject({ success: false, failed: true, message: 'Card declined' });
  });

  it('sends bad api keys, malformed JSON and unknown types as HighLevel might, and gets the documented failures', async () => {
    const cp = simulator.customProvider;
    const badKey = await cp.callQueryUrl(queryUrl, 'charge_payment', {}, { apiKey: 'sk_test_guess' });
    expect(badKey).toMatchObject({ status: 401, body: { success: false, error: 'unauthorized' } });
    const malformed = await cp.postRaw(queryUrl, '{"type":"verify","apiKey":');
    expect(malformed).toMatchObject({ status: 400, body: { error: 'malformed_json' } });
    const unknown = await cp.callQueryUrl(queryUrl, 'update_payment_method');
    expect(unknown).toMatchObject({ status: 501, body: { error: 'unsupported_type' } });
    expect(chargeCalls).toBe(0);
  });

  it('refuses a provider event with a key that is not connected (401), or without its required fields (422)', async () => {
    const events = createCustomProviderEvents({ baseUrl: simulatorUrl, maxRetries: 0 });
    const wrongKey = await events.send({
      event: 'subscription.active',
      apiKey: 'sk_live_not_connected',
      locationId,
      chargeId: 'ch_1',
      ghlTransactionId: 'hl_tx_1',
      ghlSubscriptionId: 'hl_sub_1',
      marketplaceAppId,
    });
    expect(wrongKey.unwrapErr().httpStatus).toBe(401);
    const response = await fetch(`${simulatorUrl}/payments/custom-provider/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event: 'payment.captured',
        apiKey: keys.live.apiKey,
        locationId,
        chargeId: 'ch_1',
        ghlTransactionId: 'hl_tx_1',
        // A decimal amount and milliseconds: not what HighLevel documents.
        chargeSnapshot: { status: 'succeeded', amount: 25.5, chargeId: 'ch_1', chargedAt: Date.now() },
      }),
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toMatch(
      /amount must be an integer.*chargedAt must be a unix time/,
    );
    const sent = await events.send({
      event: 'subscription.charged',
      apiKey: keys.live.apiKey,
      locationId,
      chargeId: 'ch_2',
      ghlSubscriptionId: 'hl_sub_1',
      subscriptionSnapshot: { id: 'sub_1', status: 'active' },
      chargeSnapshot: { status: 'succeeded', amount: money(8000, 'USD'), chargedAt: new Date() },
    });
    expect(sent.isOk()).toBe(true);
    expect(simulator.customProvider.events.map((event) => [event.event, event.mode])).toEqual([
      ['subscription.charged', 'live'],
    ]);
    simulator.reset();
    expect(simulator.customProvider.events).toEqual([]);
  });
});
