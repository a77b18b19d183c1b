import { defineConfig } from 'tsup';
import { zodFromCore } from '../../scripts/tsup/zod-from-core.js';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  // Not external: zodFromCore points it at core's bundled copy instead.
  noExternal: ['zod/mini'],
  esbuildPlugins: [zodFromCore],
});
