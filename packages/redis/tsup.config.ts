import { packageBuild } from '../../scripts/tsup/package-build.js';

export default packageBuild({ index: 'src/index.ts' });
