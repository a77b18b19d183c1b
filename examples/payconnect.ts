// PayConnect in a few calls: create an invoice, email it, take a partial and a final payment,
// read it back, and print the workflow rows. Runs against the PayConnect simulator on
// loopback unless PAYCONNECT_API_KEY is set (then against the sandbox).
//
//   npx tsx examples/payconnect.ts
import { pathToFileURL } from 'node:url';
import { createPayConnect, type PayConnectInvoice } from '@payweave/payconnect';
import { createPayConnectSimulator, payConnectSimulatorApiKey } from '@payweave/testing';

/** What the flow did, for printing and for the example's test. */
export interface PayConnectDemoResult {
  /** Where it ran. */
  target: 'simulator' | 'sandbox';
  /** The invoice created. */
  invoiceId: string;
  /** The invoice's status after each step. */
  statuses: string[];
  /** The invoice as read back at the end. */
  invoice: PayConnectInvoice;
  /** Workflow rows of the final read. */
  rows: Record<string, unknown>[];
  /** Whether `testConnection()` passed. */
  connectionOk: boolean;
  /** Sessions this client created. */
  sessionsIssued: number;
}

/** Runs the flow; throws on any failed step. */
export async function main(): Promise<PayConnectDemoResult> {
  const apiKey = process.env.PAYCONNECT_API_KEY || undefined;
  const simulator = apiKey ? undefined : createPayConnectSimulator();
  const baseUrl = simulator ? await simulator.listen() : undefined;
  try {
    const payconnect = apiKey
      ? createPayConnect({
          apiKey,
          environment: process.env.PAYCONNECT_ENVIRONMENT === 'production' ? 'production' : 'sandbox',
        })
      : createPayConnect({ apiKey: payConnectSimulatorApiKey, baseUrl });
    const connection = await payconnect.testConnection();
    if (!connection.ok)
      throw connection.session.error ?? connection.search.error ?? new Error('connection test failed');

    const statuses: string[] = [];
    const created = (
      await payconnect.invoices.create({
        customer: { name: 'Blue Harbor Cafe', email: 'owner@blueharbor.test' },
        lineItems: [
          { description: 'Espresso machine service', quantity: 1, unitPrice: '180.00' },
          { description: 'Replacement gasket', quantity: 2, unitPrice: '12.50' },
        ],
        dueDate: '2025-12-31',
        memo: 'Thank you for your business',
      })
    ).unwrap();
    statuses.push(String(created.status));
    const { invoiceId } = created;

    statuses.push(String((await payconnect.invoices.sendEmail(invoiceId)).unwrap().status));
    statuses.push(
      String(
        (await payconnect.invoices.pay(invoiceId, { amount: '100.00', paymentMethod: 'card' })).unwrap()
          .status,
      ),
    );
    statuses.push(
      String(
        (await payconnect.invoices.pay(invoiceId, { amount: '105.00', paymentMethod: 'card' })).unwrap()
          .status,
      ),
    );

    const read = await payconnect.invoices.retrieve(invoiceId);
    const invoice = read.unwrap();
    return {
      target: apiKey ? 'sandbox' : 'simulator',
      invoiceId,
      statuses,
      invoice,
      rows: payconnect.workflow.rows(read),
      connectionOk: connection.ok,
      sessionsIssued: payconnect.session.issuedCount,
    };
  } finally {
    await simulator?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (result) => {
      console.log(
        `PayConnect (${result.target}) invoice ${result.invoiceId}: ${result.statuses.join(' -> ')}`,
      );
      console.log(`amount paid ${result.invoice.amountPaid}, due ${result.invoice.amountDue}`);
      console.log(result.rows);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
