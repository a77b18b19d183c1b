/**
 * LeadConnector flow: list orders, record a payment, create a coupon.
 * Runs against the simulator on loopback, or against the real API when
 * LEADCONNECTOR_ACCESS_TOKEN and LEADCONNECTOR_LOCATION_ID are set.
 *
 * Run: npx tsx examples/leadconnector.ts
 */
import { pathToFileURL } from 'node:url';
import { createLeadConnector } from '@payweave/leadconnector';
import { createLeadConnectorSimulator } from '@payweave/testing';

/** What the flow did, for the example test. */
export interface LeadConnectorFlowResult {
  /** `simulator` or `live`. */
  target: 'simulator' | 'live';
  /** Orders seen on the first page. */
  orderCount: number;
  /** The order paid (simulator only). */
  paidOrderId: string | undefined;
  /** Its payment status afterwards. */
  paymentStatus: string | undefined;
  /** The coupon created. */
  couponCode: string;
}

/** Runs the flow; returns what happened. */
export async function main(): Promise<LeadConnectorFlowResult> {
  const live = process.env.LEADCONNECTOR_ACCESS_TOKEN && process.env.LEADCONNECTOR_LOCATION_ID;
  const simulator = live ? undefined : createLeadConnectorSimulator();
  const baseUrl = simulator ? await simulator.listen() : undefined;
  try {
    const lc = simulator
      ? createLeadConnector({
          baseUrl,
          accessToken: simulator.defaults.accessToken,
          locationId: simulator.defaults.locationId,
        })
      : createLeadConnector();

    const page = await lc.orders.list({ limit: 10 }).firstPage();
    if (page.isErr()) throw page.error;
    console.log(`orders: ${page.value.items.length} of ${page.value.totalCount ?? '?'}`);

    let paidOrderId: string | undefined;
    let paymentStatus: string | undefined;
    const unpaid = page.value.items.find((order) => order.paymentStatus === 'unpaid');
    // Recording a payment changes the books, so the live run only reads.
    if (simulator && unpaid) {
      const paid = await lc.orders.recordPayment({
        orderId: unpaid._id,
        mode: 'cash',
        notes: 'Paid at the counter',
      });
      if (paid.isErr()) throw paid.error;
      const order = await lc.orders.retrieve(unpaid._id);
      if (order.isErr()) throw order.error;
      paidOrderId = unpaid._id;
      paymentStatus = order.value.paymentStatus;
      console.log(`recorded a cash payment on ${unpaid._id}: ${paymentStatus}`);
    }

    const code = `PAYWEAVE${Date.now().toString(36).toUpperCase()}`;
    const coupon = await lc.coupons.create({
      name: 'payweave example',
      code,
      discountType: 'percentage',
      discountValue: 10,
      startDate: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    if (coupon.isErr()) throw coupon.error;
    console.log(`created coupon ${coupon.value.code} (${coupon.value.status})`);
    if (!simulator) await lc.coupons.delete(coupon.value._id);

    return {
      target: simulator ? 'simulator' : 'live',
      orderCount: page.value.items.length,
      paidOrderId,
      paymentStatus,
      couponCode: code,
    };
  } finally {
    await simulator?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
