/**
 * Testing an app with @payweave/testing, vitest and msw: the Paya simulator answers at
 * Paya's real sandbox URL inside this process, so the app code runs unchanged, with no
 * credentials and no network.
 */
import { createPaya } from '@payweave/paya';
import { createPayaSimulator } from '@payweave/testing';
import { mswHandlers } from '@payweave/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkout } from './checkout.js';

const simulator = createPayaSimulator();
const server = setupServer(...mswHandlers(simulator));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => simulator.reset());
afterAll(() => server.close());

// The simulator's credentials; the client talks to Paya's real sandbox URL, which msw intercepts.
const paya = () => createPaya({ environment: 'sandbox', ...simulator.credentials, backoffBaseMs: 1 });
const card = { number: '4111111111111111', expiry: '1230' };

describe('checkout', () => {
  it('charges the order once and reports it paid', async () => {
    const outcome = await checkout(paya(), { id: 'A100', total: '25.00', card });
    expect(outcome).toMatchObject({ kind: 'paid' });
    const sent = simulator.log.filter((entry) => entry.method === 'POST');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      transaction: {
        action: 'sale',
        transaction_amount: '25.00',
        order_num: 'A100',
        transaction_api_id: 'order-A100',
      },
    });
  });

  it('reports a decline (Paya sandbox: $5.00 is declined)', async () => {
    expect(await checkout(paya(), { id: 'A101', total: '5.00', card })).toEqual({
      kind: 'declined',
      reason: 'deny',
    });
  });

  it('never charges twice when the connection drops after Paya recorded the sale', async () => {
    simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const outcome = await checkout(paya(), { id: 'A102', total: '12.00', card });
    expect(outcome).toMatchObject({ kind: 'paid' });
    expect(simulator.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });

  it('asks the shopper to try later when Paya is down, and names bad fields without calling Paya', async () => {
    simulator.faults.failNext(10, 503);
    expect(await checkout(paya(), { id: 'A103', total: '12.00', card })).toEqual({
      kind: 'try-again-later',
      code: 'provider_unavailable',
    });
    simulator.reset();
    const invalid = await checkout(paya(), {
      id: 'A104',
      total: '12.001',
      card: { number: '12', expiry: 'soon' },
    });
    expect(invalid.kind).toBe('invalid');
    expect(simulator.log).toHaveLength(0);
  });
});
