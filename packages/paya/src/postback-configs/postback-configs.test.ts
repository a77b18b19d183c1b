import { inspect } from 'node:util';
import { captureLogger, payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const test = usePayaSimulator();
const password = 'Zr4mQ8vN1xK7cT2pW9bL5hJ3sD6fG0aY';
const receiver = 'https://shop.example/webhooks/paya/4f9c2e7a?source=paya';

const transactionConfig = {
  location_id: ids.locationId,
  resource: 'transaction' as const,
  product_transaction_id: ids.ccProductTransactionId,
  url: receiver,
  basic_auth_username: 'tester',
  basic_auth_password: password,
  expands: 'changelogs,tags',
  on_create: 1 as const,
  on_update: 1 as const,
  on_delete: 0 as const,
  is_active: 1 as const,
};

describe('postbackConfigs', () => {
  it('creates a config with POST {"postbackconfig":{...}}, flags sent as 1 / 0', async () => {
    const config = (
      await test.paya.postbackConfigs.create({
        ...transactionConfig,
        on_update: true,
        on_delete: '0',
        expands: ['changelogs', 'tags'],
        number_of_attempts: 3,
        attempt_interval: 300,
      })
    ).unwrap();
    const sent = test.simulator.log[0];
    expect(sent).toMatchObject({ method: 'POST', path: '/v2/postbackconfigs', outcome: 201 });
    expect(sent?.headers['content-type']).toContain('application/json');
    expect(authHeadersOf(sent)['user-id']).toBe(test.simulator.credentials.userId);
    expect(JSON.parse(sent?.rawBody ?? '')).toEqual({
      postbackconfig: {
        location_id: ids.locationId,
        resource: 'transaction',
        product_transaction_id: ids.ccProductTransactionId,
        url: receiver,
        basic_auth_username: 'tester',
        basic_auth_password: password,
        expands: 'changelogs,tags',
        on_create: 1,
        on_update: 1,
        on_delete: 0,
        is_active: 1,
        number_of_attempts: 3,
        attempt_interval: 300,
      },
    });
    expect(config).toMatchObject({
      resource: 'transaction',
      url: receiver,
      active: true,
      events: ['CREATE', 'UPDATE'],
      number_of_attempts: 3,
      format: 'api-default',
    });
    // Paya shows the credentials only when expanded.
    expect(JSON.stringify(config)).not.toContain(password);
  });

  it("accepts the contact example of Paya's docs as written (quoted flags, null credentials, empty expands)", async () => {
    const config = (
      await test.paya.postbackConfigs.create({
        attempt_interval: 300,
        basic_auth_username: null,
        basic_auth_password: null,
        expands: '',
        format: 'api-default',
        is_active: '1',
        location_id: ids.locationId,
        number_of_attempts: 1,
        on_create: '1',
        on_delete: '1',
        on_update: '1',
        resource: 'contact',
        url: 'https://127.0.0.1/receiver',
      })
    ).unwrap();
    expect(config.events).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(test.simulator.log[0]?.body).toMatchObject({
      postbackconfig: { is_active: 1, on_create: 1, basic_auth_username: null, expands: '' },
    });
  });

  it('retrieves, updates with PUT, lists with filters and deletes', async () => {
    const created = (await test.paya.postbackConfigs.create(transactionConfig)).unwrap();
    await test.paya.postbackConfigs.create({
      location_id: ids.locationId,
      resource: 'contact',
      url: 'https://shop.example/contacts',
      on_create: 1,
      is_active: 0,
    });
    const retrieved = (await test.paya.postbackConfigs.retrieve(created.id)).unwrap();
    expect(retrieved).toMatchObject({ id: created.id, product_transaction_id: ids.ccProductTransactionId });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v2/postbackconfigs/${created.id}`,
    });

    const updated = (
      await test.paya.postbackConfigs.update(created.id, { url: 'https://shop.example/v2', on_delete: true })
    ).unwrap();
    expect(updated).toMatchObject({ url: 'https://shop.example/v2', events: ['CREATE', 'UPDATE', 'DELETE'] });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/v2/postbackconfigs/${created.id}`,
      body: { postbackconfig: { url: 'https://shop.example/v2', on_delete: 1 } },
    });

    const transactions = (
      await test.paya.postbackConfigs
        .list({ resource: 'transaction', location_id: ids.locationId, is_active: 1 })
        .toArray({ limit: 10 })
    ).unwrap();
    expect(transactions.map((config) => config.id)).toEqual([created.id]);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({
      resource: 'transaction',
      location_id: ids.locationId,
      is_active: '1',
    });
    expect((await test.paya.postbackConfigs.list().toArray({ limit: 10 })).unwrap()).toHaveLength(2);

    expect((await test.paya.postbackConfigs.delete(created.id)).unwrap()).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(test.simulator.log.at(-1)).toMatchObject({ method: 'DELETE', outcome: 204 });
    const gone = await test.paya.postbackConfigs.retrieve(created.id);
    expect(gone.isErr() && gone.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it.each([
    [
      'no product_transaction_id for a transaction config',
      { product_transaction_id: undefined },
      'product_transaction_id',
    ],
    [
      'no product_transaction_id for a transactionbatch config',
      { resource: 'transactionbatch', product_transaction_id: undefined },
      'product_transaction_id',
    ],
    ['an unknown resource', { resource: 'paylink' }, 'resource'],
    ['a relative url', { url: '/webhooks/paya' }, 'url'],
    ['an ftp url', { url: 'ftp://shop.example/paya' }, 'url'],
    ['credentials in the url', { url: 'https://user:secret@shop.example/paya' }, 'url'],
    ['a password sent to a plain http url', { url: 'http://shop.example/paya' }, 'url'],
    ['a password without a username', { basic_auth_username: undefined }, 'basic_auth_username'],
    ['a username with a colon', { basic_auth_username: 'a:b' }, 'basic_auth_username'],
    ['a flag that is not 0 / 1', { on_create: 2 }, 'on_create'],
    ['no attempts', { number_of_attempts: 0 }, 'number_of_attempts'],
    ['expands that are not names', { expands: 'contact; drop' }, 'expands'],
    ['another format', { format: 'xml' }, 'format'],
    ["Paya's envelope", { postbackconfig: {} }, 'postbackconfig'],
    ['an unknown field', { on_refund: 1 }, 'on_refund'],
  ])('refuses %s before sending anything', async (_name, change, field) => {
    const input = { ...transactionConfig, ...change } as Record<string, unknown>;
    for (const key of Object.keys(change))
      if ((change as Record<string, unknown>)[key] === undefined) delete input[key];
    const result = await test.paya.postbackConfigs.create(input as never);
    expect(result.isErr() && result.error.code).toBe('validation');
    expect(result.isErr() && Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    expect(test.simulator.log).toHaveLength(0);
    expect(result.isErr() && inspect(result.error, { depth: 8 })).not.toContain(password);
  });

  it('allows a plain http url without a password, and a password to a loopback http receiver', async () => {
    const { basic_auth_password: _password, basic_auth_username: _username, ...noAuth } = transactionConfig;
    expect(
      (await test.paya.postbackConfigs.create({ ...noAuth, url: 'http://shop.example/paya' })).isOk(),
    ).toBe(true);
    expect(
      (
        await test.paya.postbackConfigs.create({ ...transactionConfig, url: 'http://127.0.0.1:8080/p' })
      ).isOk(),
    ).toBe(true);
  });

  it("maps Paya's 422 to invalid_request with field errors, and 404 to not_found", async () => {
    const wrongProduct = await test.paya.postbackConfigs.create({
      ...transactionConfig,
      product_transaction_id: ids.childCcProductTransactionId,
    });
    expect(wrongProduct.isErr() && wrongProduct.error).toMatchObject({
      code: 'invalid_request',
      httpStatus: 422,
      fieldErrors: { product_transaction_id: ['product_transaction_id provided is not valid'] },
    });
    const missing = await test.paya.postbackConfigs.update('cccccccccccccccccccccccc', { is_active: 0 });
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('does not resend a create after a 503 (a second config would double every postback)', async () => {
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /postbackconfigs$/ } });
    const result = await test.paya.postbackConfigs.create(transactionConfig);
    expect(result.isErr() && result.error.code).toBe('provider_unavailable');
    expect(test.simulator.log).toHaveLength(1);
    expect(test.simulator.state.postbackConfigs).toHaveLength(0);
  });

  it('retries an update (safe) after a 503', async () => {
    const created = (await test.paya.postbackConfigs.create(transactionConfig)).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'PUT' } });
    expect((await test.paya.postbackConfigs.update(created.id, { is_active: 0 })).unwrap().active).toBe(
      false,
    );
  });

  it('keeps basic_auth_password out of errors and debug logs, even when Paya quotes it back', async () => {
    const logger = captureLogger();
    const paya = test.client({ logger, logLevel: 'debug' });
    test.simulator.faults.failNext(1, 422, {
      match: { method: 'POST' },
      body: {
        errors: { basic_auth_password: [`"${password}" is too weak`], url: [`${receiver} with ${password}`] },
        echo: { postbackconfig: { basic_auth_password: password } },
      },
    });
    const refused = await paya.postbackConfigs.create(transactionConfig);
    expect(refused.isErr() && refused.error.code).toBe('invalid_request');
    const created = (await paya.postbackConfigs.create(transactionConfig)).unwrap();
    await paya.postbackConfigs.update(created.id, { basic_auth_password: `${password}-2` });
    const error = refused.isErr() ? refused.error : undefined;
    const shown = [
      error?.message,
      JSON.stringify(error),
      inspect(error, { depth: 8 }),
      logger.text(),
      inspect(paya, { depth: 8 }),
    ].join('\n');
    expect(logger.lines.length).toBeGreaterThan(3);
    expect(shown).not.toContain(password);
    expect(shown).toContain('[REDACTED]');
  });
});
