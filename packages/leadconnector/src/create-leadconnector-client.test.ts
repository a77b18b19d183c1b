import { inspect } from 'node:util';
import type { OAuthTokens } from '@payweave/core';
import { captureLogger, createLeadConnectorSimulator, findSecrets } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { leadConnectorDescriptorBase } from './create-leadconnector-client.js';
import {
  createLeadConnector,
  createLeadConnectorClient,
  type LeadConnectorSettings,
  leadConnectorResources,
  listOrders,
  oauthOperations,
  orderOperations,
  transactionOperations,
} from './index.js';
import { leadConnectorDescriptor } from './leadconnector-client.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken, clientId, clientSecret, refreshToken, orderIds } = simulator.defaults;
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
});
beforeEach(() => simulator.reset());
afterAll(() => simulator.close());

function settings(extra: LeadConnectorSettings = {}): LeadConnectorSettings {
  return { baseUrl, backoffBaseMs: 1, backoffMaxMs: 5, timeoutMs: 2_000, ...extra };
}

function ordersOnly(extra: LeadConnectorSettings = { accessToken, locationId }) {
  return createLeadConnectorClient(settings(extra), { orders: orderOperations });
}

function oauthOrdersOnly(
  oauth: Partial<NonNullable<LeadConnectorSettings['oauth']>> = {},
  extra: LeadConnectorSettings = {},
) {
  return ordersOnly({ locationId, ...extra, oauth: { clientId, clientSecret, refreshToken, ...oauth } });
}

const tokenCalls = () => simulator.log.filter((entry) => entry.path === '/oauth/token');

type LooseExecute = (
  id: string,
  input: unknown,
) => Promise<{ isErr(): boolean; error?: { code: string; message: string; operation?: string } }>;

describe('createLeadConnectorClient', () => {
  it('lists orders with the bearer token, Version and the location, like createLeadConnector', async () => {
    const lc = ordersOnly();
    const ids: string[] = [];
    for await (const order of lc.orders.list({ altId: locationId, altType: 'location' })) ids.push(order._id);
    expect(ids.sort()).toEqual([...orderIds].sort());
    expect(simulator.log).toHaveLength(1);
    const [request] = simulator.log;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/payments/orders');
    expect(request?.query).toEqual({ altId: locationId, altType: 'location' });
    expect(request?.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(request?.headers.version).toBe('2021-07-28');
    expect(request?.headers['user-agent']).toContain('@payweave/leadconnector');
  });

  it('fills altId and altType from the locationId setting', async () => {
    const page = await ordersOnly().orders.list({ limit: 2 }).firstPage();
    expect(page.unwrap().items).toHaveLength(2);
    expect(simulator.log[0]?.query).toEqual({ altId: locationId, altType: 'location', limit: '2' });
  });

  it('has only the given resources, in its properties, catalogue and execute', async () => {
    const lc = ordersOnly();
    expect(lc.provider).toBe('leadconnector');
    expect(Object.keys(lc).sort()).toEqual([
      'execute',
      'locationId',
      'oauthSession',
      'operations',
      'orders',
      'provider',
      'rateLimiter',
    ]);
    for (const resource of Object.keys(leadConnectorResources).filter((name) => name !== 'orders'))
      expect(lc).not.toHaveProperty(resource);
    // @ts-expect-error the client's type has no transactions either
    expect(lc.transactions).toBeUndefined();
    // @ts-expect-error nor oauth, although the client may run the token call
    expect(lc.oauth).toBeUndefined();
    expect(lc.operations.map((operation) => operation.id).sort()).toEqual(
      Object.values(orderOperations)
        .map((operation) => operation.id)
        .sort(),
    );
    expect(JSON.stringify(lc)).not.toContain('leadconnector.transactions');
    expect(lc.locationId).toBe(locationId);
    expect(lc.rateLimiter).toBeDefined();
    expect(lc.oauthSession).toBeUndefined();

    const viaExecute = await lc.execute('leadconnector.orders.retrieve', { orderId: orderIds[0] });
    expect(viaExecute.unwrap()._id).toBe(orderIds[0]);
    expect(simulator.log).toHaveLength(1);
  });

  it('refuses an operation it was not given, the internal token call too, without sending anything', async () => {
    const execute = ordersOnly().execute as LooseExecute;
    for (const id of ['leadconnector.transactions.list', 'leadconnector.oauth.refresh']) {
      const result = await execute(id, {});
      expect(result.isErr()).toBe(true);
      expect(result.error).toMatchObject({
        code: 'unsupported',
        operation: id,
        message: `leadconnector: no operation "${id}".`,
      });
    }
    expect(simulator.log).toHaveLength(0);
  });

  it('takes a part of a resource or several resources', async () => {
    const listOnly = createLeadConnectorClient(settings({ accessToken, locationId }), {
      orders: { list: listOrders },
    });
    expect(Object.keys(listOnly.orders)).toEqual(['list']);
    expect(listOnly.operations.map((operation) => operation.id)).toEqual(['leadconnector.orders.list']);
    expect((await listOnly.orders.list().firstPage()).isOk()).toBe(true);

    const two = createLeadConnectorClient(settings({ accessToken, locationId }), {
      orders: orderOperations,
      transactions: transactionOperations,
    });
    expect(new Set(two.operations.map((operation) => operation.id.split('.')[1]))).toEqual(
      new Set(['orders', 'transactions']),
    );
    expect((await two.transactions.retrieve(simulator.defaults.transactionId)).isOk()).toBe(true);
  });

  it('resolves settings as createLeadConnector does: bad settings are configuration errors', () => {
    expect(() => ordersOnly({ accessToken, version: '2023-02-21' as never })).toThrowError(/version/);
    expect(() => ordersOnly({ accessToken, oauth: { clientId, clientSecret, refreshToken } })).toThrowError(
      /accessToken/,
    );
    expect(() => ordersOnly({ accessToken, baseUrl: 'ftp://x' })).toThrowError(/baseUrl/);
  });

  it('turns the rate limiter off or takes a shared one', () => {
    expect(ordersOnly({ accessToken, rateLimit: false }).rateLimiter).toBeUndefined();
    const shared = ordersOnly().rateLimiter;
    expect(ordersOnly({ accessToken, rateLimiter: shared }).rateLimiter).toBe(shared);
  });
});

describe('createLeadConnectorClient with oauth', () => {
  it('refreshes an expired access token without the oauth resource, and stores the pair before use', async () => {
    simulator.addAccessToken('expired-access-token', { expiresAt: 1 });
    const stored: OAuthTokens[] = [];
    let usedBeforeStored = false;
    const lc = oauthOrdersOnly({
      accessToken: 'expired-access-token',
      expiresAt: Date.now() - 1_000,
      onTokens: (tokens) => {
        usedBeforeStored = simulator.log.some(
          (entry) => entry.headers.authorization === `Bearer ${tokens.accessToken}`,
        );
        stored.push(tokens);
      },
    });
    expect(lc).not.toHaveProperty('oauth');
    const results = await Promise.all(Array.from({ length: 20 }, () => lc.orders.list().firstPage()));
    expect(results.every((result) => result.isOk())).toBe(true);

    expect(tokenCalls()).toHaveLength(1);
    const form = tokenCalls()[0];
    expect(form?.method).toBe('POST');
    expect(form?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(form?.headers.authorization).toBeUndefined();
    expect(form?.body).toEqual({
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: refreshToken,
      user_type: 'Location',
      grant_type: 'refresh_token',
    });
    expect(stored).toHaveLength(1);
    expect(usedBeforeStored).toBe(false);
    const orderCalls = simulator.log.filter((entry) => entry.path === '/payments/orders');
    expect(orderCalls).toHaveLength(20);
    expect(
      orderCalls.every((entry) => entry.headers.authorization === `Bearer ${stored[0]?.accessToken}`),
    ).toBe(true);
    expect(orderCalls.every((entry) => entry.headers.version === '2021-07-28')).toBe(true);
    expect(lc.oauthSession?.refreshCount).toBe(1);
    expect(lc.oauthSession?.tokens.refreshToken).toBe(stored[0]?.refreshToken);
    expect(simulator.state.refreshTokens.has(refreshToken)).toBe(false);
  });

  it('refreshes on a 401 and retries the call once', async () => {
    const lc = oauthOrdersOnly({
      accessToken: simulator.defaults.appAccessToken,
      expiresAt: Date.now() + 3_600_000,
    });
    simulator.expireAccessTokens();
    expect((await lc.orders.retrieve(orderIds[0])).isOk()).toBe(true);
    expect(simulator.log.map((entry) => [entry.path, entry.outcome])).toEqual([
      [`/payments/orders/${orderIds[0]}`, 401],
      ['/oauth/token', 200],
      [`/payments/orders/${orderIds[0]}`, 200],
    ]);
  });

  it('still offers the oauth operations when they are asked for', async () => {
    const lc = createLeadConnectorClient(
      settings({ locationId, oauth: { clientId, clientSecret, refreshToken } }),
      { oauth: oauthOperations },
    );
    const code = simulator.issueAuthorizationCode();
    const tokens = (await lc.oauth.exchangeCode({ code })).unwrap();
    expect(tokens.refresh_token).toBeTypeOf('string');
    expect(tokenCalls()[0]?.body).toMatchObject({ client_id: clientId, client_secret: clientSecret, code });
  });
});

describe('createLeadConnectorClient secrets', () => {
  it('keeps the client secret and the tokens, old and rotated, out of errors, debug logs and inspection', async () => {
    const logger = captureLogger();
    simulator.addAccessToken('expired-access-token', { expiresAt: 1 });
    const lc = oauthOrdersOnly(
      { accessToken: 'expired-access-token', expiresAt: Date.now() - 1_000 },
      { logger, logLevel: 'debug' },
    );
    simulator.faults.failNext(1, 400, {
      match: { path: '/oauth/token' },
      body: {
        error: 'invalid_grant',
        error_description: `refresh token ${refreshToken} of client ${clientSecret} is not valid`,
      },
    });
    const refused = await lc.orders.list().firstPage();
    expect(refused.isErr() && refused.error.code).toBe('authentication');

    const listed = await lc.orders.list().firstPage();
    expect(listed.isOk()).toBe(true);
    const rotated = lc.oauthSession?.tokens;
    expect(rotated?.accessToken).toMatch(/^sim-access-/);

    simulator.faults.failNext(1, 422, {
      match: { path: '/payments/orders' },
      body: { statusCode: 422, message: [`token ${rotated?.accessToken} refused`] },
    });
    const invalid = await lc.orders.list().firstPage();
    expect(invalid.isErr()).toBe(true);

    const shown = [
      logger.text(),
      JSON.stringify(refused),
      inspect(refused, { depth: 8 }),
      JSON.stringify(invalid),
      inspect(invalid, { depth: 8 }),
      inspect(lc, { depth: 8 }),
      JSON.stringify(lc),
      inspect(lc.oauthSession, { depth: 8 }),
      JSON.stringify(lc.oauthSession),
    ].join('\n');
    expect(logger.lines.length).toBeGreaterThan(2);
    expect(
      findSecrets(shown, [
        clientSecret,
        refreshToken,
        'expired-access-token',
        rotated?.accessToken ?? 'missing',
        rotated?.refreshToken ?? 'missing',
      ]),
    ).toEqual([]);
    expect(shown).toContain('[REDACTED]');
  });

  it('keeps a private access token out of errors and debug logs, even when LeadConnector echoes it', async () => {
    const logger = captureLogger();
    const lc = ordersOnly({ accessToken, locationId, logger, logLevel: 'debug' });
    simulator.faults.failNext(1, 401, {
      body: { statusCode: 401, message: `Invalid JWT ${accessToken}` },
    });
    const refused = await lc.orders.list().firstPage();
    expect(refused.isErr() && refused.error.code).toBe('authentication');
    const shown = [logger.text(), JSON.stringify(refused), inspect(refused, { depth: 8 }), inspect(lc)].join(
      '\n',
    );
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(findSecrets(shown, [accessToken])).toEqual([]);
    expect(shown).toContain('[REDACTED]');
  });
});

describe('createLeadConnector on createLeadConnectorClient', () => {
  it('shares one descriptor: leadConnectorDescriptor is the base plus every resource', () => {
    expect(leadConnectorDescriptor).toEqual({
      ...leadConnectorDescriptorBase,
      resources: leadConnectorResources,
    });
    expect(leadConnectorDescriptorBase).not.toHaveProperty('resources');
  });

  it('still has every resource and its extras', async () => {
    const lc = createLeadConnector(settings({ accessToken, locationId }));
    expect(Object.keys(leadConnectorResources).every((resource) => resource in lc)).toBe(true);
    expect(lc.operations).toHaveLength(26);
    expect(lc.locationId).toBe(locationId);
    expect(lc.rateLimiter).toBeDefined();
    expect(lc.oauthSession).toBeUndefined();
    expect((await lc.orders.list().firstPage()).unwrap().items).toHaveLength(3);
  });
});
