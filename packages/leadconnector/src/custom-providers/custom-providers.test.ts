import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createLeadConnector({ baseUrl, accessToken, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });
const last = () => simulator.log[simulator.log.length - 1]!;
const provider = {
  name: 'Acme Pay',
  description: 'Cards by Acme',
  paymentsUrl: 'https://pay.acme.example/session',
  queryUrl: 'https://pay.acme.example/query',
  imageUrl: 'https://pay.acme.example/logo.png',
  supportsSubscriptionSchedule: true,
};

describe('customProviders', () => {
  it('runs the whole config lifecycle with locationId in the query', async () => {
    const lc = client();
    const missing = (await lc.customProviders.getConfig()).unwrapErr();
    expect(missing.httpStatus).toBe(400);
    expect(missing.code).toBe('not_found');
    expect(last().query).toEqual({ locationId });

    const created = (await lc.customProviders.create(provider)).unwrap();
    expect(created).toMatchObject({ name: 'Acme Pay', locationId });
    expect(last().query).toEqual({ locationId });
    expect(last().body).toEqual(provider);

    const keys = {
      live: { apiKey: 'sk_live_secret_1', publishableKey: 'pk_live_1' },
      test: { apiKey: 'sk_test_secret_1', publishableKey: 'pk_test_1' },
    };
    const connected = (await lc.customProviders.connect(keys)).unwrap();
    expect(connected.paymentProvider).toMatchObject({ live: { publishableKey: 'pk_live_1' } });
    expect(last().body).toEqual(keys);
    expect((await lc.customProviders.getConfig()).unwrap()._id).toBe(created._id);

    expect((await lc.customProviders.disconnect({ liveMode: true })).unwrap().success).toBe(true);
    expect(last().body).toEqual({ liveMode: true });
    expect(last().query).toEqual({ locationId });
    expect((await lc.customProviders.disconnect({ liveMode: true })).unwrapErr().httpStatus).toBe(400);

    expect((await lc.customProviders.delete()).unwrap().success).toBe(true);
    expect(last().method).toBe('DELETE');
    expect(last().query).toEqual({ locationId });
  });

  it('sends the plural supportsSubscriptionSchedules on capabilities, with locationId defaulted', async () => {
    const lc = client();
    expect(
      (await lc.customProviders.updateCapabilities({ supportsSubscriptionSchedules: true })).unwrap().success,
    ).toBe(true);
    expect(last().method).toBe('PUT');
    expect(last().body).toEqual({ supportsSubscriptionSchedules: true, locationId });
    await lc.customProviders.updateCapabilities({
      supportsSubscriptionSchedules: false,
      companyId: simulator.defaults.companyId,
    });
    expect(last().body).toEqual({
      supportsSubscriptionSchedules: false,
      companyId: simulator.defaults.companyId,
    });
  });

  it('refuses the singular flag on capabilities, http image URLs and unknown fields', async () => {
    const lc = client();
    const singular = await lc.customProviders.updateCapabilities({
      supportsSubscriptionSchedule: true,
    } as never);
    expect(singular.unwrapErr().fieldErrors).toHaveProperty('supportsSubscriptionSchedule');
    const http = await lc.customProviders.create({
      ...provider,
      imageUrl: 'http://pay.acme.example/logo.png',
    });
    expect(http.unwrapErr().fieldErrors).toHaveProperty('imageUrl');
    expect(simulator.log).toHaveLength(0);
  });

  it('keeps connect keys out of logs', async () => {
    const lines: string[] = [];
    const logger = {
      debug: (message: string, fields?: unknown) => lines.push(message + JSON.stringify(fields)),
      info: () => {},
      warn: () => {},
      error: () => {},
    };
    const lc = createLeadConnector({ baseUrl, accessToken, locationId, logger, logLevel: 'debug' });
    await lc.customProviders.create(provider);
    await lc.customProviders.connect({
      live: { apiKey: 'sk_live_hidden_9', publishableKey: 'pk' },
      test: { apiKey: 'sk_test_hidden_9', publishableKey: 'pk' },
    });
    const text = lines.join('\n');
    expect(text).toContain('/payments/custom-provider/connect');
    expect(text).not.toContain('sk_live_hidden_9');
    expect(text).not.toContain(accessToken);
  });
});
