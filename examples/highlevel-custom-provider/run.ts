// End to end: the LeadConnector simulator plays HighLevel calling the provider's queryUrl; the
// provider charges through the Paya simulator.
//   npx tsx examples/highlevel-custom-provider/run.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLeadConnector, toNodeHandler } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createLeadConnectorSimulator, createPayaSimulator } from '@payweave/testing';
import { createPayaProvider } from './paya-provider.js';

/** Each query HighLevel sent, and what came back. */
export interface ProviderRunSummary {
  exchanges: { type: string; status: number; body: unknown }[];
  payaSales: number;
  payaRefunds: number;
}

/** Runs the flow and returns its summary. */
export async function main(): Promise<ProviderRunSummary> {
  const highLevel = createLeadConnectorSimulator({ rateLimit: false });
  const payaSim = createPayaSimulator();
  const [highLevelUrl, payaUrl] = await Promise.all([highLevel.listen(), payaSim.listen()]);
  const paya = createPaya({ baseUrl: payaUrl, ...payaSim.credentials });
  const { locationId, accessToken, contactId } = { ...highLevel.defaults, contactId: 'hl_contact_e2e_1' };
  const keys = {
    live: { apiKey: crypto.randomUUID().replaceAll('-', ''), publishableKey: 'pk_live_example' },
    test: { apiKey: crypto.randomUUID().replaceAll('-', ''), publishableKey: 'pk_test_example' },
  };

  const handler = createPayaProvider({
    paya,
    locationId: payaSim.defaults.locationId,
    apiKeys: {
      [keys.live.apiKey]: { locationId, mode: 'live' },
      [keys.test.apiKey]: { locationId, mode: 'test' },
    },
  });
  const node = toNodeHandler(handler);
  const server = createServer((req, res) => void node(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const queryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/highlevel/query`;

  try {
    // Install: register the provider and give HighLevel our keys.
    const lc = createLeadConnector({ baseUrl: highLevelUrl, accessToken, locationId, rateLimit: false });
    (
      await lc.customProviders.create({
        name: 'Paya via payweave',
        description: 'Cards and bank accounts by Paya',
        paymentsUrl: 'https://pay.example.com/highlevel',
        queryUrl,
        imageUrl: 'https://pay.example.com/logo.png',
        supportsSubscriptionSchedule: false,
      })
    ).unwrap();
    (await lc.customProviders.connect(keys)).unwrap();

    // The payer's card is already in a Paya vault of their contact (an AccountForm put it there).
    const contact = (
      await paya.contacts.create({
        location_id: payaSim.defaults.locationId,
        first_name: 'Ada',
        last_name: 'Lovelace',
        contact_api_id: contactId,
      })
    ).unwrap();
    const vault = (
      await paya.accountVaults.create({
        location_id: payaSim.defaults.locationId,
        contact_id: contact.id,
        payment_method: 'cc',
        account_number: '4111111111111111',
        exp_date: '1230',
      })
    ).unwrap();

    const exchanges: ProviderRunSummary['exchanges'] = [];
    const call = async (type: string, body: Record<string, unknown>) => {
      const result = await highLevel.customProvider.callQueryUrl(queryUrl, type, body);
      exchanges.push({ type, status: result.status, body: result.body });
      return result;
    };

    await call('list_payment_methods', { contactId });
    const charge = { paymentMethodId: vault.id, contactId, transactionId: 'hl_tx_1001', amount: 25.5 };
    const charged = await call('charge_payment', charge);
    await call('charge_payment', charge); // HighLevel retries: the same answer, no second sale
    const chargeId = (charged.body as { chargeId: string }).chargeId;
    await call('verify', { transactionId: 'hl_tx_1001', chargeId });
    payaSim.settleBatches(); // the next day: the sale settled, so it can be refunded
    await call('refund', { transactionId: 'hl_tx_1001', chargeId, amount: 5 });
    const forged = await highLevel.customProvider.callQueryUrl(
      queryUrl,
      'verify',
      { chargeId },
      { apiKey: 'not-our-key' },
    );
    exchanges.push({ type: 'verify (bad api key)', status: forged.status, body: forged.body });

    const transactions = (
      await paya.transactions.list({ location_id: payaSim.defaults.locationId }).toArray({ limit: 100 })
    ).unwrap();
    return {
      exchanges,
      payaSales: transactions.filter((transaction) => transaction.type === 'sale').length,
      payaRefunds: transactions.filter((transaction) => transaction.type === 'refund').length,
    };
  } finally {
    server.closeAllConnections();
    await Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      highLevel.close(),
      payaSim.close(),
    ]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await main(), null, 2));
}
