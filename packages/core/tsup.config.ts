import { defineConfig } from 'tsup';

export default defineConfig({
  // `zod` is its own entry so every payweave package shares core's one bundled copy of zod/mini
  // (scripts/tsup/zod-from-core.ts says why); splitting puts it in a chunk both entries import.
  entry: { index: 'src/index.ts', zod: 'src/zod.ts' },
  format: ['esm', 'cjs'],
  noExternal: [/^zod(\/|$)/],
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
});
