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
 * Bundles an app with esbuild (minified, ESM, Node target) and gzips it (level 9).
 * `@payweave/*` and `payweave` come from each package's `src` through the root
 * tsconfig `paths`, so no build is needed; the peers come from `bench/node_modules`.
 */
export async function measureApp(app: SizeApp, benchDir: string, tsconfig: string): Promise<AppSize> {
  const result = await build({
    stdin: { contents: app.source, resolveDir: benchDir, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig,
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
