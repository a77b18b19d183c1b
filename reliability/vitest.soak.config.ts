import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import rootConfig from '../vitest.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `pnpm test:soak`: the long soak only, with the workspace's source aliases. */
export default mergeConfig(
  { resolve: rootConfig.resolve },
  defineConfig({
    root,
    test: {
      include: ['reliability/**/*.soak.test.ts'],
      testTimeout: 600_000,
    },
  }),
);
