import type { Options } from 'tsup';

/** esbuild's plugin type, as tsup takes it (esbuild itself is tsup's dependency, not ours). */
type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Points every package's runtime `zod/mini` import at `@payweave/core/zod`, the one copy of
 * zod/mini bundled into core's dist (issue 19). Loading zod from its ~120 ESM files cost about
 * 70 ms of every import on Node 20; one bundled module costs a fraction of that, and a single
 * copy keeps one zod config and one set of constructors in the process. Types still come from
 * the `zod` dependency (declarations are untouched), so the public `.d.ts` files do not change.
 */
export const zodFromCore: EsbuildPlugin = {
  name: 'zod-from-core',
  setup(build) {
    build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: '@payweave/core/zod', external: true }));
  },
};
