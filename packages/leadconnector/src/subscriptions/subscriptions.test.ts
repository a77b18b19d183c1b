import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken, subscriptionId } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createLeadConnector({ baseUrl, accessToken, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });
const last = () => simulator.log[simulator.log.length - 1]!;

describe('subscriptions', () => {
  it('lists with filters, paging and the payments-collected count', async () => {
    const page = (
      await client().subscriptions.list({ contactId: 'AmuzcoPBpgKeccNsFlib' }).firstPage()
    ).unwrap();
    expect(page.items.map((sub) => sub.status)).toEqual(['canceled']);
    expect(page.totalCount).toBe(1);
    const counted = await client()
      .subscriptions.list({ id: subscriptionId, getPaymentsCollectedCount: true })
      .toArray({ limit: 5 });
    expect(counted.unwrap()[0]).toMatchObject({ _id: subscriptionId, paymentsCollected: 1 });
    expect(last().query).toMatchObject({
      id: subscriptionId,
      getPaymentsCollectedCount: 'true',
      altType: 'location',
    });
    const all = await client().subscriptions.list({ limit: 1 }).toArray({ limit: 10 });
    expect(all.unwrap()).toHaveLength(2);
  });

  it('retrieves one and reports a missing one', async () => {
    const sub = (await client().subscriptions.retrieve(subscriptionId)).unwrap();
    expect(sub).toMatchObject({ _id: subscriptionId, status: 'active', amount: 49 });
    expect(last().query).toEqual({ altId: locationId, altType: 'location' });
    const missing = (await client().subscriptions.retrieve('6322e9c9e39fc14ab3ed7099')).unwrapErr();
    expect(missing.code).toBe('not_found');
    expect(missing.providerMessage).toBe('Subscription not found');
  });

  it('answers 403 for a location the token cannot reach', async () => {
    const error = (
      await client().subscriptions.retrieve(subscriptionId, { altId: simulator.defaults.otherLocationId })
    ).unwrapErr();
    expect(error.code).toBe('permission_denied');
    expect(error.httpStatus).toBe(403);
  });
});
