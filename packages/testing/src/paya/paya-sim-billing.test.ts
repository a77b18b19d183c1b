// The simulator's recurring billing, quick invoices, transaction batches and extra transaction
// actions, driven over raw HTTP with the request bodies of Paya's README examples.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayaSimulator } from './paya-simulator.js';

const posted: { url: string; body: URLSearchParams }[] = [];
const simulator = createPayaSimulator({
  now: () => Date.parse('2027-01-10T12:00:00Z') / 1000,
  postbackFetch: async (url, init) => {
    posted.push({ url: String(url), body: new URLSearchParams(String(init?.body)) });
    return new Response(null, { status: 200 });
  },
});
const ids = simulator.defaults;
const day = 86_400_000;
let baseUrl = '';

beforeAll(async () => {
  baseUrl = await simulator.listen();
});
beforeEach(() => {
  simulator.reset();
  posted.length = 0;
});
afterAll(() => simulator.close());

// biome-ignore lint/suspicious/noExplicitAny: raw JSON answers, read field by field by the assertions.
type Json = any;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'user-id': simulator.credentials.userId,
      'user-api-key': simulator.credentials.userApiKey,
      'developer-id': simulator.credentials.developerId,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('recurrings', () => {
  it("answers Paya's create example with the documented response shape", async () => {
    const created = await call('POST', '/v2/recurrings', {
      recurring: {
        account_vault_id: ids.cardVaultId,
        location_id: ids.locationId,
        product_transaction_id: ids.ccProductTransactionId,
        interval: 1,
        interval_type: 'm',
        start_date: '2027-01-15',
        description: 'Test Recurring',
        transaction_amount: '1.50',
        notification_days: 2,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.recurring).toMatchObject({
      account_vault_id: ids.cardVaultId,
      transaction_amount: '1.50',
      interval_type: 'm',
      interval: 1,
      next_run_date: '2027-01-15',
      payment_method: 'cc',
      start_date: '2027-01-15',
      end_date: '0000-00-00',
      notification_days: 2,
      status: 'active',
      active: 1,
      recurring_type_id: 'o',
    });
    expect(created.body.recurring._links.self.href).toBe(
      `${baseUrl}/v2/recurrings/${created.body.recurring.id}`,
    );
  });

  it('runs a schedule twice on the clock, posting each charge of the vault, and honours hold', async () => {
    await call('POST', '/v2/postbackconfigs', {
      postbackconfig: {
        location_id: ids.locationId,
        resource: 'transaction',
        product_transaction_id: ids.ccProductTransactionId,
        url: 'https://receiver.example/paya',
        on_create: 1,
        is_active: 1,
      },
    });
    const { body } = await call('POST', '/v2/recurrings', {
      recurring: {
        account_vault_id: ids.cardVaultId,
        location_id: ids.locationId,
        interval: 2,
        interval_type: 'w',
        start_date: '2027-01-12',
        transaction_amount: '7.25',
      },
    });
    const id = body.recurring.id as string;
    expect(simulator.runDueRecurrings()).toEqual([]);
    simulator.clock.advance(2 * day);
    expect(simulator.runDueRecurrings().map((run) => run.run_date)).toEqual(['2027-01-12']);
    simulator.clock.advance(14 * day);
    expect(simulator.runDueRecurrings().map((run) => run.run_date)).toEqual(['2027-01-26']);

    const runs = await call('GET', `/v2/transactions?recurring_id=${id}`);
    expect(runs.body.transactions).toHaveLength(2);
    for (const run of runs.body.transactions) {
      expect(run).toMatchObject({
        recurring_id: id,
        is_recurring: true,
        trx_source_id: 13,
        account_vault_id: ids.cardVaultId,
        transaction_amount: '7.25',
        status_id: 101,
      });
    }
    await simulator.postbacks.settled();
    const data = posted.map((post) => JSON.parse(post.body.get('data') ?? '{}'));
    expect(data.map((record) => [record.recurring_id, record.trx_source_id])).toEqual([
      [id, 13],
      [id, 13],
    ]);

    expect((await call('POST', `/v2/recurrings/${id}/placeOnHold`)).body.recurring).toMatchObject({
      status: 'on hold',
      next_run_date: '0000-00-00',
    });
    simulator.clock.advance(30 * day);
    expect(simulator.runDueRecurrings()).toEqual([]);
    const active = await call('POST', `/v2/recurrings/${id}/activate`);
    expect(active.body.recurring).toMatchObject({ status: 'active', next_run_date: '2027-03-09' });
  });

  it('skips and defers as the README says, and refuses deferring an ongoing recurring', async () => {
    const plan = await call('POST', '/v2/recurrings', {
      recurring: {
        account_vault_id: ids.cardVaultId,
        location_id: ids.locationId,
        interval: 1,
        interval_type: 'm',
        start_date: '2027-02-23',
        transaction_amount: '10.00',
        installment_total_count: 20,
      },
    });
    expect(plan.body.recurring).toMatchObject({
      recurring_type_id: 'i',
      end_date: '2028-10-22',
      installment_amount_total: '200.00',
    });
    const id = plan.body.recurring.id as string;
    const skipped = await call('POST', `/v2/recurrings/${id}/skipPayment?skip_count=1`);
    expect(skipped.body.recurring).toMatchObject({ next_run_date: '2027-03-23', end_date: '2028-10-22' });
    const deferred = await call('POST', `/v2/recurrings/${id}/deferPayment?defer_count=1`);
    expect(deferred.body.recurring).toMatchObject({ next_run_date: '2027-04-23', end_date: '2028-11-22' });

    const ongoing = await call('POST', '/v2/recurrings', {
      recurring: {
        account_vault_id: ids.cardVaultId,
        location_id: ids.locationId,
        interval: 1,
        interval_type: 'd',
        start_date: '2027-01-11',
        transaction_amount: '1.00',
      },
    });
    const refused = await call(
      'POST',
      `/v2/recurrings/${ongoing.body.recurring.id}/deferPayment?defer_count=1`,
    );
    expect(refused.status).toBe(422);
    expect((await call('DELETE', `/v2/recurrings/${id}`)).status).toBe(204);
    expect((await call('GET', `/v2/recurrings/${id}`)).status).toBe(404);
  });
});

describe('quick invoices', () => {
  it("answers Paya's minimal create example with the amounts summed from the items", async () => {
    const created = await call('POST', '/v2/quickinvoices', {
      quickinvoice: {
        title: 'Invoice with min fields',
        due_date: '2027-02-05',
        item_list: { item1xx: 10, item2yy: 11 },
        location_id: ids.locationId,
      },
    });
    expect(created.status).toBe(201);
    const invoice = created.body.quickinvoice;
    expect(invoice).toMatchObject({
      status_id: 1,
      payment_status_id: 1,
      amount_due: '21.00',
      remaining_balance: '21.00',
      allow_partial_pay: 0,
      notification_days_before_due_date: 3,
      notification_on_due_date: 1,
      notification_days_after_due_date: 7,
      cc_product_transaction_id: ids.ccProductTransactionId,
      ach_product_transaction_id: null,
      is_active: 1,
    });
    expect(invoice._links.self.href).toBe(`${baseUrl}/v2/quickinvoice/view?id=${invoice.id}`);

    simulator.payQuickInvoice(invoice.id, { amountCents: 1000 });
    const partly = await call('GET', `/v2/quickinvoices/${invoice.id}`);
    expect(partly.body.quickinvoice).toMatchObject({ payment_status_id: 3, remaining_balance: '11.00' });
    const payments = await call('GET', '/v2/transactions?trx_source_id=8');
    expect(payments.body.transactions).toEqual([expect.objectContaining({ quick_invoice_id: invoice.id })]);
  });
});

describe('transaction batches', () => {
  it('puts approved card transactions in an open batch and closes it on settle, posting the batch', async () => {
    await call('POST', '/v2/postbackconfigs', {
      postbackconfig: {
        location_id: ids.locationId,
        resource: 'transactionbatch',
        product_transaction_id: ids.ccProductTransactionId,
        url: 'https://receiver.example/batches',
        on_update: 1,
        is_active: 1,
      },
    });
    const sale = async (amount: string) =>
      (
        await call('POST', '/v2/transactions', {
          transaction: {
            action: 'sale',
            payment_method: 'cc',
            transaction_amount: amount,
            account_number: '4111111111111111',
            exp_date: '1230',
          },
        })
      ).body.transaction;
    const approved = await sale('10.00');
    const declined = await sale('5.00');
    expect(approved).toMatchObject({ batch: '1', transaction_batch_id: expect.any(String) });
    expect(declined).toMatchObject({ batch: null, transaction_batch_id: null });

    const open = await call('GET', '/v2/transactionbatches?is_open=1');
    expect(open.body.transactionbatches).toEqual([
      expect.objectContaining({
        id: approved.transaction_batch_id,
        is_open: 1,
        processing_status_id: 1,
        batch_num: 1,
      }),
    ]);
    const settled = await call('POST', `/v2/transactionbatches/${approved.transaction_batch_id}/settle`, {
      transactionbatch: { id: approved.transaction_batch_id },
    });
    expect(settled.body.transactionbatch).toMatchObject({ is_open: 0, processing_status_id: 2 });
    expect((await call('GET', `/v2/transactions/${approved.id}`)).body.transaction.settle_date).toBe(
      '2027-01-10',
    );
    await simulator.postbacks.settled();
    expect(posted.map((post) => [post.body.get('resource'), post.body.get('type')])).toEqual([
      ['transactionbatch', 'UPDATE'],
    ]);
    expect(JSON.parse(posted[0]!.body.get('data')!)).toMatchObject({
      id: approved.transaction_batch_id,
      is_open: 0,
      processing_status_id: 2,
    });
    const wrongBody = await call(
      'POST',
      `/v2/transactionbatches/${approved.transaction_batch_id}/settle`,
      {},
    );
    expect(wrongBody.status).toBe(422);
  });

  it('settleBatches() closes every open batch, one per deposit account', async () => {
    for (const product of [ids.ccProductTransactionId, ids.childCcProductTransactionId]) {
      await call('POST', '/v2/transactions', {
        transaction: {
          action: 'sale',
          payment_method: 'cc',
          location_id: product === ids.ccProductTransactionId ? ids.locationId : ids.childLocationId,
          product_transaction_id: product,
          transaction_amount: '3.00',
          account_number: '4111111111111111',
          exp_date: '1230',
        },
      });
    }
    const closed = simulator.settleBatches();
    expect(
      closed.map((batch) => [batch.product_transaction_id, batch.is_open, batch.processing_status_id]),
    ).toEqual([
      [ids.ccProductTransactionId, 0, 2],
      [ids.childCcProductTransactionId, 0, 2],
    ]);
    expect(simulator.settleBatches()).toEqual([]);
  });
});

describe('more transaction actions', () => {
  it('forces, increments and partially reverses as the README describes', async () => {
    const forced = await call('POST', '/v2/transactions', {
      transaction: {
        action: 'force',
        payment_method: 'cc',
        transaction_amount: '20.00',
        auth_code: '59d673',
        account_vault_id: ids.cardVaultId,
      },
    });
    expect(forced.body.transaction).toMatchObject({
      reason_code_id: 1002,
      auth_code: '59d673',
      status_id: 101,
    });
    const noCode = await call('POST', '/v2/transactions', {
      transaction: {
        action: 'force',
        payment_method: 'cc',
        transaction_amount: '1.00',
        account_vault_id: ids.cardVaultId,
      },
    });
    expect(noCode.body.errors).toHaveProperty('auth_code');

    const auth = await call('POST', '/v2/transactions', {
      transaction: {
        action: 'authonly',
        payment_method: 'cc',
        transaction_amount: '1.00',
        account_vault_id: ids.cardVaultId,
      },
    });
    const id = auth.body.transaction.id as string;
    const increment = await call('PUT', `/v2/transactions/${id}`, {
      transaction: { action: 'authincrement', transaction_amount: '100.00' },
    });
    expect(increment.body.transaction).toMatchObject({
      transaction_amount: '100.00',
      auth_amount: '1.00',
      status_id: 102,
    });
    const reversal = await call('PUT', `/v2/transactions/${id}`, {
      transaction: { action: 'partialreversal', transaction_amount: 20.0 },
    });
    expect(reversal.body.transaction).toMatchObject({ transaction_amount: '20.00', status_id: 102 });
    const tooMuch = await call('PUT', `/v2/transactions/${id}`, {
      transaction: { action: 'partialreversal', transaction_amount: 25 },
    });
    expect(tooMuch.status).toBe(422);
  });
});
