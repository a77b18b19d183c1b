/**
 * Runs the core's and the providers' own test suites with a prototype transport in place
 * of packages/core/src/http/http-client.ts, to show the prototype keeps every behaviour:
 *   npx vitest run --config bench/prototypes/vitest.prototype.config.ts            (direct fetch)
 *   PROTOTYPE=node-fast-path npx vitest run --config bench/prototypes/vitest.prototype.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig, type Plugin } from 'vitest/config';
import rootConfig from '../../vitest.config.js';

const prototypes = fileURLToPath(new URL('.', import.meta.url));
const nodeFastPath = process.env.PROTOTYPE === 'node-fast-path';

const swapTransport: Plugin = {
  name: 'swap-transport',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer) return null;
    if (source.endsWith('/http-client.js') && importer.includes('/packages/core/src/'))
      return `${prototypes}lean-http-client.ts`;
    if (nodeFastPath && source === './default-exchange.js' && importer.startsWith(prototypes))
      return `${prototypes}node-default-exchange.ts`;
    return null;
  },
};

export default mergeConfig(
  rootConfig,
  defineConfig({ plugins: [swapTransport], root: fileURLToPath(new URL('../..', import.meta.url)) }),
);
