import { describe, expect, it } from 'vitest';
import { readConnectFiPaymentLinkNotification } from './payment-link-notification.js';

const delivery = {
  to: ['payer@example.com'],
  subject: 'Your invoice',
  html: '<p>Pay here</p>',
  data: { cFiTransactionId: 'tx_1', status: 'Sent', amount: 12.5, currency: 'USD' },
};

describe('readConnectFiPaymentLinkNotification', () => {
  it('reads the documented notification and says it is unverified', () => {
    const result = readConnectFiPaymentLinkNotification(JSON.stringify(delivery));
    expect(result.unwrap()).toEqual({
      provider: 'connectfi',
      verified: false,
      to: ['payer@example.com'],
      subject: 'Your invoice',
      html: '<p>Pay here</p>',
      payment: delivery.data,
    });
  });
  it('accepts the {code:"0", data} envelope of the older page, and bytes', () => {
    const wrapped = new TextEncoder().encode(JSON.stringify({ code: '0', data: delivery }));
    expect(readConnectFiPaymentLinkNotification(wrapped).unwrap().payment.cFiTransactionId).toBe('tx_1');
  });
  it('refuses what is not the documented shape, naming why', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['[1]', /not a JSON object/],
      ['{"to":"a@b.c"}', /`to` must be a list/],
      ['{"to":[],"data":{"cFiTransactionId":5}}', /cFiTransactionId` must be a string/],
    ];
    for (const [body, message] of cases) {
      const result = readConnectFiPaymentLinkNotification(body);
      expect(result.isErr() && result.error.code).toBe('webhook_malformed');
      expect(result.isErr() && result.error.message).toMatch(message);
    }
  });
  it('refuses a parsed object and does not let __proto__ reach a prototype', () => {
    const parsed = readConnectFiPaymentLinkNotification({ to: [] } as never);
    expect(parsed.isErr() && parsed.error.code).toBe('webhook_signature');
    const hostile = readConnectFiPaymentLinkNotification('{"to":[],"data":{"__proto__":{"polluted":true}}}');
    expect(hostile.isOk()).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((hostile.unwrap().payment as Record<string, unknown>).polluted).toBeUndefined();
  });
});
