/**
 * `pnpm size`: the minified + gzipped size of a one-call app per payweave package (and of
 * the same app with stripe and @gohighlevel/api-client), checked against
 * `bench/size-budgets.json`. Exits 1 when a package is over its budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatKb } from './lib/format.js';
import { type AppSize, measureApp } from './size/measure-size.js';
import { sizeApps } from './size/size-apps.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const packagesDir = join(benchDir, '..', 'packages');

/** Budgets in gzipped bytes, by package name. */
export function readBudgets(): Record<string, number> {
  const raw = JSON.parse(readFileSync(join(benchDir, 'size-budgets.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

/** Measures every app (in parallel: esbuild is fast and this runs in CI). */
export function measureAll(): Promise<AppSize[]> {
  const unbuilt = readdirSync(packagesDir).filter(
    (name) => !existsSync(join(packagesDir, name, 'dist', 'module')),
  );
  if (unbuilt.length > 0) {
    throw new Error(
      `size: ${unbuilt.join(', ')} not built (the apps bundle the packages' dist): run pnpm run build first`,
    );
  }
  return Promise.all(sizeApps.map((app) => measureApp(app, benchDir)));
}

/** Names of the packages over their budget. */
export function overBudget(sizes: readonly AppSize[], budgets: Record<string, number>): string[] {
  return sizes
    .filter((size) => budgets[size.name] !== undefined && size.gzipped > (budgets[size.name] as number))
    .map((size) => size.name);
}

async function main(): Promise<void> {
  const budgets = readBudgets();
  const sizes = await measureAll();
  for (const size of sizes) {
    const budget = budgets[size.name];
    const verdict =
      budget === undefined
        ? 'peer'
        : size.gzipped <= budget
          ? `ok (budget ${formatKb(budget)})`
          : `OVER budget ${formatKb(budget)}`;
    console.log(
      `${size.name.padEnd(36)} ${formatKb(size.minified).padStart(10)} min  ${formatKb(size.gzipped).padStart(9)} gz  ${verdict}`,
    );
  }
  const over = overBudget(sizes, budgets);
  if (over.length > 0) {
    console.error(`size budget exceeded: ${over.join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
