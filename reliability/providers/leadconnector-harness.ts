import { createLeadConnector } from '@payweave/leadconnector';
import {
  createLeadConnectorSimulator,
  type LeadConnectorSimulator,
  leadConnectorSimDefaults,
  type Simulator,
} from '@payweave/testing';
import type { AnyClient } from '../support/any-client.js';
import type { ProviderEnv, ProviderHarness } from '../support/provider-harness.js';
import { issuedAuthorizationCodes, leadConnectorFixtures } from './leadconnector-fixtures.js';
import { sensitive } from './test-data.js';

/** The LeadConnector environment, with the typed simulator (codes, refresh tokens, orders). */
export interface LeadConnectorEnv extends ProviderEnv {
  /** The typed LeadConnector simulator. */
  readonly leadconnector: LeadConnectorSimulator;
}

/**
 * LeadConnector: the main client uses OAuth with refresh-token rotation (so tokens can
 * expire mid-run); an agency client runs `oauth.locationToken`. The rate limit is off on both
 * sides: the matrix is about faults, and the limiter has its own tests.
 */
export const leadConnectorHarness: ProviderHarness = {
  name: 'leadconnector',
  fixtures: leadConnectorFixtures,
  async start(options) {
    const d = leadConnectorSimDefaults;
    const simulator = createLeadConnectorSimulator({ rateLimit: false });
    const baseUrl = await simulator.listen();
    const client = createLeadConnector({
      baseUrl,
      locationId: d.locationId,
      oauth: { clientId: d.clientId, clientSecret: d.clientSecret, refreshToken: d.refreshToken },
      rateLimit: false,
      ...options,
    }) as unknown as AnyClient;
    const agency = createLeadConnector({
      baseUrl,
      locationId: d.locationId,
      accessToken: d.agencyAccessToken,
      rateLimit: false,
      ...options,
    }) as unknown as AnyClient;
    const state = () => simulator.state;
    const total = (map: Map<string, readonly unknown[]>) =>
      [...map.values()].reduce((sum, list) => sum + list.length, 0);
    const seen = new Set<string>([d.clientSecret, d.refreshToken, d.agencyAccessToken, d.accessToken]);
    const env: LeadConnectorEnv = {
      name: 'leadconnector',
      client,
      clients: { agency },
      simulator: simulator as unknown as Simulator<unknown>,
      leadconnector: simulator,
      secrets: () => {
        // Spent refresh tokens and codes leave the state, so every one seen is remembered.
        for (const code of issuedAuthorizationCodes) seen.add(code);
        for (const token of state().accessTokens.keys()) seen.add(token);
        for (const token of state().refreshTokens.keys()) seen.add(token);
        return [...seen, sensitive.liveApiKey, sensitive.testApiKey];
      },
      snapshot: () => ({
        coupons: state().coupons.length,
        transactions: state().transactions.length,
        fulfillments: total(state().fulfillments),
        notes: total(state().notes),
        customProviders: state().customProviders.size,
        whiteLabelProviders: state().whiteLabelProviders.length,
        tokenGrants: state().stats.tokenGrants,
      }),
      expireTokens: () => simulator.expireAccessTokens(),
      close: () => simulator.close(),
    };
    return env;
  },
};
