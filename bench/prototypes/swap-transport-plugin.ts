import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/** Transport variants the bench compares with the core's as-is transport. */
export type TransportVariant = 'core' | 'direct-fetch' | 'node-fast-path';

/**
 * An esbuild plugin that bundles payweave with a prototype transport in place of
 * packages/core/src/http/http-client.ts, leaving every other line of the core as is.
 */
export function swapTransportPlugin(variant: TransportVariant, benchDir: string): Plugin {
  return {
    name: `swap-transport-${variant}`,
    setup(build) {
      if (variant === 'core') return;
      const prototypes = join(benchDir, 'prototypes');
      build.onResolve({ filter: /\/http-client\.js$/ }, (args) =>
        args.importer.includes(join('packages', 'core', 'src'))
          ? { path: join(prototypes, 'lean-http-client.ts') }
          : undefined,
      );
      if (variant === 'node-fast-path') {
        build.onResolve({ filter: /^\.\/default-exchange\.js$/ }, (args) =>
          args.importer.startsWith(prototypes)
            ? { path: join(prototypes, 'node-default-exchange.ts') }
            : undefined,
        );
      }
    },
  };
}
