/** A tiny user app: one client and one call, the way a backend would use the package. */
export interface SizeApp {
  /** Package the app measures (a key of `size-budgets.json` for our packages). */
  readonly name: string;
  /** `true` for peers we compare with; they have no budget. */
  readonly peer: boolean;
  /** The app's source. */
  readonly source: string;
}

/**
 * One app per provider package, the facade with all four, the Paya app importing through the
 * facade (it must tree-shake to the size of `@payweave/paya`), and the two peer SDKs.
 */
export const sizeApps: readonly SizeApp[] = [
  {
    name: '@payweave/paya',
    peer: false,
    source: `import { createPaya } from '@payweave/paya';
const paya = createPaya({ userId: 'u', userApiKey: 'k', developerId: 'd' });
const sale = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: '11eb8bdf1ae2385e9ec6747a' });
console.log(sale.isOk() ? sale.value.status : sale.error.code);`,
  },
  {
    // The same sale through a client built from the transactions resource alone: the other
    // Paya resources must tree-shake away (issue 19).
    name: '@payweave/paya (transactions only)',
    peer: false,
    source: `import { createPayaClient, transactionOperations } from '@payweave/paya';
const paya = createPayaClient({ userId: 'u', userApiKey: 'k', developerId: 'd' }, { transactions: transactionOperations });
const sale = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: '11eb8bdf1ae2385e9ec6747a' });
console.log(sale.isOk() ? sale.value.status : sale.error.code);`,
  },
  {
    name: '@payweave/leadconnector',
    peer: false,
    source: `import { createLeadConnector } from '@payweave/leadconnector';
const lc = createLeadConnector({ accessToken: 't', locationId: 'loc' });
const page = await lc.orders.list({ altId: 'loc', altType: 'location' }).firstPage();
console.log(page.isOk() ? page.value.items.length : page.error.code);`,
  },
  {
    // The same first page through a client built from the orders resource alone: the other
    // LeadConnector resources must tree-shake away (issue 19).
    name: '@payweave/leadconnector (orders only)',
    peer: false,
    source: `import { createLeadConnectorClient, orderOperations } from '@payweave/leadconnector';
const lc = createLeadConnectorClient({ accessToken: 't', locationId: 'loc' }, { orders: orderOperations });
const page = await lc.orders.list({ altId: 'loc', altType: 'location' }).firstPage();
console.log(page.isOk() ? page.value.items.length : page.error.code);`,
  },
  {
    name: '@payweave/payconnect',
    peer: false,
    source: `import { createPayConnect } from '@payweave/payconnect';
const payconnect = createPayConnect({ apiKey: 'k' });
const invoice = await payconnect.invoices.retrieve('inv_1');
console.log(invoice.isOk() ? invoice.value : invoice.error.code);`,
  },
  {
    name: '@payweave/connectfi',
    peer: false,
    source: `import { createConnectFi } from '@payweave/connectfi';
const connectfi = createConnectFi({ baseUrl: 'https://connectfi.example', login: 'l', password: 'p' });
const link = await connectfi.paymentLinks.retrieve('29ljhq5Apu1YfdtU3wN7yx');
console.log(link.isOk() ? link.value : link.error.code);`,
  },
  {
    name: 'payweave',
    peer: false,
    source: `import { createPayweave } from 'payweave';
const pw = createPayweave({
  providers: {
    paya: { userId: 'u', userApiKey: 'k', developerId: 'd' },
    leadconnector: { accessToken: 't', locationId: 'loc' },
    payconnect: { apiKey: 'k' },
    connectfi: { baseUrl: 'https://connectfi.example', login: 'l', password: 'p' },
  },
});
const request = await pw.paymentRequests.retrieve({ provider: 'paya', id: '11eb8bdf1ae2385e9ec6747a' });
console.log(request.isOk() ? request.value.status : request.error.code);`,
  },
  {
    name: 'payweave (createPaya only)',
    peer: false,
    // Through the facade's built tree: a top-level reference there to another provider would
    // keep it in every app, so this must stay the size of the @payweave/paya app.
    source: `import { createPaya } from 'payweave';
const paya = createPaya({ userId: 'u', userApiKey: 'k', developerId: 'd' });
const sale = await paya.transactions.sale({ transaction_amount: '10.00', account_vault_id: '11eb8bdf1ae2385e9ec6747a' });
console.log(sale.isOk() ? sale.value.status : sale.error.code);`,
  },
  {
    name: 'stripe',
    peer: true,
    source: `import Stripe from 'stripe';
const stripe = new Stripe('sk_test_x');
const charge = await stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa' });
console.log(charge.status);`,
  },
  {
    name: '@gohighlevel/api-client',
    peer: true,
    source: `import { HighLevel } from '@gohighlevel/api-client';
const ghl = new HighLevel({ privateIntegrationToken: 't' });
const orders = await ghl.payments.listOrders({ altId: 'loc', altType: 'location' });
console.log(orders);`,
  },
];
