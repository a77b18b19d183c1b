import { spawnSync } from 'node:child_process';
import type { BenchContext, StageReport } from '../lib/bench-context.js';
import { formatNumber, formatRatio, markdownTable } from '../lib/format.js';
import { median } from '../lib/stats.js';

const modules = [
  'node:http',
  '@payweave/paya',
  '@payweave/leadconnector',
  '@payweave/payconnect',
  '@payweave/connectfi',
  'payweave',
  'stripe',
  '@gohighlevel/api-client',
] as const;

// Prints the ms the import took inside a fresh process (Node's own start-up excluded).
const probe = (specifier: string) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;

function importOnce(specifier: string, cwd: string): { importMs: number; processMs: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', probe(specifier)], {
    cwd,
    encoding: 'utf8',
  });
  const processMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`importing ${specifier} failed: ${run.stderr}`);
  return { importMs: Number(run.stdout.trim()), processMs };
}

/**
 * Cold start: a fresh `node` process imports one package (as an app would, from
 * bench/node_modules: our packages' built `dist`, the peers as published); median of N
 * interleaved runs. Needs `pnpm build` first (run.ts does it when a dist is stale).
 */
export function runColdStartStage(context: BenchContext): StageReport {
  const runs = context.quick ? 5 : 15;
  const samples = new Map<string, { importMs: number[]; processMs: number[] }>(
    modules.map((name) => [name, { importMs: [], processMs: [] }]),
  );
  for (let round = 0; round < runs; round += 1) {
    for (const name of modules) {
      const sample = importOnce(name, context.benchDir);
      samples.get(name)?.importMs.push(sample.importMs);
      samples.get(name)?.processMs.push(sample.processMs);
    }
  }
  const importMs = (name: string) => median(samples.get(name)?.importMs ?? []);
  const stripeMs = importMs('stripe');
  const rows = modules.map((name) => [
    name === 'node:http' ? 'node:http (nothing to load)' : name,
    formatNumber(importMs(name), 1),
    formatRatio(importMs(name) / stripeMs),
    formatNumber(median(samples.get(name)?.processMs ?? []), 0),
  ]);
  const providers = modules.filter((name) => name.startsWith('@payweave/'));
  const slowest = providers.reduce((worst, name) => (importMs(name) > importMs(worst) ? name : worst));
  const markdown = `## 4. Cold start

A fresh \`node\` process per sample imports the package (\`await import(...)\` timed inside the process, so Node's
own start-up is excluded; "whole process" is spawn to exit, seen from the parent). payweave packages load their
built \`dist\` (ESM) with their dependencies from node_modules, exactly as an installed app would. Median of ${runs}
interleaved runs.

${markdownTable(['module', 'import ms', 'vs stripe', 'whole process ms'], rows)}`;
  return {
    markdown,
    targets: [
      {
        target: "Import of a provider package at most half of stripe's",
        measured: `slowest provider ${slowest} ${formatNumber(importMs(slowest))} ms = ${formatRatio(importMs(slowest) / stripeMs)} of stripe (${formatNumber(stripeMs)} ms); facade ${formatRatio(importMs('payweave') / stripeMs)}`,
        met: providers.every((name) => importMs(name) <= stripeMs / 2),
      },
    ],
  };
}
