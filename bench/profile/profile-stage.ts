import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, StageReport } from '../lib/bench-context.js';
import { runWorker } from '../lib/child-process.js';
import { formatNumber, markdownTable } from '../lib/format.js';
import { type ProfileSummary, summarizeProfile } from './profile-summary.js';

interface Profiled {
  readonly label: string;
  readonly kind: string;
  readonly file: string;
}

/**
 * CPU profiles (`node --cpu-prof`) of raw fetch and payweave on both of its transports,
 * at concurrency 16: self time per call by owner (ky, zod, the core's
 * transport, Node's fetch, Node core, GC) and payweave's top functions.
 */
export async function runProfileStage(
  context: BenchContext,
): Promise<StageReport & { summaries: Map<string, ProfileSummary> }> {
  const { files, ready, benchDir } = context;
  const calls = context.quick ? 500 : 3000;
  const warmup = context.quick ? 500 : 2000;
  const profiled: Profiled[] = [
    { label: 'fetch', kind: 'fetch', file: files.perCall as string },
    { label: 'payweave (Node http)', kind: 'payweave', file: files.perCall as string },
    { label: 'payweave (fetch)', kind: 'payweave-fetch', file: files.perCall as string },
  ];
  const summaries = new Map<string, ProfileSummary>();
  for (const entry of profiled) {
    const dir = join(benchDir, '.out', 'profiles', entry.label.replace(/\W+/g, '-'));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await runWorker(
      entry.file,
      [entry.kind, ready.fixedUrl, '16', String(calls), '1', String(warmup)],
      ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    );
    const profile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (profile) summaries.set(entry.label, summarizeProfile(join(dir, profile), entry.file, 12));
  }
  const perCall = (ms: number) => formatNumber((ms * 1000) / (calls + warmup), 0);
  const buckets = [
    ...new Set(
      [...summaries.values()].flatMap((summary) => summary.buckets.slice(0, 10).map((bucket) => bucket.name)),
    ),
  ];
  const labels = [...summaries.keys()];
  const rows = buckets.map((bucket) => [
    bucket,
    ...labels.map((label) => {
      const found = summaries.get(label)?.buckets.find((candidate) => candidate.name === bucket);
      return found ? perCall(found.ms) : '-';
    }),
  ]);
  rows.push([
    '**total sampled**',
    ...labels.map((label) => `**${perCall(summaries.get(label)?.totalMs ?? 0)}**`),
  ]);
  const top = summaries.get('payweave (Node http)')?.functions ?? [];
  const markdown = `## 6. Where payweave's per-call time goes (CPU profiles)

\`node --cpu-prof\` of a worker making ${warmup} + ${calls} calls at concurrency 16 (profiles in
\`bench/.out/profiles/\`). Self time in µs per call, by owner: a dependency, a folder of a payweave package,
Node's bundled undici (behind \`fetch\`), Node's own modules (streams, sockets, AbortSignal), V8 natives and GC.
The profiler slows everything down, so compare rows, not with section 1. Owners are found from the module
comments esbuild leaves in the (unminified) worker bundle.

${markdownTable(['owner', ...labels.map((label) => `${label} µs/call`)], rows)}

Top self-time functions of payweave (as-is transport):

${markdownTable(
  ['function — module', 'µs/call', 'share'],
  top.map((entry) => [
    entry.name.replace(/\|/g, '\\|'),
    perCall(entry.ms),
    `${formatNumber(entry.share * 100)}%`,
  ]),
)}`;
  return { markdown, targets: [], summaries };
}
