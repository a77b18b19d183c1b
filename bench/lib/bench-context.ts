import type { ServerReady } from '../server/server-protocol.js';
import type { IpcChild } from './child-process.js';

/** What every stage of `pnpm bench` gets from run.ts. */
export interface BenchContext {
  /** Absolute path of bench/. */
  readonly benchDir: string;
  /** Compiled scripts by name (see run.ts). */
  readonly files: Readonly<Record<string, string>>;
  /** The server child (fixed-response server and simulators). */
  readonly server: IpcChild;
  /** Its URLs. */
  readonly ready: ServerReady;
  /** Fewer and shorter runs, for trying the bench out (`pnpm bench --quick`); not for RESULTS.md. */
  readonly quick: boolean;
}

/** A target of the issue and whether this run met it. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** What a stage hands back to run.ts. */
export interface StageReport {
  /** Markdown section for RESULTS.md. */
  readonly markdown: string;
  /** Targets this stage decides. */
  readonly targets: readonly TargetVerdict[];
}
