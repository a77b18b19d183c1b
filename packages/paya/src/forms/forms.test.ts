import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { captureLogger, findSecrets, payaSimulatorDefaults } from '@payweave/testing';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPaya } from '../paya-client.js';
import { usePayaSimulator } from '../test-support/setup-paya.js';
import { formHashKey, hexData } from './form-hash.js';
import { parseFormResponse } from './form-response.js';
import { accountFormUrl, payFormUrl } from './form-url.js';

const ids = payaSimulatorDefaults;
const location_id = ids.locationId;
const test = usePayaSimulator();

// paya-more.md section 2, "Known-answer example": Paya's placeholder key and example ids.
const kat = {
  userHashKey: 'my_user_hash_key',
  userId: '11e7e1b2531a187a87647ed8',
  developerId: 'b1111111',
  timestamp: 1513362490,
  hashKey: '244fd66e1b33b830d3496f91d9de1e83db8642dfe959de422b90470830488e8e',
  json: '{"transaction":{"payment_method":"cc","action":"sale","transaction_amount":"1.00"}}',
  hex: '7b227472616e73616374696f6e223a7b227061796d656e745f6d6574686f64223a226363222c22616374696f6e223a2273616c65222c227472616e73616374696f6e5f616d6f756e74223a22312e3030227d7d',
};
const katCredentials = { userId: kat.userId, userHashKey: kat.userHashKey, developerId: kat.developerId };

function decodeData(url: string): unknown {
  const hex = new URL(url).searchParams.get('data') ?? '';
  return JSON.parse(Buffer.from(hex, 'hex').toString('utf8'));
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('the form signature (known answer)', () => {
  it('hashes user_id + timestamp with HMAC-SHA256 keyed by the user hash key, lowercase hex', async () => {
    expect(await formHashKey(kat.userHashKey, kat.userId, kat.timestamp)).toBe(kat.hashKey);
    expect(hexData(kat.json)).toBe(kat.hex);
    expect(hexData('{"transaction"')).toBe('7b227472616e73616374696f6e22');
  });

  it('builds the exact URL of the example, parameters in the documented order', async () => {
    const link = (
      await payFormUrl(
        katCredentials,
        { payment_method: 'cc', action: 'sale', transaction_amount: '1.00', transaction_api_id: 'kat1' },
        { timestamp: kat.timestamp },
      )
    ).unwrap();
    // The known data with the reference the SDK always sends: `,"transaction_api_id":"kat1"` before `}}`.
    const data = `${kat.hex.slice(0, -4)}${hexData(',"transaction_api_id":"kat1"}}')}`;
    expect(link.url).toBe(
      `https://api.sandbox.payaconnect.com/v2/payform?developer-id=b1111111&hash-key=${kat.hashKey}&user-id=${kat.userId}&timestamp=1513362490&data=${data}`,
    );
    expect(link).toMatchObject({
      form: 'payform',
      timestamp: kat.timestamp,
      expiresAt: kat.timestamp + 300,
      reference: 'kat1',
      referenceField: 'transaction_api_id',
    });
  });

  it('agrees with an independent HMAC (node:crypto) on random keys, ids and times', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.stringMatching(/^[0-9a-f]{24}$/),
        fc.integer({ min: 0, max: 4_102_444_800 }),
        async (key, userId, timestamp) => {
          const expected = createHmac('sha256', Buffer.from(key, 'utf8'))
            .update(`${userId}${timestamp}`)
            .digest('hex');
          expect(await formHashKey(key, userId, timestamp)).toBe(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('hex-encodes UTF-8 bytes (Paya’s JavaScript helper mangles text outside ASCII)', async () => {
    const link = (
      await payFormUrl(
        katCredentials,
        { payment_method: 'cc', action: 'sale', transaction_amount: '2.00', description: 'Café ☕ 東京' },
        { timestamp: kat.timestamp },
      )
    ).unwrap();
    expect(decodeData(link.url)).toMatchObject({ transaction: { description: 'Café ☕ 東京' } });
    expect(hexData('é')).toBe('c3a9');
  });

  it('uses WebCrypto only: no node: import in the forms code (it runs on edge runtimes)', () => {
    const folder = new URL('.', import.meta.url);
    for (const file of readdirSync(folder).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
    )) {
      expect(readFileSync(new URL(file, folder), 'utf8'), file).not.toMatch(/from ['"]node:|require\(/);
    }
  });
});

describe('payFormUrl and accountFormUrl', () => {
  it('writes the transaction envelope, fills transaction_api_id, and keeps the hash-key out of inspect and JSON', async () => {
    const link = (
      await test.paya.forms.payFormUrl({
        payment_method: 'cc',
        action: 'authonly',
        transaction_amount: 25,
        location_id,
        parent_send_message: true,
        show_cvv: '1',
      })
    ).unwrap();
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${test.simulator.url}/v2/payform`);
    expect([...url.searchParams.keys()]).toEqual([
      'developer-id',
      'hash-key',
      'user-id',
      'timestamp',
      'data',
    ]);
    expect(url.searchParams.get('developer-id')).toBe(test.simulator.credentials.developerId);
    expect(url.searchParams.get('user-id')).toBe(test.simulator.credentials.userId);
    expect(url.searchParams.get('hash-key')).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(url.searchParams.get('timestamp'))).toBeCloseTo(Date.now() / 1000, -2);
    expect(decodeData(link.url)).toEqual({
      transaction: {
        payment_method: 'cc',
        action: 'authonly',
        transaction_amount: 25,
        transaction_api_id: link.reference,
        location_id,
        parent_send_message: true,
        show_cvv: '1',
      },
    });
    expect(link.reference).toMatch(/^pw-[0-9a-f-]{36}$/);
    expect(link.data).toEqual(decodeData(link.url));
    const hash = url.searchParams.get('hash-key')!;
    for (const shown of [inspect(link), JSON.stringify(link)]) {
      expect(shown).not.toContain(hash);
      expect(shown).toContain('hash-key=[REDACTED]');
    }
  });

  it('defaults an avsonly amount to 0.00', async () => {
    const link = (await payFormUrl(katCredentials, { payment_method: 'cc', action: 'avsonly' })).unwrap();
    expect(decodeData(link.url)).toMatchObject({
      transaction: { action: 'avsonly', transaction_amount: '0.00' },
    });
  });

  it('writes the accountvault envelope with a letters-and-digits account_vault_api_id', async () => {
    const link = (
      await accountFormUrl(
        { ...katCredentials, environment: 'production' },
        { payment_method: 'ach', location_id, ach_sec_code: 'WEB', show_title: false, title: 'Checking' },
      )
    ).unwrap();
    expect(
      link.url.startsWith('https://api.payaconnect.com/v2/accountform?developer-id=b1111111&hash-key='),
    ).toBe(true);
    expect(link).toMatchObject({ form: 'accountform', referenceField: 'account_vault_api_id', location_id });
    expect(link.reference).toMatch(/^pw[0-9a-f]{32}$/);
    expect(decodeData(link.url)).toEqual({
      accountvault: {
        payment_method: 'ach',
        location_id,
        account_vault_api_id: link.reference,
        ach_sec_code: 'WEB',
        title: 'Checking',
        show_title: false,
      },
    });
  });

  it.each([
    ['a card number in the data', { account_number: '4111111111111111' }, 'account_number', /payer types it/],
    ['a CVV in the data', { cvv: '123' }, 'cvv', /payer types it/],
    [
      'a card action on ACH',
      { payment_method: 'ach', product_transaction_id: ids.achProductTransactionId, ach_sec_code: 'WEB' },
      'action',
      /sale is a card action/,
    ],
    [
      'ACH without its deposit account',
      { payment_method: 'ach', action: 'debit', ach_sec_code: 'WEB' },
      'product_transaction_id',
      /required with payment_method "ach"/,
    ],
    [
      'ACH without its SEC code',
      { payment_method: 'ach', action: 'debit', product_transaction_id: ids.achProductTransactionId },
      'ach_sec_code',
      /SEC code/,
    ],
    [
      'a sale without an amount',
      { transaction_amount: undefined },
      'transaction_amount',
      /is required for sale/,
    ],
    ['a zero sale', { transaction_amount: '0.00' }, 'transaction_amount', /greater than 0/],
    ['an http stylesheet', { stylesheet_url: 'http://cdn.example/payform.css' }, 'stylesheet_url', /https/],
    [
      "the samples' send_parent_message",
      { send_parent_message: 1 },
      'send_parent_message',
      /parent_send_message/,
    ],
    [
      'the old redirect name',
      { redirect_url_on_approve: 'https://shop.example/ok' },
      'redirect_url_on_approve',
      /redirect_url_on_approval/,
    ],
    [
      'a close delay without parent_close',
      { parent_close_delay: 3 },
      'parent_close_delay',
      /only used with parent_close/,
    ],
    [
      'a vault title without save_account',
      { save_account_title: 'Visa' },
      'save_account_title',
      /only used with save_account/,
    ],
    [
      'a referenced refund',
      { action: 'refund', previous_transaction_id: ids.cardVaultId },
      'previous_transaction_id',
      /non-referenced/,
    ],
    ["Paya's envelope", { transaction: {} }, 'transaction', /envelope/],
    ['an unknown field', { colour: 'red' }, 'colour', /is not a known field/],
  ])(
    'refuses %s in PayForm data, naming the field and why; no URL is built',
    async (_name, change, field, why) => {
      const data = { payment_method: 'cc', action: 'sale', transaction_amount: '5.00', ...change } as Record<
        string,
        unknown
      >;
      for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
      const result = await test.paya.forms.payFormUrl(data as never);
      expect(result.isErr() && result.error.code).toBe('validation');
      expect(result.isErr() && result.error.operation).toBe('paya.forms.payFormUrl');
      expect(result.isErr() && result.error.message).toContain('no URL was built');
      expect(result.isErr() && result.error.fieldErrors?.[field]?.join(' ')).toMatch(why);
      expect(result.isErr() && JSON.stringify(result.error)).not.toContain('4111111111111111');
    },
  );

  it('refuses bad AccountForm data and a bad timestamp the same way', async () => {
    const noLocation = await test.paya.forms.accountFormUrl({ payment_method: 'cc' } as never);
    expect(noLocation.isErr() && noLocation.error.fieldErrors).toEqual({ location_id: ['is required'] });
    const dashed = await test.paya.forms.accountFormUrl({
      payment_method: 'cc',
      location_id,
      account_vault_api_id: 'a-1',
    });
    expect(dashed.isErr() && Object.keys(dashed.error.fieldErrors ?? {})).toEqual(['account_vault_api_id']);
    const card = await test.paya.forms.accountFormUrl({
      payment_method: 'cc',
      location_id,
      exp_date: '1230',
    } as never);
    expect(card.isErr() && card.error.fieldErrors?.exp_date?.[0]).toMatch(/payer types it/);
    for (const timestamp of [-1, 1.5, Number.NaN]) {
      const result = await payFormUrl(
        katCredentials,
        { payment_method: 'cc', action: 'sale', transaction_amount: 1 },
        { timestamp },
      );
      expect(result.isErr() && result.error.fieldErrors).toEqual({
        timestamp: ['must be whole unix seconds (0 or more)'],
      });
    }
  });

  it('answers configuration when no user hash key is known, and reads PAYA_USER_HASH_KEY', async () => {
    vi.stubEnv('PAYA_USER_HASH_KEY', '');
    const { userHashKey: _key, ...withoutKey } = test.simulator.credentials;
    const paya = test.client({ ...withoutKey, userHashKey: undefined });
    const missing = await paya.forms.accountFormUrl({ payment_method: 'cc', location_id });
    expect(missing.isErr() && missing.error).toMatchObject({
      code: 'configuration',
      fieldErrors: { userHashKey: [expect.stringContaining('PAYA_USER_HASH_KEY')] },
    });
    vi.stubEnv('PAYA_USER_HASH_KEY', test.simulator.credentials.userHashKey);
    const fromEnvironment = test.client({ ...withoutKey, userHashKey: undefined });
    const link = (await fromEnvironment.forms.accountFormUrl({ payment_method: 'cc', location_id })).unwrap();
    expect(
      (await test.simulator.forms.submit(link.url, { account_number: '4111111111111111', exp_date: '1230' }))
        .status,
    ).toBe(201);
    expect(() => createPaya({ ...test.simulator.credentials, userHashKey: ' ' })).toThrowError(
      /userHashKey must not be blank/,
    );
  });

  it('never signs two PayForm URLs of one user on the same second (one-time hash keys)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T12:00:00.500Z'));
    const credentials = { ...katCredentials, userId: 'burst-user-1' };
    const now = Math.floor(Date.now() / 1000);
    const links = [];
    for (let index = 0; index < 61; index += 1)
      links.push(
        (
          await payFormUrl(credentials, { payment_method: 'cc', action: 'sale', transaction_amount: 1 })
        ).unwrap(),
      );
    const stamps = links.map((link) => link.timestamp);
    expect(new Set(stamps).size).toBe(61);
    expect(Math.max(...stamps)).toBe(now);
    expect(Math.min(...stamps)).toBe(now - 60);
    expect(new Set(links.map((link) => new URL(link.url).searchParams.get('hash-key'))).size).toBe(61);
    const full = await payFormUrl(credentials, {
      payment_method: 'cc',
      action: 'sale',
      transaction_amount: 1,
    });
    expect(full.isErr() && full.error).toMatchObject({ code: 'rate_limited', retryable: true });
    vi.setSystemTime(new Date('2026-03-01T12:00:01.500Z'));
    expect(
      (
        await payFormUrl(credentials, { payment_method: 'cc', action: 'sale', transaction_amount: 1 })
      ).unwrap().timestamp,
    ).toBe(now + 1);
    // AccountForm has no registry; uniqueHashKey: false opts a PayForm out.
    const same = await Promise.all(
      [1, 2].map(
        async () =>
          (await accountFormUrl(credentials, { payment_method: 'cc', location_id })).unwrap().timestamp,
      ),
    );
    expect(same[0]).toBe(same[1]);
  });

  it('keeps the user hash key out of errors, logs and inspect output', async () => {
    const key = test.simulator.credentials.userHashKey;
    const logger = captureLogger();
    const paya = test.client({ logger, logLevel: 'debug' });
    test.simulator.faults.failNext(1, 422, {
      match: { method: 'POST' },
      body: { errors: { user_hash_key: [`${key} leaked`] }, echo: { user_hash_key: key } },
    });
    const refused = await paya.accountVaults.create({
      location_id,
      payment_method: 'cc',
      account_number: '4111111111111111',
      exp_date: '1230',
    });
    const bad = await paya.forms.payFormUrl({ payment_method: 'cc', action: 'sale' } as never);
    const shown = [
      logger.text(),
      JSON.stringify(refused),
      inspect(refused, { depth: 8 }),
      inspect(bad, { depth: 8 }),
      inspect(paya, { depth: 8 }),
      JSON.stringify(paya),
    ].join('\n');
    expect(findSecrets(shown, [key])).toEqual([]);
  });
});

describe('parseFormResponse', () => {
  const origin = 'https://api.sandbox.payaconnect.com';
  const transaction = {
    id: '11e95f8ec39de8fbdb0a4f1a',
    status_id: 101,
    type_id: 20,
    transaction_api_id: 'r1',
    transaction_amount: '1.00',
  };
  const vault = {
    id: '11e95f8ec39de8fbdb0a4f1b',
    payment_method: 'cc',
    account_vault_api_id: 'v1',
    last_four: '1111',
  };

  it('reads the JSON string a form posts, enveloped or not, after checking the origin', () => {
    const enveloped = parseFormResponse(
      { origin, data: JSON.stringify({ transaction }) },
      { form: 'payform', origin, reference: 'r1' },
    );
    expect(enveloped.unwrap()).toMatchObject({
      form: 'payform',
      transaction: { id: transaction.id, status: 'approved' },
    });
    const bare = parseFormResponse(JSON.stringify(vault), { form: 'accountform', reference: 'v1' });
    expect(bare.unwrap()).toMatchObject({
      form: 'accountform',
      accountVault: { id: vault.id, last_four: '1111' },
    });
  });

  it.each([
    [
      'another origin',
      { origin: 'https://evil.example', data: JSON.stringify({ transaction }) },
      'webhook_signature',
    ],
    [
      'an origin that only starts the same',
      { origin: `${origin}.evil.example`, data: JSON.stringify({ transaction }) },
      'webhook_signature',
    ],
    ['an object instead of JSON text', { origin, data: { transaction } }, 'webhook_malformed'],
    ['text that is not JSON', { origin, data: '<html>4111111111111111' }, 'webhook_malformed'],
    [
      'another form’s transaction',
      { origin, data: JSON.stringify({ transaction: { ...transaction, transaction_api_id: 'r2' } }) },
      'webhook_malformed',
    ],
    [
      'a record without an id',
      { origin, data: JSON.stringify({ transaction: { status_id: 101 } }) },
      'webhook_malformed',
    ],
    [
      'an errors body',
      { origin, data: JSON.stringify({ errors: { account_number: ['4111111111111111 is invalid'] } }) },
      'invalid_request',
    ],
  ])('refuses %s', (_name, message, code) => {
    const result = parseFormResponse(message, { form: 'payform', origin, reference: 'r1' });
    expect(result.isErr() && result.error.code).toBe(code);
    expect(result.isErr() && inspect(result.error, { depth: 8 })).not.toContain('4111111111111111');
  });

  it('takes the origin and reference from the link', async () => {
    const link = (
      await test.paya.forms.accountFormUrl({ payment_method: 'cc', location_id, account_vault_api_id: 'v1' })
    ).unwrap();
    const own = test.paya.forms.parseFormResponse(
      { origin: new URL(link.url).origin, data: JSON.stringify({ accountvault: vault }) },
      link,
    );
    expect(own.isOk()).toBe(true);
    const sandbox = test.paya.forms.parseFormResponse(
      { origin, data: JSON.stringify({ accountvault: vault }) },
      link,
    );
    expect(sandbox.isErr() && sandbox.error.code).toBe('webhook_signature');
  });
});

describe('against the simulator: the payer submits the form', () => {
  const card = { account_number: '4111111111111111', exp_date: '1230', cvv: '999' };

  it('an AccountForm stores a vault: served over HTTP, found by findResult, posted to the parent, then charged', async () => {
    const link = (
      await test.paya.forms.accountFormUrl({
        payment_method: 'cc',
        location_id,
        title: 'Main card',
        parent_send_message: 1,
      })
    ).unwrap();
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Card Number');
    expect((await test.paya.forms.findResult(link)).unwrap()).toBeUndefined();

    const submitted = await test.simulator.forms.submit(link.url, {
      ...card,
      account_holder_name: 'Rick Sanchez',
    });
    expect(submitted).toMatchObject({
      form: 'accountform',
      status: 201,
      accountVault: { last_four: '1111', title: 'Main card' },
    });
    const found = (await test.paya.forms.findResult(link)).unwrap();
    expect(found?.form === 'accountform' && found.accountVault).toMatchObject({
      id: submitted.accountVault?.id,
      account_vault_api_id: link.reference,
      account_holder_name: 'Rick Sanchez',
    });
    const posted = test.paya.forms.parseFormResponse(
      { origin: new URL(link.url).origin, data: submitted.message },
      link,
    );
    expect(posted.unwrap()).toMatchObject({
      form: 'accountform',
      accountVault: { id: submitted.accountVault?.id },
    });

    const vaultId = String(submitted.accountVault?.id);
    for (const amount of ['10.00', '12.50']) {
      const sale = (
        await test.paya.transactions.sale({ transaction_amount: amount, account_vault_id: vaultId })
      ).unwrap();
      expect(sale).toMatchObject({ status: 'approved', account_vault_id: vaultId, last_four: '1111' });
    }
    const charges = (
      await test.paya.transactions.list({ account_vault_id: vaultId }).toArray({ limit: 10 })
    ).unwrap();
    expect(charges).toHaveLength(2);
  });

  it('a PayForm sale makes a transaction (trx_source_id 9); its hash key is then spent', async () => {
    const link = (
      await test.paya.forms.payFormUrl({
        payment_method: 'cc',
        action: 'sale',
        transaction_amount: '19.99',
        location_id,
        parent_send_message: 1,
        redirect_url_on_approval: 'https://shop.example/paid',
      })
    ).unwrap();
    const submitted = await test.simulator.forms.submit(link.url, card);
    expect(submitted).toMatchObject({
      form: 'payform',
      status: 201,
      transaction: {
        status_id: 101,
        transaction_amount: '19.99',
        transaction_api_id: link.reference,
        trx_source_id: 9,
      },
      redirectUrl: 'https://shop.example/paid',
    });
    const found = (await test.paya.forms.findResult(link)).unwrap();
    expect(found?.form === 'payform' && found.transaction).toMatchObject({
      status: 'approved',
      transaction_api_id: link.reference,
    });
    const posted = test.paya.forms.parseFormResponse(
      { origin: new URL(link.url).origin, data: submitted.message },
      link,
    );
    expect(posted.unwrap()).toMatchObject({ form: 'payform', transaction: { status: 'approved' } });

    const again = await test.simulator.forms.submit(link.url, card);
    expect(again).toMatchObject({
      status: 422,
      body: { errors: { 'hash-key': [expect.stringMatching(/already been used/)] } },
    });
    expect((await fetch(link.url)).status).toBe(422);
    expect(test.simulator.state.transactions).toHaveLength(1);
  });

  it('a declined PayForm posts nothing to the parent and redirects to the decline page', async () => {
    const link = (
      await test.paya.forms.payFormUrl({
        payment_method: 'cc',
        action: 'sale',
        transaction_amount: '5.00',
        parent_send_message: 1,
        redirect_url_on_decline: 'https://shop.example/declined',
      })
    ).unwrap();
    const submitted = await test.simulator.forms.submit(link.url, card);
    expect(submitted).toMatchObject({
      status: 201,
      message: undefined,
      redirectUrl: 'https://shop.example/declined',
    });
    const found = (await test.paya.forms.findResult(link)).unwrap();
    expect(found?.form === 'payform' && found.transaction.status).toBe('declined');
  });

  it('a PayForm with save_account stores the card too; an ACH debit form checks the second account number', async () => {
    const save = (
      await test.paya.forms.payFormUrl({
        payment_method: 'cc',
        action: 'avsonly',
        save_account: 1,
        save_account_title: 'Saved card',
      })
    ).unwrap();
    const saved = await test.simulator.forms.submit(save.url, card);
    expect(saved.accountVault).toMatchObject({ title: 'Saved card', last_four: '1111', exp_date: '1230' });
    expect(saved.transaction?.account_vault_id).toBe(saved.accountVault?.id);

    const ach = (
      await test.paya.forms.payFormUrl({
        payment_method: 'ach',
        action: 'debit',
        transaction_amount: '40.00',
        product_transaction_id: ids.achProductTransactionId,
        ach_sec_code: 'WEB',
        show_second_account_number: true,
      })
    ).unwrap();
    const bank = {
      account_number: '2079951060953',
      routing: '072000326',
      account_type: 'checking' as const,
      account_holder_name: 'Rick Sanchez',
    };
    const mismatch = await test.simulator.forms.submit(ach.url, {
      ...bank,
      account_number_confirmation: '2079951060954',
    });
    expect(mismatch).toMatchObject({ status: 422 });
    const debit = await test.simulator.forms.submit(ach.url, {
      ...bank,
      account_number_confirmation: bank.account_number,
    });
    expect(debit.transaction).toMatchObject({ status_id: 131, payment_method: 'ach', last_four: '0953' });
  });

  it('refuses a URL signed with another key, an expired one, and another developer, as Paya would', async () => {
    const wrongKey = test.client({ userHashKey: 'not-the-users-hash-key' });
    const forged = (await wrongKey.forms.accountFormUrl({ payment_method: 'cc', location_id })).unwrap();
    expect((await fetch(forged.url)).status).toBe(422);
    expect(await test.simulator.forms.submit(forged.url, card)).toMatchObject({
      status: 422,
      body: { errors: { 'hash-key': ['Hash key is invalid'] } },
    });
    const old = (
      await test.paya.forms.accountFormUrl(
        { payment_method: 'cc', location_id },
        { timestamp: Math.floor(Date.now() / 1000) - 301 },
      )
    ).unwrap();
    expect(await test.simulator.forms.submit(old.url, card)).toMatchObject({
      status: 422,
      body: { errors: { timestamp: ['Timestamp has expired.'] } },
    });
    const otherDeveloper = test.client({ developerId: 'someone-else' });
    const theirs = (
      await otherDeveloper.forms.accountFormUrl({ payment_method: 'cc', location_id })
    ).unwrap();
    expect((await test.simulator.forms.submit(theirs.url, card)).status).toBe(401);
    expect(test.simulator.state.accountVaults).toHaveLength(1); // only the seeded vault
  });

  it('the HMAC covers user id and timestamp only: altered data is still accepted (check amounts server-side)', async () => {
    const link = (
      await test.paya.forms.payFormUrl({ payment_method: 'cc', action: 'sale', transaction_amount: '50.00' })
    ).unwrap();
    const url = new URL(link.url);
    const data = decodeData(link.url) as { transaction: Record<string, unknown> };
    data.transaction.transaction_amount = '0.50';
    url.searchParams.set('data', hexData(JSON.stringify(data)));
    const submitted = await test.simulator.forms.submit(url.toString(), card);
    expect(submitted.transaction).toMatchObject({ transaction_amount: '0.50' });
    const found = (await test.paya.forms.findResult(link)).unwrap();
    expect(found?.form === 'payform' && found.transaction.transaction_amount_money?.amountMinor).toBe(50);
  });
});
