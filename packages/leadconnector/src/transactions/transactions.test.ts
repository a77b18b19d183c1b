import { createLeadConnectorSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLeadConnector } from '../index.js';

const simulator = createLeadConnectorSimulator({ rateLimit: { maxRequests: 10_000, intervalMs: 10_000 } });
const { locationId, accessToken, transactionId, subscriptionId } = simulator.defaults;
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createLeadConnector({ baseUrl, accessToken, locationId, backoffBaseMs: 5, backoffMaxMs: 20 });
const last = () => simulator.log[simulator.log.length - 1]!;

describe('transactions', () => {
  it('lists with filters and pages, status as the live string', async () => {
    const all = await client().transactions.list({ limit: 2 }).toArray({ limit: 10 });
    expect(all.unwrap()).toHaveLength(3);
    expect(simulator.log.map((entry) => entry.query.offset)).toEqual([undefined, '2']);
    expect(simulator.log[0]?.query).toMatchObject({ altId: locationId, altType: 'location', limit: '2' });
    const live = await client()
      .transactions.list({ paymentMode: 'live', entitySourceType: 'membership', entityId: subscriptionId })
      .toArray({ limit: 10 });
    expect(live.unwrap().map((txn) => txn.status)).toEqual(['succeeded']);
    expect(last().query).toMatchObject({
      paymentMode: 'live',
      entitySourceType: 'membership',
      entityId: subscriptionId,
    });
  });

  it('retrieves one, and maps the spec 400 "not found" to not_found', async () => {
    const txn = (await client().transactions.retrieve(transactionId)).unwrap();
    expect(txn._id).toBe(transactionId);
    expect(last().path).toBe(`/payments/transactions/${transactionId}`);
    expect(last().query).toEqual({ altId: locationId, altType: 'location' });
    const missing = (await client().transactions.retrieve('61dd0feac077f72010f78899')).unwrapErr();
    expect(missing.code).toBe('not_found');
    expect(missing.httpStatus).toBe(400);
  });

  it('is retried on a 503 (a safe read)', async () => {
    simulator.faults.failNext(1, 503);
    const result = await client().transactions.retrieve(transactionId);
    expect(result.isOk()).toBe(true);
    expect(simulator.log).toHaveLength(2);
  });
});
