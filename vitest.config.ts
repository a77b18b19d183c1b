import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packageDirectories = readdirSync(new URL('./packages', import.meta.url));

/** Source aliases: tests run against `src`, so no build is needed before `pnpm test`. */
const alias = {
  // Subpath entries first: an alias also matches the paths below its name.
  '@payweave/testing/msw': `${root}packages/testing/src/msw.ts`,
  '@payweave/leadconnector/iframe': `${root}packages/leadconnector/src/custom-provider-kit/iframe/index.ts`,
  ...Object.fromEntries(
    packageDirectories.map((directory) => [
      directory === 'payweave' ? 'payweave' : `@payweave/${directory}`,
      `${root}packages/${directory}/src/index.ts`,
    ]),
  ),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      ...packageDirectories.map((directory) => ({
        extends: true as const,
        test: {
          name: directory,
          include: [`packages/${directory}/src/**/*.test.ts`],
          // @payweave/redis tests run against a real redis-server that this setup starts and stops.
          ...(directory === 'redis'
            ? { globalSetup: ['packages/redis/src/test-support/global-setup.ts'], testTimeout: 60_000 }
            : {}),
        },
      })),
      {
        extends: true as const,
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            include: ['packages/*/src/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true as const,
        test: {
          name: 'reliability',
          include: ['reliability/**/*.test.ts'],
          exclude: ['reliability/**/*.soak.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true as const,
        test: {
          name: 'examples',
          include: ['examples/**/*.test.ts'],
          // Sandbox tests need credentials and the network: `pnpm test:remote` runs them.
          exclude: ['**/*.remote.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
