import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerClient, createLedgerSimulator } from './ledger.js';

const simulator = createLedgerSimulator();
let url = '';
beforeAll(async () => {
  url = await simulator.listen();
});
afterAll(() => simulator.close());

describe('smoke', () => {
  it('creates, retrieves and lists over loopback', async () => {
    const client = createLedgerClient({ baseUrl: url });
    const created = await client.charges.create({ amount: '10.50' });
    expect(created.isOk()).toBe(true);
    const charge = created.unwrap();
    expect(charge.amount).toBe('10.50');
    const fetched = await client.charges.retrieve(charge.id);
    expect(fetched.unwrap().id).toBe(charge.id);
    const all = await client.charges.list().toArray({ limit: 10 });
    expect(all.unwrap()).toHaveLength(1);
    expect(simulator.log[0]?.headers['api-key']).toBe('ledger-key-123456');
  });
});
