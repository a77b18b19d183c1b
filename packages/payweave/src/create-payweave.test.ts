import { inspect } from 'node:util';
import { createPaya } from '@payweave/paya';
import {
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
  createLeadConnectorSimulator,
  createPayaSimulator,
  createPayConnectSimulator,
  payConnectSimulatorApiKey,
  seedPaymentLinkId,
} from '@payweave/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayweave } from './create-payweave.js';
import { inputJsonSchema } from './input-json-schema.js';
import type { CatalogueEntry } from './operation-catalogue.js';

const paya = createPayaSimulator();
const payconnect = createPayConnectSimulator();
const connectfi = createConnectFiSimulator();
const leadconnector = createLeadConnectorSimulator();
const urls = { paya: '', payconnect: '', connectfi: '', leadconnector: '' };

beforeAll(async () => {
  urls.paya = await paya.listen();
  urls.payconnect = await payconnect.listen();
  urls.connectfi = await connectfi.listen();
  urls.leadconnector = await leadconnector.listen();
});
afterAll(() => Promise.all([paya.close(), payconnect.close(), connectfi.close(), leadconnector.close()]));

function everything() {
  return createPayweave({
    providers: {
      // A client made by its own factory and settings objects are both accepted.
      paya: createPaya({ baseUrl: urls.paya, ...paya.credentials, backoffBaseMs: 1 }),
      payconnect: { baseUrl: urls.payconnect, apiKey: payConnectSimulatorApiKey },
      connectfi: {
        baseUrl: urls.connectfi,
        login: connectFiSimulatorLogin,
        password: connectFiSimulatorPassword,
      },
      leadconnector: {
        baseUrl: urls.leadconnector,
        accessToken: leadconnector.defaults.accessToken,
        locationId: leadconnector.defaults.locationId,
      },
    },
  });
}

describe('createPayweave', () => {
  it('lists every operation of the configured providers with their JSON Schema', () => {
    const pw = everything();
    const ids = pw.operations.map((operation) => operation.id);
    expect(ids).toContain('paya.transactions.sale');
    expect(ids).toContain('payconnect.invoices.create');
    expect(ids).toContain('connectfi.paymentLinks.setStatus');
    expect(ids).toContain('leadconnector.orders.recordPayment');
    expect(new Set(ids).size).toBe(ids.length);
    const sale = pw.operations.find((operation) => operation.id === 'paya.transactions.sale');
    expect(sale).toMatchObject({
      provider: 'paya',
      method: 'POST',
      path: '/v2/transactions',
      retry: 'reconcile',
      paged: false,
    });
    expect(sale).not.toHaveProperty('inputSchema');
    const schema = inputJsonSchema(sale as CatalogueEntry);
    expect(schema).toMatchObject({ type: 'object' });
    expect(schema.required).toEqual(expect.arrayContaining(['transaction_amount']));
    expect(inputJsonSchema(sale as CatalogueEntry)).toBe(schema);
    expect(() => inputJsonSchema({ ...(sale as CatalogueEntry) })).toThrow(/pass an entry of pw.operations/);
    const onlyPaya = createPayweave({ providers: { paya: { baseUrl: urls.paya, ...paya.credentials } } });
    expect(onlyPaya.operations.every((operation) => operation.provider === 'paya')).toBe(true);
  });

  it('execute runs an operation by id, validated like the method; an unknown id is unsupported', async () => {
    const pw = everything();
    leadconnector.clearLog();
    const orders = await pw.execute('leadconnector.orders.list', { limit: 2 }).toArray({ limit: 2 });
    expect(orders.unwrap()).toHaveLength(2);
    expect(leadconnector.log[0]).toMatchObject({ method: 'GET', path: '/payments/orders' });
    const invalid = await pw.execute('paya.transactions.retrieve', { id: '' });
    expect(invalid.unwrapErr().code).toBe('validation');
    const unknown = await pw.execute('stripe.charges.create' as never, {} as never);
    expect((unknown as typeof invalid).unwrapErr().code).toBe('unsupported');
  });

  it('retrieves a payment request from each provider in the unified shape', async () => {
    const pw = everything();
    const location = (await pw.providers.paya.locationInfos.defaults()).unwrap();
    const paylink = (
      await pw.providers.paya.paylinks.create({
        location_id: location.location_id,
        amount_due: '99.99',
        email: 'a@b.test',
      })
    ).unwrap();
    const fromPaya = (await pw.paymentRequests.retrieve({ provider: 'paya', id: paylink.id })).unwrap();
    expect(fromPaya).toMatchObject({
      provider: 'paya',
      id: paylink.id,
      kind: 'paylink',
      status: { unified: 'open', raw: 'unpaid' },
      amount: { amountMinor: 9999, currency: 'USD' },
    });
    expect(fromPaya.url).toMatch(/paylink\?id=/);
    expect(paya.log.at(-1)?.query).toMatchObject({ expand: 'payment_url' });

    const invoice = (
      await pw.providers.payconnect.invoices.create({
        customer: { name: 'Ada' },
        lineItems: [{ description: 'Tea', quantity: 2, unitPrice: '5.25' }],
        dueDate: '2026-12-31',
      })
    ).unwrap();
    const fromPayConnect = (
      await pw.paymentRequests.retrieve({ provider: 'payconnect', id: invoice.invoiceId })
    ).unwrap();
    expect(fromPayConnect).toMatchObject({
      kind: 'invoice',
      status: { unified: 'draft' },
      amount: { amountMinor: 1050 },
    });

    const fromConnectFi = (
      await pw.paymentRequests.retrieve({ provider: 'connectfi', id: seedPaymentLinkId })
    ).unwrap();
    expect(fromConnectFi).toMatchObject({
      provider: 'connectfi',
      kind: 'payment_link',
      id: seedPaymentLinkId,
    });
    expect(fromConnectFi.status.unified).not.toBe('unknown');

    const orderId =
      leadconnector.defaults.orderIds?.[0] ??
      [...(leadconnector.state.orders.values().next().value ?? [])][0]?._id;
    const fromLeadConnector = (
      await pw.paymentRequests.retrieve({ provider: 'leadconnector', id: String(orderId) })
    ).unwrap();
    expect(fromLeadConnector).toMatchObject({ provider: 'leadconnector', kind: 'order', id: orderId });
  });

  it('lists payment requests with native filters, and a missing record is not_found', async () => {
    const pw = everything();
    const unpaid = (
      await pw.paymentRequests
        .list({ provider: 'leadconnector', paymentStatus: 'unpaid' })
        .toArray({ limit: 50 })
    ).unwrap();
    expect(unpaid.length).toBeGreaterThan(0);
    expect(
      unpaid.every((request) => request.status.raw === 'unpaid' && request.status.unified === 'open'),
    ).toBe(true);
    const invoices = (
      await pw.paymentRequests.list({ provider: 'payconnect' }).toArray({ limit: 3 })
    ).unwrap();
    expect(invoices.map((request) => request.kind)).toEqual(['invoice', 'invoice', 'invoice']);
    const missing = await pw.paymentRequests.retrieve({ provider: 'paya', id: '0123456789abcdef01234567' });
    expect(missing.unwrapErr().code).toBe('not_found');
  });

  it('unified transactions for Paya and LeadConnector', async () => {
    const pw = everything();
    const location = (await pw.providers.paya.locationInfos.defaults()).unwrap();
    const declined = (
      await pw.providers.paya.transactions.sale({
        location_id: location.location_id,
        transaction_amount: '5.00',
        account_number: '4111111111111111',
        exp_date: '1230',
      })
    ).unwrap();
    const unified = (await pw.transactions.retrieve({ provider: 'paya', id: declined.id })).unwrap();
    expect(unified).toMatchObject({
      provider: 'paya',
      status: { unified: 'declined', raw: '301' },
      amount: { amountMinor: 500 },
    });
    const lcTransactions = (
      await pw.transactions.list({ provider: 'leadconnector' }).toArray({ limit: 10 })
    ).unwrap();
    expect(lcTransactions.length).toBeGreaterThan(0);
    expect(lcTransactions.every((transaction) => transaction.status.unified !== 'unknown')).toBe(true);
  });

  it('lists across providers as one walk: every provider in turn, in order', async () => {
    const pw = everything();
    const location = (await pw.providers.paya.locationInfos.defaults()).unwrap();
    (
      await pw.providers.paya.transactions.sale({
        location_id: location.location_id,
        transaction_amount: '12.00',
        account_number: '4111111111111111',
        exp_date: '1230',
      })
    ).unwrap();
    const ids = (records: readonly { provider: string; id: string }[]) =>
      records.map((record) => `${record.provider}:${record.id}`);
    const payaOnly = (await pw.transactions.list({ provider: 'paya' }).toArray({ limit: 1000 })).unwrap();
    const lcOnly = (
      await pw.transactions.list({ provider: 'leadconnector' }).toArray({ limit: 1000 })
    ).unwrap();
    expect(payaOnly.length).toBeGreaterThan(0);
    expect(lcOnly.length).toBeGreaterThan(0);

    // No provider: every configured provider that has transactions, in payweave's order.
    const all = (await pw.transactions.list().toArray({ limit: 1000 })).unwrap();
    expect(ids(all)).toEqual([...ids(payaOnly), ...ids(lcOnly)]);
    // Named providers are walked in the order named.
    const named = (
      await pw.transactions.list({ providers: ['leadconnector', 'paya'] }).toArray({ limit: 1000 })
    ).unwrap();
    expect(ids(named)).toEqual([...ids(lcOnly), ...ids(payaOnly)]);
    // `limit` stops inside the second provider; nothing past it is kept.
    const limited = (await pw.transactions.list().toArray({ limit: payaOnly.length + 1 })).unwrap();
    expect(ids(limited)).toEqual([...ids(payaOnly), ...ids(lcOnly).slice(0, 1)]);
    // Pages come one provider at a time.
    const first = (await pw.transactions.list({ providers: ['paya', 'leadconnector'] }).firstPage()).unwrap();
    expect(first.items.every((record) => record.provider === 'paya')).toBe(true);

    // Payment requests: the four providers, each served, one walk.
    const requests = (await pw.paymentRequests.list().toArray({ limit: 1000 })).unwrap();
    const providers: string[] = [...new Set(requests.map((request) => request.provider))];
    expect(providers).toEqual(
      ['paya', 'payconnect', 'connectfi', 'leadconnector'].filter((name) => providers.includes(name)),
    );
    expect(providers).toEqual(expect.arrayContaining(['payconnect', 'connectfi', 'leadconnector']));
  });

  it('a provider that fails ends a walk across providers with its error', async () => {
    const pw = everything();
    const payaOnly = (await pw.transactions.list({ provider: 'paya' }).toArray({ limit: 1000 })).unwrap();
    leadconnector.faults.failNext(1, 401);
    const seen: string[] = [];
    let thrown: unknown;
    try {
      for await (const transaction of pw.transactions.list()) seen.push(transaction.provider);
    } catch (error) {
      thrown = error;
    }
    expect(seen).toEqual(payaOnly.map(() => 'paya'));
    expect(thrown).toMatchObject({ code: 'authentication', provider: 'leadconnector' });
  });

  it('a provider that cannot serve a view, or is not configured, is unsupported at run time', async () => {
    const pw = createPayweave({
      providers: { payconnect: { baseUrl: urls.payconnect, apiKey: payConnectSimulatorApiKey } },
    });
    const transactions = await pw.transactions.retrieve({ provider: 'payconnect' as never, id: 'x' });
    expect(transactions.unwrapErr()).toMatchObject({ code: 'unsupported', provider: 'payconnect' });
    const notConfigured = await pw.paymentRequests.list({ provider: 'paya' } as never).toArray({ limit: 1 });
    expect(notConfigured.unwrapErr().code).toBe('unsupported');
    expect(() => createPayweave({ providers: { stripe: {} } as never })).toThrow(/unknown provider "stripe"/);
  });

  it('never shows credentials in inspect or JSON', () => {
    const pw = everything();
    const shown = `${inspect(pw, { depth: 8 })}${JSON.stringify(pw)}${inspect(pw.providers.paya, { depth: 8 })}`;
    for (const secret of [
      paya.credentials.userApiKey,
      payConnectSimulatorApiKey,
      connectFiSimulatorPassword,
      leadconnector.defaults.accessToken,
    ]) {
      expect(shown).not.toContain(secret);
    }
  });
});
