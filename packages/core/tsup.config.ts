import { packageBuild } from '../../scripts/tsup/package-build.js';

// zod/mini is bundled into core's dist and shared by every package (scripts/tsup/zod-from-core.ts says why).
export default packageBuild({ index: 'src/index.ts', zod: 'src/zod.ts' }, { bundleZod: true });
