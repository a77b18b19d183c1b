/**
 * The bench's server process, forked by run.ts so that its CPU time never lands in the
 * client being measured: the fixed-response server plus the stateful Paya and
 * LeadConnector simulators on loopback, controlled over IPC.
 */
import { createLeadConnectorSimulator, createPayaSimulator, payaSimulatorDefaults } from '@payweave/testing';
import { startFixedResponseServer } from './fixed-response-server.js';
import type { LeadConnectorStats, OAuthStormSetup, ServerCommand, ServerReady } from './server-protocol.js';

const payaSale = {
  transaction: {
    action: 'sale',
    payment_method: 'cc',
    transaction_amount: '10.00',
    location_id: payaSimulatorDefaults.locationId,
    product_transaction_id: payaSimulatorDefaults.ccProductTransactionId,
    account_number: '5454545454545454',
    exp_date: '1230',
    cvv: '999',
    transaction_api_id: 'pw-bench-0001',
  },
};

async function capturedSaleResponse(): Promise<string> {
  const paya = createPayaSimulator();
  const { userId, userApiKey, developerId } = paya.credentials;
  const outcome = await paya.handle({
    method: 'POST',
    path: '/v2/transactions',
    query: new URLSearchParams(),
    headers: {
      'user-id': userId,
      'user-api-key': userApiKey,
      'developer-id': developerId,
      'content-type': 'application/json',
    },
    body: payaSale,
    rawBody: JSON.stringify(payaSale),
  });
  if (outcome.kind !== 'respond' || (outcome.response.status !== 201 && outcome.response.status !== 200)) {
    throw new Error(`bench server: the Paya simulator did not accept the sale (${JSON.stringify(outcome)})`);
  }
  return JSON.stringify(outcome.response.body);
}

async function main(): Promise<void> {
  const saleBody = await capturedSaleResponse();
  const fixed = await startFixedResponseServer(saleBody);
  const paya = createPayaSimulator();
  paya.seedTransactions(100_000);
  const leadConnector = createLeadConnectorSimulator({ rateLimit: false, dailyLimit: 10_000_000 });
  leadConnector.seedOrders(100_000);
  const [payaUrl, leadConnectorUrl] = await Promise.all([paya.listen(), leadConnector.listen()]);

  const stats = (): LeadConnectorStats => {
    const log = leadConnector.log;
    const result = {
      requests: log.length,
      tokenRequests: log.filter((entry) => entry.path === '/oauth/token').length,
      status429: log.filter((entry) => entry.outcome === 429).length,
      status401: log.filter((entry) => entry.outcome === 401).length,
      peakInWindow: leadConnector.state.stats.peakInWindow,
    };
    leadConnector.clearLog();
    leadConnector.state.stats.peakInWindow = 0;
    return result;
  };

  process.on('message', (message: ServerCommand) => {
    let result: unknown;
    switch (message.cmd) {
      case 'lc.rateLimit':
        leadConnector.setRateLimit({ maxRequests: message.maxRequests, intervalMs: message.intervalMs });
        break;
      case 'lc.rateLimitOff':
        leadConnector.setRateLimit(false);
        break;
      case 'lc.oauthStorm': {
        // The client believes this token is valid; the server says it expired, so all
        // concurrent calls get a 401 at once and must share one refresh.
        const setup: OAuthStormSetup = {
          refreshToken: leadConnector.addRefreshToken(),
          expiredAccessToken: `bench-expired-${Date.now()}`,
        };
        leadConnector.addAccessToken(setup.expiredAccessToken, { expiresAt: 1 });
        result = setup;
        break;
      }
      case 'lc.stats':
        result = stats();
        break;
    }
    process.send?.({ id: message.id, result });
  });
  // Nothing is logged per request for the fixed server; the simulators' logs are cleared by `lc.stats`.
  paya.clearLog();
  const ready: ServerReady = {
    type: 'ready',
    fixedUrl: fixed.url,
    payaUrl,
    leadConnectorUrl,
    saleResponseBytes: Buffer.byteLength(saleBody),
  };
  process.send?.(ready);
  process.on('disconnect', () => process.exit(0));
}

await main();
