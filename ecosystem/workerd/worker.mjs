// workerd (Cloudflare Workers' runtime): bundled by run.mjs with esbuild from the installed
// packages, served by workerd from a generated config; run.mjs POSTs to it and reads the result.
// The settings come from the CONFIG json binding.

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

export default {
  async fetch(_request, env) {
    try {
      const lines = await scenario(sdk, env.CONFIG);
      return new Response(`${lines.join('\n')}\nECOSYSTEM PASS\n`);
    } catch (error) {
      return new Response(`ECOSYSTEM FAIL ${error?.stack ?? error}\n`, { status: 500 });
    }
  },
};
