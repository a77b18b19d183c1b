import { describe, expect, it, vi } from 'vitest';
import { main } from './paya.js';

describe('examples/paya.ts', () => {
  it('runs the whole flow against the simulator', async () => {
    vi.stubEnv('PAYA_USER_ID', '');
    const summary = await main();
    vi.unstubAllEnvs();
    expect(summary).toMatchObject({
      target: 'simulator',
      sale: { status: 'approved', amountMinor: 1000 },
      voided: 'voided',
      refund: { status: 'refunded' },
      declined: { status: 'declined', reason: 'deny' },
      debit: { status: 'pendingOrigination' },
      paylink: { resent: true },
      paylinksListed: 1,
    });
    expect(summary.paylink.paymentUrl).toBe(
      `https://payweave-sim.sandbox.payaconnect.com/paylink?id=${summary.paylink.id}`,
    );
  });
});
