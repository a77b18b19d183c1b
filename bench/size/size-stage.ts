import type { StageReport } from '../lib/bench-context.js';
import { formatKb, formatRatio, markdownTable } from '../lib/format.js';
import { measureAll, readBudgets } from '../size-budget.js';
import type { AppSize } from './measure-size.js';

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
  const byName = (name: string) => sizes.find((size) => size.name === name);
  // Apps that call a provider's full client (createPaya, ...) and apps built from the one
  // resource they use (createPayaClient, ...; names ending in "only)").
  const fullApps = sizes.filter((size) => /^@payweave\/[a-z]+$/.test(size.name));
  const resourceApps = sizes.filter((size) => /^@payweave\/.+ only\)$/.test(size.name));
  const largest = (apps: readonly AppSize[]) =>
    apps.reduce((worst, size) => (size.gzipped > worst.gzipped ? size : worst));
  const facade = byName('payweave');
  const paya = byName('@payweave/paya');
  const payaViaFacade = byName('payweave (createPaya only)');
  const singleTarget = (apps: readonly AppSize[], target: string) => {
    const worst = largest(apps);
    return {
      target,
      measured: `largest ${worst.name} ${formatKb(worst.gzipped)} (${formatRatio(worst.gzipped / 15_000)} of 15 kB); ${apps
        .filter((size) => size !== worst)
        .map((size) => `${size.name.replace('@payweave/', '')} ${formatKb(size.gzipped)}`)
        .join(', ')}`,
      met: apps.every((size) => size.gzipped <= 15_000),
    };
  };
  const markdown = `## 3. Bundle size

A one-call app per package (bench/size/size-apps.ts), bundled by esbuild (minified, ESM, platform node) and
gzipped (level 9), resolving the packages' built \`dist\` as a user's bundler does (the \`module\` tree), peers from node_modules. Budgets are in
bench/size-budgets.json; \`pnpm size\` fails when one is exceeded. 1 kB = 1,000 bytes.

${markdownTable(['app', 'minified', 'gzipped', 'vs stripe app', 'budget'], rows)}`;
  return {
    markdown,
    targets: [
      singleTarget(fullApps, 'Single-provider app (full client, one call) <= 15 kB gzipped'),
      singleTarget(resourceApps, 'Single-provider app (client of the one resource used) <= 15 kB gzipped'),
      {
        target: 'Facade with all four <= 35 kB gzipped',
        measured: facade
          ? `${formatKb(facade.gzipped)} (${formatRatio(facade.gzipped / 35_000)} of budget)`
          : 'not measured',
        met: facade !== undefined && facade.gzipped <= 35_000,
      },
      {
        target: "`import { createPaya } from 'payweave'` the same size as from `@payweave/paya`",
        measured:
          paya && payaViaFacade
            ? `${formatKb(payaViaFacade.gzipped)} vs ${formatKb(paya.gzipped)} (${payaViaFacade.gzipped - paya.gzipped} bytes apart)`
            : 'not measured',
        // "The same" within 100 gzipped bytes: the facade's re-export costs an import line, no module.
        met:
          paya !== undefined &&
          payaViaFacade !== undefined &&
          Math.abs(payaViaFacade.gzipped - paya.gzipped) <= 100,
      },
    ],
  };
}
