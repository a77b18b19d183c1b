import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './payconnect.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('examples/payconnect.ts', () => {
  it('creates, emails and pays an invoice against the simulator', async () => {
    vi.stubEnv('PAYCONNECT_API_KEY', '');
    const result = await main();
    expect(result.target).toBe('simulator');
    expect(result.connectionOk).toBe(true);
    expect(result.statuses).toEqual(['Draft', 'Sent', 'PartiallyPaid', 'Paid']);
    expect(result.invoice).toMatchObject({
      invoiceId: result.invoiceId,
      status: 'Paid',
      amountPaid: '205.00',
      amountDue: '0.00',
    });
    expect(result.rows).toEqual([
      expect.objectContaining({ status: 'OK', providerStatus: 'Paid', invoiceId: result.invoiceId }),
    ]);
    expect(result.sessionsIssued).toBe(1);
  });
});
