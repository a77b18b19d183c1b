// Bun: TypeScript run directly, packages resolved from the npm-installed node_modules.

import { createConnectFi } from '@payweave/connectfi';
import { isPaymentsError } from '@payweave/core';
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createPayConnect } from '@payweave/payconnect';
import { redisTokenStore } from '@payweave/redis';
import { createPayweave, leadConnectorWebhooks, payaPostbacks } from 'payweave';
// @ts-expect-error: plain ESM shared by every app
import { scenario } from '../shared/scenario.mjs';

const sdk = {
  createPaya,
  createPayConnect,
  createConnectFi,
  createLeadConnector,
  createPayweave,
  leadConnectorWebhooks,
  payaPostbacks,
  isPaymentsError,
  redisTokenStore,
};
try {
  for (const line of await scenario(sdk, JSON.parse(Bun.argv[2] as string))) console.log(line);
  console.log(`ECOSYSTEM PASS (bun ${Bun.version})`);
} catch (error) {
  console.log(`ECOSYSTEM FAIL ${(error as Error)?.stack ?? error}`);
  process.exitCode = 1;
}
