import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallsReport, WorkerSettings } from './lc-worker.js';

const workerFile = fileURLToPath(new URL('./lc-worker.ts', import.meta.url));
const tsconfig = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));

/** A worker process (one service instance) and its commands. */
export interface Worker {
  readonly process: ChildProcess;
  calls(count: number): Promise<CallsReport>;
  /** Ends it gracefully. */
  exit(): Promise<void>;
}

/** Forks `lc-worker.ts` under tsx and resolves once it is connected to Redis and ready. */
export function forkWorker(settings: WorkerSettings): Promise<Worker> {
  const child = fork(workerFile, [JSON.stringify(settings)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const request = <T>(command: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...command, id });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => {
      const error = new Error(`worker exited (${code ?? signal}) before answering`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
    child.on('message', (message: { type?: string; id?: number; result?: unknown }) => {
      if (message.type === 'ready') {
        resolve({
          process: child,
          calls: (count) => request<CallsReport>({ cmd: 'calls', count }),
          exit: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.send({ cmd: 'exit', id: 0 });
            }),
        });
        return;
      }
      if (message.id !== undefined) {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      }
    });
  });
}
