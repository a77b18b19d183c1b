// Deno, run with only --allow-net: packages resolved from the npm-installed node_modules
// (package.json beside node_modules), settings read from Deno.args (no --allow-env needed).

import { createConnectFi } from '@payweave/connectfi';
import { isPaymentsError } from '@payweave/core';
import { createLeadConnector } from '@payweave/leadconnector';
import { createPaya } from '@payweave/paya';
import { createPayConnect } from '@payweave/payconnect';
import { redisTokenStore } from '@payweave/redis';
import { createPayweave, leadConnectorWebhooks, payaPostbacks } from 'payweave';
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
  for (const line of await scenario(sdk, JSON.parse(Deno.args[0]))) console.log(line);
  console.log(`ECOSYSTEM PASS (deno ${Deno.version.deno})`);
} catch (error) {
  console.log(`ECOSYSTEM FAIL ${(error as Error)?.stack ?? error}`);
  Deno.exitCode = 1;
}
