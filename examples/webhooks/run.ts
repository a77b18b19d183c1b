// End to end: the simulators change state through the real clients and deliver webhooks (each
// twice, as at-least-once providers do) to the receiver app, which verifies, dedupes and records.
//   npx tsx examples/webhooks/run.ts
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createLeadConnectorSimulator, createPayaSimulator } from '@payweave/testing';
import { type LedgerEntry, startReceiverApp } from './receiver-app.js';

/** What arrived, and what the senders tried. */
export interface WebhookRunSummary {
  ledger: LedgerEntry[];
  highLevelAttempts: number[];
  payaAttempts: number[];
}

/** Runs the flow and returns its summary. */
export async function main(): Promise<WebhookRunSummary> {
  const highLevelSim = createLeadConnectorSimulator({ rateLimit: false });
  const payaSim = createPayaSimulator();
  const postbackSecret = { username: 'payweave', password: crypto.randomUUID() + crypto.randomUUID() };
  const app = await startReceiverApp({
    highLevelPublicKeys: [highLevelSim.webhooks.publicKeyPem],
    payaBasicAuth: postbackSecret,
  });
  try {
    const lc = createLeadConnector({ baseUrl: await highLevelSim.listen(), ...highLevelSim.credentials });
    const paya = createPaya({ baseUrl: await payaSim.listen(), ...payaSim.credentials });

    highLevelSim.webhooks.register(`${app.url}/webhooks/highlevel`, { duplicates: 1 });
    payaSim.postbacks.deliveryPlan({ duplicates: 1 });
    const location = (await paya.locationInfos.defaults()).unwrap();
    (
      await paya.postbackConfigs.create({
        location_id: location.location_id,
        resource: 'transaction',
        product_transaction_id: location.cc_product_transaction_id,
        url: `${app.url}/webhooks/paya`,
        basic_auth_username: postbackSecret.username,
        basic_auth_password: postbackSecret.password,
        on_create: 1,
        on_update: 1,
        is_active: 1,
      })
    ).unwrap();

    // State changes: an order paid in HighLevel; a card sale, then its void, in Paya.
    (await lc.orders.recordPayment({ orderId: highLevelSim.defaults.orderIds[1], mode: 'cash' })).unwrap();
    const sale = (
      await paya.transactions.sale({
        location_id: location.location_id,
        transaction_amount: '25.00',
        account_number: '4111111111111111',
        exp_date: '1230',
      })
    ).unwrap();
    (await paya.transactions.void(sale.id)).unwrap();

    await Promise.all([highLevelSim.webhooks.settled(), payaSim.postbacks.settled()]);
    return {
      ledger: app.ledger,
      highLevelAttempts: highLevelSim.webhooks.attempts.map((attempt) => attempt.status ?? 0),
      payaAttempts: payaSim.postbacks.attempts.map((attempt) => attempt.status ?? 0),
    };
  } finally {
    await Promise.all([app.close(), highLevelSim.close(), payaSim.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await main(), null, 2));
}
