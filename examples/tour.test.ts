import { expect, it } from 'vitest';
import { main } from './tour.js';

it('the tour walks a day across all four providers and prints a unified table', async () => {
  const printed: string[] = [];
  const result = await main({ live: false, print: (line) => printed.push(line) });
  expect(result.target).toBe('simulators');
  expect(result.steps).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^sale \w+: approved 42\.00 USD$/),
      expect.stringMatching(/^refund \w+: refunded$/),
      expect.stringMatching(/^paid 180\.00: Paid$/),
      expect.stringMatching(/-> SentToPay \(manualStatus true\)$/),
      expect.stringMatching(/^recorded a cash payment on order /),
      expect.stringMatching(/^coupon TOUR\w+ created$/),
    ]),
  );
  const providers = new Set(result.paymentRequests.map((request) => request.provider));
  expect(providers).toEqual(new Set(['paya', 'payconnect', 'connectfi', 'leadconnector']));
  for (const request of result.paymentRequests) {
    expect(request.status.unified).not.toBe('unknown');
    expect(Number.isSafeInteger(request.amount?.amountMinor)).toBe(true);
  }
  expect(printed.join('\n')).toContain('Payment requests, unified');
});
