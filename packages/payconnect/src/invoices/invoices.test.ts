import { createPayConnectSimulator, payConnectSimulatorApiKey } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayConnect } from '../index.js';

const simulator = createPayConnectSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = (extra: Parameters<typeof createPayConnect>[0] = {}) =>
  createPayConnect({
    apiKey: payConnectSimulatorApiKey,
    baseUrl,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
    ...extra,
  });

const newInvoice = {
  customer: { name: 'Northwind Traders', email: 'ap@northwind.test' },
  lineItems: [
    { description: 'Consulting', quantity: 3, unitPrice: '150.00' },
    { description: 'Travel', quantity: 1, unitPrice: 42.5 },
  ],
  dueDate: '2025-07-31',
  memo: 'Thank you',
};

const invoiceCalls = () => simulator.log.filter((entry) => entry.path.startsWith('/v2/invoices'));

describe('invoices over the wire', () => {
  it('create sends the invoice with a bearer session and returns invoiceId and correlationId', async () => {
    const payconnect = client();
    const created = (await payconnect.invoices.create(newInvoice)).unwrap();
    expect(created.invoiceId).toMatch(/^inv_/);
    expect(created.correlationId).toBeTruthy();
    expect(created.status).toBe('Draft');
    expect(created.amountDue).toBe('492.50');
    const [session, call] = simulator.log;
    expect(session).toMatchObject({ method: 'POST', path: '/v2/sessions' });
    expect(session?.headers.authorization).toBe(`Api-Key ${payConnectSimulatorApiKey}`);
    expect(call).toMatchObject({ method: 'POST', path: '/v2/invoices' });
    expect(call?.headers.authorization).toMatch(/^Bearer pcs_/);
    expect(call?.body).toEqual({
      ...newInvoice,
      lineItems: [
        { description: 'Consulting', quantity: 3, unitPrice: '150.00' },
        { description: 'Travel', quantity: 1, unitPrice: '42.5' },
      ],
    });
  });

  it('create refuses bad input with field errors and sends nothing', async () => {
    const payconnect = client();
    const result = await payconnect.invoices.create({
      customer: { name: '' },
      lineItems: [{ description: 'x', quantity: 0, unitPrice: '1.001' }],
      dueDate: '31/07/2025',
    });
    expect(result.isErr()).toBe(true);
    const error = result.unwrapErr();
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(['customer.name', 'lineItems.0.quantity', 'lineItems.0.unitPrice', 'dueDate']),
    );
    expect(simulator.log).toHaveLength(0);
  });

  it('runs the life cycle Draft -> Sent -> PartiallyPaid -> Paid with update, email and partial payments', async () => {
    const payconnect = client();
    const { invoiceId } = (await payconnect.invoices.create(newInvoice)).unwrap();
    const updated = (
      await payconnect.invoices.update(invoiceId, { memo: 'Net 30', dueDate: '2025-08-15' })
    ).unwrap();
    expect(updated).toMatchObject({ memo: 'Net 30', dueDate: '2025-08-15', status: 'Draft' });
    const emailed = (await payconnect.invoices.sendEmail(invoiceId)).unwrap();
    expect(emailed.status).toBe('Sent');
    expect(emailed.emailedTo).toBe('ap@northwind.test');
    const partial = (
      await payconnect.invoices.pay(invoiceId, { amount: '92.50', paymentMethod: 'ach', reference: 'chk-1' })
    ).unwrap();
    expect(partial).toMatchObject({ status: 'PartiallyPaid', amountPaid: '92.50', amountDue: '400.00' });
    const paid = (await payconnect.invoices.pay({ invoiceId, amount: 400 })).unwrap();
    expect(paid).toMatchObject({ status: 'Paid', amountDue: '0.00', amountPaid: '492.50' });
    const calls = invoiceCalls().map((entry) => `${entry.method} ${entry.path}`);
    expect(calls).toEqual([
      'POST /v2/invoices',
      `PUT /v2/invoices/${invoiceId}`,
      `POST /v2/invoices/${invoiceId}/send-email`,
      `POST /v2/invoices/${invoiceId}/pay`,
      `POST /v2/invoices/${invoiceId}/pay`,
    ]);
    expect(invoiceCalls()[1]?.body).toEqual({ memo: 'Net 30', dueDate: '2025-08-15' });
    expect(invoiceCalls()[3]?.body).toEqual({ amount: '92.50', paymentMethod: 'ach', reference: 'chk-1' });
    expect(invoiceCalls()[4]?.body).toEqual({ amount: '400' });
  });

  it('maps provider refusals: paying a draft (409), over-paying (400 with fieldErrors), updating a paid invoice, voiding with payments', async () => {
    const payconnect = client();
    const { invoiceId } = (await payconnect.invoices.create(newInvoice)).unwrap();
    const draft = (await payconnect.invoices.pay(invoiceId, { amount: '1.00' })).unwrapErr();
    expect(draft).toMatchObject({ code: 'conflict', httpStatus: 409, operation: 'payconnect.invoices.pay' });
    expect(draft.providerMessage).toContain('Draft');
    await payconnect.invoices.sendEmail(invoiceId);
    const over = (await payconnect.invoices.pay(invoiceId, { amount: '10000.00' })).unwrapErr();
    expect(over).toMatchObject({ code: 'invalid_request', httpStatus: 400 });
    expect(over.fieldErrors).toEqual({ amount: ['exceeds the amount due'] });
    expect(over.requestId).toMatch(/^corr_/);
    await payconnect.invoices.pay(invoiceId, { amount: '10.00' });
    expect((await payconnect.invoices.void(invoiceId)).unwrapErr()).toMatchObject({
      code: 'conflict',
      httpStatus: 409,
    });
    expect((await payconnect.invoices.update(invoiceId, { memo: 'late' })).unwrapErr()).toMatchObject({
      code: 'conflict',
    });
  });

  it('voids an unpaid invoice with a reason; a second void is a conflict', async () => {
    const payconnect = client();
    const { invoiceId } = (await payconnect.invoices.create(newInvoice)).unwrap();
    const voided = (await payconnect.invoices.void(invoiceId, { reason: 'Duplicate' })).unwrap();
    expect(voided).toMatchObject({ status: 'Void', amountDue: '0.00', voidReason: 'Duplicate' });
    expect(invoiceCalls().at(-1)).toMatchObject({
      method: 'POST',
      path: `/v2/invoices/${invoiceId}/void`,
      body: { reason: 'Duplicate' },
    });
    expect((await payconnect.invoices.void(invoiceId)).unwrapErr().providerMessage).toBe(
      'The invoice is already void',
    );
  });

  it('update needs a field to change; unknown ids are not_found', async () => {
    const payconnect = client();
    expect((await payconnect.invoices.update({ invoiceId: 'inv_000001' })).unwrapErr().code).toBe(
      'validation',
    );
    expect(simulator.log).toHaveLength(0);
    const missing = (await payconnect.invoices.retrieve('inv_nope')).unwrapErr();
    expect(missing).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('retrieve uses the direct route when it works', async () => {
    const payconnect = client();
    const invoice = (await payconnect.invoices.retrieve('inv_001003')).unwrap();
    expect(invoice).toMatchObject({ invoiceId: 'inv_001003', status: 'PartiallyPaid' });
    expect(invoiceCalls().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'GET /v2/invoices/inv_001003',
    ]);
  });

  it('retrieve falls back to search by invoiceId when the direct route answers 401 with a valid session', async () => {
    const payconnect = client();
    simulator.setDirectGetUnauthorized(true);
    const invoice = (await payconnect.invoices.retrieve('inv_001003')).unwrap();
    expect(invoice).toMatchObject({ invoiceId: 'inv_001003', status: 'PartiallyPaid' });
    const calls = invoiceCalls();
    // The core drops the session and retries once on a 401; the second 401 with a fresh session triggers the fallback.
    expect(calls.map((entry) => `${entry.method} ${entry.path} ${entry.outcome}`)).toEqual([
      'GET /v2/invoices/inv_001003 401',
      'GET /v2/invoices/inv_001003 401',
      'POST /v2/invoices/search 200',
    ]);
    expect(calls[2]?.body).toEqual({ filters: { invoiceId: 'inv_001003' }, page: 1, pageSize: 25 });
    expect(payconnect.session.active).toBe(true);
    // The same through execute by id.
    const byId = await payconnect.execute('payconnect.invoices.retrieve', { invoiceId: 'inv_001004' });
    expect(byId.unwrap().invoiceId).toBe('inv_001004');
  });

  it('the fallback reports not_found when search does not hold the id, and does not run when the session cannot be made', async () => {
    const payconnect = client();
    simulator.setDirectGetUnauthorized(true);
    const missing = (await payconnect.invoices.retrieve('inv_missing')).unwrapErr();
    expect(missing).toMatchObject({ code: 'not_found', operation: 'payconnect.invoices.retrieve' });
    simulator.reset();
    simulator.setDirectGetUnauthorized(true);
    const badKey = createPayConnect({ apiKey: 'pc_wrong_key_000000', baseUrl });
    const denied = (await badKey.invoices.retrieve('inv_001003')).unwrapErr();
    expect(denied).toMatchObject({ code: 'authentication', httpStatus: 401 });
    expect(simulator.log.some((entry) => entry.path === '/v2/invoices/search')).toBe(false);
  });

  it('search pages through every result itself, with filters in the body', async () => {
    const payconnect = client();
    const all = (await payconnect.invoices.search({ pageSize: 5 }).toArray({ limit: 100 })).unwrap();
    expect(all).toHaveLength(24);
    const searches = invoiceCalls();
    expect(searches.map((entry) => (entry.body as { page: number }).page)).toEqual([1, 2, 3, 4, 5]);
    expect(searches[0]?.body).toEqual({ filters: {}, page: 1, pageSize: 5 });
    simulator.clearLog();
    const sent: string[] = [];
    for await (const invoice of payconnect.invoices.search({
      filters: { status: ['Sent', 'Overdue'], customerName: 'blue' },
      pageSize: 2,
    })) {
      sent.push(`${invoice.invoiceId}:${invoice.status}`);
    }
    expect(sent).toHaveLength(4);
    expect(sent.every((entry) => /:(Sent|Overdue)$/.test(entry))).toBe(true);
    expect(invoiceCalls()[0]?.body).toEqual({
      filters: { status: ['Sent', 'Overdue'], customerName: 'blue' },
      page: 1,
      pageSize: 2,
    });
    const first = (
      await payconnect.invoices.search({ filters: { dueDateFrom: '2025-03-20' } }).firstPage()
    ).unwrap();
    expect(first.totalCount).toBe(5);
    expect(first.items.every((invoice) => (invoice.dueDate ?? '') >= '2025-03-20')).toBe(true);
  });

  it('search refuses a page size over 100 and unknown filter values that are not scalars, sending nothing', async () => {
    const payconnect = client();
    const big = await payconnect.invoices.search({ pageSize: 500 }).toArray({ limit: 1 });
    expect(big.unwrapErr().fieldErrors).toHaveProperty('pageSize');
    const odd = await payconnect.invoices
      .search({ filters: { tag: { nested: true } as never } })
      .toArray({ limit: 1 });
    expect(odd.unwrapErr().code).toBe('validation');
    expect(simulator.log).toHaveLength(0);
    // Unknown scalar filters pass through (the vocabulary is not published).
    await payconnect.invoices.search({ filters: { customerRef: 'C-9' } }).firstPage();
    expect(invoiceCalls()[0]?.body).toMatchObject({ filters: { customerRef: 'C-9' } });
  });

  it('a search page failure surfaces as an error of the iterator', async () => {
    const payconnect = client({ maxRetries: 0 });
    simulator.faults.failNext(1, 400, {
      body: { message: 'bad filter', errors: { status: ['unknown'] } },
      match: { path: '/v2/invoices/search' },
    });
    const result = await payconnect.invoices.search().toArray({ limit: 10 });
    expect(result.unwrapErr()).toMatchObject({
      code: 'invalid_request',
      providerMessage: 'bad filter',
      fieldErrors: { status: ['unknown'] },
    });
  });

  it('an overridden route is the one called', async () => {
    const payconnect = client({
      routes: { payInvoice: { path: '/v2/invoices/{invoiceId}/payments' }, voidInvoice: { method: 'PUT' } },
    });
    expect(payconnect.routes.payInvoice).toEqual({
      method: 'POST',
      path: '/v2/invoices/{invoiceId}/payments',
    });
    const result = await payconnect.invoices.pay('inv_001002', { amount: '5.00' });
    expect(result.unwrapErr().httpStatus).toBe(404);
    await payconnect.invoices.void('inv_001001');
    expect(invoiceCalls().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      'POST /v2/invoices/inv_001002/payments',
      'PUT /v2/invoices/inv_001001/void',
    ]);
    expect(() => client({ routes: { retrieveInvoice: { path: '/v2/invoice' } } })).toThrow(
      /must contain \{invoiceId\}/,
    );
    expect(() => client({ routes: { nope: { path: '/x' } } as never })).toThrow(/not a PayConnect route/);
  });
});
