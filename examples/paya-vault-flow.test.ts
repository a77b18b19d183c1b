import { describe, expect, it } from 'vitest';
import { main } from './paya-vault-flow.js';

describe('examples/paya-vault-flow.ts', () => {
  it('stores a card through the AccountForm and charges its vault twice on the schedule', async () => {
    const summary = await main();
    expect(summary.vault).toEqual({ id: expect.any(String), last_four: '1111' });
    expect(summary.recurring.state).toBe('active');
    expect(summary.charges).toHaveLength(2);
    for (const charge of summary.charges) {
      expect(charge).toMatchObject({
        amount: '19.99',
        status: 'approved',
        account_vault_id: summary.vault.id,
      });
    }
    expect(new Set(summary.charges.map((charge) => charge.id)).size).toBe(2);
  });
});
