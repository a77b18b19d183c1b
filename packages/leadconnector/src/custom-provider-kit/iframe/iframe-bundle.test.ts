import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `@payweave/leadconnector/iframe` runs in checkout pages: it must pull nothing else into a
// browser bundle (no core, no zod, no other file of the package).

const folder = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(folder, '../../..');
const repoRoot = resolve(packageRoot, '../..');
const entry = join(folder, 'index.ts');
/** The part of esbuild's API used here (esbuild is not a dependency of this package, so no types). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    metafile: { inputs: Record<string, unknown> };
    outputFiles: { text: string }[];
  }>;
}

interface ResolveArgs {
  kind: string;
  path: string;
  resolveDir: string;
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/g;

describe('@payweave/leadconnector/iframe', () => {
  it('imports only files of its own folder, none of them a test', () => {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const specifier = match[1]!;
        expect(specifier.startsWith('./'), `${relative(folder, file)} imports ${specifier}`).toBe(true);
        walk(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
      }
    };
    walk(entry);
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect([...seen].map((file) => relative(folder, file)).sort()).toEqual(sources.sort());
  });

  it('bundles for the browser with esbuild into a few kB that import nothing', async () => {
    // esbuild is the bench workspace's dependency; the repo always has it installed.
    const esbuildPath = createRequire(join(repoRoot, 'bench/package.json')).resolve('esbuild');
    const esbuild = (await import(esbuildPath)) as Esbuild;
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      minify: true,
      metafile: true,
      // Anything outside the folder would fail the build instead of being bundled silently.
      plugins: [
        {
          name: 'only-this-folder',
          setup(build: {
            onResolve(options: { filter: RegExp }, callback: (args: ResolveArgs) => unknown): void;
          }) {
            build.onResolve({ filter: /.*/ }, (args) => {
              if (args.kind === 'entry-point') return undefined;
              const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
              if (!target.startsWith(folder)) return { errors: [{ text: `imports ${args.path}` }] };
              return { path: target };
            });
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs).map((file) => resolve(repoRoot, file));
    for (const input of inputs) expect(input.startsWith(folder), input).toBe(true);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\bimport\s*[{(*"'\w]/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toContain('custom_provider_ready');
    expect(code.length).toBeLessThan(4_000);
  });

  it.skipIf(!existsSync(join(packageRoot, 'dist/iframe.js')))(
    'the built dist/iframe.js imports nothing',
    () => {
      for (const file of ['dist/iframe.js', 'dist/iframe.cjs']) {
        const code = readFileSync(join(packageRoot, file), 'utf8');
        expect(code, file).not.toMatch(/(?:^|\n)\s*import\s/);
        expect(code, file).not.toMatch(/\brequire\(/);
        expect(code, file).not.toContain('zod');
      }
    },
  );
});
