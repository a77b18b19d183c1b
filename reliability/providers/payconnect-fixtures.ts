import { createRecord, uniqueRef } from '../support/create-record.js';
import type { FixtureSet, ProviderEnv } from '../support/provider-harness.js';

/** A valid invoice body (two line items, a due date). */
export function invoiceInput(): Record<string, unknown> {
  return {
    invoiceNumber: uniqueRef('INV-'),
    customer: { name: 'Blue Harbor Cafe', email: 'owner@blueharbor.test' },
    lineItems: [
      { description: 'Espresso machine service', quantity: 1, unitPrice: '180.00' },
      { description: 'Replacement gasket', quantity: 2, unitPrice: '12.50' },
    ],
    currency: 'USD',
    dueDate: '2030-12-31',
    memo: 'Thank you',
  };
}

async function newInvoice(env: ProviderEnv): Promise<string> {
  const invoice = await createRecord<{ invoiceId: string }>(
    env.client,
    'payconnect.invoices.create',
    invoiceInput(),
  );
  return invoice.invoiceId;
}

/** A draft cannot be paid: the invoice is emailed first, which opens it. */
async function sentInvoice(env: ProviderEnv): Promise<string> {
  const invoiceId = await newInvoice(env);
  await createRecord(env.client, 'payconnect.invoices.sendEmail', { invoiceId });
  return invoiceId;
}

/** One valid input per PayConnect operation; invoices to act on are created first. */
export const payConnectFixtures: FixtureSet = {
  'payconnect.invoices.create': { input: invoiceInput },
  'payconnect.invoices.search': { input: () => ({ pageSize: 5 }) },
  'payconnect.invoices.retrieve': { input: async (env) => ({ invoiceId: await newInvoice(env) }) },
  'payconnect.invoices.update': {
    input: async (env) => ({ invoiceId: await newInvoice(env), memo: 'Updated memo', dueDate: '2031-01-15' }),
  },
  'payconnect.invoices.pay': {
    input: async (env) => ({
      invoiceId: await sentInvoice(env),
      amount: '100.00',
      paymentMethod: 'card',
      reference: 'R-1',
    }),
  },
  'payconnect.invoices.sendEmail': {
    input: async (env) => ({
      invoiceId: await newInvoice(env),
      to: 'ap@blueharbor.test',
      subject: 'Invoice',
    }),
  },
  'payconnect.invoices.void': {
    input: async (env) => ({ invoiceId: await newInvoice(env), reason: 'Duplicate' }),
    replayCodes: ['conflict', 'invalid_request'],
  },
};
