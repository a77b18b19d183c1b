import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Packages the compiled scripts load from `bench/node_modules` at run time, as users would. */
const runtimeExternals = ['stripe', '@gohighlevel/api-client', 'undici', 'esbuild'];

/**
 * Compiles bench scripts (TypeScript) to plain `.mjs` files in `bench/.out`, so measured
 * processes run on bare `node` with no loader in the way. payweave comes from each
 * package's `src` through the root tsconfig `paths` (the same code tsup ships, bundled
 * with ky, zod and ts-results-es); the peers stay external. Not minified, so CPU profiles
 * keep function names.
 */
export async function compileEntries(
  benchDir: string,
  entries: Record<string, string>,
  plugins: Plugin[] = [],
): Promise<Record<string, string>> {
  const outDir = join(benchDir, '.out');
  await build({
    entryPoints: Object.fromEntries(
      Object.entries(entries).map(([name, file]) => [name, join(benchDir, file)]),
    ),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(benchDir, '..', 'tsconfig.json'),
    external: runtimeExternals,
    // Bundled CommonJS dependencies (msw's) still call require().
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
    logLevel: 'warning',
    plugins,
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, join(outDir, `${name}.mjs`)]));
}
