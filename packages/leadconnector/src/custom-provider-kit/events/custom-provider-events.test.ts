import { money } from '@payweave/core';
import { captureLogger, createLeadConnectorSimulator, findSecrets } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../../leadconnector-client.js';
import { createCustomProviderEvents, sendCustomProviderEvent } from './custom-provider-events.js';
import type { CustomProviderEvent, SubscriptionStartedEvent } from './event-types.js';

const simulator = createLeadConnectorSimulator({ rateLimit: false });
const { locationId, accessToken, marketplaceAppId } = simulator.defaults;
const keys = {
  live: { apiKey: 'sk_live_event_key_5a1b2c3d4e5f', publishableKey: 'pk_live_1' },
  test: { apiKey: 'sk_test_event_key_9f8e7d6c5b4a', publishableKey: 'pk_test_1' },
};
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(async () => {
  simulator.reset();
  const lc = createLeadConnector({ baseUrl, accessToken, locationId, rateLimit: false });
  (
    await lc.customProviders.create({
      name: 'Acme Pay',
      description: 'Cards by Acme',
      paymentsUrl: 'https://pay.acme.example/session',
      queryUrl: 'https://pay.acme.example/query',
      imageUrl: 'https://pay.acme.example/logo.png',
      supportsSubscriptionSchedule: true,
    })
  ).unwrap();
  (await lc.customProviders.connect(keys)).unwrap();
  simulator.clearLog();
});

const client = (logger = captureLogger()) =>
  createCustomProviderEvents({ baseUrl, logger, logLevel: 'debug', backoffBaseMs: 5, backoffMaxMs: 10 });
const last = () => simulator.log[simulator.log.length - 1]!;
const chargedAt = new Date('2024-08-21T05:20:00Z'); // 1724217600

const events: Record<string, { event: CustomProviderEvent; body: Record<string, unknown> }> = {
  'payment.captured': {
    event: {
      event: 'payment.captured',
      apiKey: keys.live.apiKey,
      locationId,
      chargeId: 'ch_123',
      ghlTransactionId: '680a923d5b1d2c0f3e4a5b6c',
      chargeSnapshot: { status: 'succeeded', amount: money(10_000, 'USD'), chargedAt },
    },
    body: {
      event: 'payment.captured',
      chargeId: 'ch_123',
      ghlTransactionId: '680a923d5b1d2c0f3e4a5b6c',
      locationId,
      apiKey: keys.live.apiKey,
      chargeSnapshot: { status: 'succeeded', amount: 10_000, chargeId: 'ch_123', chargedAt: 1724217600 },
    },
  },
  'subscription.updated': {
    event: {
      event: 'subscription.updated',
      apiKey: keys.test.apiKey,
      locationId,
      ghlSubscriptionId: 'hl_sub_1',
      subscriptionSnapshot: { id: 'sub_1', status: 'canceled', createdAt: 1724217600 },
    },
    body: {
      event: 'subscription.updated',
      ghlSubscriptionId: 'hl_sub_1',
      locationId,
      apiKey: keys.test.apiKey,
      subscriptionSnapshot: { id: 'sub_1', status: 'canceled', createdAt: 1724217600 },
    },
  },
  'subscription.trialing': {
    event: {
      event: 'subscription.trialing',
      apiKey: keys.test.apiKey,
      locationId,
      chargeId: 'ch_trial',
      ghlTransactionId: 'hl_tx_2',
      ghlSubscriptionId: 'hl_sub_2',
      marketplaceAppId,
      subscriptionSnapshot: { id: 'sub_2', status: 'trialing', trialEnd: new Date('2024-09-21T05:20:00Z') },
    },
    body: {
      event: 'subscription.trialing',
      chargeId: 'ch_trial',
      ghlTransactionId: 'hl_tx_2',
      ghlSubscriptionId: 'hl_sub_2',
      marketplaceAppId,
      locationId,
      apiKey: keys.test.apiKey,
      subscriptionSnapshot: { id: 'sub_2', status: 'trialing', trialEnd: 1726896000 },
    },
  },
  'subscription.active': {
    event: {
      event: 'subscription.active',
      apiKey: keys.test.apiKey,
      locationId,
      chargeId: 'ch_first',
      ghlTransactionId: 'hl_tx_3',
      ghlSubscriptionId: 'hl_sub_3',
      marketplaceAppId,
    },
    body: {
      event: 'subscription.active',
      chargeId: 'ch_first',
      ghlTransactionId: 'hl_tx_3',
      ghlSubscriptionId: 'hl_sub_3',
      marketplaceAppId,
      locationId,
      apiKey: keys.test.apiKey,
    },
  },
  'subscription.charged': {
    event: {
      event: 'subscription.charged',
      apiKey: keys.test.apiKey,
      locationId,
      chargeId: 'ch_month_2',
      ghlSubscriptionId: 'hl_sub_3',
      subscriptionSnapshot: { id: 'sub_3', status: 'active', nextCharge: 1729488000 },
      chargeSnapshot: { status: 'succeeded', amount: money(8_000, 'USD'), chargedAt: 1726896000 },
    },
    body: {
      event: 'subscription.charged',
      chargeId: 'ch_month_2',
      ghlSubscriptionId: 'hl_sub_3',
      locationId,
      apiKey: keys.test.apiKey,
      chargeSnapshot: { status: 'succeeded', amount: 8_000, chargeId: 'ch_month_2', chargedAt: 1726896000 },
      subscriptionSnapshot: { id: 'sub_3', status: 'active', nextCharge: 1729488000 },
    },
  },
};

describe('custom provider events (provider → HighLevel)', () => {
  for (const [name, { event, body }] of Object.entries(events)) {
    it(`${name}: POST /payments/custom-provider/webhook with the documented body`, async () => {
      const logger = captureLogger();
      const sent = await client(logger).send(event);
      expect(sent.unwrap()).toEqual({ event: name, httpStatus: 200, body: { success: true } });
      const request = last();
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/payments/custom-provider/webhook');
      expect(request.headers['content-type']).toMatch(/^application\/json/);
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.parse(request.rawBody)).toEqual(body);
      expect(simulator.customProvider.events).toHaveLength(1);
      expect(simulator.customProvider.events[0]).toMatchObject({
        event: name,
        locationId,
        mode: event.apiKey === keys.live.apiKey ? 'live' : 'test',
      });
      // The api key travels in the body and nowhere in the logs.
      expect(logger.lines.length).toBeGreaterThan(0);
      expect(findSecrets(logger.text(), [keys.live.apiKey, keys.test.apiKey])).toEqual([]);
    });
  }

  it('sends JPY as the decimal amount × 100 (HighLevel’s unit), and refuses a 3-decimal KWD amount that cannot be', async () => {
    const jpy = await client().send({
      ...(events['payment.captured']!.event as Extract<CustomProviderEvent, { event: 'payment.captured' }>),
      chargeSnapshot: { status: 'succeeded', amount: money(500, 'JPY'), chargedAt },
    });
    expect(jpy.isOk()).toBe(true);
    expect((JSON.parse(last().rawBody) as { chargeSnapshot: { amount: number } }).chargeSnapshot.amount).toBe(
      50_000,
    );
    const before = simulator.log.length;
    const kwd = await client().send({
      ...(events['payment.captured']!.event as Extract<CustomProviderEvent, { event: 'payment.captured' }>),
      chargeSnapshot: { status: 'succeeded', amount: money(1235, 'KWD'), chargedAt },
    });
    expect(kwd.unwrapErr().fieldErrors).toHaveProperty(['chargeSnapshot.amount.amountMinor']);
    expect(simulator.log.length).toBe(before);
  });

  it('refuses a missing required field per event, naming it, and sends nothing', async () => {
    const cases: [CustomProviderEvent, string][] = [
      [{ ...events['payment.captured']!.event, chargeSnapshot: undefined } as never, 'chargeSnapshot'],
      [
        { ...events['subscription.updated']!.event, ghlSubscriptionId: undefined } as never,
        'ghlSubscriptionId',
      ],
      [
        { ...events['subscription.trialing']!.event, marketplaceAppId: undefined } as never,
        'marketplaceAppId',
      ],
      [{ ...events['subscription.active']!.event, ghlTransactionId: '' } as never, 'ghlTransactionId'],
      [
        { ...events['subscription.charged']!.event, subscriptionSnapshot: undefined } as never,
        'subscriptionSnapshot',
      ],
      [{ ...events['payment.captured']!.event, apiKey: '' } as never, 'apiKey'],
    ];
    for (const [event, field] of cases) {
      const sent = await client().send(event);
      const error = sent.unwrapErr();
      expect(error.code).toBe('validation');
      expect(error.fieldErrors).toHaveProperty([field]);
      expect(error.message).toContain('nothing was sent');
    }
    expect(simulator.log).toHaveLength(0);
  });

  it('refuses times in milliseconds, unknown statuses, unknown fields and unknown events, naming the field', async () => {
    const base = events['subscription.charged']!.event as Extract<
      CustomProviderEvent,
      { event: 'subscription.charged' }
    >;
    const millis = await client().send({
      ...base,
      chargeSnapshot: { ...base.chargeSnapshot, chargedAt: 1726896000000 },
    });
    expect(millis.unwrapErr().fieldErrors).toEqual({
      'chargeSnapshot.chargedAt': ['must be in seconds, not milliseconds (divide by 1000 or pass a Date)'],
    });
    const status = await client().send({
      ...base,
      subscriptionSnapshot: { ...base.subscriptionSnapshot, status: 'paused' as never },
    });
    expect(status.unwrapErr().fieldErrors).toHaveProperty(['subscriptionSnapshot.status']);
    const extra = await client().send({ ...base, amount: 5 } as never);
    expect(extra.unwrapErr().fieldErrors).toHaveProperty(['amount']);
    const unknown = await client().send({ ...base, event: 'subscription.cancelled' } as never);
    expect(unknown.unwrapErr().fieldErrors).toHaveProperty(['event']);
    expect(simulator.log).toHaveLength(0);
  });

  it('answers a non-2xx with a typed PaymentsError (HighLevel refused the api key), never leaking the key', async () => {
    const logger = captureLogger();
    const wrong = await client(logger).send({
      ...(events['subscription.active']!.event as SubscriptionStartedEvent),
      apiKey: 'sk_test_not_connected_key_123',
    });
    const error = wrong.unwrapErr();
    expect(error.httpStatus).toBe(401);
    expect(error.code).toBe('authentication');
    expect(error.provider).toBe('leadconnector');
    expect(error.operation).toBe('leadconnector.customProviderEvents.subscriptionActive');
    expect(
      findSecrets(`${error.message} ${JSON.stringify(error)} ${logger.text()}`, [
        'sk_test_not_connected_key_123',
      ]),
    ).toEqual([]);
    expect(simulator.customProvider.events).toHaveLength(0);
  });

  it('retries a 503 (non-2xx is retryable on our side) and then succeeds', async () => {
    simulator.faults.failNext(2, 503, { match: { path: '/payments/custom-provider/webhook' } });
    const sent = await client().send(events['subscription.updated']!.event);
    expect(sent.isOk()).toBe(true);
    expect(simulator.log.map((request) => request.outcome)).toEqual([503, 503, 200]);
    simulator.faults.failNext(5, 500);
    const failed = await client().send(events['subscription.updated']!.event, { maxRetries: 1 });
    expect(failed.unwrapErr()).toMatchObject({ code: 'provider_unavailable', httpStatus: 500 });
  });

  it('sendCustomProviderEvent posts one event; the default base URL is HighLevel’s backend host', async () => {
    const sent = await sendCustomProviderEvent(events['payment.captured']!.event, { baseUrl });
    expect(sent.isOk()).toBe(true);
    expect(createCustomProviderEvents().baseUrl).toBe('https://backend.leadconnectorhq.com');
    expect(() => createCustomProviderEvents({ baseUrl: 'http://hl.example' })).toThrow(/https/);
    expect(JSON.stringify(createCustomProviderEvents({ baseUrl }))).toBe(JSON.stringify({ baseUrl }));
  });
});
