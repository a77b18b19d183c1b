import { Err, Ok, PaymentsError } from '@payweave/core';
import { createPayConnectSimulator, payConnectSimulatorApiKey } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayConnect, invoiceRows, payConnectTemplateMethods, searchPageRows } from '../index.js';

const simulator = createPayConnectSimulator();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await simulator.listen();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const client = () =>
  createPayConnect({ apiKey: payConnectSimulatorApiKey, baseUrl, backoffBaseMs: 1, maxRetries: 0 });

describe('rows', () => {
  it('an invoice becomes one OK row with providerStatus', () => {
    const rows = invoiceRows(Ok({ invoiceId: 'inv_1', status: 'Sent', correlationId: 'c1' }));
    expect(rows).toEqual([
      {
        invoiceId: 'inv_1',
        providerStatus: 'Sent',
        correlationId: 'c1',
        status: 'OK',
        statusMessage: 'OK',
        errorMessage: '',
      },
    ]);
  });

  it('an error becomes one ERROR row with the code and message', () => {
    const error = new PaymentsError({
      code: 'conflict',
      message: 'cannot pay a Draft',
      provider: 'payconnect',
      httpStatus: 409,
    });
    const [row] = invoiceRows(Err(error));
    expect(row).toMatchObject({
      status: 'ERROR',
      statusMessage: 'conflict',
      errorMessage: 'cannot pay a Draft',
      httpStatus: 409,
    });
  });

  it('a search page gives one row per invoice with the pagination on each', () => {
    const pagination = { page: 2, pageSize: 2, totalCount: 3, totalPages: 2 };
    const rows = searchPageRows(Ok({ invoices: [{ invoiceId: 'a', status: 'Paid' }], pagination }));
    expect(rows).toEqual([
      {
        invoiceId: 'a',
        providerStatus: 'Paid',
        pagination,
        status: 'OK',
        statusMessage: 'OK',
        errorMessage: '',
      },
    ]);
  });
});

describe('workflow.execute (the seed templates)', () => {
  it('lists the four methods and their templates', () => {
    expect(Object.keys(payConnectTemplateMethods)).toEqual(['Create', 'Retrieve', 'Update', 'Action']);
  });

  it('Create runs once per item and returns invoiceId and correlationId rows', async () => {
    const payconnect = client();
    const item = (name: string) => ({
      customer: { name, email: 'a@b.test' },
      lineItems: [{ description: 'Plan', quantity: 1, unitPrice: '10.00' }],
      dueDate: '2025-09-01',
    });
    const rows = await payconnect.workflow.execute('payconnect.invoices.create', {
      options: {},
      items: [item('One'), item('Two'), { bad: 1 }],
    });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      status: 'OK',
      providerStatus: 'Draft',
      invoiceId: expect.stringMatching(/^inv_/),
      correlationId: expect.any(String),
    });
    expect(rows[1]).toMatchObject({ status: 'OK', customer: { name: 'Two', email: 'a@b.test' } });
    expect(rows[2]).toMatchObject({ status: 'ERROR', statusMessage: 'validation' });
    expect(simulator.log.filter((entry) => entry.path === '/v2/invoices')).toHaveLength(2);
  });

  it('Retrieve search walks every page: one row per invoice, pagination on each row', async () => {
    const payconnect = client();
    const rows = await payconnect.workflow.execute('payconnect.invoices.search', {
      options: { status: 'Paid', pageSize: 3 },
    });
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.status === 'OK' && row.providerStatus === 'Paid')).toBe(true);
    expect(rows.map((row) => (row.pagination as { page: number }).page)).toEqual([1, 1, 1, 2]);
    expect(rows[0]?.pagination).toEqual({ page: 1, pageSize: 3, totalCount: 4, totalPages: 2 });
    const searches = simulator.log.filter((entry) => entry.path === '/v2/invoices/search');
    expect(searches.map((entry) => entry.body)).toEqual([
      { filters: { status: 'Paid' }, page: 1, pageSize: 3 },
      { filters: { status: 'Paid' }, page: 2, pageSize: 3 },
    ]);
  });

  it('search filters put in items are refused with one validation ERROR row, nothing sent', async () => {
    const payconnect = client();
    const rows = await payconnect.workflow.execute('payconnect.invoices.search', {
      options: { pageSize: 50 },
      items: [{ status: 'Paid' }],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'ERROR',
      statusMessage: 'validation',
      operation: 'payconnect.invoices.search',
      fieldErrors: { items: ['must be empty: put the values in options'] },
    });
    expect(rows[0]?.errorMessage).toContain('a search takes its filters in options');
    const retrieve = await payconnect.workflow.execute('payconnect.invoices.retrieve', {
      items: [{ invoiceId: 'inv_001001' }],
    });
    expect(retrieve).toMatchObject([{ status: 'ERROR', statusMessage: 'validation' }]);
    expect(simulator.log).toHaveLength(0);
    // An empty items list is the same as none.
    const paid = await payconnect.workflow.execute('payconnect.invoices.search', {
      options: { status: 'Paid' },
      items: [],
    });
    expect(paid.map((row) => row.providerStatus)).toEqual(['Paid', 'Paid', 'Paid', 'Paid']);
  });

  it("searchPageRows takes a page of invoices.search: from .pages() or .firstPage() (the guide's snippet)", async () => {
    const payconnect = client();
    const rows = [];
    for await (const page of payconnect.invoices.search({ filters: { status: 'Sent' }, pageSize: 3 }).pages())
      rows.push(...searchPageRows(page));
    expect(rows.map((row) => row.providerStatus)).toEqual(['Sent', 'Sent', 'Sent', 'Sent']);
    expect(rows.map((row) => row.pagination)).toEqual([
      { page: 1, totalCount: 4, hasMore: true },
      { page: 1, totalCount: 4, hasMore: true },
      { page: 1, totalCount: 4, hasMore: true },
      { page: 2, totalCount: 4, hasMore: false },
    ]);
    const first = searchPageRows(
      await payconnect.invoices.search({ filters: { status: 'Paid' }, pageSize: 2 }).firstPage(),
    );
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({
      status: 'OK',
      providerStatus: 'Paid',
      pagination: { page: 1, hasMore: true },
    });
    simulator.faults.failNext(1, 400, { body: { message: 'bad filter' } });
    const failed = searchPageRows(
      await payconnect.invoices.search({ filters: { status: 'Paid' } }).firstPage(),
    );
    expect(failed).toMatchObject([{ status: 'ERROR', statusMessage: 'invalid_request' }]);
  });

  it('maxRows bounds the rows of a search: the first maxRows rows, then one ERROR row naming it', async () => {
    const payconnect = client();
    const searches = () => simulator.log.filter((entry) => entry.path === '/v2/invoices/search');
    const two = await payconnect.workflow.execute(
      'payconnect.invoices.search',
      { options: { status: 'Paid', pageSize: 3 } },
      { maxRows: 2 },
    );
    expect(two.map((row) => row.status)).toEqual(['OK', 'OK', 'ERROR']);
    expect(two[2]).toMatchObject({
      statusMessage: 'invalid_response',
      operation: 'payconnect.invoices.search',
      errorMessage:
        'payconnect.invoices.search: the search has more than maxRows (2) rows; it stopped after 2 (narrow the filters or raise maxRows).',
    });
    expect(searches()).toHaveLength(1);
    const three = await payconnect.workflow.execute(
      'payconnect.invoices.search',
      { options: { status: 'Paid', pageSize: 3 } },
      { maxRows: 3 },
    );
    expect(three.map((row) => row.status)).toEqual(['OK', 'OK', 'OK', 'ERROR']);
    const exact = await payconnect.workflow.execute(
      'payconnect.invoices.search',
      { options: { status: 'Paid', pageSize: 3 } },
      { maxRows: 4 },
    );
    expect(exact.map((row) => row.status)).toEqual(['OK', 'OK', 'OK', 'OK']);
  });

  it('more items than maxRows, or a maxRows that is not a positive integer, is one validation row and nothing is sent', async () => {
    const payconnect = client();
    const before = simulator.log.length;
    const many = await payconnect.workflow.execute(
      'payconnect.invoices.void',
      { options: { invoiceId: 'inv_001001' }, items: [{ reason: 'a' }, { reason: 'b' }, { reason: 'c' }] },
      { maxRows: 2 },
    );
    expect(many).toEqual([
      expect.objectContaining({
        status: 'ERROR',
        statusMessage: 'validation',
        errorMessage:
          'payconnect.invoices.void: 3 items give more rows than maxRows (2); nothing was sent (split the items or raise maxRows).',
      }),
    ]);
    for (const maxRows of [0, -1, 2.5, Number.POSITIVE_INFINITY]) {
      const rows = await payconnect.workflow.execute(
        'payconnect.invoices.search',
        { options: { status: 'Paid' } },
        { maxRows },
      );
      expect(rows).toEqual([
        expect.objectContaining({
          status: 'ERROR',
          statusMessage: 'validation',
          fieldErrors: { maxRows: ['must be a positive integer'] },
        }),
      ]);
    }
    expect(simulator.log.length).toBe(before);
  });

  it('Retrieve get-by-id returns one row, through the search fallback when the direct route answers 401', async () => {
    const payconnect = client();
    simulator.setDirectGetUnauthorized(true);
    const rows = await payconnect.workflow.execute('payconnect.invoices.retrieve', {
      options: { invoiceId: 'inv_001004' },
    });
    expect(rows).toEqual([
      expect.objectContaining({ status: 'OK', invoiceId: 'inv_001004', providerStatus: 'Paid' }),
    ]);
    const missing = await payconnect.workflow.execute('payconnect.invoices.retrieve', { options: {} });
    expect(missing).toEqual([expect.objectContaining({ status: 'ERROR', statusMessage: 'validation' })]);
  });

  it('Update and Action take the invoiceId from options and the body from items', async () => {
    const payconnect = client();
    const update = await payconnect.workflow.execute('payconnect.invoices.update', {
      options: { invoiceId: 'inv_001001' },
      items: [{ memo: 'Updated' }],
    });
    expect(update[0]).toMatchObject({ status: 'OK', memo: 'Updated' });
    const email = await payconnect.workflow.execute('payconnect.invoices.sendEmail', {
      options: { invoiceId: 'inv_001001' },
    });
    expect(email[0]).toMatchObject({ status: 'OK', providerStatus: 'Sent' });
    const pay = await payconnect.workflow.execute('payconnect.invoices.pay', {
      options: { invoiceId: 'inv_001001' },
      items: [{ amount: '20.00' }, { amount: '999999.00' }],
    });
    expect(pay.map((row) => row.status)).toEqual(['OK', 'ERROR']);
    expect(pay[0]).toMatchObject({ providerStatus: 'PartiallyPaid', amountPaid: '20.00' });
    expect(pay[1]).toMatchObject({ statusMessage: 'invalid_request', httpStatus: 400 });
    const voided = await payconnect.workflow.execute('payconnect.invoices.void', {
      options: { invoiceId: 'inv_001007' },
      items: [{ reason: 'dup' }],
    });
    expect(voided[0]).toMatchObject({ status: 'OK', providerStatus: 'Void' });
  });

  it('an unknown operation id is one ERROR row', async () => {
    const rows = await client().workflow.execute('payconnect.invoices.delete' as never, {});
    expect(rows).toEqual([expect.objectContaining({ status: 'ERROR', statusMessage: 'unsupported' })]);
  });

  it('client.workflow.rows and execute by id agree with the methods', async () => {
    const payconnect = client();
    const rows = payconnect.workflow.rows(
      await payconnect.execute('payconnect.invoices.void', { invoiceId: 'inv_001001' }),
    );
    expect(rows[0]).toMatchObject({ status: 'OK', providerStatus: 'Void' });
    expect(payconnect.operations.map((operation) => operation.id)).toEqual([
      'payconnect.invoices.create',
      'payconnect.invoices.search',
      'payconnect.invoices.retrieve',
      'payconnect.invoices.update',
      'payconnect.invoices.pay',
      'payconnect.invoices.sendEmail',
      'payconnect.invoices.void',
    ]);
  });
});
