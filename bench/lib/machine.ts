import { cpus, totalmem, type } from 'node:os';

/** One line describing the machine and runtime, for RESULTS.md. */
export function describeMachine(): string {
  const cores = cpus();
  return `${type()} ${process.arch}, ${cores.length} x ${cores[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 1_073_741_824)} GB RAM, Node ${process.version}`;
}
