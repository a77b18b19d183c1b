import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { SizeApp } from './size-apps.js';

/** Sizes of one bundled app, in bytes. */
export interface AppSize {
  readonly name: string;
  readonly peer: boolean;
  readonly minified: number;
  readonly gzipped: number;
}

/**
 * Bundles an app with esbuild (minified, ESM, Node target) and gzips it (level 9), the way a
 * user's bundler meets the packages: `@payweave/*` and `payweave` resolve through
 * `bench/node_modules` to their built `dist` (the `module` condition: the one-to-one ESM
 * tree, so unused modules drop out), so `pnpm run build` must have run; the peers come from
 * `bench/node_modules` too.
 */
export async function measureApp(app: SizeApp, benchDir: string): Promise<AppSize> {
  const result = await build({
    stdin: { contents: app.source, resolveDir: benchDir, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // Optional native add-ons of the GHL client's `mongodb` dependency; a user's bundler drops them too.
    external: [
      'kerberos',
      'snappy',
      'socks',
      'aws4',
      'mongodb-client-encryption',
      '@mongodb-js/zstd',
      'gcp-metadata',
      '@aws-sdk/credential-providers',
    ],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    name: app.name,
    peer: app.peer,
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
  };
}
