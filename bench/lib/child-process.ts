import { type ChildProcess, fork, spawn } from 'node:child_process';

/** Prefix of the one line a worker prints with its JSON result. */
export const resultPrefix = 'BENCH-RESULT ';

/** Prints a worker's result for {@link runWorker}. */
export function reportResult(value: unknown): void {
  process.stdout.write(`${resultPrefix}${JSON.stringify(value)}\n`);
}

/**
 * Runs a compiled worker in a fresh `node` process and resolves the JSON it reported.
 * Rejects with the worker's stderr when it exits non-zero or reports nothing.
 */
export function runWorker<T>(
  file: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(resultPrefix));
      if (code !== 0 || !line) {
        reject(new Error(`${file} ${args.join(' ')} exited with ${code}: ${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve(JSON.parse(line.slice(resultPrefix.length)) as T);
    });
  });
}

/** A forked child with request/response messages over IPC. */
export interface IpcChild {
  readonly process: ChildProcess;
  /** Sends a command and resolves the child's `result` for it. */
  request<T>(command: Record<string, unknown>): Promise<T>;
  /** Ends the child. */
  stop(): void;
}

/** Forks `file` and resolves once it sends a message with `type: 'ready'` (which is returned too). */
export function forkWithIpc<Ready>(file: string): Promise<{ child: IpcChild; ready: Ready }> {
  const process_ = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  return new Promise((resolve, reject) => {
    process_.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    process_.on('message', (message: { type?: string; id?: number; result?: unknown }) => {
      if (message.type === 'ready') {
        const child: IpcChild = {
          process: process_,
          request: <T>(command: Record<string, unknown>) =>
            new Promise<T>((done) => {
              const id = nextId++;
              pending.set(id, done as (value: unknown) => void);
              process_.send({ ...command, id });
            }),
          stop: () => {
            process_.removeAllListeners('exit');
            process_.kill();
          },
        };
        resolve({ child, ready: message as Ready });
        return;
      }
      if (message.id !== undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
  });
}
