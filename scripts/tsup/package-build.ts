import { defineConfig, type Options } from 'tsup';
import { zodFromCore } from './zod-from-core.js';

/**
 * The build of every payweave package, two trees:
 *
 * - `dist/*.js|cjs` (+ `.d.ts`): one bundled module per entry, what Node, Deno and Bun load
 *   (`import` / `require` conditions). One file per entry keeps an import fast (Node's ESM
 *   loader pays per module: zod's ~120 files were ~70 ms of every import), and zod/mini comes
 *   from core's one bundled copy (`zodFromCore`; core itself passes `bundleZod`).
 * - `dist/module/**` : the sources one-to-one as ESM, what bundlers pick (the `module`
 *   condition, which esbuild, webpack, Rollup and Vite honour and Node ignores). With
 *   `"sideEffects": false` a bundler drops every module an app does not reach, so
 *   `createPayaClient(..., { transactions })` really leaves the other resources out; in the
 *   single bundled file the unused operations' top-level calls would all be kept. This tree
 *   imports `zod/mini` itself, so the app's bundler tree-shakes zod too.
 *
 * @param entry - Entry points by output name (`{ index: 'src/index.ts' }`).
 * @param options - `bundleZod` for core (bundles zod/mini into its dist instead of importing it).
 */
export function packageBuild(
  entry: Record<string, string>,
  options: { bundleZod?: boolean } = {},
): ReturnType<typeof defineConfig> {
  const shared: Options = { sourcemap: false, target: 'node20' };
  return defineConfig([
    {
      ...shared,
      entry,
      format: ['esm', 'cjs'],
      dts: true,
      clean: ['**/*', '!module/**'],
      ...(options.bundleZod
        ? // Core's entries share the bundled zod through a chunk of their own.
          { noExternal: [/^zod(\/|$)/], splitting: true }
        : // Not external: zodFromCore points it at core's bundled copy instead.
          { noExternal: ['zod/mini'], esbuildPlugins: [zodFromCore] }),
    },
    {
      ...shared,
      // Test-only sources (tests, type tests, fixtures, the Prism contract harness) are not shipped.
      entry: [
        'src/**/*.ts',
        '!src/**/*.test.ts',
        '!src/**/*.test-d.ts',
        '!src/**/test-support/**',
        '!src/**/*-test-fixtures.ts',
        '!src/**/contract/**',
      ],
      outDir: 'dist/module',
      format: ['esm'],
      bundle: false,
      dts: false,
      clean: true,
    },
  ]);
}
