// End to end: a real node:http receiver behind handleNodeWebhook(payaPostbacks(...)), configs
// made through the real client, and the simulator posting as Paya does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleNodeWebhook } from '@payweave/core';
import { createPaya, type PayaClient, type PayaPostback, payaPostbacks } from '@payweave/paya';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayaSimulator } from './paya-simulator.js';

const ids = createPayaSimulator().defaults;
const credentials = { username: 'paya-sim', password: 'm3Jq8Xv1Rk6Tz2Nw9Lp4Hs7Cd5Bf0Ga' };
const card = { account_number: '4111111111111111', exp_date: '1230' };

// A fixed clock: every change happens in the same second, as in a fast script.
const simulator = createPayaSimulator({ now: () => 1_750_000_000 });
let paya: PayaClient;
let server: Server;
let receiverUrl = '';
const events: PayaPostback[] = [];
let receiver = payaPostbacks({ basicAuth: credentials });

beforeAll(async () => {
  const baseUrl = await simulator.listen();
  paya = createPaya({ baseUrl, ...simulator.credentials, backoffBaseMs: 1, timeoutMs: 2_000 });
  server = createServer((request, response) => {
    void handleNodeWebhook(receiver, request, response, (event) => {
      events.push(event);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/paya/2b7e151628aed2a6`;
});

beforeEach(() => {
  simulator.reset();
  simulator.postbacks.deliveryPlan({});
  receiver = payaPostbacks({ basicAuth: credentials });
  events.length = 0;
});

afterAll(async () => {
  await simulator.postbacks.settled();
  await simulator.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function subscribe(
  resource: 'transaction' | 'contact' | 'transactionbatch',
  change: Record<string, unknown> = {},
) {
  const config = await paya.postbackConfigs.create({
    location_id: ids.locationId,
    resource,
    ...(resource === 'contact' ? {} : { product_transaction_id: ids.ccProductTransactionId }),
    url: receiverUrl,
    basic_auth_username: credentials.username,
    basic_auth_password: credentials.password,
    on_create: 1,
    on_update: 1,
    on_delete: 1,
    is_active: 1,
    ...change,
  } as never);
  return config.unwrap();
}

async function sale(amount = '10.00') {
  return (
    await paya.transactions.sale({ location_id: ids.locationId, transaction_amount: amount, ...card })
  ).unwrap();
}

describe('Paya simulator postbacks, end to end', () => {
  it('posts a typed transaction CREATE for a sale made through the client', async () => {
    const config = await subscribe('transaction', { on_update: 0, on_delete: 0 });
    const made = await sale('12.34');
    await simulator.postbacks.settled();
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event).toMatchObject({ type: 'transaction.CREATE', action: 'CREATE', attempt: 1 });
    if (event.resource !== 'transaction') throw new Error('not a transaction postback');
    expect(event.record).toMatchObject({
      id: made.id,
      status: 'approved',
      transaction_amount: '12.34',
      transaction_amount_money: { amountMinor: 1234, currency: 'USD' },
      product_transaction_id: ids.ccProductTransactionId,
    });
    const [attempt] = simulator.postbacks.attempts;
    expect(attempt).toMatchObject({ configId: config.id, url: receiverUrl, attempt: 1, status: 200 });
    expect(attempt?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(attempt?.headers.authorization).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
    const form = new URLSearchParams(attempt?.body);
    expect([...form.keys()]).toEqual(['type', 'resource', 'number_of_attempts', 'data']);
    expect(JSON.parse(form.get('data') ?? '')).toMatchObject({ id: made.id, status_id: 101, type_id: 20 });
    // The card number never travels in a postback.
    expect(attempt?.body).not.toContain(card.account_number);
  });

  it('processes a postback sent three times (duplicates: 2) once', async () => {
    await subscribe('transaction');
    simulator.postbacks.deliveryPlan({ duplicates: 2 });
    await sale();
    await simulator.postbacks.settled();
    expect(simulator.postbacks.attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 200],
      [2, 200],
      [3, 200],
    ]);
    expect(events.map((event) => event.type)).toEqual(['transaction.CREATE']);
  });

  it('answers 401 to a config with a wrong password; the simulator re-sends up to number_of_attempts', async () => {
    await subscribe('transaction', {
      basic_auth_password: 'not-the-password-the-receiver-knows',
      number_of_attempts: 3,
    });
    await sale();
    await simulator.postbacks.settled();
    expect(simulator.postbacks.attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
      [1, 401],
      [2, 401],
      [3, 401],
    ]);
    expect(new URLSearchParams(simulator.postbacks.attempts[2]?.body).get('number_of_attempts')).toBe('3');
    expect(events).toEqual([]);
  });

  it('sends no Authorization header without a username, which the receiver refuses', async () => {
    await subscribe('transaction', { basic_auth_username: null, basic_auth_password: null });
    await sale();
    await simulator.postbacks.settled();
    expect(simulator.postbacks.attempts[0]?.headers.authorization).toBeUndefined();
    expect(simulator.postbacks.attempts[0]?.status).toBe(401);
  });

  it('posts UPDATEs for a void, a completion, a refund (and its original) and a settlement', async () => {
    await subscribe('transaction', { expands: 'is_voidable,is_refundable' });
    // Postbacks of separate changes race, as Paya's may: each step waits for its own.
    const step = async <T>(run: () => Promise<T> | T): Promise<T> => {
      const result = await run();
      await simulator.postbacks.settled();
      return result;
    };
    const voided = await step(() => sale('20.00'));
    await step(() => paya.transactions.void(voided.id));
    const auth = await step(async () =>
      (
        await paya.transactions.authOnly({
          location_id: ids.locationId,
          transaction_amount: '30.00',
          ...card,
        })
      ).unwrap(),
    );
    await step(() => paya.transactions.authComplete(auth.id, { transaction_amount: '25.00' }));
    const refunded = await step(() => sale('40.00'));
    await step(() => simulator.settle());
    await step(() =>
      paya.transactions.refund({
        location_id: ids.locationId,
        previous_transaction_id: refunded.id,
        transaction_amount: '15.00',
      }),
    );
    const tail = (id: string) => id.slice(-4);
    const sent = simulator.postbacks.attempts.map((attempt) => {
      const data = JSON.parse(new URLSearchParams(attempt.body).get('data') ?? '{}') as { id: string };
      return `${attempt.type} ${tail(data.id)}`;
    });
    // One step's postbacks go out together, so only the steps are in order.
    expect([...sent.slice(0, 5), ...sent.slice(5, 7).sort(), ...sent.slice(7).sort()]).toEqual([
      `transaction.CREATE ${tail(voided.id)}`,
      `transaction.UPDATE ${tail(voided.id)}`,
      `transaction.CREATE ${tail(auth.id)}`,
      `transaction.UPDATE ${tail(auth.id)}`,
      `transaction.CREATE ${tail(refunded.id)}`,
      // settle(): the completed auth and the sale
      ...[`transaction.UPDATE ${tail(auth.id)}`, `transaction.UPDATE ${tail(refunded.id)}`].sort(),
      // the refund, and its original
      expect.stringMatching(/^transaction\.CREATE /),
      `transaction.UPDATE ${tail(refunded.id)}`,
    ]);
    // The original's record after the refund is the one the settlement posted (same second, same
    // fields), so the receiver takes it for a re-send of that event.
    expect(events).toHaveLength(8);
    const voidEvent = events[1]!;
    expect(voidEvent.resource === 'transaction' && voidEvent.record).toMatchObject({
      status: 'voided',
      is_voidable: false,
    });
    const completed = events[3]!;
    expect(completed.resource === 'transaction' && completed.record).toMatchObject({
      status: 'approved',
      reason: 'authCompleted',
      transaction_amount: '25.00',
    });
    const refund = events[7]!;
    expect(refund.resource === 'transaction' && refund.record).toMatchObject({
      type: 'refund',
      previous_transaction_id: refunded.id,
    });
  });

  it('posts a transactionbatch UPDATE when settle() closes the batch', async () => {
    await subscribe('transactionbatch', { expands: 'changelogs' });
    await sale();
    await sale('11.00');
    simulator.settle();
    await simulator.postbacks.settled();
    expect(events).toHaveLength(1);
    const batch = events[0]!;
    if (batch.resource !== 'transactionbatch') throw new Error('not a batch postback');
    expect(batch.record).toMatchObject({
      batch_num: 1,
      product_transaction_id: ids.ccProductTransactionId,
      processing_status: 'settled',
      open: false,
    });
    expect(batch.record.changelogs).toHaveLength(1);
  });

  it('posts contact CREATE, UPDATE and DELETE, as the config allows', async () => {
    await subscribe('contact', { on_delete: 0 });
    const contact = (
      await paya.contacts.create({ location_id: ids.locationId, last_name: 'Sanchez' })
    ).unwrap();
    await simulator.postbacks.settled();
    await paya.contacts.update(contact.id, { first_name: 'Rick' });
    await simulator.postbacks.settled();
    await paya.contacts.delete(contact.id);
    await simulator.postbacks.settled();
    expect(events.map((event) => event.type)).toEqual(['contact.CREATE', 'contact.UPDATE']);
    const updated = events[1]!;
    expect(updated.resource === 'contact' && updated.record).toMatchObject({
      id: contact.id,
      first_name: 'Rick',
    });
    await paya.postbackConfigs.update((await paya.postbackConfigs.list().firstPage()).unwrap().items[0]!.id, {
      on_delete: 1,
    });
    const second = (await paya.contacts.create({ location_id: ids.locationId, last_name: 'Smith' })).unwrap();
    await simulator.postbacks.settled();
    await paya.contacts.delete(second.id);
    await simulator.postbacks.settled();
    expect(events.map((event) => event.type).slice(2)).toEqual(['contact.CREATE', 'contact.DELETE']);
  });

  it('posts the transaction CREATE of a paid paylink', async () => {
    await subscribe('transaction');
    const link = (await paya.paylinks.create({ location_id: ids.locationId, amount_due: '25.00' })).unwrap();
    const transactionId = simulator.payPaylink(link.id);
    await simulator.postbacks.settled();
    expect(events).toHaveLength(1);
    expect(events[0]?.resource === 'transaction' && events[0].record).toMatchObject({
      id: transactionId,
      paylink_id: link.id,
      transaction_amount: '25.00',
    });
  });

  it('posts only to active configs of the resource, location and deposit account', async () => {
    await subscribe('transaction', { is_active: 0 });
    await subscribe('transaction', { product_transaction_id: ids.achProductTransactionId });
    await subscribe('contact');
    await sale();
    await paya.transactions.sale({
      location_id: ids.childLocationId,
      product_transaction_id: ids.childCcProductTransactionId,
      transaction_amount: '3.00',
      ...card,
    });
    await simulator.postbacks.settled();
    expect(simulator.postbacks.attempts).toEqual([]);
  });

  it('records an unreachable receiver, and reset() forgets the attempts', async () => {
    await subscribe('transaction', { url: 'http://127.0.0.1:9/unreachable', number_of_attempts: 2 });
    await sale();
    await simulator.postbacks.settled();
    expect(simulator.postbacks.attempts.map((attempt) => attempt.status)).toEqual([undefined, undefined]);
    simulator.reset();
    expect(simulator.postbacks.attempts).toEqual([]);
    expect(simulator.state.postbackConfigs).toEqual([]);
  });
});

describe('Paya simulator /v2/postbackconfigs', () => {
  const headers = () => ({
    'user-id': simulator.credentials.userId,
    'user-api-key': simulator.credentials.userApiKey,
    'developer-id': simulator.credentials.developerId,
  });
  const call = async (method: string, path: string, body?: unknown, query = '') => {
    const outcome = await simulator.handle({
      method,
      path,
      query: new URLSearchParams(query),
      headers: headers(),
      body,
      rawBody: body === undefined ? '' : JSON.stringify(body),
    });
    if (outcome.kind !== 'respond') throw new Error(outcome.kind);
    return outcome.response as { status: number; body: Record<string, Record<string, unknown>> };
  };

  it("answers Paya's 422s: blank fields, a transaction config without product_transaction_id, bad flags", async () => {
    const blank = await call('POST', '/v2/postbackconfigs', { postbackconfig: {} });
    expect(blank.status).toBe(422);
    expect(Object.keys(blank.body.errors ?? {})).toEqual(['location_id', 'resource', 'url']);
    const noProduct = await call('POST', '/v2/postbackconfigs', {
      postbackconfig: {
        location_id: ids.locationId,
        resource: 'transaction',
        url: 'https://a.example',
        on_create: 'yes',
      },
    });
    expect(Object.keys(noProduct.body.errors ?? {})).toEqual(['product_transaction_id', 'on_create']);
    const noEnvelope = await call('POST', '/v2/postbackconfigs', { location_id: ids.locationId });
    expect(noEnvelope.status).toBe(422);
  });

  it('stores the Basic credentials but shows them only when expanded, with the documented defaults', async () => {
    const created = await call('POST', '/v2/postbackconfigs', {
      postbackconfig: {
        location_id: ids.locationId,
        resource: 'contact',
        url: 'https://a.example/p?x=1',
        basic_auth_username: 'tester',
        basic_auth_password: 'Test@522',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.postbackconfig).toMatchObject({
      format: 'api-default',
      number_of_attempts: 1,
      attempt_interval: 300,
      expands: '',
    });
    expect(created.body.postbackconfig).not.toHaveProperty('basic_auth_password');
    const id = String(created.body.postbackconfig?.id);
    const expanded = await call(
      'GET',
      `/v2/postbackconfigs/${id}`,
      undefined,
      'expand=basic_auth_username,basic_auth_password',
    );
    expect(expanded.body.postbackconfig).toMatchObject({
      basic_auth_username: 'tester',
      basic_auth_password: 'Test@522',
    });
  });
});
