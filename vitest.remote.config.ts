import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/** `pnpm test:remote`: only the `*.remote.test.ts` files, against the real sandboxes. */
export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: { include: ['**/*.remote.test.ts'], exclude: ['**/node_modules/**'], testTimeout: 120_000 },
  }),
);
