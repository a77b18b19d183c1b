// A full Paya Connect flow: discover the location, create a contact, charge a card, void,
// refund a settled sale, debit a bank account, and create / resend / list a paylink.
// Runs against the simulator on loopback unless PAYA_USER_ID is set (then the real sandbox).
//   npx tsx examples/paya.ts
import { createPaya, type PayaClient } from '@payweave/paya';
import { createPayaSimulator, type PayaSimulator } from '@payweave/testing';

/** What the flow did, for printing and for the example test. */
export interface PayaFlowSummary {
  target: 'simulator' | 'sandbox';
  locationId: string;
  contactId: string;
  sale: { id: string; status: string; amountMinor: number | undefined };
  voided: string;
  refund: { id: string; status: string } | { error: string };
  declined: { status: string; reason: string };
  debit: { id: string; status: string } | { skipped: string };
  paylink: { id: string; resent: boolean; paymentUrl: string | undefined };
  paylinksListed: number;
}

async function connect(): Promise<{ paya: PayaClient; simulator?: PayaSimulator }> {
  if (process.env.PAYA_USER_ID) return { paya: createPaya({ environment: 'sandbox' }) };
  const simulator = createPayaSimulator();
  const baseUrl = await simulator.listen();
  return { paya: createPaya({ baseUrl, ...simulator.credentials }), simulator };
}

/** Runs the flow and returns its summary. */
export async function main(): Promise<PayaFlowSummary> {
  const { paya, simulator } = await connect();
  try {
    const location = (await paya.locationInfos.defaults()).unwrap();
    const card = {
      account_number: '5454545454545454',
      exp_date: '1230',
      cvv: '999',
      billing_street: '5800 NW 39th AVE',
      billing_zip: '32606',
    };
    const contact = (
      await paya.contacts.create({
        location_id: location.location_id,
        first_name: 'Rick',
        last_name: 'Sanchez',
        contact_api_id: `example-${Date.now()}`,
      })
    ).unwrap();

    const toVoid = (
      await paya.transactions.sale({
        location_id: location.location_id,
        transaction_amount: '3.00',
        contact_id: contact.id,
        ...card,
      })
    ).unwrap();
    const voided = (await paya.transactions.void(toVoid.id)).unwrap();

    const sale = (
      await paya.transactions.sale({
        location_id: location.location_id,
        transaction_amount: '10.00',
        contact_id: contact.id,
        ...card,
      })
    ).unwrap();
    // Card refunds need a settled sale; the simulator settles on demand, the sandbox overnight.
    simulator?.settle();
    const refunded = await paya.transactions.refund({
      location_id: location.location_id,
      previous_transaction_id: sale.id,
      transaction_amount: '4.00',
    });

    const declined = (
      await paya.transactions.sale({ location_id: location.location_id, transaction_amount: '5.00', ...card })
    ).unwrap();

    const debit = location.ach_product_transaction_id
      ? (
          await paya.transactions.debit({
            location_id: location.location_id,
            product_transaction_id: location.ach_product_transaction_id,
            ach_sec_code: 'WEB',
            transaction_amount: '12.00',
            account_number: '2079951060953',
            routing: '072000326',
            account_holder_name: 'Rick Sanchez',
            account_type: 'checking',
          })
        ).unwrap()
      : undefined;

    const paylink = (
      await paya.paylinks.create({
        location_id: location.location_id,
        amount_due: '25.00',
        email: 'rick@example.com',
        delivery_method: 1,
        contact_id: contact.id,
      })
    ).unwrap();
    const resent = (await paya.paylinks.resend(paylink.id)).isOk();
    const withUrl = (await paya.paylinks.retrieve(paylink.id, { expand: ['payment_url'] })).unwrap();
    const listed = (await paya.paylinks.list({ contact_id: contact.id }).toArray({ limit: 100 })).unwrap();

    return {
      target: simulator ? 'simulator' : 'sandbox',
      locationId: location.location_id,
      contactId: contact.id,
      sale: { id: sale.id, status: sale.status, amountMinor: sale.transaction_amount_money?.amountMinor },
      voided: voided.status,
      refund: refunded.isOk()
        ? { id: refunded.value.id, status: refunded.value.status }
        : { error: refunded.error.message },
      declined: { status: declined.status, reason: declined.reason },
      debit: debit ? { id: debit.id, status: debit.status } : { skipped: 'the location has no ACH product' },
      paylink: {
        id: paylink.id,
        resent,
        paymentUrl: typeof withUrl.payment_url === 'string' ? withUrl.payment_url : undefined,
      },
      paylinksListed: listed.length,
    };
  } finally {
    await simulator?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (summary) => {
      console.log(`Paya flow against the ${summary.target}`);
      console.log(`  location ${summary.locationId}, contact ${summary.contactId}`);
      console.log(
        `  sale ${summary.sale.id}: ${summary.sale.status} (${summary.sale.amountMinor} cents); voided sale: ${summary.voided}`,
      );
      console.log(
        `  refund: ${JSON.stringify(summary.refund)}; $5.00 sale: ${summary.declined.status} (${summary.declined.reason})`,
      );
      console.log(`  ACH debit: ${JSON.stringify(summary.debit)}`);
      console.log(
        `  paylink ${summary.paylink.id} resent=${summary.paylink.resent} url=${summary.paylink.paymentUrl}; listed ${summary.paylinksListed}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
