import { describe, expect, it } from 'vitest';
import { main } from './run.js';

describe('examples/highlevel-custom-provider', () => {
  it('serves HighLevel’s queryUrl calls with Paya as the processor, charging once per HighLevel transaction', async () => {
    const { exchanges, payaSales, payaRefunds } = await main();
    const [list, charge, repeat, verify, refund, forged] = exchanges;
    expect(list).toMatchObject({ type: 'list_payment_methods', status: 200 });
    expect(list?.body).toEqual([
      expect.objectContaining({ type: 'card', subTitle: '•••• 1111', expiry: '12/30' }),
    ]);
    expect(charge).toMatchObject({
      status: 200,
      body: { success: true, failed: false, chargeSnapshot: { status: 'succeeded', amount: 2550 } },
    });
    expect(repeat?.body).toEqual(charge?.body);
    expect(verify).toMatchObject({ status: 200, body: { success: true } });
    expect(refund).toMatchObject({ status: 200, body: { success: true, amount: 5, currency: 'USD' } });
    expect(forged).toMatchObject({ status: 401, body: { success: false, error: 'unauthorized' } });
    expect(payaSales).toBe(1);
    expect(payaRefunds).toBe(1);
  });
});
