import { inspect } from 'node:util';
import { handleWebhookRequest, memoryDedupeStore, type PaymentsError } from '@payweave/core';
import { describe, expect, it } from 'vitest';
import { payaPostbacks } from './paya-postbacks.js';
import type { PayaPostback } from './postback-types.js';

const username = 'paya-postbacks';
const password = 'q7Vn2xR9tLk4Wm8ZpB3sYd6Hf1Jc5Ga0';
const basicAuth = { username, password };

function authorization(user = username, secret = password): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

// Records from Paya's docs (`Post Backs.md`, the postback README, the account vault and
// transaction batch READMEs), with 24-character ids.
const contactData =
  '{"id":"11e66c8a943ff4b2bf1b2102","location_id":"23948sdnfia1129i9asf92","account_number":null,"contact_api_id":null,"company_name":null,"first_name":null,"last_name":"Lue","email":null,"address":null,"city":null,"state":null,"zip":null,"home_phone":null,"cell_phone":null,"office_phone":null,"office_ext_phone":null,"email_trx_receipt":false,"created_ts":1472325312,"modified_ts":1472325312,"date_of_birth":null,"header_message":null,"header_message_type_id":0,"contact_c1":null,"contact_c2":null,"contact_c3":null,"contact_balance":null}';
const transactionData = JSON.stringify({
  id: '11e936d6ea9c3a1c8d9b5e4f',
  payment_method: 'cc',
  transaction_amount: '1.00',
  auth_amount: '1.00',
  status_id: 101,
  type_id: 20,
  reason_code_id: 1000,
  transaction_api_id: null,
  order_num: '655684728790',
  location_id: '11e936d64d69cd92845615e4',
  product_transaction_id: '11e936d65afb106096f3f340',
  previous_transaction_id: null,
  first_six: '411111',
  last_four: '1111',
  trx_source_id: 12,
  created_ts: 1550863225,
  modified_ts: 1550863225,
});
const accountVaultData = JSON.stringify({
  id: '11e4a2f31e0f5b8e9c8f0a6b',
  payment_method: 'cc',
  title: 'Visa ending 5454',
  account_holder_name: 'John Smith',
  first_six: '545454',
  last_four: '5454',
  billing_address: null,
  billing_zip: null,
  exp_date: '0919',
  routing: null,
  account_type: 'mc',
  location_id: '11e936d64d69cd92845615e4',
  contact_id: '11e66c8a943ff4b2bf1b2102',
  created_ts: 1422037632,
  modified_ts: 1422037632,
  account_vault_api_id: null,
  expiring_in_months: 12,
  has_recurring: false,
  ach_sec_code: null,
  active: 1,
});
const batchData = JSON.stringify({
  id: '11e85aa883ff0bdaac9814db',
  batch_num: 2,
  is_open: 0,
  processing_status_id: 2,
  product_transaction_id: '11e936d65afb106096f3f340',
  created_ts: 1526048228,
  settlement_file_name: null,
  batch_close_ts: 1526051458,
  changelogs: [
    {
      action: 'update',
      model: 'TransactionBatch',
      model_id: '11e85aa883ff0bdaac9814db',
      user_id: null,
      changelog_details: [{ field: 'is_open', old_value: '1' }],
      user: {},
    },
  ],
});

interface Form {
  type?: string | undefined;
  resource?: string | undefined;
  number_of_attempts?: string | undefined;
  data?: string | undefined;
}

function form(fields: Form): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.append(key, value);
  return params.toString();
}

function delivery(fields: Form, headers: Record<string, string | string[]> = {}) {
  return {
    body: form({
      type: 'CREATE',
      resource: 'transaction',
      number_of_attempts: '1',
      data: transactionData,
      ...fields,
    }),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: authorization(),
      ...headers,
    } as Record<string, string | string[]>,
  };
}

async function unwrapOk(fields: Form = {}, receiver = payaPostbacks({ basicAuth })): Promise<PayaPostback> {
  const { body, headers } = delivery(fields);
  const result = await receiver.unwrap(body, headers);
  if (result.isErr()) throw result.error;
  return result.value;
}

async function unwrapErr(
  body: unknown,
  headers: Record<string, string | string[]> | Headers,
): Promise<PaymentsError> {
  const result = await payaPostbacks({ basicAuth }).unwrap(body as string, headers);
  if (result.isOk()) throw new Error(`expected a refusal, got ${result.value.type}`);
  return result.error;
}

/** Every way an error could show a value: message, JSON and inspect (cause included). */
function everythingShown(error: PaymentsError): string {
  return `${error.message}\n${JSON.stringify(error)}\n${inspect(error, { depth: 8 })}`;
}

describe('payaPostbacks: parsing', () => {
  const records: Record<string, string> = {
    transaction: transactionData,
    contact: contactData,
    accountvault: accountVaultData,
    transactionbatch: batchData,
  };
  const cases = Object.keys(records).flatMap((resource) =>
    ['CREATE', 'UPDATE', 'DELETE'].map((action) => ({ resource, action })),
  );

  it.each(cases)('reads a $resource $action postback', async ({ resource, action }) => {
    const event = await unwrapOk({ type: action, resource, data: records[resource] });
    const id = JSON.parse(records[resource]!).id as string;
    expect(event).toMatchObject({
      provider: 'paya',
      resource,
      action,
      type: `${resource}.${action}`,
      attempt: 1,
    });
    expect(event.record.id).toBe(id);
    expect(event.deliveryId).toMatch(new RegExp(`^${resource}:${id}:${action}:\\d*:[0-9a-f]{16}$`));
  });

  it('types and decodes the record per resource', async () => {
    const transaction = await unwrapOk();
    if (transaction.resource !== 'transaction') throw new Error('not a transaction');
    expect(transaction.record).toMatchObject({
      status: 'approved',
      type: 'sale',
      reason: 'approved',
      transaction_amount_money: { amountMinor: 100, currency: 'USD' },
      trx_source_id: 12,
    });
    const contact = await unwrapOk({ resource: 'contact', data: contactData });
    if (contact.resource !== 'contact') throw new Error('not a contact');
    expect(contact.record).toMatchObject({ last_name: 'Lue', contact_balance_money: undefined });
    const vault = await unwrapOk({ resource: 'accountvault', data: accountVaultData, type: 'UPDATE' });
    if (vault.resource !== 'accountvault') throw new Error('not a vault');
    expect(vault.record).toMatchObject({ last_four: '5454', expiring_in_months: 12 });
    const batch = await unwrapOk({ resource: 'transactionbatch', data: batchData, type: 'UPDATE' });
    if (batch.resource !== 'transactionbatch') throw new Error('not a batch');
    expect(batch.record).toMatchObject({ processing_status: 'settled', open: false, batch_num: 2 });
    expect(batch.record.changelogs).toHaveLength(1);
  });

  it('names every batch processing status, 6 (forced closed) included', async () => {
    const names = [];
    for (const status of [1, 2, 3, 4, 5, 6, 9]) {
      const data = JSON.stringify({ ...JSON.parse(batchData), processing_status_id: status, is_open: '1' });
      const event = await unwrapOk({ resource: 'transactionbatch', type: 'UPDATE', data });
      if (event.resource !== 'transactionbatch') throw new Error('not a batch');
      expect(event.record.open).toBe(true);
      names.push(event.record.processing_status);
    }
    expect(names).toEqual([
      'toSettle',
      'settled',
      'error',
      'reprocess',
      'processing',
      'forcedClosed',
      'unknown',
    ]);
  });

  it('reads numbers Paya sends as text as numbers', async () => {
    const data = JSON.stringify({ ...JSON.parse(transactionData), status_id: '301', type_id: '20' });
    const event = await unwrapOk({ data });
    expect(event.resource === 'transaction' && event.record).toMatchObject({
      status_id: 301,
      status: 'declined',
    });
  });

  it('counts attempts, and gives a re-send of one event the same deliveryId', async () => {
    const first = await unwrapOk({}, payaPostbacks({ basicAuth, dedupe: false }));
    const third = await unwrapOk({ number_of_attempts: '3' }, payaPostbacks({ basicAuth, dedupe: false }));
    expect(third.attempt).toBe(3);
    expect(third.deliveryId).toBe(first.deliveryId);
    expect(first.deliveryId).toMatch(/^transaction:11e936d6ea9c3a1c8d9b5e4f:CREATE:1550863225:[0-9a-f]{16}$/);
  });

  it('gives two changes within the same second different deliveryIds', async () => {
    const receiver = payaPostbacks({ basicAuth });
    const completed = await unwrapOk({ type: 'UPDATE' }, receiver);
    const voided = await unwrapOk(
      { type: 'UPDATE', data: JSON.stringify({ ...JSON.parse(transactionData), status_id: 201 }) },
      receiver,
    );
    expect(voided.deliveryId).not.toBe(completed.deliveryId);
  });

  it('keeps a postback about an unknown resource as the generic variant, with the raw record', async () => {
    const data = '{"id":"11e9recurring0000000000a","amount":"5.00","modified_ts":1700000000}';
    const event = await unwrapOk({ resource: 'recurring', type: 'UPDATE', data });
    expect(event).toMatchObject({
      resource: 'unknown',
      resourceName: 'recurring',
      action: 'UPDATE',
      type: 'recurring.UPDATE',
      record: { id: '11e9recurring0000000000a', amount: '5.00' },
    });
    expect(event.deliveryId).toMatch(/^recurring:11e9recurring0000000000a:UPDATE:1700000000:[0-9a-f]{16}$/);
  });

  it('accepts a form with a charset, an unknown extra field and the scheme in any case', async () => {
    const { body, headers } = delivery({});
    const result = await payaPostbacks({ basicAuth }).unwrap(`${body}&extra=1`, {
      ...headers,
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      authorization: authorization().replace('Basic', 'basic'),
    });
    expect(result.isOk()).toBe(true);
  });

  it('works through handleWebhookRequest: 200 for Paya, 401 for a wrong password', async () => {
    const receiver = payaPostbacks({ basicAuth });
    const seen: string[] = [];
    const post = (auth: string) => {
      const { body, headers } = delivery({}, { authorization: auth });
      return handleWebhookRequest(
        receiver,
        new Request('https://shop.example/webhooks/paya', {
          method: 'POST',
          body,
          headers: headers as Record<string, string>,
        }),
        (event) => {
          seen.push(event.type);
        },
      );
    };
    expect((await post(authorization(username, 'wrong'))).status).toBe(401);
    expect((await post(authorization())).status).toBe(200);
    expect(seen).toEqual(['transaction.CREATE']);
  });
});

describe('payaPostbacks: Basic auth', () => {
  it.each([
    ['a wrong password', authorization(username, 'q7Vn2xR9tLk4Wm8ZpB3sYd6Hf1Jc5Ga1'), 'do not match'],
    ['a wrong username', authorization('someone-else', password), 'do not match'],
    ['an empty password', authorization(username, ''), 'do not match'],
    ['another scheme', `Bearer ${password}`, 'another scheme than Basic'],
    ['no credentials after Basic', 'Basic', 'no credentials'],
    ['malformed base64', 'Basic %%%not-base64%%%', 'not valid'],
    ['unpadded base64', `Basic ${Buffer.from('paya:xy').toString('base64').replace(/=+$/, '')}`, 'not valid'],
    ['URL-safe base64', `Basic ${Buffer.from('paya:>>>??').toString('base64url')}`, 'not valid'],
    [
      'credentials without a colon',
      `Basic ${Buffer.from(`${username}${password}`).toString('base64')}`,
      "no ':'",
    ],
    [
      'credentials that are not UTF-8',
      `Basic ${Buffer.from([0xff, 0x3a, 0xfe]).toString('base64')}`,
      'not UTF-8',
    ],
    ['a header with two parts after the scheme', `Basic ${password} extra`, 'not of the form'],
  ])('refuses %s with webhook_signature, saying why without quoting it', async (_name, header, why) => {
    const { body, headers } = delivery({}, { authorization: header });
    const error = await unwrapErr(body, headers);
    expect(error.code).toBe('webhook_signature');
    expect(error.message).toContain(why);
    expect(error.message).toMatch(/^paya\.webhooks\.unwrap: /);
    const shown = everythingShown(error);
    expect(shown).not.toContain(password);
    const credentials = header.slice(6);
    if (credentials.length > 3) expect(shown).not.toContain(credentials);
  });

  it('refuses a postback without an Authorization header', async () => {
    const { body, headers } = delivery({});
    delete headers.authorization;
    const error = await unwrapErr(body, headers);
    expect(error).toMatchObject({ code: 'webhook_signature' });
    expect(error.message).toContain('no Authorization header');
  });

  it('refuses a repeated Authorization header (fetch Headers and Node header lists)', async () => {
    const { body } = delivery({});
    const fetchHeaders = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
    fetchHeaders.append('authorization', authorization());
    fetchHeaders.append('authorization', authorization('attacker', 'guess'));
    expect((await unwrapErr(body, fetchHeaders)).message).toContain('more than once');
    const nodeHeaders = { authorization: [authorization(), authorization('attacker', 'guess')] };
    expect(await unwrapErr(body, nodeHeaders)).toMatchObject({ code: 'webhook_signature' });
    const twoNames = { Authorization: authorization('attacker', 'guess'), authorization: authorization() };
    expect(await unwrapErr(body, twoNames)).toMatchObject({ code: 'webhook_signature' });
  });

  it('checks credentials before reading the body: an unauthenticated garbage body is a 401, not a 400', async () => {
    const error = await unwrapErr('not a form at all {', { authorization: 'Bearer x' });
    expect(error.code).toBe('webhook_signature');
  });

  it('accepts postbacks without credentials only with allowUnauthenticated: true', async () => {
    const receiver = payaPostbacks({ allowUnauthenticated: true });
    const { body, headers } = delivery({});
    delete headers.authorization;
    expect((await receiver.unwrap(body, headers)).isOk()).toBe(true);
  });

  it('refuses to be built without credentials, with both settings, or with unusable credentials', () => {
    const build = (options: unknown) => () => payaPostbacks(options as Parameters<typeof payaPostbacks>[0]);
    expect(build({})).toThrow(expect.objectContaining({ code: 'configuration' }));
    expect(build({ allowUnauthenticated: false })).toThrow(/basicAuth is required/);
    expect(build({ basicAuth, allowUnauthenticated: true })).toThrow(/allowUnauthenticated/);
    expect(build({ basicAuth: { username: 'a:b', password } })).toThrow(/basicAuth.username/);
    expect(build({ basicAuth: { username, password: '' } })).toThrow(/basicAuth.password/);
    expect(build({ basicAuth: { username } })).toThrow(/basicAuth.password/);
  });
});

describe('payaPostbacks: refused bodies', () => {
  const account = '4111111111111111';
  const routing = '072000326';

  it('refuses data that is not JSON without quoting it (the card number in it included)', async () => {
    const { body, headers } = delivery({ data: `{"id":"x","account_number":"${account}",` });
    const error = await unwrapErr(body, headers);
    expect(error).toMatchObject({ code: 'webhook_malformed' });
    expect(error.message).toContain('data field is not JSON');
    expect(error.cause).toBeUndefined();
    expect(everythingShown(error)).not.toContain(account);
  });

  it('refuses a record that is not what Paya sends, naming fields but never values', async () => {
    const data = JSON.stringify({ id: '11e936d6ea9c3a1c8d9b5e4f', status_id: { x: account }, routing });
    const { body, headers } = delivery({ data });
    const error = await unwrapErr(body, headers);
    expect(error.code).toBe('webhook_malformed');
    expect(error.message).toContain('status_id');
    const shown = everythingShown(error);
    expect(shown).not.toContain(account);
    expect(shown).not.toContain(routing);
  });

  it.each([
    ['data that is a JSON array', { data: '[1,2]' }, 'not a JSON object'],
    ['data that is JSON null', { data: 'null' }, 'not a JSON object'],
    ['a record without an id', { data: '{"status_id":101,"type_id":20}' }, 'transaction record'],
    ['a record with an empty id', { data: '{"id":"","status_id":101,"type_id":20}' }, 'empty id'],
    ['an unknown action', { type: 'ARCHIVE' }, 'not CREATE, UPDATE or DELETE'],
    ['a lower-case action', { type: 'create' }, 'not CREATE, UPDATE or DELETE'],
    ['no data field', { data: undefined }, 'no data field'],
    ['no type field', { type: undefined }, 'no type field'],
    ['no resource field', { resource: undefined }, 'no resource field'],
    ['a resource that is not a name', { resource: '../etc' }, 'not a resource name'],
    ['an attempt counter that is not a number', { number_of_attempts: '1e3' }, 'whole number'],
  ])('refuses %s with webhook_malformed', async (_name, fields, why) => {
    const { body, headers } = delivery(fields as Form);
    const error = await unwrapErr(body, headers);
    expect(error.code).toBe('webhook_malformed');
    expect(error.message).toContain(why);
  });

  it('refuses a repeated form field', async () => {
    const { body, headers } = delivery({});
    const error = await unwrapErr(`${body}&type=DELETE`, headers);
    expect(error).toMatchObject({ code: 'webhook_malformed' });
    expect(error.message).toContain('type was sent more than once');
    const unknown = await unwrapErr(`${body}&x=1&x=2`, headers);
    expect(unknown.message).toContain('a form field was sent more than once');
  });

  it('refuses a JSON body (Paya posts a form)', async () => {
    const { headers } = delivery({});
    const error = await unwrapErr(JSON.stringify({ type: 'CREATE' }), {
      ...headers,
      'content-type': 'application/json',
    });
    expect(error.code).toBe('webhook_malformed');
  });

  it('refuses a parsed object instead of the raw body', async () => {
    const { headers } = delivery({});
    const error = await unwrapErr(
      { type: 'CREATE', resource: 'transaction', data: transactionData },
      headers,
    );
    expect(error.code).toBe('webhook_signature');
    expect(error.message).toContain('parsed object');
  });

  it('refuses a body over maxBodyBytes before reading it', async () => {
    const { body, headers } = delivery({
      data: JSON.stringify({ ...JSON.parse(transactionData), pad: 'x'.repeat(5000) }),
    });
    const result = await payaPostbacks({ basicAuth, maxBodyBytes: 4096 }).unwrap(body, headers);
    expect(result.isErr() && result.error.code).toBe('webhook_malformed');
    const huge = await unwrapErr(`${body}&pad=${'y'.repeat(1024 * 1024)}`, headers);
    expect(huge.message).toContain('larger than');
  });

  it('never lets __proto__ keys change a prototype', async () => {
    const data =
      '{"id":"11e936d6ea9c3a1c8d9b5e4f","status_id":101,"type_id":20,"__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}},"constructor":{"prototype":{"polluted":true}}}';
    const { body, headers } = delivery({ data });
    const result = await payaPostbacks({ basicAuth }).unwrap(`${body}&__proto__=x&constructor=y`, headers);
    expect(result.isOk()).toBe(true);
    const event = result.unwrap();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(event.record)).toBe(Object.prototype);
    expect((event.record as Record<string, unknown>).polluted).toBeUndefined();
    const unknown = await payaPostbacks({ basicAuth }).unwrap(
      form({ type: 'CREATE', resource: 'recurring', number_of_attempts: '1', data }),
      headers,
    );
    expect(unknown.isOk() && Object.getPrototypeOf(unknown.value.record)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('payaPostbacks: dedupe', () => {
  it('refuses a delivery already received, and accepts it again after release', async () => {
    const receiver = payaPostbacks({ basicAuth });
    const { body, headers } = delivery({});
    const first = await receiver.unwrap(body, headers);
    expect(first.isOk()).toBe(true);
    const resent = delivery({ number_of_attempts: '2' });
    const again = await receiver.unwrap(resent.body, resent.headers);
    expect(again.isErr() && again.error.code).toBe('webhook_duplicate');
    await receiver.release(first.unwrap());
    expect((await receiver.unwrap(body, headers)).isOk()).toBe(true);
  });

  it('shares a store across receivers, and can be turned off', async () => {
    const store = memoryDedupeStore();
    const { body, headers } = delivery({});
    expect((await payaPostbacks({ basicAuth, dedupe: store }).unwrap(body, headers)).isOk()).toBe(true);
    const second = await payaPostbacks({ basicAuth, dedupe: store }).unwrap(body, headers);
    expect(second.isErr() && second.error.code).toBe('webhook_duplicate');
    const off = payaPostbacks({ basicAuth, dedupe: false });
    expect((await off.unwrap(body, headers)).isOk()).toBe(true);
    expect((await off.unwrap(body, headers)).isOk()).toBe(true);
  });

  it('lets the claim expire after dedupeTtlMs', async () => {
    const receiver = payaPostbacks({ basicAuth, dedupeTtlMs: 1 });
    const { body, headers } = delivery({});
    expect((await receiver.unwrap(body, headers)).isOk()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await receiver.unwrap(body, headers)).isOk()).toBe(true);
  });
});
