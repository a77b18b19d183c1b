import type { StageReport } from '../lib/bench-context.js';
import { formatKb, formatRatio, markdownTable } from '../lib/format.js';
import { measureAll, readBudgets } from '../size-budget.js';

/** Bundle sizes of the one-call apps, against the budgets and stripe's app. */
export async function runSizeStage(): Promise<StageReport> {
  const budgets = readBudgets();
  const sizes = await measureAll();
  const stripe = sizes.find((size) => size.name === 'stripe')?.gzipped ?? Number.NaN;
  const rows = sizes.map((size) => {
    const budget = budgets[size.name];
    return [
      size.name,
      formatKb(size.minified),
      formatKb(size.gzipped),
      formatRatio(size.gzipped / stripe),
      budget === undefined ? 'peer' : `${formatKb(budget)} ${size.gzipped <= budget ? 'ok' : '**over**'}`,
    ];
  });
  const ours = sizes.filter((size) => budgets[size.name] !== undefined);
  const single = ours.filter((size) => size.name !== 'payweave');
  const biggest = single.reduce((worst, size) => (size.gzipped > worst.gzipped ? size : worst));
  const facade = ours.find((size) => size.name === 'payweave');
  const markdown = `## 3. Bundle size

A one-call app per package (bench/size/size-apps.ts), bundled by esbuild (minified, ESM, platform node) and
gzipped (level 9); payweave from source through the tsconfig paths, peers from node_modules. Budgets are in
bench/size-budgets.json; \`pnpm size\` fails when one is exceeded. 1 kB = 1,000 bytes.

${markdownTable(['app', 'minified', 'gzipped', 'vs stripe app', 'budget'], rows)}`;
  return {
    markdown,
    targets: [
      {
        target: 'Single-provider app <= 15 kB gzipped',
        measured: `largest ${biggest.name} ${formatKb(biggest.gzipped)} (${formatRatio(biggest.gzipped / 15_000)} of budget)`,
        met: single.every((size) => size.gzipped <= 15_000),
      },
      {
        target: 'Facade with all four <= 35 kB gzipped',
        measured: facade
          ? `${formatKb(facade.gzipped)} (${formatRatio(facade.gzipped / 35_000)} of budget)`
          : 'not measured',
        met: facade !== undefined && facade.gzipped <= 35_000,
      },
    ],
  };
}
