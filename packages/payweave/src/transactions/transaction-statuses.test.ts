import { describe, expect, it } from 'vitest';
import { fromLeadConnectorTransaction } from './from-leadconnector-transaction.js';
import { fromPayaTransaction } from './from-paya-transaction.js';

describe('transaction status mapping, value by value', () => {
  it.each([
    [101, 'succeeded'],
    [102, 'authorized'],
    [111, 'refunded'],
    [121, 'succeeded'],
    [131, 'pending'],
    [132, 'pending'],
    [133, 'pending'],
    [134, 'succeeded'],
    [135, 'pending'],
    [136, 'failed'],
    [191, 'succeeded'],
    [201, 'voided'],
    [301, 'declined'],
    [331, 'charged_back'],
    [999, 'unknown'],
  ])('paya status_id %s -> %s', (statusId, unified) => {
    const transaction = fromPayaTransaction({
      id: 't',
      status_id: statusId,
      transaction_amount: '5.00',
      payment_method: 'cc',
    });
    expect(transaction.status).toEqual({ raw: String(statusId), unified });
    expect(transaction.paymentMethod).toBe('card');
  });

  it.each([
    ['pending', 'pending'],
    ['authorized', 'authorized'],
    ['succeeded', 'succeeded'],
    ['success', 'succeeded'],
    ['paid', 'succeeded'],
    ['failed', 'failed'],
    ['declined', 'declined'],
    ['voided', 'voided'],
    ['void', 'voided'],
    ['refunded', 'refunded'],
    ['partially_refunded', 'partially_refunded'],
    ['disputed', 'charged_back'],
    ['chargeback', 'charged_back'],
    ['charged_back', 'charged_back'],
    ['mystery', 'unknown'],
  ])('leadconnector %s -> %s', (raw, unified) => {
    const transaction = fromLeadConnectorTransaction({
      _id: 't',
      status: raw,
      amount: 10,
      currency: 'USD',
      amountRefunded: 2.5,
    });
    expect(transaction.status).toEqual({ raw, unified });
    expect(transaction.amountRefunded).toEqual({ amountMinor: 250, currency: 'USD' });
  });
});
