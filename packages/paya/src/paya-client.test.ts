import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPaya, payaResources } from './index.js';
import { resolvePayaSettings } from './paya-settings.js';

const credentials = { userId: 'user-1', userApiKey: 'secret-api-key-123', developerId: 'dev-1' };

afterEach(() => vi.unstubAllEnvs());

describe('createPaya', () => {
  it('throws a configuration error naming a missing credential', () => {
    vi.stubEnv('PAYA_USER_API_KEY', '');
    expect(() => createPaya({ userId: 'u', developerId: 'd' })).toThrowError(/userApiKey is required/);
    try {
      createPaya({ userId: 'u', developerId: 'd' });
    } catch (error) {
      expect(error).toMatchObject({
        code: 'configuration',
        fieldErrors: { userApiKey: [expect.any(String)] },
      });
    }
    expect(() => createPaya({ ...credentials, environment: 'live' as never })).toThrowError(/environment/);
    expect(() => createPaya({ ...credentials, baseUrl: 'not a url' })).toThrowError(/baseUrl/);
  });

  it('reads credentials from the environment and picks the environment URL', () => {
    vi.stubEnv('PAYA_USER_ID', 'env-user');
    vi.stubEnv('PAYA_USER_API_KEY', 'env-key-1234');
    vi.stubEnv('PAYA_DEVELOPER_ID', 'env-dev');
    expect(resolvePayaSettings({ environment: 'production' })).toMatchObject({
      userId: 'env-user',
      userApiKey: 'env-key-1234',
      developerId: 'env-dev',
      baseUrl: 'https://api.payaconnect.com',
    });
    expect(resolvePayaSettings({}).baseUrl).toBe('https://api.sandbox.payaconnect.com');
  });

  it('never shows the API key when inspected or serialised', () => {
    const paya = createPaya(credentials);
    expect(inspect(paya)).not.toContain(credentials.userApiKey);
    expect(JSON.stringify(paya)).not.toContain(credentials.userApiKey);
    expect(JSON.stringify(paya)).toContain('paya.transactions.sale');
  });

  it('lists every operation with its id, method and retry mode', () => {
    const paya = createPaya(credentials);
    const catalogue = Object.fromEntries(
      paya.operations.map((operation) => [
        operation.id,
        `${operation.method} ${operation.path} ${operation.retry}`,
      ]),
    );
    expect(catalogue).toMatchObject({
      'paya.transactions.sale': 'POST /v2/transactions reconcile',
      'paya.transactions.void': 'PUT /v2/transactions/{id} safe',
      'paya.transactions.authComplete': 'PUT /v2/transactions/{id} safe',
      'paya.paylinks.resend': 'POST /v2/paylinks/{id}/resend never',
      'paya.locationInfos.list': 'GET /v2/locationinfos safe',
    });
    expect(paya.operations).toHaveLength(
      Object.values(payaResources).reduce((total, resource) => total + Object.keys(resource).length, 0),
    );
  });

  it('answers an unknown operation id with unsupported', async () => {
    const execute = createPaya(credentials).execute as (
      id: string,
      input: unknown,
    ) => Promise<{ isErr(): boolean; error?: { code: string } }>;
    const result = await execute('paya.nothing', {});
    expect(result.isErr() && result.error?.code).toBe('unsupported');
  });
});
