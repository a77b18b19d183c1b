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
      expect.stringMatching(/-> SentToPay, set by hand \(manualStatus: true\)$/),
      expect.stringMatching(/^recorded a cash payment on order /),
      expect.stringMatching(/^coupon TOUR\w+ \(id \w+\) created$/),
    ]),
  );
  const providers = new Set(result.paymentRequests.map((request) => request.provider));
  expect(providers).toEqual(new Set(['paya', 'payconnect', 'connectfi', 'leadconnector']));
  for (const request of [...result.paymentRequests, ...result.transactions]) {
    expect(request.status.unified).not.toBe('unknown');
    expect(Number.isSafeInteger(request.amount?.amountMinor)).toBe(true);
  }
  expect(printed.join('\n')).toContain('Payment requests, unified');
});

it('shows every record the tour created or changed, marked with what it did', async () => {
  const printed: string[] = [];
  const result = await main({ live: false, print: (line) => printed.push(line) });
  const lines = printed.join('\n').split('\n');

  expect(result.touched.map(({ kind, provider }) => `${provider} ${kind}`).sort()).toEqual([
    'connectfi payment request',
    'leadconnector coupon',
    'leadconnector payment request',
    'paya payment request',
    'paya transaction',
    'paya transaction',
    'payconnect payment request',
  ]);
  for (const record of result.touched) {
    const shown =
      record.kind === 'payment request'
        ? result.paymentRequests
        : record.kind === 'transaction'
          ? result.transactions
          : [];
    if (record.kind !== 'coupon') {
      expect(shown.filter((row) => row.provider === record.provider && row.id === record.id)).toHaveLength(1);
      // Its table row names it in full and says what the tour did.
      const row = lines.find((line) => line.startsWith(record.provider) && line.includes(` ${record.id} `));
      expect(row, `${record.provider} ${record.id}`).toBeDefined();
      expect(row?.endsWith(record.did)).toBe(true);
    } else {
      expect(lines.some((line) => line.includes(record.id))).toBe(true);
    }
  }

  // The invoice the tour created and paid is there, read back as paid.
  const invoice = result.touched.find((record) => record.provider === 'payconnect');
  expect(invoice?.did).toBe('created, emailed, paid');
  expect(result.paymentRequests.find((request) => request.id === invoice?.id)?.status.unified).toBe('paid');
  // The order that got the cash payment is the one marked, and it reads as paid.
  const order = result.touched.find(
    (record) => record.provider === 'leadconnector' && record.kind !== 'coupon',
  );
  expect(order?.did).toBe('cash payment recorded');
  expect(result.paymentRequests.find((request) => request.id === order?.id)?.status.unified).toBe('paid');
});

it('prints ids in full, so no two rows look alike', async () => {
  const printed: string[] = [];
  const result = await main({ live: false, print: (line) => printed.push(line) });
  const text = printed.join('\n');
  expect(text).not.toContain('…');
  for (const rows of [result.paymentRequests, result.transactions]) {
    const keys = rows.map((row) => `${row.provider} ${row.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of rows) expect(text).toContain(` ${row.id} `);
  }
  const leadConnectorIds = result.paymentRequests
    .filter((request) => request.provider === 'leadconnector')
    .map((request) => request.id);
  expect(leadConnectorIds.length).toBeGreaterThan(1);
});
