/**
 * The payweave tour: a realistic day across all four providers, then one unified table of
 * payment requests. Runs against the built-in simulators on loopback; with `--live` it runs
 * the same day against the real sandboxes, with credentials from the environment.
 *
 *   pnpm demo            # simulators
 *   pnpm demo --live     # PAYA_*, PAYCONNECT_API_KEY, CONNECTFI_*, LEADCONNECTOR_* set
 */
import { pathToFileURL } from 'node:url';
import { formatMoney } from '@payweave/core';
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
import {
  createPayweave,
  type PaymentRequest,
  type PaymentRequestProvider,
  type Transaction,
  type TransactionProvider,
} from 'payweave';

/** A record the tour created or changed, and what it did to it. */
export type TouchedRecord =
  | {
      readonly kind: 'payment request';
      readonly provider: PaymentRequestProvider;
      readonly id: string;
      readonly did: string;
    }
  | {
      readonly kind: 'transaction';
      readonly provider: TransactionProvider;
      readonly id: string;
      readonly did: string;
    }
  | {
      readonly kind: 'coupon';
      readonly provider: 'leadconnector';
      readonly id: string;
      readonly did: string;
    };

/** What the tour did, for the printed report and the tour's test. */
export interface TourResult {
  /** `simulators` or `live`. */
  readonly target: 'simulators' | 'live';
  /** One line per step. */
  readonly steps: readonly string[];
  /** Every record the tour created or changed. */
  readonly touched: readonly TouchedRecord[];
  /** The unified payment-request table: every one the tour touched, then a few others per provider. */
  readonly paymentRequests: readonly PaymentRequest[];
  /** The unified transaction table: every transaction the tour made. */
  readonly transactions: readonly Transaction[];
}

/** How many records that the tour did not touch the table shows per provider, for context. */
const othersPerProvider = 3;

const liveVariables = [
  'PAYA_USER_ID',
  'PAYA_USER_API_KEY',
  'PAYA_DEVELOPER_ID',
  'PAYCONNECT_API_KEY',
  'CONNECTFI_BASE_URL',
  'CONNECTFI_LOGIN',
  'CONNECTFI_PASSWORD',
  'CONNECTFI_TRANSACTION_ID',
  'LEADCONNECTOR_ACCESS_TOKEN',
  'LEADCONNECTOR_LOCATION_ID',
];

async function startSimulators() {
  const simulators = {
    paya: createPayaSimulator(),
    payconnect: createPayConnectSimulator(),
    connectfi: createConnectFiSimulator(),
    leadconnector: createLeadConnectorSimulator(),
  };
  const urls = {
    paya: await simulators.paya.listen(),
    payconnect: await simulators.payconnect.listen(),
    connectfi: await simulators.connectfi.listen(),
    leadconnector: await simulators.leadconnector.listen(),
  };
  return {
    simulators,
    providers: {
      paya: { baseUrl: urls.paya, ...simulators.paya.credentials },
      payconnect: { baseUrl: urls.payconnect, apiKey: payConnectSimulatorApiKey },
      connectfi: {
        baseUrl: urls.connectfi,
        login: connectFiSimulatorLogin,
        password: connectFiSimulatorPassword,
      },
      leadconnector: {
        baseUrl: urls.leadconnector,
        accessToken: simulators.leadconnector.defaults.accessToken,
        locationId: simulators.leadconnector.defaults.locationId,
      },
    },
    connectFiLinkId: seedPaymentLinkId,
    close: () => Promise.all(Object.values(simulators).map((simulator) => simulator.close())),
  };
}

function liveSettings() {
  const missing = liveVariables.filter((name) => !process.env[name]);
  if (missing.length > 0) throw new Error(`--live needs these environment variables: ${missing.join(', ')}`);
  return {
    simulators: undefined,
    // Empty settings: each factory reads its credentials from the environment.
    providers: {
      paya: { environment: 'sandbox' as const },
      payconnect: {},
      connectfi: {},
      leadconnector: {},
    },
    connectFiLinkId: process.env.CONNECTFI_TRANSACTION_ID ?? '',
    close: async () => [],
  };
}

/** Runs the tour; throws on the first step that fails. */
export async function main(
  options: { live?: boolean; print?: (line: string) => void } = {},
): Promise<TourResult> {
  const live = options.live ?? process.argv.includes('--live');
  const print = options.print ?? ((line: string) => console.log(line));
  const setup = live ? liveSettings() : await startSimulators();
  const steps: string[] = [];
  const touched: TouchedRecord[] = [];
  const touch = (record: TouchedRecord) => {
    const known = touched.find((entry) => entry.provider === record.provider && entry.id === record.id);
    if (known) touched[touched.indexOf(known)] = { ...known, did: `${known.did}, ${record.did}` };
    else touched.push(record);
  };
  const step = (line: string) => {
    steps.push(line);
    print(`  ${line}`);
  };
  try {
    const pw = createPayweave({ providers: setup.providers });
    const { paya, payconnect, connectfi, leadconnector } = pw.providers;
    print(
      `payweave tour (${live ? 'live sandboxes' : 'built-in simulators'}): ${pw.operations.length} operations\n`,
    );

    print('Paya Connect');
    const location = (await paya.locationInfos.defaults()).unwrap();
    step(`location ${location.location_id}, card product ${location.cc_product_transaction_id}`);
    const sale = (
      await paya.transactions.sale({
        location_id: location.location_id,
        transaction_amount: '42.00',
        account_number: '4111111111111111',
        exp_date: '1230',
        cvv: '999',
        billing_zip: '32606',
        description: 'Tour: espresso beans',
      })
    ).unwrap();
    touch({ kind: 'transaction', provider: 'paya', id: sale.id, did: 'sold' });
    step(
      `sale ${sale.id}: ${sale.status} ${formatMoney(sale.transaction_amount_money ?? { amountMinor: 0, currency: 'USD' })} USD`,
    );
    setup.simulators?.paya.settle();
    const refund = await paya.transactions.refund({
      location_id: location.location_id,
      previous_transaction_id: sale.id,
      transaction_amount: '12.00',
    });
    if (refund.isOk()) {
      touch({
        kind: 'transaction',
        provider: 'paya',
        id: refund.value.id,
        did: 'refunded 12.00 of the sale',
      });
    }
    step(
      refund.isOk()
        ? `refund ${refund.value.id}: ${refund.value.status}`
        : `refund not possible yet: ${refund.error.message}`,
    );
    const paylink = (
      await paya.paylinks.create({
        location_id: location.location_id,
        amount_due: '120.00',
        email: 'finance@blueharbor.test',
        delivery_method: 1,
        description: 'Tour: catering deposit',
      })
    ).unwrap();
    touch({ kind: 'payment request', provider: 'paya', id: paylink.id, did: 'created, emailed' });
    step(`paylink ${paylink.id} sent by email for ${paylink.amount_due} USD`);

    print('PayConnect');
    const invoice = (
      await payconnect.invoices.create({
        customer: { name: 'Blue Harbor Cafe', email: 'owner@blueharbor.test' },
        lineItems: [{ description: 'Espresso machine service', quantity: 1, unitPrice: '180.00' }],
        dueDate: '2026-12-31',
      })
    ).unwrap();
    touch({ kind: 'payment request', provider: 'payconnect', id: invoice.invoiceId, did: 'created' });
    step(`invoice ${invoice.invoiceId} created (${invoice.status})`);
    step(`emailed: ${(await payconnect.invoices.sendEmail(invoice.invoiceId)).unwrap().status}`);
    touch({ kind: 'payment request', provider: 'payconnect', id: invoice.invoiceId, did: 'emailed' });
    const paid = (
      await payconnect.invoices.pay(invoice.invoiceId, { amount: '180.00', paymentMethod: 'card' })
    ).unwrap();
    touch({ kind: 'payment request', provider: 'payconnect', id: invoice.invoiceId, did: 'paid' });
    step(`paid 180.00: ${paid.status}`);

    print('connectFi');
    const moved = (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId: setup.connectFiLinkId,
        status: 'SentToPay',
        description: 'Sent to the processor by the tour',
      })
    ).unwrap();
    touch({
      kind: 'payment request',
      provider: 'connectfi',
      id: moved.cFiTransactionId,
      did: `status set to ${moved.status}`,
    });
    step(
      `payment link ${moved.cFiTransactionId} -> ${moved.status}, set by hand (manualStatus: ${moved.manualStatus})`,
    );

    print('LeadConnector');
    const orders = (await leadconnector.orders.list({ limit: 10 }).firstPage()).unwrap();
    step(`${orders.items.length} orders of ${orders.totalCount ?? '?'}`);
    const unpaid = orders.items.find((order) => order.paymentStatus === 'unpaid');
    if (unpaid && !live) {
      (
        await leadconnector.orders.recordPayment({
          orderId: unpaid._id,
          mode: 'cash',
          notes: 'Paid at the counter',
        })
      ).unwrap();
      touch({
        kind: 'payment request',
        provider: 'leadconnector',
        id: unpaid._id,
        did: 'cash payment recorded',
      });
      step(`recorded a cash payment on order ${unpaid._id}`);
    }
    const coupon = (
      await leadconnector.coupons.create({
        name: 'Tour welcome',
        code: `TOUR${Date.now().toString(36).toUpperCase()}`,
        discountType: 'percentage',
        discountValue: 10,
        startDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      })
    ).unwrap();
    touch({ kind: 'coupon', provider: 'leadconnector', id: coupon._id, did: 'created' });
    step(`coupon ${coupon.code} (id ${coupon._id}) created`);
    if (live) {
      await leadconnector.coupons.delete(coupon._id);
      touch({ kind: 'coupon', provider: 'leadconnector', id: coupon._id, did: 'deleted' });
    }

    // The tour's own records first, read back as they are now, then a few others for context:
    // a list page alone could leave the tour's records out.
    const didTo = (provider: string, id: string) =>
      touched.find((record) => record.provider === provider && record.id === id)?.did ?? '';
    const paymentRequests: PaymentRequest[] = [];
    for (const provider of ['paya', 'payconnect', 'connectfi', 'leadconnector'] as const) {
      for (const record of touched) {
        if (record.kind !== 'payment request' || record.provider !== provider) continue;
        paymentRequests.push((await pw.paymentRequests.retrieve({ provider, id: record.id })).unwrap());
      }
      const listed = (await pw.paymentRequests.list({ provider }).toArray({ limit: 10 })).unwrap();
      const others = listed.filter((request) => !didTo(provider, request.id));
      paymentRequests.push(...others.slice(0, othersPerProvider));
    }
    const transactions: Transaction[] = [];
    for (const record of touched) {
      if (record.kind !== 'transaction') continue;
      transactions.push(
        (await pw.transactions.retrieve({ provider: record.provider, id: record.id })).unwrap(),
      );
    }

    print(`\nPayment requests, unified: the tour's, then up to ${othersPerProvider} others per provider`);
    print(paymentRequestTable(paymentRequests, didTo));
    print('\nTransactions the tour made, unified');
    print(transactionTable(transactions, didTo));
    return { target: live ? 'live' : 'simulators', steps, touched, paymentRequests, transactions };
  } finally {
    await setup.close();
  }
}

type DidTo = (provider: string, id: string) => string;

/** The unified payment requests, ids in full, with what the tour did to each (blank: untouched). */
function paymentRequestTable(requests: readonly PaymentRequest[], didTo: DidTo): string {
  return table(
    ['provider', 'kind', 'id', 'status', 'provider status', 'amount', 'customer', 'what the tour did'],
    requests.map((request) => [
      request.provider,
      request.kind,
      request.id,
      request.status.unified,
      request.status.raw,
      money(request),
      request.customer?.name ?? request.customer?.email ?? '',
      didTo(request.provider, request.id),
    ]),
  );
}

/** The unified transactions, ids in full; the provider's own status is a code, so it is left out. */
function transactionTable(transactions: readonly Transaction[], didTo: DidTo): string {
  return table(
    ['provider', 'method', 'id', 'status', 'amount', 'what the tour did'],
    transactions.map((transaction) => [
      transaction.provider,
      transaction.paymentMethod ?? '',
      transaction.id,
      transaction.status.unified,
      money(transaction),
      didTo(transaction.provider, transaction.id),
    ]),
  );
}

function money(record: PaymentRequest | Transaction): string {
  return record.amount
    ? `${formatMoney(record.amount)} ${record.amount.currency}`
    : `unknown (${String(record.amountRaw)})`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
