import { payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const test = usePayaSimulator();

describe('locationInfos', () => {
  it('lists locations with their product transactions and sends the filters', async () => {
    const all = (
      await test.paya.locationInfos
        .list({ relationship: 'all', product_transaction_active: 1 })
        .toArray({ limit: 10 })
    ).unwrap();
    expect(all.map((location) => location.id)).toEqual([ids.locationId, ids.childLocationId]);
    expect(all[0]?.product_transactions?.map((product) => product.payment_method)).toEqual([
      'cc',
      'ach',
      'ach',
    ]);
    expect(test.simulator.log[0]).toMatchObject({
      method: 'GET',
      path: '/v2/locationinfos',
      query: { relationship: 'all', product_transaction_active: '1' },
    });
    expect(authHeadersOf(test.simulator.log[0])['user-api-key']).toBe(test.simulator.credentials.userApiKey);
    const direct = (await test.paya.locationInfos.list().toArray({ limit: 10 })).unwrap();
    expect(direct.map((location) => location.id)).toEqual([ids.locationId]);
  });

  it('pages with page_size 1', async () => {
    const pages: number[] = [];
    for await (const page of test.paya.locationInfos.list({ relationship: 'all', page_size: 1 }).pages())
      pages.push(page.items.length);
    expect(pages).toEqual([1, 1]);
  });

  it('gives the defaults of the first or a named location, and not_found for an unknown one', async () => {
    const first = (await test.paya.locationInfos.defaults()).unwrap();
    expect(first).toMatchObject({
      location_id: ids.locationId,
      cc_product_transaction_id: ids.ccProductTransactionId,
      ach_product_transaction_id: ids.achProductTransactionId,
    });
    const unknown = await test.paya.locationInfos.defaults('dddddddddddddddddddddddd');
    expect(unknown.isErr() && unknown.error.code).toBe('not_found');
  });

  it('maps a 401 from wrong credentials to authentication', async () => {
    const wrong = test.client({ userApiKey: 'not-the-key' });
    const result = await wrong.locationInfos.list().firstPage();
    expect(result.isErr() && result.error).toMatchObject({
      code: 'authentication',
      httpStatus: 401,
      providerCode: 'Unauthorized',
    });
    expect(result.isErr() && result.error.message).not.toContain('not-the-key');
  });
});
