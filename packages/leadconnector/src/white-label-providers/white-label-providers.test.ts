import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken, appAccessToken } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = (token: string = appAccessToken) =>
  createLeadConnector({ baseUrl, accessToken: token, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });
const last = () => simulator.log[simulator.log.length - 1]!;
const input = {
  uniqueName: 'acme-nmi',
  title: 'Acme on NMI',
  provider: 'nmi' as const,
  description: 'White-label NMI',
  imageUrl: 'https://acme.example/logo.png',
};

describe('whiteLabelProviders', () => {
  it('creates with a marketplace-app token and lists with paging', async () => {
    const lc = client();
    const created = (await lc.whiteLabelProviders.create(input)).unwrap();
    expect(created).toMatchObject({ title: 'Acme on NMI', provider: 'nmi', altId: locationId });
    expect(last().body).toEqual({ altId: locationId, altType: 'location', ...input });
    await lc.whiteLabelProviders.create({
      ...input,
      uniqueName: 'acme-authorize',
      provider: 'authorize-net',
    });
    const all = await lc.whiteLabelProviders.list({ limit: 1 }).toArray({ limit: 10 });
    expect(all.unwrap().map((provider) => provider.title)).toHaveLength(2);
    expect(
      simulator.log.filter((entry) => entry.method === 'GET').map((entry) => entry.query.offset),
    ).toEqual([undefined, '1', '2']);
  });

  it('is refused with a private integration token', async () => {
    const error = (await client(accessToken).whiteLabelProviders.create(input)).unwrapErr();
    expect(error.code).toBe('permission_denied');
  });

  it('checks uniqueName and the https image URL before sending', async () => {
    const bad = await client().whiteLabelProviders.create({
      ...input,
      uniqueName: 'Acme_NMI-',
      imageUrl: 'http://acme.example/logo.png',
    });
    expect(Object.keys(bad.unwrapErr().fieldErrors ?? {}).sort()).toEqual(['imageUrl', 'uniqueName']);
    expect(simulator.log).toHaveLength(0);
  });
});
