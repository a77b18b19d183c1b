/**
 * `pnpm bench`: every benchmark of issue 7, then bench/RESULTS.md. `--quick` makes short
 * runs for trying things out (its figures are not for RESULTS.md: it writes
 * bench/.out/RESULTS.quick.md instead).
 *
 * Processes: this orchestrator; one server child (fixed-response server + simulators);
 * and a fresh child per measured client, so no process measures its own server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runColdStartStage } from './cold-start/cold-start-stage.js';
import type { BenchContext, StageReport } from './lib/bench-context.js';
import { ensureBuilt } from './lib/build-packages.js';
import { forkWithIpc } from './lib/child-process.js';
import { compileEntries } from './lib/compile-entries.js';
import { markdownTable } from './lib/format.js';
import { describeMachine } from './lib/machine.js';
import { runPagingStage } from './paging/paging-stage.js';
import { runPerCallStage } from './per-call/per-call-stage.js';
import { runProfileStage } from './profile/profile-stage.js';
import type { ServerReady } from './server/server-protocol.js';
import { runSizeStage } from './size/size-stage.js';
import { runStormStage } from './storms/storm-stage.js';

const benchDir = import.meta.dirname;
const quick = process.argv.includes('--quick');
const started = performance.now();

async function compileAll(): Promise<Record<string, string>> {
  return compileEntries(benchDir, {
    server: 'server/bench-server.ts',
    perCall: 'per-call/per-call-worker.ts',
    paging: 'paging/paging-worker.ts',
    tokenStorm: 'storms/token-storm-worker.ts',
    rateLimit: 'storms/rate-limit-worker.ts',
  });
}

async function timed<T>(name: string, stage: () => Promise<T> | T): Promise<T> {
  const stageStart = performance.now();
  console.log(`${name} ...`);
  const result = await stage();
  console.log(`${name}: ${((performance.now() - stageStart) / 1000).toFixed(1)} s`);
  return result;
}

const buildNote = await timed('build', () => ensureBuilt(join(benchDir, '..')));
const files = await timed('compile', compileAll);
const { child: server, ready } = await forkWithIpc<ServerReady>(files.server as string);
const context: BenchContext = { benchDir, files, server, ready, quick };
let reports: StageReport[];
try {
  const perCall = await timed('per-call', () => runPerCallStage(context));
  const paging = await timed('paging', () => runPagingStage(context));
  const size = await timed('size', runSizeStage);
  const coldStart = await timed('cold start', () => runColdStartStage(context));
  const storms = await timed('storms', () => runStormStage(context));
  const profile = await timed('profile', () => runProfileStage(context));
  reports = [perCall, paging, size, coldStart, storms, profile];
} finally {
  server.stop();
}

const minutes = (performance.now() - started) / 60_000;
const targets = reports.flatMap((report) => report.targets);
const analysis = readFileSync(join(benchDir, 'analysis.md'), 'utf8');
const results = `# payweave benchmarks

Written by \`pnpm bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}${quick ? ' (QUICK run: short, not for comparison)' : ''}.

- Machine: ${describeMachine()}
- Whole run: ${minutes.toFixed(1)} min${buildNote ? ` (${buildNote})` : ''}
- Reproduce: \`npx --yes pnpm@10.34.8 install && npx --yes pnpm@10.34.8 bench\` (everything below, ~${Math.ceil(minutes)} min),
  \`npx --yes pnpm@10.34.8 size\` (bundle sizes and budgets only, a few seconds).
- Processes: the loopback servers run in their own child process; every measured client runs in a fresh child
  process of its own, so the server's CPU never counts as the client's. Ratios compare figures of this same run.

## Targets

${markdownTable(
  ['target', 'measured', 'verdict'],
  targets.map((target) => [target.target, target.measured, target.met ? 'met' : '**not met**']),
)}

${reports.map((report) => report.markdown).join('\n\n')}

${analysis}`;
const outFile = quick ? join(benchDir, '.out', 'RESULTS.quick.md') : join(benchDir, 'RESULTS.md');
writeFileSync(outFile, results);
console.log(`wrote ${outFile} (${minutes.toFixed(1)} min)`);
for (const target of targets)
  console.log(`${target.met ? 'met    ' : 'NOT MET'}  ${target.target}: ${target.measured}`);
