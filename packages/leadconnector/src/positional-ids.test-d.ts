import type { PaymentsError, Result } from '@payweave/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { SuccessOutput } from './common-schemas.js';
import type { Coupon } from './coupons/coupon-schemas.js';
import { createLeadConnector } from './leadconnector-client.js';
import type { Order } from './orders/order-schemas.js';

const lc = createLeadConnector({ accessToken: 't', locationId: 'l' });

describe('LeadConnector positional ids', () => {
  it('recordPayment takes the order id first, the rest second, call options third', () => {
    expectTypeOf(
      lc.orders.recordPayment('ord_1', { mode: 'cash', amount: 25.5 }, { timeoutMs: 1_000 }),
    ).resolves.toEqualTypeOf<Result<SuccessOutput, PaymentsError>>();
    lc.orders.recordPayment({ orderId: 'ord_1', mode: 'cash', amount: 25.5 });
    // @ts-expect-error the id is given positionally, not again in the rest.
    lc.orders.recordPayment('ord_1', { orderId: 'ord_1', mode: 'cash' });
    // @ts-expect-error LeadConnector amounts are JSON numbers in major units.
    lc.orders.recordPayment('ord_1', { mode: 'cash', amount: '25.50' });
    // @ts-expect-error mode is one of the documented modes.
    lc.orders.recordPayment('ord_1', { mode: 'crypto' });
  });

  it('every operation with one id in its path takes it positionally', () => {
    expectTypeOf(lc.orders.retrieve('ord_1')).resolves.toEqualTypeOf<Result<Order, PaymentsError>>();
    lc.orders.createFulfillment('ord_1', {
      trackings: [],
      items: [{ priceId: 'p', qty: 1 }],
      notifyCustomer: true,
    });
    lc.orders.listFulfillments('ord_1');
    lc.orders.listNotes('ord_1');
    lc.transactions.retrieve('txn_1');
    lc.subscriptions.retrieve('sub_1');
  });

  it('coupons take their id positionally (sent in the body or query, as the API wants)', () => {
    expectTypeOf(lc.coupons.retrieve('cpn_1')).resolves.toEqualTypeOf<Result<Coupon, PaymentsError>>();
    lc.coupons.update('cpn_1', {
      name: 'Five off',
      code: 'FIVE',
      discountType: 'amount',
      discountValue: 5,
      startDate: '2024-03-01T00:00:00Z',
    });
    lc.coupons.delete('cpn_1');
    // @ts-expect-error a coupon id is a string.
    lc.coupons.delete(42n);
  });
});
