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
import { createPayweave, type PaymentRequest } from 'payweave';

/** What the tour did, for the printed report and the tour's test. */
export interface TourResult {
  /** `simulators` or `live`. */
  readonly target: 'simulators' | 'live';
  /** One line per step. */
  readonly steps: readonly string[];
  /** The unified table rows. */
  readonly paymentRequests: readonly PaymentRequest[];
}

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
    step(
      `sale ${sale.id}: ${sale.status} ${formatMoney(sale.transaction_amount_money ?? { amountMinor: 0, currency: 'USD' })} USD`,
    );
    setup.simulators?.paya.settle();
    const refund = await paya.transactions.refund({
      location_id: location.location_id,
      previous_transaction_id: sale.id,
      transaction_amount: '12.00',
    });
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
    step(`paylink ${paylink.id} sent by email for ${paylink.amount_due} USD`);

    print('PayConnect');
    const invoice = (
      await payconnect.invoices.create({
        customer: { name: 'Blue Harbor Cafe', email: 'owner@blueharbor.test' },
        lineItems: [{ description: 'Espresso machine service', quantity: 1, unitPrice: '180.00' }],
        dueDate: '2026-12-31',
      })
    ).unwrap();
    step(`invoice ${invoice.invoiceId} created (${invoice.status})`);
    step(`emailed: ${(await payconnect.invoices.sendEmail(invoice.invoiceId)).unwrap().status}`);
    const paid = (
      await payconnect.invoices.pay(invoice.invoiceId, { amount: '180.00', paymentMethod: 'card' })
    ).unwrap();
    step(`paid 180.00: ${paid.status}`);

    print('connectFi');
    const moved = (
      await connectfi.paymentLinks.setStatus({
        cFiTransactionId: setup.connectFiLinkId,
        status: 'SentToPay',
        description: 'Sent to the processor by the tour',
      })
    ).unwrap();
    step(`payment link ${moved.cFiTransactionId} -> ${moved.status} (manualStatus ${moved.manualStatus})`);

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
    step(`coupon ${coupon.code} created`);
    if (live) await leadconnector.coupons.delete(coupon._id);

    const paymentRequests: PaymentRequest[] = [];
    for (const provider of ['paya', 'payconnect', 'connectfi', 'leadconnector'] as const) {
      const rows = await pw.paymentRequests.list({ provider }).toArray({ limit: 4 });
      paymentRequests.push(...rows.unwrap());
    }
    print('\nPayment requests, unified');
    print(table(paymentRequests));
    return { target: live ? 'live' : 'simulators', steps, paymentRequests };
  } finally {
    await setup.close();
  }
}

function table(requests: readonly PaymentRequest[]): string {
  const header = ['provider', 'kind', 'id', 'status', 'raw status', 'amount', 'customer'];
  const rows = requests.map((request) => [
    request.provider,
    request.kind,
    request.id.length > 18 ? `${request.id.slice(0, 17)}…` : request.id,
    request.status.unified,
    request.status.raw,
    request.amount
      ? `${formatMoney(request.amount)} ${request.amount.currency}`
      : `unknown (${String(request.amountRaw)})`,
    request.customer?.name ?? request.customer?.email ?? '',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
