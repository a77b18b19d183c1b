import type { ProviderHarness } from '../support/provider-harness.js';
import { connectFiHarness } from './connectfi-harness.js';
import { leadConnectorHarness } from './leadconnector-harness.js';
import { payaHarness } from './paya-harness.js';
import { payConnectHarness } from './payconnect-harness.js';

/** The four providers, in the order the suite reports them. */
export const allHarnesses: readonly ProviderHarness[] = [
  payaHarness,
  leadConnectorHarness,
  payConnectHarness,
  connectFiHarness,
];
