import { inspect } from 'node:util';
import { captureLogger, createPayaSimulator, findSecrets, payaSimulatorDefaults } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { payaDescriptorBase } from './create-paya-client.js';
import {
  contactOperations,
  createPaya,
  createPayaClient,
  type PayaSettings,
  payaResources,
  sale,
  transactionOperations,
} from './index.js';
import { payaDescriptor } from './paya-client.js';
import { authHeadersOf } from './test-support/setup-paya.js';

const simulator = createPayaSimulator();
const vaultId = '11eb8bdf1ae2385e9ec6747a';
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
});
beforeEach(() => {
  simulator.reset();
  vi.unstubAllEnvs();
});
afterAll(() => simulator.close());

function settings(extra: PayaSettings = {}): PayaSettings {
  return { baseUrl, ...simulator.credentials, backoffBaseMs: 1, backoffMaxMs: 5, timeoutMs: 2_000, ...extra };
}

function transactionsOnly(extra: PayaSettings = {}) {
  return createPayaClient(settings(extra), { transactions: transactionOperations });
}

describe('createPayaClient', () => {
  it('makes a sale with the three auth headers, like createPaya', async () => {
    const paya = transactionsOnly();
    const result = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId });
    expect(result.unwrap()).toMatchObject({
      status: 'approved',
      type: 'sale',
      transaction_amount: '10.00',
      transaction_amount_money: { amountMinor: 1000, currency: 'USD' },
    });
    expect(simulator.log).toHaveLength(1);
    const [request] = simulator.log;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v2/transactions');
    expect(authHeadersOf(request)).toEqual({
      'user-id': simulator.credentials.userId,
      'user-api-key': simulator.credentials.userApiKey,
      'developer-id': simulator.credentials.developerId,
    });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toContain('@payweave/paya');
    const body = request?.body as { transaction: Record<string, unknown> };
    expect(body.transaction).toMatchObject({
      action: 'sale',
      payment_method: 'cc',
      transaction_amount: '10.00',
      account_vault_id: vaultId,
    });
    expect(body.transaction.transaction_api_id).toMatch(/^pw-[0-9a-f-]{36}$/);
  });

  it('has only the given resources, in its properties, catalogue and execute', async () => {
    const paya = transactionsOnly();
    expect(paya.provider).toBe('paya');
    expect(Object.keys(paya).sort()).toEqual(['execute', 'operations', 'provider', 'transactions']);
    expect(paya).not.toHaveProperty('contacts');
    expect(paya).not.toHaveProperty('forms');
    // @ts-expect-error the client's type has no contacts either
    expect(paya.contacts).toBeUndefined();
    expect(paya.operations.map((operation) => operation.id).sort()).toEqual(
      Object.values(transactionOperations)
        .map((operation) => operation.id)
        .sort(),
    );
    expect(paya.operations.every((operation) => operation.id.startsWith('paya.transactions.'))).toBe(true);
    expect(JSON.stringify(paya)).not.toContain('paya.contacts');

    const viaExecute = await paya.execute('paya.transactions.sale', {
      transaction_amount: '2.00',
      account_vault_id: vaultId,
    });
    expect(viaExecute.unwrap().status).toBe('approved');
    expect(simulator.log).toHaveLength(1);
  });

  it('refuses to execute an operation it was not given, without sending anything', async () => {
    const execute = transactionsOnly().execute as (
      id: string,
      input: unknown,
    ) => Promise<{ isErr(): boolean; error?: { code: string; message: string; operation?: string } }>;
    const result = await execute('paya.contacts.create', { last_name: 'Sanchez' });
    expect(result.isErr()).toBe(true);
    expect(result.error).toMatchObject({
      code: 'unsupported',
      operation: 'paya.contacts.create',
      message: 'paya: no operation "paya.contacts.create".',
    });
    expect(simulator.log).toHaveLength(0);
  });

  it('takes a part of a resource or several resources', async () => {
    const saleOnly = createPayaClient(settings(), { transactions: { sale } });
    expect(Object.keys(saleOnly.transactions)).toEqual(['sale']);
    expect(saleOnly.operations.map((operation) => operation.id)).toEqual(['paya.transactions.sale']);
    expect(
      (await saleOnly.transactions.sale({ transaction_amount: 1, account_vault_id: vaultId })).isOk(),
    ).toBe(true);

    const two = createPayaClient(settings(), {
      contacts: contactOperations,
      transactions: transactionOperations,
    });
    expect(new Set(two.operations.map((operation) => operation.id.split('.')[1]))).toEqual(
      new Set(['contacts', 'transactions']),
    );
    expect(typeof two.contacts.create).toBe('function');
  });

  it('resolves settings as createPaya does: a missing credential is a configuration error', () => {
    vi.stubEnv('PAYA_USER_API_KEY', '');
    const missing = { userId: 'u', developerId: 'd' };
    expect(() => createPayaClient(missing, { transactions: transactionOperations })).toThrowError(
      /userApiKey is required/,
    );
    expect(() => createPayaClient({ ...settings(), environment: 'live' as never }, {})).toThrowError(
      /environment/,
    );
    vi.stubEnv('PAYA_USER_API_KEY', 'env-key-1234');
    vi.stubEnv('PAYA_USER_ID', 'env-user');
    vi.stubEnv('PAYA_DEVELOPER_ID', 'env-dev');
    expect(createPayaClient({}, { transactions: transactionOperations }).provider).toBe('paya');
  });

  it('keeps the API key out of errors, debug logs and inspection, even when Paya echoes it', async () => {
    const logger = captureLogger();
    const paya = transactionsOnly({ logger, logLevel: 'debug' });
    const key = simulator.credentials.userApiKey;
    simulator.faults.failNext(1, 401, {
      body: { name: 'Unauthorized', message: `user-api-key ${key} is not valid`, status: 401 },
    });
    const refused = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId });
    expect(refused.isErr() && refused.error.code).toBe('authentication');
    simulator.faults.failNext(1, 422, {
      body: { errors: { user_api_key: [`${key} is wrong`] }, echo: { user_api_key: key } },
    });
    const invalid = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: vaultId });
    expect(invalid.isErr()).toBe(true);
    const shown = [
      logger.text(),
      JSON.stringify(refused),
      inspect(refused, { depth: 8 }),
      JSON.stringify(invalid),
      inspect(invalid, { depth: 8 }),
      inspect(paya, { depth: 8 }),
      JSON.stringify(paya),
    ].join('\n');
    expect(logger.lines.length).toBeGreaterThan(2);
    expect(findSecrets(shown, [key])).toEqual([]);
    expect(shown).toContain('[REDACTED]');
  });
});

describe('createPaya on createPayaClient', () => {
  it('shares one descriptor: payaDescriptor is the base plus every resource', () => {
    expect(payaDescriptor).toEqual({ ...payaDescriptorBase, resources: payaResources });
    expect(payaDescriptorBase).not.toHaveProperty('resources');
  });

  it('still has every resource, the defaults helper and the forms', async () => {
    const paya = createPaya(settings());
    expect(Object.keys(payaResources).every((resource) => resource in paya)).toBe(true);
    expect(typeof paya.locationInfos.defaults).toBe('function');
    expect(typeof paya.forms.payFormUrl).toBe('function');
    const defaults = (await paya.locationInfos.defaults()).unwrap();
    expect(defaults.location_id).toBe(payaSimulatorDefaults.locationId);
  });
});
