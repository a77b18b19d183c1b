import { inspect } from 'node:util';
import { isPaymentsError } from '@payweave/core';
import { createLeadConnectorSimulator } from '@payweave/testing';
import { mswHandlers } from '@payweave/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector, LEADCONNECTOR_BASE_URL } from './index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken, orderIds } = simulator.defaults;
const server = setupServer(...mswHandlers(simulator));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => simulator.reset());

function configurationField(make: () => unknown): string | undefined {
  try {
    make();
  } catch (error) {
    if (isPaymentsError(error) && error.code === 'configuration')
      return Object.keys(error.fieldErrors ?? {})[0];
    throw error;
  }
  return undefined;
}

describe('createLeadConnector settings', () => {
  it('refuses missing, conflicting or malformed settings', () => {
    const saved = process.env.LEADCONNECTOR_ACCESS_TOKEN;
    delete process.env.LEADCONNECTOR_ACCESS_TOKEN;
    try {
      expect(configurationField(() => createLeadConnector())).toBe('accessToken');
    } finally {
      if (saved !== undefined) process.env.LEADCONNECTOR_ACCESS_TOKEN = saved;
    }
    expect(
      configurationField(() =>
        createLeadConnector({
          accessToken: 'a',
          oauth: { clientId: 'c', clientSecret: 's', refreshToken: 'r' },
        }),
      ),
    ).toBe('accessToken');
    expect(
      configurationField(() => createLeadConnector({ accessToken: 'a', version: '2023-02-21' as never })),
    ).toBe('version');
    expect(configurationField(() => createLeadConnector({ accessToken: 'a', baseUrl: 'ftp://x' }))).toBe(
      'baseUrl',
    );
    expect(
      configurationField(() =>
        createLeadConnector({ oauth: { clientId: '', clientSecret: 's', refreshToken: 'r' } }),
      ),
    ).toBe('oauth.clientId');
    expect(configurationField(() => createLeadConnector({ accessToken: 'a' }))).toBeUndefined();
  });

  it('reads the access token and location from the environment', async () => {
    process.env.LEADCONNECTOR_ACCESS_TOKEN = accessToken;
    process.env.LEADCONNECTOR_LOCATION_ID = locationId;
    try {
      const lc = createLeadConnector();
      expect(lc.locationId).toBe(locationId);
      expect((await lc.orders.list().firstPage()).unwrap().items).toHaveLength(3);
    } finally {
      delete process.env.LEADCONNECTOR_ACCESS_TOKEN;
      delete process.env.LEADCONNECTOR_LOCATION_ID;
    }
  });
});

describe('client over msw at the real base URL', () => {
  const lc = () => createLeadConnector({ accessToken, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });

  it('calls https://services.leadconnectorhq.com with Version and the payweave user agent', async () => {
    expect((await lc().orders.retrieve(orderIds[0])).unwrap()._id).toBe(orderIds[0]);
    const sent = simulator.log[0]!;
    expect(sent.headers.version).toBe('2021-07-28');
    expect(sent.headers['user-agent']).toMatch(/payweave\/\S+ @payweave\/leadconnector\/0\.1\.0/);
    expect(LEADCONNECTOR_BASE_URL).toBe('https://services.leadconnectorhq.com');
  });

  it('runs operations by id through execute, with the same defaults and validation', async () => {
    const client = lc();
    const order = await client.execute('leadconnector.orders.retrieve', { orderId: orderIds[0] });
    expect(order.unwrap()._id).toBe(orderIds[0]);
    expect(simulator.log[0]?.query).toEqual({ altId: locationId, altType: 'location' });
    const bad = await client.execute('leadconnector.orders.retrieve', { orderId: '' });
    expect(bad.unwrapErr().code).toBe('validation');
    const execute = client.execute as (
      id: string,
      input: unknown,
    ) => Promise<{ unwrapErr(): { code: string } }>;
    const unknown = await execute('leadconnector.orders.refund', {});
    expect(unknown.unwrapErr().code).toBe('unsupported');
    expect(client.operations.map((operation) => operation.id)).toHaveLength(26);
    expect(
      client.operations.every((operation) => operation.scopes !== undefined || operation.auth === 'none'),
    ).toBe(true);
  });

  it('maps a wrong token to authentication and a missing Version to a 400', async () => {
    const wrong = createLeadConnector({ accessToken: 'not-a-token', locationId });
    const error = (await wrong.orders.list().firstPage()).unwrapErr();
    expect(error.code).toBe('authentication');
    expect(error.providerCode).toBe('Unauthorized');
    expect(JSON.stringify(error)).not.toContain('not-a-token');
    simulator.clearLog();
    const response = await fetch(`${LEADCONNECTOR_BASE_URL}/payments/orders?altId=${locationId}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400, message: 'Version header was not found' });
  });

  it('keeps the token out of inspect and JSON', () => {
    const client = lc();
    expect(inspect(client, { depth: 5 })).not.toContain(accessToken);
    expect(JSON.stringify(client)).not.toContain(accessToken);
  });

  it('reports an unexpected body shape as invalid_response', async () => {
    simulator.faults.add({ type: 'replace-body', body: { data: 'nope' } });
    const error = (await lc().orders.list().firstPage()).unwrapErr();
    expect(error.code).toBe('invalid_response');
  });
});
