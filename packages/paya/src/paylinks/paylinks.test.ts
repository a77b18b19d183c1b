import { payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const test = usePayaSimulator();

describe('paylinks', () => {
  it('creates a paylink, sends it, and expands payment_url', async () => {
    const paylink = (
      await test.paya.paylinks.create({
        location_id: ids.locationId,
        cc_product_transaction_id: ids.ccProductTransactionId,
        expire_date: '2030-03-10',
        amount_due: 99999999.99,
        email: 'jones@example.com',
        cell_phone: '1111111111',
        delivery_method: 3,
        paylink_api_id: 'inv-1',
      })
    ).unwrap();
    expect(paylink).toMatchObject({
      amount_due: '99999999.99',
      amount_due_money: { amountMinor: 9_999_999_999, currency: 'USD' },
      status: 'unpaid',
      delivery: 'emailAndSms',
      paylink_api_id: 'inv-1',
    });
    expect(test.simulator.log[0]).toMatchObject({
      method: 'POST',
      path: '/v2/paylinks',
      body: { paylink: { amount_due: 99999999.99, delivery_method: 3 } },
    });
    expect(authHeadersOf(test.simulator.log[0])['user-id']).toBe(test.simulator.credentials.userId);
    expect(test.simulator.state.notifications.map((notice) => notice.channel)).toEqual(['email', 'sms']);
    const withUrl = (
      await test.paya.paylinks.retrieve(paylink.id, { expand: ['payment_url', 'contact'] })
    ).unwrap();
    expect(withUrl.payment_url).toBe(`https://payweave-sim.sandbox.payaconnect.com/paylink?id=${paylink.id}`);
    expect(test.simulator.log.at(-1)?.query.expand).toBe('payment_url,contact');
  });

  it('resends with POST /resend (204) and maps 404', async () => {
    const paylink = (
      await test.paya.paylinks.create({ amount_due: '10.00', email: 'a@example.com', delivery_method: 1 })
    ).unwrap();
    const resent = (await test.paya.paylinks.resend(paylink.id)).unwrap();
    expect(resent).toEqual({ id: paylink.id, resent: true });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/paylinks/${paylink.id}/resend`,
      outcome: 204,
    });
    expect(test.simulator.state.notifications.map((notice) => notice.kind)).toEqual(['created', 'resend']);
    const missing = await test.paya.paylinks.resend('cccccccccccccccccccccccc');
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('does not retry a resend after a 503 (it would message the customer twice)', async () => {
    const paylink = (await test.paya.paylinks.create({ amount_due: '10.00' })).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { path: /resend$/ } });
    const result = await test.paya.paylinks.resend(paylink.id);
    expect(result.isErr() && result.error.code).toBe('provider_unavailable');
    expect(test.simulator.log.filter((request) => request.path.endsWith('/resend'))).toHaveLength(1);
  });

  it('checks cell_phone for SMS delivery and one product transaction before sending', async () => {
    const noPhone = await test.paya.paylinks.create({ amount_due: '1.00', delivery_method: 2 });
    expect(noPhone.isErr() && noPhone.error.fieldErrors).toHaveProperty('cell_phone');
    const both = await test.paya.paylinks.create({
      amount_due: '1.00',
      cc_product_transaction_id: ids.ccProductTransactionId,
      ach_product_transaction_id: ids.achProductTransactionId,
    });
    expect(both.isErr() && both.error.fieldErrors).toHaveProperty('ach_product_transaction_id');
    const tooMuch = await test.paya.paylinks.create({ amount_due: '100000000.00' });
    expect(tooMuch.isErr() && tooMuch.error.fieldErrors).toHaveProperty('amount_due');
    expect(test.simulator.log).toHaveLength(0);
  });

  it('updates, becomes paid after a payment, refuses updates once closed, lists with filters and deletes', async () => {
    const paylink = (
      await test.paya.paylinks.create({ amount_due: '25.00', description: 'Invoice 7' })
    ).unwrap();
    await test.paya.paylinks.create({ amount_due: '3.00' });
    const updated = (await test.paya.paylinks.update(paylink.id, { email: 'new@example.com' })).unwrap();
    expect(updated.email).toBe('new@example.com');
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'PUT',
      body: { paylink: { email: 'new@example.com' } },
    });
    const transactionId = test.simulator.payPaylink(paylink.id);
    const paid = (await test.paya.paylinks.retrieve(paylink.id)).unwrap();
    expect(paid.status).toBe('paid');
    const payment = (await test.paya.transactions.retrieve(transactionId)).unwrap();
    expect(payment).toMatchObject({ paylink_id: paylink.id, status: 'approved' });
    const closed = await test.paya.paylinks.update(paylink.id, { description: 'late' });
    expect(closed.isErr() && closed.error.fieldErrors).toHaveProperty('status_id');
    const paidList = (
      await test.paya.paylinks
        .list({ status_id: 1, amount_due: { from: '20.00', to: '30.00' } })
        .toArray({ limit: 5 })
    ).unwrap();
    expect(paidList.map((item) => item.id)).toEqual([paylink.id]);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({ status_id: '1', amount_due: '20.00|30.00' });
    expect((await test.paya.paylinks.delete(paylink.id)).unwrap()).toEqual({ id: paylink.id, deleted: true });
    const gone = await test.paya.paylinks.retrieve(paylink.id);
    expect(gone.isErr() && gone.error.code).toBe('not_found');
    expect((await test.paya.paylinks.list().toArray({ limit: 5 })).unwrap()).toHaveLength(1);
  });
});
