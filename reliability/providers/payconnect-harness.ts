import { createPayConnect } from '@payweave/payconnect';
import { createPayConnectSimulator, payConnectSimulatorApiKey, type Simulator } from '@payweave/testing';
import type { AnyClient } from '../support/any-client.js';
import type { ProviderHarness } from '../support/provider-harness.js';
import { payConnectFixtures } from './payconnect-fixtures.js';

/** PayConnect: an API key exchanged for session tokens. */
export const payConnectHarness: ProviderHarness = {
  name: 'payconnect',
  fixtures: payConnectFixtures,
  async start(options) {
    const simulator = createPayConnectSimulator();
    const baseUrl = await simulator.listen();
    const client = createPayConnect({
      apiKey: payConnectSimulatorApiKey,
      baseUrl,
      ...options,
    }) as unknown as AnyClient;
    const sum = (count: (invoice: (typeof simulator.state.invoices)[number]) => number) =>
      simulator.state.invoices.reduce((total, invoice) => total + count(invoice), 0);
    return {
      name: 'payconnect',
      client,
      clients: {},
      simulator: simulator as unknown as Simulator<unknown>,
      secrets: () => [payConnectSimulatorApiKey, ...simulator.state.sessions.keys()],
      snapshot: () => ({
        invoices: simulator.state.invoices.length,
        payments: sum((invoice) => invoice.payments.length),
        emails: sum((invoice) => invoice.emails.length),
      }),
      expireTokens: () => simulator.expireSessions(),
      close: () => simulator.close(),
    };
  },
};
