import type { BenchContext, StageReport } from '../lib/bench-context.js';
import { runWorker } from '../lib/child-process.js';
import { formatNumber, formatRatio, markdownTable } from '../lib/format.js';
import { median } from '../lib/stats.js';
import type { PerCallRuns } from './per-call-worker.js';

interface Contender {
  readonly label: string;
  readonly kind: string;
  readonly file: string;
}

/** Median µs per call (wall and CPU) of each contender at one concurrency. */
export type PerCallMedians = Map<string, { wall: number; cpu: number }>;

/**
 * Per-call overhead: each contender in its own fresh process, the rounds interleaved
 * (so a busy moment of the machine hits every contender alike), the median of the rounds.
 */
export async function runPerCallStage(
  context: BenchContext,
): Promise<StageReport & { medians: Record<number, PerCallMedians> }> {
  const { files, ready } = context;
  const contenders: Contender[] = [
    { label: 'undici.request (floor)', kind: 'undici', file: files.perCall as string },
    { label: 'fetch (baseline)', kind: 'fetch', file: files.perCall as string },
    { label: 'payweave (default: Node http)', kind: 'payweave', file: files.perCall as string },
    { label: "payweave (transport: 'fetch')", kind: 'payweave-fetch', file: files.perCall as string },
    { label: 'stripe', kind: 'stripe', file: files.perCall as string },
    { label: '@gohighlevel/api-client', kind: 'gohighlevel', file: files.perCall as string },
  ];
  const rounds = context.quick ? 2 : 7;
  const calls = context.quick ? 300 : 800;
  const warmup = context.quick ? 300 : 800;
  const medians: Record<number, PerCallMedians> = {};
  // Wall µs per round, by concurrency and label: round r of every contender ran back to back.
  const wallByRound: Record<number, Map<string, number[]>> = {};
  const sections: string[] = [];
  for (const concurrency of [1, 16]) {
    const samples = new Map<string, { wall: number[]; cpu: number[] }>(
      contenders.map((contender) => [contender.label, { wall: [], cpu: [] }]),
    );
    for (let round = 0; round < rounds; round += 1) {
      for (const contender of contenders) {
        const runs = await runWorker<PerCallRuns>(contender.file, [
          contender.kind,
          ready.fixedUrl,
          String(concurrency),
          String(calls),
          '1',
          String(warmup),
        ]);
        const sample = samples.get(contender.label);
        sample?.wall.push(...runs.wallMicros);
        sample?.cpu.push(...runs.cpuMicros);
      }
    }
    const byLabel: PerCallMedians = new Map(
      [...samples.entries()].map(([label, sample]) => [
        label,
        { wall: median(sample.wall), cpu: median(sample.cpu) },
      ]),
    );
    medians[concurrency] = byLabel;
    wallByRound[concurrency] = new Map([...samples.entries()].map(([label, sample]) => [label, sample.wall]));
    const fetchMedian = byLabel.get('fetch (baseline)') as { wall: number; cpu: number };
    const rows = [...byLabel.entries()].map(([label, value]) => [
      label,
      formatNumber(value.wall, 0),
      formatRatio(value.wall / fetchMedian.wall),
      formatNumber(value.cpu, 0),
      formatRatio(value.cpu / fetchMedian.cpu),
    ]);
    sections.push(
      `### Concurrency ${concurrency}\n\n${markdownTable(['client', 'µs/call (wall)', 'vs fetch', 'client CPU µs/call', 'vs fetch'], rows)}`,
    );
  }
  const wallAt = (concurrency: number, label: string) => medians[concurrency]?.get(label)?.wall ?? Number.NaN;
  const node = 'payweave (default: Node http)';
  const viaFetch = "payweave (transport: 'fetch')";
  // Issue 19's targets, each at concurrency 1 and 16, as ratios of this run's medians (wall time).
  const compare = (label: string, against: string, limit: number, target: string) =>
    [1, 16].map((concurrency) => {
      // The verdict is the median of per-round ratios: the two clients of a round ran minutes
      // apart at most, so a busy spell of this shared machine weighs on both.
      const ours = wallByRound[concurrency]?.get(label) ?? [];
      const theirs = wallByRound[concurrency]?.get(against) ?? [];
      const perRound = ours.map((value, round) => value / (theirs[round] ?? Number.NaN));
      const ratio = median(perRound);
      return {
        target: `${target}, concurrency ${concurrency}`,
        measured: `${formatRatio(ratio)}, rounds ${formatRatio(Math.min(...perRound))}-${formatRatio(Math.max(...perRound))} (medians ${formatNumber(wallAt(concurrency, label), 0)} vs ${formatNumber(wallAt(concurrency, against), 0)} µs/call)`,
        met: ratio <= limit,
      };
    });
  const markdown = `## 1. Per-call overhead (Paya sale, ${ready.saleResponseBytes} response bytes)

Every client calls the fixed-response server (a separate process) and reads the same
${ready.saleResponseBytes}-byte Paya sale response: payweave \`paya.transactions.sale\`, raw \`fetch\` and
\`undici.request\` with the same JSON body and headers, \`stripe.charges.create\` (host/port/protocol at the
server) and \`@gohighlevel/api-client\` \`payments.recordOrderPayment\` (its base URL at the server).
Each figure is the median of ${rounds} interleaved rounds; each round is a fresh process that warms up with
${warmup} calls and then times ${calls} calls. "µs/call (wall)" is elapsed time / calls (at concurrency 16 that
is the inverse of throughput); "client CPU" is the client process's user + system CPU / calls. The targets
compare clients round by round (each ratio is of two processes that ran back to back) and take the median of
those ratios, with their range: a busy spell of this shared machine then weighs on both sides.
payweave runs its default transport (Node's http module, found at run time) and, in the second row, \`transport: 'fetch'\` (what Deno, Bun and edge runtimes use).

${sections.join('\n\n')}`;
  return {
    markdown,
    medians,
    targets: [
      ...compare(node, 'stripe', 1, 'Per call (Node transport) at or below stripe-node'),
      ...compare(
        node,
        'undici.request (floor)',
        1.5,
        'Per call (Node transport) within 1.5x of undici.request',
      ),
      ...compare(
        viaFetch,
        'fetch (baseline)',
        1.1,
        "Per call (transport: 'fetch') within 1.1x of a bare fetch",
      ),
    ],
  };
}
