import { describe, expect, it } from 'vitest';
import { main } from './leadconnector.js';

describe('examples/leadconnector', () => {
  it('lists orders, records a payment and creates a coupon against the simulator', async () => {
    const saved = process.env.LEADCONNECTOR_ACCESS_TOKEN;
    delete process.env.LEADCONNECTOR_ACCESS_TOKEN;
    try {
      const result = await main();
      expect(result.target).toBe('simulator');
      expect(result.orderCount).toBe(3);
      expect(result.paidOrderId).toBeTypeOf('string');
      expect(result.paymentStatus).toBe('paid');
      expect(result.couponCode).toMatch(/^PAYWEAVE/);
    } finally {
      if (saved !== undefined) process.env.LEADCONNECTOR_ACCESS_TOKEN = saved;
    }
  });
});
