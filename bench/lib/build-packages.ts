import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const packages = ['core', 'paya', 'leadconnector', 'payconnect', 'connectfi', 'payweave'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Runs `pnpm build` when a package's `dist/index.js` is missing or older than its
 * sources (cold start imports the built packages). A failed build is reported but does
 * not stop the bench while every `dist/index.js` exists (tsup writes JS before types).
 */
export function ensureBuilt(rootDir: string): string | undefined {
  const stale = packages.filter((name) => {
    const dist = join(rootDir, 'packages', name, 'dist', 'index.js');
    return !existsSync(dist) || statSync(dist).mtimeMs < newestMtime(join(rootDir, 'packages', name, 'src'));
  });
  if (stale.length === 0) return undefined;
  console.log(`building (stale: ${stale.join(', ')}) ...`);
  const run = spawnSync('npx', ['--yes', 'pnpm@10.34.8', 'build'], { cwd: rootDir, encoding: 'utf8' });
  const missing = packages.filter((name) => !existsSync(join(rootDir, 'packages', name, 'dist', 'index.js')));
  if (missing.length > 0)
    throw new Error(`build failed and left no dist for ${missing.join(', ')}:\n${run.stdout}\n${run.stderr}`);
  return run.status === 0
    ? undefined
    : 'pnpm build reported errors (type declarations); the JavaScript in dist was used';
}
