import { describe, expect, it } from 'vitest';
import { main } from './run.js';

describe('examples/webhooks', () => {
  it('receives every simulator delivery, verified, once each, as unified events', async () => {
    const summary = await main();
    // Each delivery was sent twice and answered 200 both times (the copy as a duplicate).
    expect(summary.highLevelAttempts).toEqual([200, 200]);
    expect(summary.payaAttempts).toEqual([200, 200, 200, 200]);
    const byEvent = summary.ledger.map(({ provider, event, unified }) => ({ provider, event, unified }));
    expect(byEvent).toHaveLength(3);
    expect(byEvent).toEqual(
      expect.arrayContaining([
        { provider: 'leadconnector', event: 'OrderStatusUpdate', unified: 'payment_request.paid' },
        { provider: 'paya', event: 'transaction.CREATE', unified: 'transaction.created' },
        { provider: 'paya', event: 'transaction.UPDATE', unified: 'transaction.voided' },
      ]),
    );
  });
});
