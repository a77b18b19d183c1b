import { randomUUID } from 'node:crypto';
import { createPaya } from '@payweave/paya';
import { payaSimulatorDefaults } from '@payweave/testing';

/** The clients compared on the same sale. */
export const clientKinds = [
  'undici',
  'fetch',
  'payweave',
  'payweave-fetch',
  'stripe',
  'gohighlevel',
] as const;

/** One of {@link clientKinds}. */
export type ClientKind = (typeof clientKinds)[number];

/** One call that must succeed; it throws otherwise, so a broken client cannot look fast. */
export type Call = () => Promise<void>;

const ids = payaSimulatorDefaults;
const card = { account_number: '5454545454545454', exp_date: '1230', cvv: '999' };

/** The Paya sale every client makes, in Paya's own field names. */
export const saleInput = {
  transaction_amount: '10.00',
  location_id: ids.locationId,
  product_transaction_id: ids.ccProductTransactionId,
  ...card,
};

// What payweave sends for the sale; the raw clients send the same JSON and headers.
const saleBody = () =>
  JSON.stringify({
    transaction: {
      action: 'sale',
      payment_method: 'cc',
      ...saleInput,
      transaction_api_id: `pw-${randomUUID()}`,
    },
  });
const payaHeaders = {
  accept: 'application/json',
  'content-type': 'application/json',
  'user-id': ids.credentials.userId,
  'user-api-key': ids.credentials.userApiKey,
  'developer-id': ids.credentials.developerId,
};

function expectSale(body: unknown): void {
  if ((body as { transaction?: { id?: unknown } }).transaction?.id === undefined)
    throw new Error('unexpected sale response');
}

/**
 * Builds the call of one client against the fixed-response server at `baseUrl`: Paya's
 * route for payweave and the raw clients, a Stripe charge for stripe, an order payment for
 * the GHL client. Every route answers the same bytes. Peers are imported only when
 * measured, so one client's modules never weigh on another's process.
 */
export async function createCall(kind: ClientKind, baseUrl: string): Promise<Call> {
  switch (kind) {
    case 'undici': {
      const { request } = await import('undici');
      return async () => {
        const response = await request(`${baseUrl}/v2/transactions`, {
          method: 'POST',
          headers: payaHeaders,
          body: saleBody(),
        });
        expectSale(await response.body.json());
      };
    }
    case 'fetch':
      return async () => {
        const response = await fetch(`${baseUrl}/v2/transactions`, {
          method: 'POST',
          headers: payaHeaders,
          body: saleBody(),
        });
        expectSale(await response.json());
      };
    case 'payweave':
    case 'payweave-fetch': {
      // `payweave` takes the default transport (Node's http module on Node); `payweave-fetch` forces fetch.
      const paya = createPaya({
        baseUrl,
        ...ids.credentials,
        ...(kind === 'payweave-fetch' ? { transport: 'fetch' } : {}),
      });
      return async () => {
        const result = await paya.transactions.sale(saleInput);
        if (result.isErr()) throw result.error;
      };
    }
    case 'stripe': {
      const { default: Stripe } = await import('stripe');
      const url = new URL(baseUrl);
      const stripe = new Stripe('sk_test_bench', {
        host: url.hostname,
        port: Number(url.port),
        protocol: 'http',
      });
      return async () => {
        const charge = await stripe.charges.create({ amount: 1000, currency: 'usd', source: 'tok_visa' });
        expectSale(charge);
      };
    }
    case 'gohighlevel': {
      const { HighLevel } = await import('@gohighlevel/api-client');
      // The SDK has no base URL option; its axios instance is created from this static.
      (HighLevel as unknown as { BASE_URL: string }).BASE_URL = baseUrl;
      const ghl = new HighLevel({ privateIntegrationToken: 'pit-bench', logLevel: 'error' });
      return async () => {
        const body = await ghl.payments.recordOrderPayment({ orderId: '65e9a2f5c6b1d2a3e4f5a6b7' }, {
          altId: ids.locationId,
          altType: 'location',
          mode: 'card',
          card: { type: 'visa', last4: '5454' },
          amount: 10,
          isPartialPayment: false,
        } as never);
        expectSale(body);
      };
    }
  }
}
