import { createPaya } from '@payweave/paya';
import { createPayaSimulator, type PayaSimulator, type Simulator } from '@payweave/testing';
import type { AnyClient } from '../support/any-client.js';
import type { ProviderEnv, ProviderHarness } from '../support/provider-harness.js';
import { payaFixtures } from './paya-fixtures.js';
import { sensitive } from './test-data.js';

/** The Paya environment, with the simulator's own helpers (settlement). */
export interface PayaEnv extends ProviderEnv {
  /** The typed Paya simulator. */
  readonly paya: PayaSimulator;
}

/** Paya Connect: static header credentials, reconcile-by-reference creates. */
export const payaHarness: ProviderHarness = {
  name: 'paya',
  fixtures: payaFixtures,
  async start(options) {
    // Postbacks never leave: a config made by a fixture must not send the suite's traffic anywhere.
    const simulator = createPayaSimulator({
      postbackFetch: async () => {
        throw new Error('the reliability suite sends no postbacks');
      },
    });
    const baseUrl = await simulator.listen();
    const client = createPaya({ baseUrl, ...simulator.credentials, ...options }) as unknown as AnyClient;
    const env: PayaEnv = {
      name: 'paya',
      client,
      clients: {},
      simulator: simulator as unknown as Simulator<unknown>,
      paya: simulator,
      secrets: () => [
        simulator.credentials.userApiKey,
        simulator.credentials.userHashKey,
        sensitive.postbackPassword,
      ],
      snapshot: () => ({
        transactions: simulator.state.transactions.length,
        contacts: simulator.state.contacts.length,
        paylinks: simulator.state.paylinks.length,
        notifications: simulator.state.notifications.length,
        postbackConfigs: simulator.state.postbackConfigs.length,
        accountVaults: simulator.state.accountVaults.length,
        recurrings: simulator.state.recurrings.length,
        quickInvoices: simulator.state.quickInvoices.length,
        quickInvoiceEmails: simulator.state.quickInvoiceEmails.length,
        transactionBatches: simulator.state.transactionBatches.length,
      }),
      close: () => simulator.close(),
    };
    return env;
  },
};
