import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running Prism mock server (test support; not part of the package's API). */
export interface PrismMock {
  /** `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** Prism's log so far (stdout and stderr, without colours). */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its spec copy. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** How long Prism may take to say it listens (default 30 s: a loaded 2-core CI box is slow). */
  startupMs?: number;
}

const openapi = fileURLToPath(new URL('../../openapi/', import.meta.url));
const LISTENING = /Prism is listening on/;
const MAX_OUTPUT = 200_000;

/** The CLI's JS entry, run with this Node: no shell wrapper between us and the process we kill. */
function prismEntry(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : (bin.prism as string));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free loopback port'))));
    });
  });
}

/**
 * The packaged specs `$ref` `../common/common-schemas.json`; the package keeps all three
 * files side by side, so Prism gets a temporary copy laid out as the refs expect.
 */
function layOut(spec: string): { directory: string; file: string } {
  const directory = mkdtempSync(join(tmpdir(), 'payweave-prism-'));
  mkdirSync(join(directory, 'leadconnector'));
  mkdirSync(join(directory, 'common'));
  const file = join(directory, 'leadconnector', spec);
  copyFileSync(join(openapi, spec), file);
  copyFileSync(join(openapi, 'common-schemas.json'), join(directory, 'common', 'common-schemas.json'));
  return { directory, file };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 3_000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 3_000);
}

async function startOnce(file: string, startupMs: number): Promise<PrismMock> {
  const port = await freePort();
  // Static examples (no --dynamic). A request the spec refuses gets the spec's 422 (or 400/401)
  // with or without --errors. --errors is left off on purpose: it also turns every *response*
  // violation into a 500, and payments.json's own examples break its own schemas
  // (`"amount": "100"` where the schema says number), so no example would reach the SDK.
  const child = spawn(process.execPath, [prismEntry(), 'mock', '-h', '127.0.0.1', '-p', String(port), file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  // If the test process dies without afterAll, the server goes with it.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-MAX_OUTPUT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const stop = async () => {
    process.removeListener('exit', onExit);
    await kill(child);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Prism did not listen on port ${port} within ${startupMs} ms.\n${log}`)),
        startupMs,
      );
      const check = () => {
        if (LISTENING.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.stderr?.on('data', check);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`Prism could not be started: ${error.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited (${signal ?? `code ${code}`}) before listening.\n${log}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, output: () => log, stop };
}

/**
 * Starts `prism mock` (static examples) on a free loopback port for a spec in `openapi/`
 * (`payments.json`, `oauth.json`). Retries twice when the port was taken between picking
 * it and Prism binding it.
 */
export async function startPrism(spec: string, options: PrismOptions = {}): Promise<PrismMock> {
  const { directory, file } = layOut(spec);
  const cleanUp = () => rmSync(directory, { recursive: true, force: true });
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const mock = await startOnce(file, options.startupMs ?? 30_000);
      return {
        ...mock,
        stop: async () => {
          await mock.stop();
          cleanUp();
        },
      };
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error && /EADDRINUSE/.test(error.message))) break;
    }
  }
  cleanUp();
  throw lastError;
}
