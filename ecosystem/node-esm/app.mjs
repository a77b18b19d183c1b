// Node ESM: the packed packages' `import` builds.

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
  for (const line of await scenario(sdk, JSON.parse(process.argv[2]))) console.log(line);
  console.log('ECOSYSTEM PASS');
} catch (error) {
  console.log(`ECOSYSTEM FAIL ${error?.stack ?? error}`);
  process.exitCode = 1;
}
