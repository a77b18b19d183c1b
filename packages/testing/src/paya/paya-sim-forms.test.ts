// The simulator's hosted forms, checked against Paya's docs with URLs built by hand (no SDK) and an
// independent HMAC (node:crypto) for the signature.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayaSimulator } from './paya-simulator.js';

const simulator = createPayaSimulator();
const ids = simulator.defaults;
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
});
beforeEach(() => {
  simulator.reset();
});
afterAll(() => simulator.close());

function hash(timestamp: number, key = simulator.credentials.userHashKey): string {
  return createHmac('sha256', key).update(`${simulator.credentials.userId}${timestamp}`).digest('hex');
}

function formUrl(
  form: 'payform' | 'accountform',
  data: unknown,
  timestamp = Math.floor(Date.now() / 1000),
  hashKey = hash(timestamp),
): string {
  const hex = Buffer.from(JSON.stringify(data), 'utf8').toString('hex');
  return `${baseUrl}/v2/${form}?developer-id=${simulator.credentials.developerId}&hash-key=${hashKey}&user-id=${simulator.credentials.userId}&timestamp=${timestamp}&data=${hex}`;
}

describe('hosted forms (HMAC Authentication Process.md)', () => {
  const payment = {
    transaction: {
      payment_method: 'cc',
      action: 'sale',
      transaction_amount: '3.00',
      transaction_api_id: 'f1',
    },
  };
  const cardFields = { account_number: '4111111111111111', exp_date: '1230' };

  it('serves a form whose hash-key is the lowercase hex HMAC of user id + timestamp, without the API key', async () => {
    const page = await fetch(formUrl('payform', payment));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Card Number');
    const upper = await fetch(
      formUrl('payform', payment, undefined, hash(Math.floor(Date.now() / 1000)).toUpperCase()),
    );
    expect(upper.status).toBe(422);
  });

  it('also takes user-id, timestamp, hash-key and developer-id as headers (data stays in the URL)', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const hex = Buffer.from(JSON.stringify(payment), 'utf8').toString('hex');
    const response = await fetch(`${baseUrl}/v2/payform?data=${hex}`, {
      headers: {
        'user-id': simulator.credentials.userId,
        'developer-id': simulator.credentials.developerId,
        timestamp: String(timestamp),
        'hash-key': hash(timestamp),
      },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      'an expired timestamp',
      () => formUrl('payform', payment, Math.floor(Date.now() / 1000) - 301),
      'timestamp',
    ],
    [
      'a timestamp in the future',
      () => formUrl('payform', payment, Math.floor(Date.now() / 1000) + 600),
      'timestamp',
    ],
    [
      'another hash key',
      () => formUrl('payform', payment, undefined, hash(Math.floor(Date.now() / 1000), 'other')),
      'hash-key',
    ],
    ['data that is not hex', () => formUrl('payform', payment).replace(/data=.*/, 'data=zz'), 'data'],
    ['data in the wrong envelope', () => formUrl('payform', { accountvault: payment.transaction }), 'data'],
    [
      'a PayForm without transaction_api_id',
      () =>
        formUrl('payform', {
          transaction: { payment_method: 'cc', action: 'sale', transaction_amount: '1.00' },
        }),
      'transaction_api_id',
    ],
    [
      'an AccountForm without account_vault_api_id',
      () => formUrl('accountform', { accountvault: { payment_method: 'cc', location_id: ids.locationId } }),
      'account_vault_api_id',
    ],
  ])('refuses %s with 422', async (_name, url, field) => {
    const response = await fetch(url());
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).errors)).toContain(field);
    expect((await simulator.forms.submit(url(), cardFields)).status).toBe(422);
  });

  it('spends a PayForm hash-key on submission unless the location is not opted in to one-time keys', async () => {
    const url = formUrl('payform', payment);
    expect((await simulator.forms.submit(url, cardFields)).status).toBe(201);
    expect((await simulator.forms.submit(url, cardFields)).body).toEqual({
      errors: { 'hash-key': ['Hash key has already been used: generate a new PayForm link.'] },
    });
    simulator.forms.oneTimeHashKeys(false);
    // Not spent any more, so Paya's own rule answers: the transaction_api_id is taken.
    const reused = await simulator.forms.submit(url, cardFields);
    expect(Object.keys((reused.body as { errors: object }).errors)).toEqual(['transaction_api_id']);
    const accountForm = formUrl('accountform', {
      accountvault: { payment_method: 'cc', location_id: ids.locationId, account_vault_api_id: 'af1' },
    });
    expect((await simulator.forms.submit(accountForm, cardFields)).status).toBe(201);
  });
});
