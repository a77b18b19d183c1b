// The simulator's account vaults, checked against Paya's docs with raw requests (no SDK schemas).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayaSimulator } from './paya-simulator.js';

const posted: { url: string; body: string }[] = [];
const simulator = createPayaSimulator({
  postbackFetch: async (url, init) => {
    posted.push({ url: String(url), body: String(init?.body) });
    return new Response(null, { status: 200 });
  },
});
const ids = simulator.defaults;
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
});
beforeEach(() => {
  simulator.reset();
  posted.length = 0;
});
afterAll(() => simulator.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'user-id': simulator.credentials.userId,
      'user-api-key': simulator.credentials.userApiKey,
      'developer-id': simulator.credentials.developerId,
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const card = {
  location_id: ids.locationId,
  payment_method: 'cc',
  account_number: '4111111111111111',
  exp_date: '1230',
};

describe('account vaults (Endpoints/Account Vaults/README.md)', () => {
  it('creates, reads by id and by api id, updates, deletes; the account number is never returned', async () => {
    const created = await call('POST', '/v2/accountvaults', {
      accountvault: { ...card, account_vault_api_id: 'SDK1513362490', title: 'Visa' },
    });
    expect(created.status).toBe(201);
    const vault = created.body.accountvault;
    expect(vault).toMatchObject({
      payment_method: 'cc',
      first_six: '411111',
      last_four: '1111',
      account_type: 'visa',
      routing: null,
      has_recurring: false,
      active: 1,
      _links: { self: { href: `${baseUrl}/v2/accountvaults/${vault.id}` } },
    });
    expect(JSON.stringify(created.body)).not.toContain('4111111111111111');
    const byApiId = await call(
      'GET',
      `/v2/accountvaults/SDK1513362490?api_id=1&location_id=${ids.locationId}`,
    );
    expect(byApiId.body.accountvault.id).toBe(vault.id);
    expect((await call('GET', '/v2/accountvaults/SDK1513362490?api_id=1')).status).toBe(422);
    const updated = await call('PUT', `/v2/accountvaults/${vault.id}`, {
      accountvault: { exp_date: '0131' },
    });
    expect(updated.body.accountvault.exp_date).toBe('0131');
    const locked = await call('PUT', `/v2/accountvaults/${vault.id}`, {
      accountvault: { account_number: '4000' },
    });
    expect(locked).toMatchObject({
      status: 422,
      body: { errors: { account_number: ['Account Number cannot be changed.'] } },
    });
    expect((await call('DELETE', `/v2/accountvaults/${vault.id}`)).status).toBe(204);
    expect((await call('GET', `/v2/accountvaults/${vault.id}`)).status).toBe(409);
  });

  it('enforces the required-by-variant table and the alphanumeric, per-location-unique api id', async () => {
    const ach = await call('POST', '/v2/accountvaults', {
      accountvault: { location_id: ids.locationId, payment_method: 'ach', account_number: '2079951060953' },
    });
    expect(Object.keys(ach.body.errors).sort()).toEqual([
      'account_holder_name',
      'account_type',
      'is_company',
      'routing',
    ]);
    const dashed = await call('POST', '/v2/accountvaults', {
      accountvault: { ...card, account_vault_api_id: 'a-1' },
    });
    expect(Object.keys(dashed.body.errors)).toEqual(['account_vault_api_id']);
    await call('POST', '/v2/accountvaults', { accountvault: { ...card, account_vault_api_id: 'same' } });
    const again = await call('POST', '/v2/accountvaults', {
      accountvault: { ...card, account_vault_api_id: 'same' },
    });
    expect(again.body.errors.account_vault_api_id[0]).toMatch(/already been taken/);
    const child = await call('POST', '/v2/accountvaults', {
      accountvault: { ...card, location_id: ids.childLocationId, account_vault_api_id: 'same' },
    });
    expect(child.status).toBe(201);
  });

  it('posts accountvault CREATE, UPDATE and DELETE postbacks to the configs that want them', async () => {
    await call('POST', '/v2/postbackconfigs', {
      postbackconfig: {
        location_id: ids.locationId,
        resource: 'accountvault',
        url: 'https://receiver.example/paya',
        expands: 'contact',
        on_create: 1,
        on_update: 1,
        on_delete: 1,
        is_active: 1,
      },
    });
    const vault = (await call('POST', '/v2/accountvaults', { accountvault: card })).body.accountvault;
    await call('PUT', `/v2/accountvaults/${vault.id}`, { accountvault: { title: 'Renamed' } });
    await call('DELETE', `/v2/accountvaults/${vault.id}`);
    await simulator.postbacks.settled();
    const forms = posted.map((post) => new URLSearchParams(post.body));
    expect(forms.map((form) => `${form.get('resource')} ${form.get('type')}`)).toEqual([
      'accountvault CREATE',
      'accountvault UPDATE',
      'accountvault DELETE',
    ]);
    const data = JSON.parse(forms[1]!.get('data')!);
    expect(data).toMatchObject({ id: vault.id, title: 'Renamed', contact: null });
    expect(posted.every((post) => !post.body.includes('4111111111111111'))).toBe(true);
  });

  it('charges a vault by id or api id, and refuses one of another location', async () => {
    const vault = (
      await call('POST', '/v2/accountvaults', { accountvault: { ...card, account_vault_api_id: 'v9' } })
    ).body.accountvault;
    const sale = await call('POST', '/v2/transactions', {
      transaction: {
        action: 'sale',
        payment_method: 'cc',
        transaction_amount: '1.00',
        account_vault_api_id: 'v9',
      },
    });
    expect(sale.body.transaction).toMatchObject({
      account_vault_id: vault.id,
      last_four: '1111',
      is_accountvault: true,
    });
    const elsewhere = await call('POST', '/v2/transactions', {
      transaction: {
        action: 'sale',
        payment_method: 'cc',
        transaction_amount: '1.00',
        location_id: ids.childLocationId,
        account_vault_id: vault.id,
      },
    });
    expect(elsewhere.body.errors).toEqual({ account_vault_id: ['account_vault_id provided is not valid'] });
  });
});
