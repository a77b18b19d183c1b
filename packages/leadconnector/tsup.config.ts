import { defineConfig } from 'tsup';
import { zodFromCore } from '../../scripts/tsup/zod-from-core.js';

export default defineConfig({
  // `iframe` is browser code that imports nothing: the main entry re-exports only its types, so the two share no chunk.
  entry: { index: 'src/index.ts', iframe: 'src/custom-provider-kit/iframe/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  // Not external: zodFromCore points it at core's bundled copy instead.
  noExternal: ['zod/mini'],
  esbuildPlugins: [zodFromCore],
});
