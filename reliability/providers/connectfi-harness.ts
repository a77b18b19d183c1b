import { createConnectFi } from '@payweave/connectfi';
import {
  type ConnectFiSimulator,
  connectFiSimulatorLogin,
  connectFiSimulatorPassword,
  createConnectFiSimulator,
  type Simulator,
} from '@payweave/testing';
import type { AnyClient } from '../support/any-client.js';
import type { ProviderEnv, ProviderHarness } from '../support/provider-harness.js';
import { connectFiFixtures } from './connectfi-fixtures.js';

/** The connectFi environment, with the typed simulator (fixtures add links to its records). */
export interface ConnectFiEnv extends ProviderEnv {
  /** The typed connectFi simulator. */
  readonly connectfi: ConnectFiSimulator;
}

/** connectFi: login for a token, envelope bodies, status changes of payment links. */
export const connectFiHarness: ProviderHarness = {
  name: 'connectfi',
  fixtures: connectFiFixtures,
  async start(options) {
    const simulator = createConnectFiSimulator();
    const baseUrl = await simulator.listen();
    const client = createConnectFi({
      baseUrl,
      login: connectFiSimulatorLogin,
      password: connectFiSimulatorPassword,
      ...options,
    }) as unknown as AnyClient;
    const history = (records: readonly { statusChangeHistory: readonly unknown[] }[]) =>
      records.reduce((total, record) => total + record.statusChangeHistory.length, 0);
    const env: ConnectFiEnv = {
      name: 'connectfi',
      client,
      clients: {},
      simulator: simulator as unknown as Simulator<unknown>,
      connectfi: simulator,
      secrets: () => [connectFiSimulatorPassword, ...simulator.state.tokens.keys()],
      snapshot: () => ({
        paymentHistory: history(simulator.state.payments),
        refundHistory: history(simulator.state.refunds),
      }),
      expireTokens: () => simulator.expireTokens(),
      close: () => simulator.close(),
    };
    return env;
  },
};
