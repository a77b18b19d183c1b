/**
 * One client in its own process: warm up, then several timed runs of `calls` calls at a
 * given concurrency. Reports wall and CPU µs per call for each run.
 * Args: <kind> <baseUrl> <concurrency> <calls> <runs> <warmupCalls>
 */
import { reportResult } from '../lib/child-process.js';
import { type Call, type ClientKind, createCall } from './per-call-clients.js';

/** Per-run figures of one client. */
export interface PerCallRuns {
  readonly wallMicros: number[];
  readonly cpuMicros: number[];
}

async function runBatch(call: Call, calls: number, concurrency: number): Promise<void> {
  let started = 0;
  const lane = async () => {
    while (started < calls) {
      started += 1;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

const [kind, baseUrl, concurrency, calls, runs, warmup] = process.argv.slice(2);
const call = await createCall(kind as ClientKind, baseUrl as string);
await runBatch(call, Number(warmup), Number(concurrency));
const result: PerCallRuns = { wallMicros: [], cpuMicros: [] };
for (let run = 0; run < Number(runs); run += 1) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await runBatch(call, Number(calls), Number(concurrency));
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  result.wallMicros.push((wall * 1000) / Number(calls));
  result.cpuMicros.push((used.user + used.system) / Number(calls));
}
reportResult(result);
