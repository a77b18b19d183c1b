import { captureLogger, findSecrets } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { type CustomProviderHandlerOptions, createCustomProviderHandler } from './create-handler.js';
import { fakeGateway, queryRequest, testApiKeys, testKeys, usd } from './kit-test-fixtures.js';

const make = (overrides: Partial<CustomProviderHandlerOptions> = {}) => {
  const gateway = fakeGateway();
  const handler = createCustomProviderHandler({ apiKeys: testApiKeys, ...gateway.handlers(), ...overrides });
  const call = async (body: unknown, init?: { contentType?: string; method?: string }) => {
    const response = await handler(queryRequest(body, init));
    return { status: response.status, body: await response.json(), headers: response.headers };
  };
  return { gateway, handler, call };
};

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

describe('createCustomProviderHandler: each query type', () => {
  it('verify: {success:true} with the charge snapshot (amount in minor units by default)', async () => {
    const { call } = make();
    const charged = await call(charge());
    const chargeId = charged.body.chargeId as string;
    const verified = await call({
      type: 'verify',
      transactionId: 'hl_tx_1',
      chargeId,
      apiKey: testKeys.test,
    });
    expect(verified.status).toBe(200);
    expect(verified.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(verified.body).toEqual({
      success: true,
      chargeSnapshot: { id: chargeId, status: 'succeeded', amount: 2550, chargeId, chargedAt: 1724217600 },
    });
  });

  it('verify: {failed:true} for a failed charge and {success:false} (pending) for an unknown one', async () => {
    const { call } = make();
    const declined = await call(charge({ paymentMethodId: 'pm_declined' }));
    const failed = await call({
      type: 'verify',
      transactionId: 'hl_tx_1',
      chargeId: declined.body.chargeId,
      apiKey: testKeys.test,
    });
    expect(failed.body).toEqual({ failed: true, message: 'Card declined' });
    const pending = await call({
      type: 'verify',
      transactionId: 'hl_tx_2',
      chargeId: 'ch_x',
      apiKey: testKeys.test,
    });
    expect(pending.body).toEqual({ success: false, message: 'Charge not found yet' });
  });

  it('verify: a subscription checkout gets subscriptionStatus and a snapshot in unix seconds', async () => {
    const { call } = make({
      verify: (query) => ({
        status: 'succeeded',
        subscription: {
          id: `sub_for_${query.subscriptionId}`,
          status: 'trialing',
          trialEnd: new Date('2026-01-31T00:00:00Z'),
          createdAt: 1767225600,
        },
      }),
    });
    const verified = await call({
      type: 'verify',
      transactionId: 'hl_tx_1',
      subscriptionId: 'hl_sub_1',
      apiKey: testKeys.test,
    });
    expect(verified.body).toEqual({
      success: true,
      subscriptionStatus: 'trialing',
      subscriptionSnapshot: {
        id: 'sub_for_hl_sub_1',
        status: 'trialing',
        trialEnd: 1769817600,
        createdAt: 1767225600,
      },
    });
  });

  it('list_payment_methods: a JSON array, titles and subtitles cut to 20 characters', async () => {
    const { call } = make();
    const listed = await call({
      type: 'list_payment_methods',
      locationId: testKeys.locationId,
      contactId: 'contact_1',
      apiKey: testKeys.test,
    });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: 'pm_card_1',
        type: 'card',
        title: 'Visa ending in 4242',
        subTitle: '•••• 4242',
        expiry: '04/28',
        customerId: 'cus_1',
      },
      { id: 'pm_bank_1', type: 'us_bank_account', title: 'Checking', subTitle: '•••• 6789' },
    ]);
  });

  it('list_payment_methods: the location defaults to the api key’s; an emoji is never split', async () => {
    let seen = '';
    const { call } = make({
      listPaymentMethods: (query) => {
        seen = query.locationId;
        return [{ id: 'pm_1', type: 'card', title: `${'a'.repeat(19)}💳💳` }];
      },
    });
    const listed = await call({
      type: 'list_payment_methods',
      contactId: 'contact_1',
      apiKey: testKeys.live,
    });
    expect(seen).toBe(testKeys.locationId);
    expect(listed.body).toEqual([{ id: 'pm_1', type: 'card', title: `${'a'.repeat(19)}💳` }]);
  });

  it('charge_payment: Money in minor units to the handler, the documented body back', async () => {
    let seen: unknown;
    const gateway = fakeGateway();
    const handlers = gateway.handlers();
    const { call } = make({
      chargePayment: (query) => {
        seen = { amount: query.amount, account: query.account, description: query.chargeDescription };
        return handlers.chargePayment(query);
      },
    });
    const charged = await call(charge());
    expect(seen).toEqual({
      amount: usd(2550),
      account: { locationId: testKeys.locationId, mode: 'test' },
      description: 'Order #1001',
    });
    expect(charged.status).toBe(200);
    expect(charged.body).toEqual({
      success: true,
      failed: false,
      chargeId: 'ch_0001',
      message: 'Charge succeeded',
      chargeSnapshot: {
        id: 'ch_0001',
        status: 'succeeded',
        amount: 2550,
        chargeId: 'ch_0001',
        chargedAt: 1724217600,
      },
    });
  });

  it('charge_payment: a decline is {success:false, failed:true}; pending is neither', async () => {
    const { call } = make();
    const declined = await call(charge({ paymentMethodId: 'pm_declined', transactionId: 'hl_tx_d' }));
    expect(declined.body).toEqual({
      success: false,
      failed: true,
      chargeId: 'ch_0001',
      message: 'Card declined',
      chargeSnapshot: {
        id: 'ch_0001',
        status: 'failed',
        amount: 2550,
        chargeId: 'ch_0001',
        chargedAt: 1724217600,
      },
    });
    const pending = make({ chargePayment: () => ({ status: 'pending', chargeId: 'ch_ach_1' }) });
    const answer = await pending.call(charge());
    expect(answer.body).toMatchObject({
      success: false,
      failed: false,
      chargeId: 'ch_ach_1',
      message: 'Charge pending',
      chargeSnapshot: { status: 'pending', amount: 2550 },
    });
    const chargedAt = (answer.body.chargeSnapshot as { chargedAt: number }).chargedAt;
    expect(Math.abs(chargedAt - Date.now() / 1000)).toBeLessThan(5);
  });

  it('charge_payment: chargeSnapshot.amount in major units when configured; exponents per currency', async () => {
    const major = make({ chargeSnapshotAmountUnit: 'major' });
    expect((await major.call(charge())).body.chargeSnapshot.amount).toBe(25.5);
    const amounts: unknown[] = [];
    const { call } = make({
      chargePayment: (query) => {
        amounts.push(query.amount);
        return { status: 'succeeded', chargeId: `ch_${query.transactionId}` };
      },
    });
    const yen = await call(charge({ amount: 500, currency: 'jpy', transactionId: 'hl_tx_jpy' }));
    const dinar = await call(charge({ amount: '1.25', currency: 'KWD', transactionId: 'hl_tx_kwd' }));
    expect(amounts).toEqual([
      { amountMinor: 500, currency: 'JPY' },
      { amountMinor: 1250, currency: 'KWD' },
    ]);
    // HighLevel's unit is the decimal amount × 100, whatever the currency's own exponent.
    expect(yen.body.chargeSnapshot.amount).toBe(50_000);
    expect(dinar.body.chargeSnapshot.amount).toBe(125);
  });

  it('create_subscription: string recurringAmount, productDetails as one object, the documented body', async () => {
    let seen: unknown;
    const gateway = fakeGateway();
    const handlers = gateway.handlers();
    const { call } = make({
      createSubscription: (query) => {
        seen = {
          amount: query.amount,
          recurringAmount: query.recurringAmount,
          productDetails: query.productDetails,
          isSchedule: query.isSchedule,
          startDate: query.startDate,
        };
        return handlers.createSubscription!(query);
      },
    });
    const created = await call({
      type: 'create_subscription',
      apiKey: testKeys.live,
      locationId: testKeys.locationId,
      contactId: 'contact_1',
      paymentMethodId: 'pm_card_1',
      subscriptionId: 'hl_sub_1',
      transactionId: 'hl_tx_9',
      startDate: '2026-01-01',
      currency: 'USD',
      amount: 100,
      recurringAmount: '80.00',
      isSchedule: false,
      productDetails: { productId: 'prod_1', priceId: 'price_1' },
    });
    expect(seen).toEqual({
      amount: usd(10_000),
      recurringAmount: usd(8_000),
      productDetails: [{ productId: 'prod_1', priceId: 'price_1' }],
      isSchedule: false,
      startDate: '2026-01-01',
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      success: true,
      failed: false,
      message: 'Subscription created',
      transaction: {
        chargeId: 'ch_sub_hl_sub_1',
        chargeSnapshot: {
          id: 'ch_sub_hl_sub_1',
          status: 'succeeded',
          amount: 10_000,
          chargeId: 'ch_sub_hl_sub_1',
          chargedAt: 1724217600,
        },
      },
      subscription: {
        subscriptionId: 'sub_hl_sub_1',
        subscriptionSnapshot: {
          id: 'sub_hl_sub_1',
          status: 'active',
          createdAt: 1724217600,
          nextCharge: 1726896000,
        },
      },
    });
  });

  it('create_subscription: a trial leaves transaction out', async () => {
    const { call } = make({
      createSubscription: () => ({ status: 'succeeded', subscription: { id: 'sub_t', status: 'trialing' } }),
    });
    const created = await call({
      type: 'create_subscription',
      apiKey: testKeys.live,
      contactId: 'contact_1',
      paymentMethodId: 'pm_card_1',
      subscriptionId: 'hl_sub_2',
      startDate: '2026-01-01',
      currency: 'USD',
      amount: 0,
      recurringAmount: '80.00',
      productDetails: [],
    });
    expect(created.body).not.toHaveProperty('transaction');
    expect(created.body.subscription).toMatchObject({
      subscriptionId: 'sub_t',
      subscriptionSnapshot: { status: 'trialing' },
    });
  });

  it('cancel_subscription: {status:"canceled"}', async () => {
    const { call, gateway } = make();
    const canceled = await call({
      type: 'cancel_subscription',
      subscriptionId: 'hl_sub_1',
      apiKey: testKeys.test,
    });
    expect(canceled).toMatchObject({ status: 200, body: { status: 'canceled' } });
    expect(gateway.calls.cancel).toBe(1);
  });

  it('refund: {success, message, id, amount (decimal), currency}; the amount as Money once the currency is known', async () => {
    const { call } = make();
    const charged = await call(charge({ amount: 30 }));
    const refunded = await call({
      type: 'refund',
      amount: 12.5,
      transactionId: 'hl_tx_1',
      chargeId: charged.body.chargeId,
      apiKey: testKeys.test,
    });
    expect(refunded.status).toBe(200);
    expect(refunded.body).toEqual({
      success: true,
      message: 'Refund succeeded',
      id: 're_ch_0001',
      amount: 12.5,
      currency: 'USD',
    });
    const missing = await call({ type: 'refund', amount: 1, chargeId: 'ch_none', apiKey: testKeys.test });
    expect(missing.body).toEqual({ success: false, message: 'No such charge' });
  });

  it('refund: amountIn refuses more decimals than the currency has, never rounds', async () => {
    let problem: unknown;
    const { call } = make({
      refund: (query) => {
        try {
          query.amountIn('JPY');
        } catch (error) {
          problem = error;
        }
        return { status: 'succeeded', id: 're_1', amount: query.amountIn('USD') };
      },
    });
    const refunded = await call({ type: 'refund', amount: 0.5, chargeId: 'ch_1', apiKey: testKeys.test });
    expect(refunded.body).toMatchObject({ success: true, amount: 0.5, currency: 'USD' });
    expect(problem).toMatchObject({ code: 'validation' });
  });
});

describe('createCustomProviderHandler: refusals', () => {
  it('answers a wrong or missing api key 401 with the failure shape, and calls nothing', async () => {
    const { call, gateway } = make();
    for (const apiKey of [
      'sk_test_wrong',
      `${testKeys.test}x`,
      testKeys.test.slice(0, -1),
      testKeys.test.repeat(100),
      '',
      42,
      undefined,
    ]) {
      const answer = await call(charge({ apiKey }));
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        success: false,
        error: 'unauthorized',
        message: 'The apiKey is missing or not recognised.',
      });
    }
    expect(gateway.calls.charge).toBe(0);
  });

  it('takes keys from a Map and from an async lookup, confirming the lookup’s key in constant time', async () => {
    const gateway = fakeGateway();
    const fromMap = createCustomProviderHandler({
      apiKeys: new Map([[testKeys.test, { locationId: 'loc_map', mode: 'test' as const }]]),
      ...gateway.handlers(),
    });
    expect((await fromMap(queryRequest(charge()))).status).toBe(200);
    const asked: string[] = [];
    const fromLookup = createCustomProviderHandler({
      // A loose lookup (case-insensitive, as some database indexes are) must not let a near miss in.
      apiKeys: async (apiKey) => {
        asked.push(apiKey);
        return apiKey.toLowerCase() === testKeys.live.toLowerCase()
          ? { apiKey: testKeys.live, locationId: 'loc_db', mode: 'live' }
          : undefined;
      },
      ...gateway.handlers(),
    });
    expect((await fromLookup(queryRequest(charge({ apiKey: testKeys.live })))).status).toBe(200);
    expect((await fromLookup(queryRequest(charge({ apiKey: testKeys.live.toUpperCase() })))).status).toBe(
      401,
    );
    expect((await fromLookup(queryRequest(charge({ apiKey: 'other' })))).status).toBe(401);
    expect(asked).toHaveLength(3);
    const failing = createCustomProviderHandler({
      apiKeys: async () => {
        throw new Error('database down');
      },
      ...gateway.handlers(),
    });
    const down = await failing(queryRequest(charge()));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: 'store_unavailable' });
  });

  it('refuses bad apiKeys settings at setup', () => {
    const gateway = fakeGateway();
    expect(() =>
      createCustomProviderHandler({
        apiKeys: { k: { locationId: 'l', mode: 'prod' as never } },
        ...gateway.handlers(),
      }),
    ).toThrow(TypeError);
    expect(() =>
      createCustomProviderHandler({
        apiKeys: testApiKeys,
        ...gateway.handlers(),
        verify: undefined as never,
      }),
    ).toThrow(/verify must be a function/);
  });

  it('answers malformed JSON, a non-object body and a body without type 400', async () => {
    const { call } = make();
    expect(await call('{"type":"verify",')).toEqual({
      status: 400,
      body: { success: false, error: 'malformed_json', message: 'The body is not valid JSON.' },
      headers: expect.anything(),
    });
    expect((await call('[1,2]')).body).toMatchObject({ error: 'invalid_request' });
    expect((await call('"text"')).body).toMatchObject({ error: 'invalid_request' });
    const typeless = await call({ apiKey: testKeys.test });
    expect(typeless.status).toBe(400);
    expect(typeless.body).toEqual({
      success: false,
      fields: { type: ['is required'] },
      error: 'invalid_request',
      message: 'The body has no type.',
    });
  });

  it('checks the api key before the type: an unknown type with a bad key is 401', async () => {
    const { call } = make();
    expect((await call({ type: 'future_type', apiKey: 'nope' })).status).toBe(401);
  });

  it('answers an unknown type 501 unsupported_type (HighLevel adds types) and logs it', async () => {
    const logger = captureLogger();
    const { call } = make({ logger });
    const answer = await call({ type: 'update_subscription', apiKey: testKeys.test, subscriptionId: 's' });
    expect(answer.status).toBe(501);
    expect(answer.body).toEqual({
      success: false,
      error: 'unsupported_type',
      message: 'This payment provider does not support "update_subscription".',
    });
    expect(logger.lines.some((line) => line.level === 'warn' && /does not know/.test(line.message))).toBe(
      true,
    );
  });

  it('answers a missing optional handler 501 not_implemented', async () => {
    const gateway = fakeGateway();
    const { createSubscription: _c, cancelSubscription: _x, ...required } = gateway.handlers();
    const handler = createCustomProviderHandler({ apiKeys: testApiKeys, ...required });
    for (const body of [
      { type: 'cancel_subscription', subscriptionId: 'hl_sub_1' },
      {
        type: 'create_subscription',
        contactId: 'c',
        paymentMethodId: 'pm',
        subscriptionId: 's',
        startDate: '2026-01-01',
        currency: 'USD',
        amount: 1,
        recurringAmount: '1.00',
      },
    ]) {
      const response = await handler(queryRequest({ ...body, apiKey: testKeys.test }));
      expect(response.status).toBe(501);
      expect(await response.json()).toEqual({
        success: false,
        error: 'not_implemented',
        message: `This payment provider does not support ${body.type}.`,
      });
    }
  });

  it('answers a wrong content type 415, another method 405, and reads +json types', async () => {
    const { call } = make();
    const form = await call('type=verify', { contentType: 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({ status: 415, body: { error: 'unsupported_media_type' } });
    const get = await call(undefined, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await call(charge(), { contentType: 'application/vnd.api+json; charset=utf-8' })).status).toBe(
      200,
    );
  });

  it('answers a body over the cap 413 without reading it all', async () => {
    const gateway = fakeGateway();
    const handler = createCustomProviderHandler({
      apiKeys: testApiKeys,
      ...gateway.handlers(),
      maxBodyBytes: 512,
    });
    const response = await handler(queryRequest(charge({ chargeDescription: 'x'.repeat(600) })));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      success: false,
      error: 'payload_too_large',
      message: 'The body is larger than 512 bytes.',
    });
    expect(gateway.calls.charge).toBe(0);
  });

  it('answers bad fields 400 with every field named, and never echoes the api key', async () => {
    const { call, gateway } = make();
    const answer = await call(charge({ amount: 10.005, currency: 'USD', transactionId: '' }));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ success: false, error: 'invalid_request' });
    expect(Object.keys(answer.body.fields)).toEqual(['transactionId']);
    const money = await call(charge({ amount: 10.005 }));
    expect(money.body.fields).toEqual({ amount: ['has more than 2 decimal places for USD'] });
    const floaty = await call(charge({ amount: 0.1 + 0.2 }));
    expect(floaty.body.fields.amount).toEqual(['has more than 2 decimal places for USD']);
    const zero = await call(charge({ amount: 0 }));
    expect(zero.body.fields).toEqual({ amount: ['must be greater than 0'] });
    const currency = await call(charge({ currency: 'dollars' }));
    expect(currency.body.fields).toHaveProperty('currency');
    expect(JSON.stringify([answer, money, currency])).not.toContain(testKeys.test);
    expect(gateway.calls.charge).toBe(0);
  });

  it('tolerates extra fields and hands them over in raw (without the api key)', async () => {
    let raw: unknown;
    const { call } = make({
      verify: (query) => {
        raw = query.raw;
        return { status: 'pending' };
      },
    });
    await call({
      type: 'verify',
      transactionId: 't',
      chargeId: 'c',
      apiKey: testKeys.test,
      liveMode: true,
      future: { a: 1 },
    });
    expect(raw).toEqual({
      type: 'verify',
      transactionId: 't',
      chargeId: 'c',
      liveMode: true,
      future: { a: 1 },
    });
  });
});

describe('createCustomProviderHandler: handler failures', () => {
  const cardInMessage = 'gateway said: card 4111 1111 1111 1111 refused';

  it('logs a thrown error redacted (no api key, no card number) and answers 500 as a failure per type', async () => {
    const logger = captureLogger();
    const boom = (): never => {
      throw new Error(`${cardInMessage} for key ${testKeys.test}`);
    };
    const { call } = make({
      logger,
      verify: boom,
      listPaymentMethods: boom,
      chargePayment: boom,
      createSubscription: boom,
      cancelSubscription: boom,
      refund: boom,
    });
    const expectations: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ type: 'verify', transactionId: 't', chargeId: 'c' }, {}],
      [{ type: 'list_payment_methods', contactId: 'c' }, {}],
      [charge(), { failed: true }],
      [
        {
          type: 'create_subscription',
          contactId: 'c',
          paymentMethodId: 'pm',
          subscriptionId: 's',
          startDate: '2026-01-01',
          currency: 'USD',
          recurringAmount: '1.00',
        },
        { failed: true },
      ],
      [{ type: 'cancel_subscription', subscriptionId: 's' }, {}],
      [{ type: 'refund', amount: 1, chargeId: 'c' }, {}],
    ];
    for (const [body, extra] of expectations) {
      const answer = await call({ ...body, apiKey: testKeys.test });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        success: false,
        ...extra,
        error: 'handler_error',
        message: `The payment provider could not process ${body.type}.`,
      });
    }
    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(6);
    expect(errors[0]!.fields).toMatchObject({
      type: 'verify',
      locationId: testKeys.locationId,
      mode: 'test',
    });
    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain(testKeys.test);
    expect(logged).not.toContain('4111 1111 1111 1111');
    expect(findSecrets(logger.text(), [testKeys.test, '4111111111111111'])).toEqual([]);
  });

  it('answers an unusable outcome as a failure and says why in the log', async () => {
    const logger = captureLogger();
    const { call } = make({
      logger,
      chargePayment: () => ({ status: 'succeeded' }) as never,
      listPaymentMethods: () => ({ id: 'not an array' }) as never,
      refund: () => ({ status: 'succeeded', id: 're_1', amount: { amountMinor: 1.5, currency: 'USD' } }),
    });
    expect((await call(charge())).status).toBe(500);
    expect((await call({ type: 'list_payment_methods', contactId: 'c', apiKey: testKeys.test })).status).toBe(
      500,
    );
    expect((await call({ type: 'refund', amount: 1, chargeId: 'c', apiKey: testKeys.test })).status).toBe(
      500,
    );
    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors.map((line) => (line.fields as { problem?: string }).problem)).toEqual([
      'chargeId must be a non-empty string',
      'listPaymentMethods must return an array',
      'amount.amountMinor must be a safe integer',
    ]);
  });

  it('never throws: a body stream that errors is a 400', async () => {
    const { handler } = make();
    const stream = new ReadableStream({
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    const response = await handler(
      new Request('http://provider.test/q', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
  });
});
