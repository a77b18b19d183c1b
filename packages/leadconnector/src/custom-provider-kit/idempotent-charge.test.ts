import { memoryOutcomeStore, type OutcomeStore } from '@payweave/core';
import { captureLogger } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { type CustomProviderHandlerOptions, createCustomProviderHandler } from './create-handler.js';
import { fakeGateway, queryRequest, testApiKeys, testKeys } from './kit-test-fixtures.js';

const charge = (overrides: Record<string, unknown> = {}) => ({
  type: 'charge_payment',
  paymentMethodId: 'pm_card_1',
  contactId: 'contact_1',
  transactionId: 'hl_tx_1',
  chargeDescription: 'Order #1001',
  amount: 25.5,
  currency: 'USD',
  apiKey: testKeys.test,
  ...overrides,
});

function make(overrides: Partial<CustomProviderHandlerOptions> = {}, delayMs = 0) {
  const gateway = fakeGateway();
  const handler = createCustomProviderHandler({
    apiKeys: testApiKeys,
    ...gateway.handlers(delayMs),
    ...overrides,
  });
  const call = async (body: unknown) => {
    const response = await handler(queryRequest(body));
    return { status: response.status, body: await response.json() };
  };
  return { gateway, handler, call };
}

describe('charge_payment is idempotent per HighLevel transaction id', () => {
  it('answers a repeated charge with the first outcome and charges once', async () => {
    const { call, gateway } = make();
    const first = await call(charge());
    const again = await call(charge());
    const third = await call(charge());
    expect(gateway.calls.charge).toBe(1);
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    // Another transaction is another charge; the same id in the other mode or location is too.
    await call(charge({ transactionId: 'hl_tx_2' }));
    await call(charge({ apiKey: testKeys.live }));
    expect(gateway.calls.charge).toBe(3);
  });

  it('keeps a declined outcome too: HighLevel retrying a decline is not charged again', async () => {
    const { call, gateway } = make();
    const declined = await call(charge({ paymentMethodId: 'pm_declined' }));
    expect(declined.body).toMatchObject({ success: false, failed: true });
    const retried = await call(charge({ paymentMethodId: 'pm_declined' }));
    expect(retried).toEqual(declined);
    expect(gateway.calls.charge).toBe(1);
  });

  it('charges once when two requests arrive at the same time; the other waits for the outcome', async () => {
    const { call, gateway } = make({}, 100);
    const answers = await Promise.all(Array.from({ length: 8 }, () => call(charge())));
    expect(gateway.calls.charge).toBe(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.body).toMatchObject({ success: true, chargeId: 'ch_0001' });
  });

  it('charges once across two instances sharing one store (the other polls the store)', async () => {
    const store = memoryOutcomeStore();
    const one = make({ store }, 150);
    const two = make({ store }, 150);
    const [a, b] = await Promise.all([one.call(charge()), two.call(charge())]);
    expect(one.gateway.calls.charge + two.gateway.calls.charge).toBe(1);
    expect(b).toEqual(a);
  });

  it('releases the claim when the handler throws, so HighLevel’s retry charges', async () => {
    let attempts = 0;
    const { call } = make({
      chargePayment: () => {
        attempts += 1;
        if (attempts === 1) throw new Error('gateway timeout before sending');
        return { status: 'succeeded', chargeId: 'ch_retry' };
      },
    });
    expect((await call(charge())).status).toBe(500);
    const retried = await call(charge());
    expect(retried.body).toMatchObject({ success: true, chargeId: 'ch_retry' });
    expect(attempts).toBe(2);
    await call(charge());
    expect(attempts).toBe(2);
  });

  it('a concurrent waiter takes over when the first handler throws', async () => {
    let attempts = 0;
    const { call } = make({
      chargePayment: async () => {
        attempts += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (attempts === 1) throw new Error('boom');
        return { status: 'succeeded', chargeId: 'ch_second' };
      },
    });
    const [first, second] = await Promise.all([call(charge()), call(charge())]);
    expect(first.status).toBe(500);
    expect(second.body).toMatchObject({ success: true, chargeId: 'ch_second' });
    expect(attempts).toBe(2);
  });

  it('refuses a transaction id reused with other details (409), charging nothing', async () => {
    const { call, gateway } = make();
    await call(charge());
    const reused = await call(charge({ amount: 99 }));
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ success: false, error: 'idempotency_conflict' });
    expect(gateway.calls.charge).toBe(1);
  });

  it('answers 409 in_progress when the first charge (another instance) outlasts the wait', async () => {
    const store = memoryOutcomeStore();
    await store.claim(`leadconnector:charge:${testKeys.locationId}:test:hl_tx_1`, 60_000);
    const { call, gateway } = make({ store, idempotency: { waitMs: 120 } });
    const started = Date.now();
    const answer = await call(charge());
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(answer).toEqual({
      status: 409,
      body: {
        success: false,
        error: 'in_progress',
        message: 'A request with this id is still being processed; retry later for its outcome.',
      },
    });
    expect(gateway.calls.charge).toBe(0);
  });

  it('answers 503 and charges nothing when the store is down; stores serialized JSON', async () => {
    const logger = captureLogger();
    const down: OutcomeStore = {
      claim: async () => {
        throw new Error('ECONNREFUSED');
      },
      complete: async () => true,
      release: async () => undefined,
    };
    const broken = make({ store: down, logger });
    const answer = await broken.call(charge());
    expect(answer).toMatchObject({ status: 503, body: { error: 'store_unavailable' } });
    expect(broken.gateway.calls.charge).toBe(0);
    expect(logger.lines.some((line) => line.level === 'error')).toBe(true);

    const kept: string[] = [];
    const memory = memoryOutcomeStore();
    const recording: OutcomeStore = {
      claim: (key, lease) => memory.claim(key, lease),
      complete: (key, outcome, ttl) => {
        kept.push(outcome);
        return memory.complete(key, outcome, ttl);
      },
      release: (key) => memory.release(key),
    };
    await make({ store: recording }).call(charge());
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!)).toMatchObject({
      v: 1,
      status: 200,
      body: { success: true, chargeId: 'ch_0001' },
    });
  });

  it('makes create_subscription idempotent per HighLevel subscription id', async () => {
    const { call, gateway } = make();
    const body = {
      type: 'create_subscription',
      apiKey: testKeys.test,
      contactId: 'contact_1',
      paymentMethodId: 'pm_card_1',
      subscriptionId: 'hl_sub_1',
      transactionId: 'hl_tx_9',
      startDate: '2026-01-01',
      currency: 'USD',
      amount: 100,
      recurringAmount: '80.00',
    };
    const answers = await Promise.all([call(body), call(body)]);
    await call(body);
    expect(gateway.calls.create).toBe(1);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('does not deduplicate refunds (partial refunds may add up)', async () => {
    const { call, gateway } = make();
    const charged = await call(charge({ amount: 30 }));
    const refund = { type: 'refund', amount: 10, chargeId: charged.body.chargeId, apiKey: testKeys.test };
    await call(refund);
    await call(refund);
    expect(gateway.calls.refund).toBe(2);
  });
});
