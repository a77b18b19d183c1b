import { payaPostbacks } from '@payweave/paya';
import { describe, expect, it } from 'vitest';
import { createPayweave } from '../create-payweave.js';

const credentials = { username: 'paya', password: 'a-long-random-postback-secret' };
const authorization = (username: string, password: string) => `Basic ${btoa(`${username}:${password}`)}`;
const postback = (type: string, resource: string, data: Record<string, unknown>) =>
  new URLSearchParams({ type, resource, number_of_attempts: '1', data: JSON.stringify(data) }).toString();

const transaction = (fields: Record<string, unknown>) => ({
  id: 'tx_1',
  payment_method: 'cc',
  transaction_amount: '10.00',
  status_id: 101,
  type_id: 20,
  reason_code_id: 1000,
  transaction_api_id: 'ref_1',
  created_ts: 1764669600,
  modified_ts: 1764669600,
  ...fields,
});

const pw = () =>
  createPayweave({ providers: {}, webhooks: { paya: payaPostbacks({ basicAuth: credentials }) } });
const headers = {
  'content-type': 'application/x-www-form-urlencoded',
  authorization: authorization('paya', credentials.password),
};

describe('pw.webhooks.unwrap with Paya postbacks', () => {
  it('maps a sale created, a refund created, a void and a refund of the original to transaction events', async () => {
    const facade = pw();
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['CREATE', {}, 'transaction.created', 'succeeded'],
      [
        'CREATE',
        { id: 'tx_2', type_id: 30, previous_transaction_id: 'tx_1' },
        'transaction.refunded',
        'succeeded',
      ],
      ['CREATE', { id: 'tx_3', type_id: 40 }, 'transaction.created', 'succeeded'],
      ['UPDATE', { status_id: 201, modified_ts: 1764669700 }, 'transaction.voided', 'voided'],
      ['UPDATE', { status_id: 111, modified_ts: 1764669800 }, 'transaction.refunded', 'refunded'],
      ['UPDATE', { status_id: 134, modified_ts: 1764669900 }, 'transaction.updated', 'succeeded'],
    ];
    for (const [action, fields, type, status] of cases) {
      const result = await facade.webhooks.unwrap({
        provider: 'paya',
        rawBody: postback(action, 'transaction', transaction(fields)),
        headers,
      });
      const value = result.unwrap();
      expect(value.unified?.type, `${action} ${JSON.stringify(fields)}`).toBe(type);
      expect(value.unified).toMatchObject({
        transaction: {
          provider: 'paya',
          status: { unified: status },
          amount: { amountMinor: 1000, currency: 'USD' },
        },
      });
      expect(value.raw.resource).toBe('transaction');
    }
  });

  it('keeps contacts raw only', async () => {
    const result = await pw().webhooks.unwrap({
      provider: 'paya',
      rawBody: postback('CREATE', 'contact', {
        id: 'ct_1',
        first_name: 'Ada',
        last_name: 'L',
        modified_ts: 1,
      }),
      headers,
    });
    expect(result.unwrap().unified).toBeUndefined();
    expect(result.unwrap().raw.resource).toBe('contact');
  });

  it('refuses a wrong password and an unauthenticated delivery, never running the mapping', async () => {
    const facade = pw();
    const body = postback('CREATE', 'transaction', transaction({}));
    const wrong = await facade.webhooks.unwrap({
      provider: 'paya',
      rawBody: body,
      headers: { ...headers, authorization: authorization('paya', 'guess') },
    });
    expect(wrong.isErr() && wrong.error.code).toBe('webhook_signature');
    const none = await facade.webhooks.unwrap({ provider: 'paya', rawBody: body, headers: {} });
    expect(none.isErr() && none.error.code).toBe('webhook_signature');
    expect(JSON.stringify(wrong.isErr() && wrong.error)).not.toContain('guess');
  });

  it('answers a missing Paya receiver with a configuration error naming what to pass, not a throw', async () => {
    const facade = createPayweave({ providers: {} });
    const result = await facade.webhooks.unwrap({ provider: 'paya', rawBody: 'a=b', headers });
    expect(result.isErr() && result.error.code).toBe('configuration');
    expect(result.isErr() && result.error.message).toMatch(/webhooks\.paya: payaPostbacks/);
  });
});
