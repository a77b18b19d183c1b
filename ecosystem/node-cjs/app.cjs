// Node CommonJS: the packed packages' `require` builds.
const { isPaymentsError } = require('@payweave/core');
const { createConnectFi } = require('@payweave/connectfi');
const { createLeadConnector } = require('@payweave/leadconnector');
const { createPaya } = require('@payweave/paya');
const { createPayConnect } = require('@payweave/payconnect');
const { createPayweave, leadConnectorWebhooks, payaPostbacks } = require('payweave');
const { redisTokenStore } = require('@payweave/redis');

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
// The scenario is plain ESM shared by every app; the SDK itself is loaded with require() above.
import('../shared/scenario.mjs')
  .then(({ scenario }) => scenario(sdk, JSON.parse(process.argv[2])))
  .then((lines) => {
    for (const line of lines) console.log(line);
    console.log('ECOSYSTEM PASS');
  })
  .catch((error) => {
    console.log(`ECOSYSTEM FAIL ${error?.stack ?? error}`);
    process.exitCode = 1;
  });
