import { captureLogger } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { fromPayaTransaction } from '../transactions/from-paya-transaction.js';
import { fromConnectFiPaymentLink } from './from-connectfi-payment-link.js';
import { fromLeadConnectorOrder } from './from-leadconnector-order.js';
import { fromPayaPaylink } from './from-paya-paylink.js';
import { fromPayConnectInvoice } from './from-payconnect-invoice.js';

const today = new Date('2026-11-21T12:00:00Z');

describe('payment request status mapping, value by value', () => {
  it.each([
    [{ status_id: 0, active: 1, expire_date: '2026-12-31' }, 'unpaid', 'open'],
    [{ status_id: 1, active: 1 }, 'paid', 'paid'],
    [{ status_id: 0, active: 0 }, 'inactive', 'canceled'],
    [{ status_id: 0, active: 1, expire_date: '2026-11-20' }, 'expired', 'expired'],
    [{ status_id: 7 }, 'status_id=7', 'unknown'],
  ])('paya paylink %j -> %s -> %s', (fields, raw, unified) => {
    const request = fromPayaPaylink({ id: 'p1', amount_due: '12.50', ...fields }, undefined, today);
    expect(request.status).toEqual({ raw, unified });
    expect(request.amount).toEqual({ amountMinor: 1250, currency: 'USD' });
  });

  it.each([
    ['Draft', 'draft'],
    ['Open', 'open'],
    ['Sent', 'open'],
    ['Overdue', 'open'],
    ['PartiallyPaid', 'partially_paid'],
    ['Paid', 'paid'],
    ['Void', 'canceled'],
    ['Refunded?', 'unknown'],
  ])('payconnect invoice %s -> %s', (raw, unified) => {
    expect(fromPayConnectInvoice({ invoiceId: 'i1', amountDue: '10.00', status: raw }).status).toEqual({
      raw,
      unified,
    });
  });

  it.each([
    ['Initiated', 'open'],
    ['Sent', 'open'],
    ['Processing', 'processing'],
    ['SentToPay', 'processing'],
    ['Completed', 'paid'],
    ['Settled', 'paid'],
    ['Returned', 'failed'],
    ['Declined', 'failed'],
    ['Expired', 'expired'],
    ['Cancelled', 'canceled'],
    ['Rejected', 'failed'],
    ['Error', 'failed'],
    ['Teleported', 'unknown'],
  ])('connectfi payment link %s -> %s', (raw, unified) => {
    expect(fromConnectFiPaymentLink({ cFiTransactionId: 'c1', amount: 5, status: raw }).status).toEqual({
      raw,
      unified,
    });
  });

  it.each([
    [{ paymentStatus: 'unpaid', status: 'pending' }, 'unpaid', 'open'],
    [{ paymentStatus: 'paid', status: 'completed' }, 'paid', 'paid'],
    [{ paymentStatus: 'partially_paid' }, 'partially_paid', 'partially_paid'],
    [{ paymentStatus: 'refunded' }, 'refunded', 'refunded'],
    [{ paymentStatus: 'partially_refunded' }, 'partially_refunded', 'partially_refunded'],
    [{ status: 'draft' }, 'draft', 'draft'],
    [{ status: 'pending' }, 'pending', 'open'],
    [{ status: 'completed' }, 'completed', 'paid'],
    [{ status: 'cancelled' }, 'cancelled', 'canceled'],
    [{ status: 'canceled' }, 'canceled', 'canceled'],
    [{ status: 'failed' }, 'failed', 'failed'],
    [{ status: 'void' }, 'void', 'canceled'],
    [{ status: 'on_hold' }, 'on_hold', 'unknown'],
  ])('leadconnector order %j -> %s -> %s', (fields, raw, unified) => {
    expect(fromLeadConnectorOrder({ _id: 'o1', amount: 100, currency: 'USD', ...fields }).status).toEqual({
      raw,
      unified,
    });
  });

  it('an unmapped status is unknown with a warning, never a crash', () => {
    const logger = captureLogger();
    const request = fromConnectFiPaymentLink(
      { cFiTransactionId: 'c1', status: 'Quantum', amount: 'n/a' },
      logger,
    );
    expect(request.status.unified).toBe('unknown');
    // An amount that cannot be read is unknown, never 0.00.
    expect(request.amount).toBeNull();
    expect(request.amountRaw).toBe('n/a');
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('"Quantum"') }),
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('amount cannot be read') }),
    ]);
  });

  it.each([
    ['12.345', 'USD'],
    ['1e21', 'USD'],
    [1e21, 'USD'],
    ['0.30000000000000004', 'USD'],
    [Number.NaN, 'USD'],
  ])(
    'an unreadable amount %s (%s) is null with the raw value, never a number that is not true',
    (amount, currency) => {
      const logger = captureLogger();
      const order = fromLeadConnectorOrder({ _id: 'o1', status: 'pending', amount, currency }, logger);
      expect(order.amount).toBeNull();
      expect(Object.is(order.amountRaw, amount)).toBe(true);
      expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes('amount'))).toBe(
        true,
      );
      const sale = fromPayaTransaction({ id: 't1', status_id: 101, transaction_amount: amount }, logger);
      expect(sale.amount).toBeNull();
    },
  );

  it('a missing amount is null without a raw value', () => {
    const order = fromLeadConnectorOrder({ _id: 'o1', status: 'pending', currency: 'USD' });
    expect(order.amount).toBeNull();
    expect('amountRaw' in order).toBe(false);
  });

  it('maps amounts, customers, references and dates', () => {
    expect(
      fromPayConnectInvoice({
        invoiceId: 'i1',
        invoiceNumber: 'INV-7',
        total: '100.00',
        amountDue: '60.00',
        amountPaid: '40.00',
        currency: 'EUR',
        status: 'PartiallyPaid',
        dueDate: '2026-12-01',
        customer: { name: 'Ada', email: 'ada@example.com' },
      }),
    ).toMatchObject({
      amount: { amountMinor: 10000, currency: 'EUR' },
      amountPaid: { amountMinor: 4000, currency: 'EUR' },
      customer: { name: 'Ada', email: 'ada@example.com' },
      reference: 'INV-7',
      dueAt: '2026-12-01',
      kind: 'invoice',
    });
    expect(
      fromPayaPaylink(
        { id: 'p', amount_due: '1.00', status_id: 0, created_ts: 1_700_000_000 },
        undefined,
        today,
      ).createdAt,
    ).toBe('2023-11-14T22:13:20.000Z');
    expect(
      fromLeadConnectorOrder({ _id: 'o', amount: 19.99, currency: 'USD', status: 'completed' }).amount,
    ).toEqual({
      amountMinor: 1999,
      currency: 'USD',
    });
  });
});
