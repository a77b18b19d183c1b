import { inspect } from 'node:util';
import { captureLogger, payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const location_id = ids.locationId;
const test = usePayaSimulator();

const minimal = {
  title: 'Invoice with min fields',
  due_date: '2030-02-05',
  item_list: { item1xx: 10, item2yy: 11 },
  location_id,
};
const card = { account_number: '5454545454545454', exp_date: '1230' };

describe('quickInvoices.create', () => {
  it("posts Paya's minimal example in the quickinvoice envelope and decodes the statuses and amounts", async () => {
    const invoice = (await test.paya.quickInvoices.create(minimal)).unwrap();
    const request = test.simulator.log[0];
    expect(request).toMatchObject({ method: 'POST', path: '/v2/quickinvoices', outcome: 201 });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(authHeadersOf(request)['user-api-key']).toBe(test.simulator.credentials.userApiKey);
    expect(JSON.parse(request?.rawBody ?? '')).toEqual({ quickinvoice: minimal });
    expect(invoice).toMatchObject({
      status_id: 1,
      state: 'open',
      payment_status_id: 1,
      payment_status: 'unpaid',
      amount_due: '21.00',
      remaining_balance: '21.00',
      amount_due_money: { amountMinor: 2100, currency: 'USD' },
      remaining_balance_money: { amountMinor: 2100, currency: 'USD' },
      amount_paid_money: { amountMinor: 0, currency: 'USD' },
      notification_days_before_due_date: 3,
      cc_product_transaction_id: ids.ccProductTransactionId,
    });
  });

  it('e-mails it on create with send_email, and again with resend (POST /resend, 204)', async () => {
    const invoice = (
      await test.paya.quickInvoices.create({
        ...minimal,
        email: 'payer@example.com',
        send_email: 1,
        allow_partial_pay: 1,
        invoice_number: 'INV-7',
        item_header: 'Thank you',
        note: 'Pay by the due date',
        notification_days_before_due_date: 5,
        notification_on_due_date: 0,
        expire_date: '2030-03-01',
      })
    ).unwrap();
    expect(test.simulator.state.quickInvoiceEmails).toEqual([
      { quick_invoice_id: invoice.id, to: 'payer@example.com', kind: 'created' },
    ]);
    expect((await test.paya.quickInvoices.resend(invoice.id)).unwrap()).toEqual({
      id: invoice.id,
      resent: true,
    });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/quickinvoices/${invoice.id}/resend`,
      body: {},
      outcome: 204,
    });
    expect(test.simulator.state.quickInvoiceEmails.map((email) => email.kind)).toEqual(['created', 'resend']);
  });

  it.each([
    ['no title', { title: undefined }, 'title'],
    ['a 65-character title', { title: 'x'.repeat(65) }, 'title'],
    ['no due date', { due_date: undefined }, 'due_date'],
    ['a due date that is not a day', { due_date: '2030-02-30' }, 'due_date'],
    ['an empty item list', { item_list: {} }, 'item_list'],
    ['an item amount that is not money', { item_list: { Fee: '12.345' } }, 'item_list'],
    ['an item list over 4000 characters', { item_list: bigList() }, 'item_list'],
    [
      'contact_id with contact_api_id',
      { contact_id: 'a'.repeat(24), contact_api_id: 'c1' },
      'contact_api_id',
    ],
    ['an expiry before the due date', { expire_date: '2030-01-01' }, 'expire_date'],
    [
      'a reminder 100 days out',
      { notification_days_after_due_date: 100 },
      'notification_days_after_due_date',
    ],
    ['send_email 2', { send_email: 2 }, 'send_email'],
    ['a bad e-mail', { email: 'nobody' }, 'email'],
    ["Paya's envelope", { quickinvoice: {} }, 'quickinvoice'],
    ['files (multipart only)', { files: ['a.pdf'] }, 'files'],
  ])('refuses %s before sending anything', async (_name, change, field) => {
    const input = { ...minimal, ...change } as Record<string, unknown>;
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete input[key];
    const result = await test.paya.quickInvoices.create(input as never);
    expect(result.isErr() && result.error.code).toBe('validation');
    const fields = result.isErr() ? Object.keys(result.error.fieldErrors ?? {}) : [];
    expect(fields.some((name) => name === field || name.startsWith(`${field}.`))).toBe(true);
    expect(test.simulator.log).toHaveLength(0);
  });

  it("maps Paya's 422 to invalid_request and 404 to not_found", async () => {
    const wrong = await test.paya.quickInvoices.create({
      ...minimal,
      cc_product_transaction_id: ids.achProductTransactionId,
    });
    expect(wrong.isErr() && wrong.error).toMatchObject({
      code: 'invalid_request',
      httpStatus: 422,
      fieldErrors: { cc_product_transaction_id: ['cc_product_transaction_id provided is not valid'] },
    });
    const missing = await test.paya.quickInvoices.retrieve('c'.repeat(24));
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('never resends a create after a 503 (a second invoice would bill twice)', async () => {
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /quickinvoices$/ } });
    const result = await test.paya.quickInvoices.create(minimal);
    expect(result.isErr() && result.error.code).toBe('provider_unavailable');
    expect(test.simulator.log).toHaveLength(1);
    expect(test.simulator.state.quickInvoices).toHaveLength(0);
  });

  it('keeps the ACH verification fields out of logs and errors', async () => {
    const logger = captureLogger();
    const paya = test.client({ logger, logLevel: 'debug' });
    test.simulator.faults.failNext(1, 422, {
      match: { method: 'POST' },
      body: { errors: { ssn4: ['8163 is not valid'] } },
    });
    const refused = await paya.quickInvoices.create({
      ...minimal,
      ssn4: '8163',
      dob_year: '1980',
      dl_number: 'D4927381',
    });
    const shown = [logger.text(), inspect(refused, { depth: 8 })].join('\n');
    expect(shown).not.toContain('8163');
    expect(shown).not.toContain('D4927381');
  });
});

function bigList(): Record<string, number> {
  const items: Record<string, number> = {};
  for (let index = 0; index < 200; index += 1) items[`Line item number ${index}`] = 1;
  return items;
}

describe('quickInvoices.retrieve / update / list / delete', () => {
  it('reads with expand, updates with PUT (closing it), lists with filters and deletes', async () => {
    const invoice = (await test.paya.quickInvoices.create(minimal)).unwrap();
    const read = (
      await test.paya.quickInvoices.retrieve(invoice.id, { expand: ['contact', 'files'] })
    ).unwrap();
    expect(read).toMatchObject({ id: invoice.id, files: [], contact: null });
    expect(test.simulator.log.at(-1)).toMatchObject({ query: { expand: 'contact,files' } });

    const updated = (
      await test.paya.quickInvoices.update(invoice.id, { item_list: { Consulting: '39.99' }, status_id: 0 })
    ).unwrap();
    expect(updated).toMatchObject({ amount_due: '39.99', state: 'closed' });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/v2/quickinvoices/${invoice.id}`,
      body: { quickinvoice: { item_list: { Consulting: '39.99' }, status_id: 0 } },
    });

    await test.paya.quickInvoices.create({ ...minimal, title: 'Second' });
    const open = (
      await test.paya.quickInvoices.list({ status_id: 1, payment_status_id: [1, 3] }).toArray({ limit: 10 })
    ).unwrap();
    expect(open.map((item) => item.title)).toEqual(['Second']);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({ status_id: '1', payment_status_id: '1,3' });

    expect((await test.paya.quickInvoices.delete(invoice.id)).unwrap()).toEqual({
      id: invoice.id,
      deleted: true,
    });
    expect(test.simulator.log.at(-1)).toMatchObject({ method: 'DELETE', outcome: 204 });
    const gone = await test.paya.quickInvoices.delete(invoice.id);
    expect(gone.isErr() && gone.error.code).toBe('not_found');
  });

  it.each([
    ['location_id', { location_id: ids.childLocationId }, /stays in the location/],
    ['send_email', { send_email: 1 }, /quickInvoices\.resend/],
    ['status_id', { status_id: 2 }, /1 \(open\) or 0 \(closed\)/],
  ])('refuses %s on update with the reason', async (field, change, why) => {
    const result = await test.paya.quickInvoices.update('a'.repeat(24), change as never);
    expect(result.isErr() && result.error.fieldErrors?.[field]?.[0]).toMatch(why);
    expect(test.simulator.log).toHaveLength(0);
  });
});

describe('payments on a quick invoice', () => {
  it('attaches and detaches transactions (PUT /addTransaction, /removeTransaction) as the balance moves', async () => {
    const invoice = (await test.paya.quickInvoices.create(minimal)).unwrap();
    const part = (await test.paya.transactions.sale({ transaction_amount: '10.00', ...card })).unwrap();
    const rest = (await test.paya.transactions.sale({ transaction_amount: '11.00', ...card })).unwrap();

    const partial = (
      await test.paya.quickInvoices.addTransaction(invoice.id, { transaction_id: part.id })
    ).unwrap();
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'PUT',
      path: `/v2/quickinvoices/${invoice.id}/addTransaction`,
      body: { quickinvoice: { transaction_id: part.id } },
    });
    expect(partial).toMatchObject({
      payment_status: 'partiallyPaid',
      remaining_balance: '11.00',
      amount_paid_money: { amountMinor: 1000, currency: 'USD' },
      transactions: [expect.objectContaining({ id: part.id, quick_invoice_id: invoice.id })],
    });
    const paid = (
      await test.paya.quickInvoices.addTransaction(invoice.id, { transaction_id: rest.id })
    ).unwrap();
    expect(paid).toMatchObject({ payment_status: 'paid', remaining_balance: '0.00' });

    const back = (
      await test.paya.quickInvoices.removeTransaction(invoice.id, { transaction_id: rest.id })
    ).unwrap();
    expect(back).toMatchObject({ payment_status: 'partiallyPaid', remaining_balance: '11.00' });
    expect(test.simulator.log.at(-1)).toMatchObject({
      path: `/v2/quickinvoices/${invoice.id}/removeTransaction`,
      body: { quickinvoice: { transaction_id: rest.id } },
    });
    const notAttached = await test.paya.quickInvoices.removeTransaction(invoice.id, {
      transaction_id: rest.id,
    });
    expect(notAttached.isErr() && notAttached.error).toMatchObject({
      code: 'invalid_request',
      httpStatus: 422,
    });
  });

  it('reads the transaction back after a lost answer: attached means done, nothing resent', async () => {
    const invoice = (await test.paya.quickInvoices.create(minimal)).unwrap();
    const sale = (await test.paya.transactions.sale({ transaction_amount: '5.50', ...card })).unwrap();
    test.simulator.clearLog();
    test.simulator.faults.resetNext({ method: 'PUT' }, { afterHandling: true });
    const result = (
      await test.paya.quickInvoices.addTransaction(invoice.id, { transaction_id: sale.id })
    ).unwrap();
    expect(result).toMatchObject({ id: invoice.id, remaining_balance: '15.50' });
    expect(
      test.simulator.log.map((request) => `${request.method} ${request.path} ${request.outcome}`),
    ).toEqual([
      `PUT /v2/quickinvoices/${invoice.id}/addTransaction reset`,
      `GET /v2/transactions/${sale.id} 200`,
      `GET /v2/quickinvoices/${invoice.id} 200`,
    ]);
  });

  it('sends a detach once more when the lookup shows it did not happen', async () => {
    const invoice = (await test.paya.quickInvoices.create(minimal)).unwrap();
    const sale = (await test.paya.transactions.sale({ transaction_amount: '5.50', ...card })).unwrap();
    await test.paya.quickInvoices.addTransaction(invoice.id, { transaction_id: sale.id });
    test.simulator.clearLog();
    test.simulator.faults.failNext(1, 503, { match: { method: 'PUT' } });
    const result = (
      await test.paya.quickInvoices.removeTransaction(invoice.id, { transaction_id: sale.id })
    ).unwrap();
    expect(result.payment_status).toBe('unpaid');
    expect(test.simulator.log.map((request) => `${request.method} ${request.outcome}`)).toEqual([
      'PUT 503',
      'GET 200',
      'PUT 200',
    ]);
  });

  it('follows the pay page: partial, then paid, then closed', async () => {
    const invoice = (await test.paya.quickInvoices.create({ ...minimal, allow_partial_pay: 1 })).unwrap();
    const first = test.simulator.payQuickInvoice(invoice.id, { amountCents: 600 });
    expect((await test.paya.quickInvoices.retrieve(invoice.id)).unwrap().payment_status).toBe(
      'partiallyPaid',
    );
    test.simulator.payQuickInvoice(invoice.id);
    const paid = (await test.paya.quickInvoices.retrieve(invoice.id)).unwrap();
    expect(paid).toMatchObject({ payment_status: 'paid', remaining_balance: '0.00' });
    const payments = (
      await test.paya.transactions.list({ trx_source_id: 8 }).toArray({ limit: 10 })
    ).unwrap();
    expect(payments.map((payment) => payment.quick_invoice_id)).toEqual([invoice.id, invoice.id]);
    expect(payments.map((payment) => payment.id)).toContain(first);
  });
});
