// The README's pattern, `createX({ baseUrl: await simulator.listen(), ...simulator.credentials })`,
// proved on every simulator, with each one's seeded ids under `simulator.defaults`.
import { createConnectFi } from '@payweave/connectfi';
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createPayConnect } from '@payweave/payconnect';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectFiSimulatorDefaults,
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
} from '../connectfi/index.js';
import { createLeadConnectorSimulator, leadConnectorSimDefaults } from '../leadconnector/index.js';
import { createPayaSimulator, payaSimulatorDefaults } from '../paya/index.js';
import {
  createPayConnectSimulator,
  payConnectSimulatorApiKey,
  payConnectSimulatorDefaults,
} from '../payconnect/index.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(simulator: { listen(): Promise<string>; close(): Promise<void> }) {
  const baseUrl = await simulator.listen();
  closers.push(() => simulator.close());
  return baseUrl;
}

describe('simulator.credentials and simulator.defaults', () => {
  it('Paya', async () => {
    const simulator = createPayaSimulator();
    const paya = createPaya({ baseUrl: await listen(simulator), ...simulator.credentials });
    const locations = (await paya.locationInfos.list().toArray({ limit: 10 })).unwrap();
    expect(locations.map((location) => location.id)).toContain(simulator.defaults.locationId);
    // The old names still work.
    expect(simulator.credentials).toEqual(payaSimulatorDefaults.credentials);
    expect(simulator.defaults).toBe(payaSimulatorDefaults);
  });

  it('PayConnect', async () => {
    const simulator = createPayConnectSimulator();
    const payconnect = createPayConnect({ baseUrl: await listen(simulator), ...simulator.credentials });
    const invoice = (await payconnect.invoices.retrieve(simulator.defaults.sentInvoiceId)).unwrap();
    expect(invoice.status).toBe('Sent');
    expect(simulator.credentials).toEqual({ apiKey: payConnectSimulatorApiKey });
    expect(simulator.defaults.invoiceIds).toHaveLength(24);
    expect(simulator.defaults.invoiceIds.map((id) => simulator.invoice(id)?.invoiceId)).toEqual(
      payConnectSimulatorDefaults.invoiceIds,
    );
    const paid = simulator.invoice(simulator.defaults.paidInvoiceId);
    const draft = simulator.invoice(simulator.defaults.draftInvoiceId);
    expect([draft?.status, paid?.status]).toEqual(['Draft', 'Paid']);
    expect(createPayConnectSimulator({ apiKeys: ['other-key'] }).credentials).toEqual({
      apiKey: 'other-key',
    });
  });

  it('connectFi', async () => {
    const simulator = createConnectFiSimulator();
    const connectfi = createConnectFi({ baseUrl: await listen(simulator), ...simulator.credentials });
    const link = (await connectfi.paymentLinks.retrieve(simulator.defaults.paymentLinkId)).unwrap();
    expect(link.status).toBe('Error');
    expect(simulator.credentials).toEqual({
      login: connectFiSimulatorLogin,
      password: connectFiSimulatorPassword,
    });
    expect(simulator.defaults).toBe(connectFiSimulatorDefaults);
    for (const [status, id] of Object.entries(simulator.defaults.paymentIdByStatus)) {
      expect(simulator.payment(id)?.status).toBe(status);
    }
    expect(
      simulator.defaults.refundIds.map((id) =>
        simulator.state.refunds.some((r) => r.cFiTransactionId === id),
      ),
    ).toEqual([true, true, true, true]);
  });

  it('LeadConnector', async () => {
    const simulator = createLeadConnectorSimulator();
    const lc = createLeadConnector({ baseUrl: await listen(simulator), ...simulator.credentials });
    const order = (await lc.orders.retrieve(simulator.defaults.orderIds[0])).unwrap();
    expect(order._id).toBe(leadConnectorSimDefaults.orderIds[0]);
    expect(simulator.credentials).toEqual({
      accessToken: leadConnectorSimDefaults.accessToken,
      locationId: leadConnectorSimDefaults.locationId,
    });
    expect(simulator.defaults).toBe(leadConnectorSimDefaults);
  });
});

describe('the README scenarios', () => {
  it('Paya: declines, refund before and after settle(), paying a paylink', async () => {
    const simulator = createPayaSimulator();
    const paya = createPaya({ baseUrl: await listen(simulator), ...simulator.credentials });
    const card = { account_number: '4111111111111111', exp_date: '1229' };
    const declined = (await paya.transactions.sale({ ...card, transaction_amount: '5.00' })).unwrap();
    expect(declined.status).toBe('declined');
    const insufficient = (await paya.transactions.sale({ ...card, transaction_amount: '6.16' })).unwrap();
    expect([insufficient.status, insufficient.reason_code_id]).toEqual(['declined', 1616]);
    const sale = (await paya.transactions.sale({ ...card, transaction_amount: '20.00' })).unwrap();
    const early = await paya.transactions.refund({
      previous_transaction_id: sale.id,
      transaction_amount: '20.00',
    });
    expect(early.isErr() && early.error.code).toBe('invalid_request');
    expect(early.isErr() && JSON.stringify(early.error.fieldErrors)).toContain('void it instead');
    expect(simulator.settle()).toBeGreaterThan(0);
    const refund = await paya.transactions.refund({
      previous_transaction_id: sale.id,
      transaction_amount: '5.00',
    });
    expect(refund.unwrap().type).toBe('refund');
    const paylink = (
      await paya.paylinks.create({
        amount_due: '12.50',
        cc_product_transaction_id: simulator.defaults.ccProductTransactionId,
      })
    ).unwrap();
    const transactionId = simulator.payPaylink(paylink.id);
    expect((await paya.paylinks.retrieve(paylink.id)).unwrap().status).toBe('paid');
    expect((await paya.transactions.retrieve(transactionId)).unwrap().paylink_id).toBe(paylink.id);
    simulator.seedTransactions(50);
    expect(simulator.state.transactions.length).toBeGreaterThanOrEqual(50);
  });

  it('FaultScript: match, pending, clear', async () => {
    const simulator = createPayaSimulator();
    const paya = createPaya({ baseUrl: await listen(simulator), ...simulator.credentials });
    simulator.faults.failNext(2, 503, { match: { method: 'POST', path: '/v2/transactions' } });
    simulator.faults.resetNext({ path: /^\/v2\/paylinks/ }, { afterHandling: true });
    (await paya.locationInfos.list().firstPage()).unwrap();
    expect(simulator.log.map((entry) => entry.outcome)).toEqual([200]);
    expect(simulator.faults.pending).toBe(3);
    simulator.faults.clear();
    expect(simulator.faults.pending).toBe(0);
  });
});
