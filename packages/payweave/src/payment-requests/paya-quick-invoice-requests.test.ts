import { createPaya } from '@payweave/paya';
import { captureLogger, createPayaSimulator } from '@payweave/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPayweave } from '../create-payweave.js';
import { fromPayaQuickInvoice } from './from-paya-quick-invoice.js';

const today = new Date('2026-11-21T12:00:00Z');

describe('Paya quick invoice statuses, value by value', () => {
  it.each([
    [{ payment_status_id: 1, status_id: 1 }, 'unpaid', 'open'],
    [{ payment_status_id: 1, status_id: 1, due_date: '2026-11-01' }, 'unpaid', 'open'],
    [{ payment_status_id: 3, status_id: 1, remaining_balance: '4.50' }, 'partially_paid', 'partially_paid'],
    [{ payment_status_id: 2, status_id: 1, remaining_balance: '0.00' }, 'paid', 'paid'],
    [{ payment_status_id: '2', status_id: 0, remaining_balance: '0.00' }, 'paid', 'paid'],
    [{ payment_status_id: 1, status_id: 0 }, 'closed', 'canceled'],
    [{ payment_status_id: 3, status_id: 0 }, 'closed', 'canceled'],
    [{ payment_status_id: 1, status_id: 1, is_active: 0 }, 'inactive', 'canceled'],
    [{ payment_status_id: 1, status_id: 1, active: '0' }, 'inactive', 'canceled'],
    [{ payment_status_id: 1, status_id: 1, expire_date: '2026-11-20' }, 'expired', 'expired'],
    [{ payment_status_id: 9, status_id: 1 }, 'payment_status_id=9', 'unknown'],
  ])('%j -> %s -> %s', (fields, raw, unified) => {
    const logger = captureLogger();
    const request = fromPayaQuickInvoice(
      { id: 'q1', amount_due: '12.50', remaining_balance: '12.50', ...fields },
      logger,
      today,
    );
    expect(request.status).toEqual({ raw, unified });
    expect(request.kind).toBe('quick_invoice');
    expect(request.amount).toEqual({ amountMinor: 1250, currency: 'USD' });
    expect(logger.lines.length).toBe(unified === 'unknown' ? 1 : 0);
  });

  it('maps the paid amount, payer, reference, due date, creation and the pay page link', () => {
    const request = fromPayaQuickInvoice(
      {
        id: '111111111111111111111111',
        amount_due: '21.00',
        remaining_balance: '11.00',
        payment_status_id: 3,
        status_id: 1,
        contact_id: 'c'.repeat(24),
        email: 'payer@example.com',
        invoice_number: 'INV-7',
        due_date: '2027-02-05',
        created_ts: 1_700_000_000,
        _links: { self: { href: 'https://api.example/v2/quickinvoice/view?id=111111111111111111111111' } },
      },
      undefined,
      today,
    );
    expect(request).toMatchObject({
      provider: 'paya',
      amount: { amountMinor: 2100, currency: 'USD' },
      amountPaid: { amountMinor: 1000, currency: 'USD' },
      customer: { id: 'c'.repeat(24), email: 'payer@example.com' },
      reference: 'INV-7',
      dueAt: '2027-02-05',
      createdAt: '2023-11-14T22:13:20.000Z',
      url: 'https://api.example/v2/quickinvoice/view?id=111111111111111111111111',
    });
    // An API self link is not a pay page.
    expect(
      fromPayaQuickInvoice({ id: 'q', _links: { self: { href: 'https://api/v2/quickinvoices/q' } } }).url,
    ).toBe(undefined);
  });

  it('never throws on a record it cannot read', () => {
    for (const odd of [null, 7, 'x', [], { amount_due: { nested: true }, payment_status_id: {} }]) {
      const request = fromPayaQuickInvoice(odd as never);
      expect(request.status.unified).toBe('unknown');
      expect(request.kind).toBe('quick_invoice');
    }
  });
});

describe('pw.paymentRequests with Paya quick invoices', () => {
  const simulator = createPayaSimulator();
  let pw: ReturnType<typeof facade>;
  let paya: ReturnType<typeof createPaya>;
  const facade = (baseUrl: string) => {
    paya = createPaya({ baseUrl, ...simulator.credentials, backoffBaseMs: 1 });
    return createPayweave({ providers: { paya } });
  };
  beforeAll(async () => {
    pw = facade(await simulator.listen());
  });
  beforeEach(() => simulator.reset());
  afterAll(() => simulator.close());

  async function newInvoice(title = 'March support') {
    return (
      await paya.quickInvoices.create({
        location_id: simulator.defaults.locationId,
        title,
        due_date: '2099-03-31',
        item_list: { Support: '15.00', Consulting: '6.00' },
        invoice_number: `INV-${title.length}`,
        allow_partial_pay: 1,
      })
    ).unwrap();
  }

  it('follows a quick invoice from open to partially paid to paid, by id and kind', async () => {
    const invoice = await newInvoice();
    const read = async () =>
      (
        await pw.paymentRequests.retrieve({ provider: 'paya', id: invoice.id, kind: 'quick_invoice' })
      ).unwrap();
    expect(await read()).toMatchObject({
      kind: 'quick_invoice',
      status: { unified: 'open', raw: 'unpaid' },
      amount: { amountMinor: 2100, currency: 'USD' },
      amountPaid: { amountMinor: 0, currency: 'USD' },
      reference: 'INV-13',
      dueAt: '2099-03-31',
    });
    expect(simulator.log.at(-1)).toMatchObject({ method: 'GET', path: `/v2/quickinvoices/${invoice.id}` });
    simulator.payQuickInvoice(invoice.id, { amountCents: 600 });
    expect(await read()).toMatchObject({
      status: { unified: 'partially_paid', raw: 'partially_paid' },
      amountPaid: { amountMinor: 600, currency: 'USD' },
    });
    simulator.payQuickInvoice(invoice.id);
    expect(await read()).toMatchObject({
      status: { unified: 'paid', raw: 'paid' },
      amountPaid: { amountMinor: 2100, currency: 'USD' },
    });
  });

  it('finds a quick invoice by id alone (after the paylink read answers 404), and closes it as canceled', async () => {
    const invoice = await newInvoice();
    await paya.quickInvoices.update(invoice.id, { status_id: 0 });
    simulator.clearLog();
    const request = (await pw.paymentRequests.retrieve({ provider: 'paya', id: invoice.id })).unwrap();
    expect(request).toMatchObject({ kind: 'quick_invoice', status: { unified: 'canceled', raw: 'closed' } });
    expect(simulator.log.map((entry) => `${entry.path} ${entry.outcome}`)).toEqual([
      `/v2/paylinks/${invoice.id} 404`,
      `/v2/quickinvoices/${invoice.id} 200`,
    ]);
    const link = (await paya.paylinks.create({ amount_due: '5.00' })).unwrap();
    simulator.clearLog();
    expect((await pw.paymentRequests.retrieve({ provider: 'paya', id: link.id })).unwrap().kind).toBe(
      'paylink',
    );
    expect(simulator.log).toHaveLength(1);
    const wrongKind = await pw.paymentRequests.retrieve({
      provider: 'paya',
      id: link.id,
      kind: 'quick_invoice',
    });
    expect(wrongKind.isErr() && wrongKind.error.code).toBe('not_found');
    const missing = await pw.paymentRequests.retrieve({ provider: 'paya', id: '0123456789abcdef01234567' });
    expect(missing.isErr() && missing.error.code).toBe('not_found');
  });

  it('lists quick invoices with kind and their native filters, paylinks without, and both with neither', async () => {
    const open = await newInvoice('Open one');
    const paid = await newInvoice('Paid one');
    simulator.payQuickInvoice(paid.id);
    const link = (await paya.paylinks.create({ amount_due: '5.00' })).unwrap();

    const unpaid = (
      await pw.paymentRequests
        .list({ provider: 'paya', kind: 'quick_invoice', payment_status_id: [1, 3] })
        .toArray({ limit: 10 })
    ).unwrap();
    expect(unpaid.map((request) => request.id)).toEqual([open.id]);
    expect(simulator.log.at(-1)).toMatchObject({
      path: '/v2/quickinvoices',
      query: { payment_status_id: '1,3' },
    });

    const links = (
      await pw.paymentRequests.list({ provider: 'paya', status_id: 0 }).toArray({ limit: 10 })
    ).unwrap();
    expect(links.map((request) => [request.kind, request.id])).toEqual([['paylink', link.id]]);

    const all = (await pw.paymentRequests.list({ provider: 'paya' }).toArray({ limit: 10 })).unwrap();
    expect(all.map((request) => request.kind)).toEqual(['paylink', 'quick_invoice', 'quick_invoice']);
    const across = (await pw.paymentRequests.list().toArray({ limit: 10 })).unwrap();
    expect(across.map((request) => request.status.unified).sort()).toEqual(['open', 'open', 'paid']);
  });

  it('refuses an unknown kind before sending anything', async () => {
    simulator.clearLog();
    const retrieve = await pw.paymentRequests.retrieve({
      provider: 'paya',
      id: 'a'.repeat(24),
      kind: 'order',
    });
    expect(retrieve.isErr() && retrieve.error).toMatchObject({
      code: 'validation',
      fieldErrors: { kind: [expect.any(String)] },
    });
    const list = await pw.paymentRequests
      .list({ provider: 'paya', kind: 'invoice' } as never)
      .toArray({ limit: 1 });
    expect(list.isErr() && list.error.code).toBe('validation');
    expect(simulator.log).toHaveLength(0);
  });
});
