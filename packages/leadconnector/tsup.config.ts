import { packageBuild } from '../../scripts/tsup/package-build.js';

// `iframe` is browser code that imports nothing: the main entry re-exports only its types, so the two share no chunk.
export default packageBuild({ index: 'src/index.ts', iframe: 'src/custom-provider-kit/iframe/index.ts' });
