// Ecosystem tests: the runtime matrix, tested. After `pnpm run build`:
//   1. every package is packed with pnpm (workspace: ranges rewritten as on publish) and the
//      tarballs are installed with npm into a fresh app outside the monorepo;
//   2. the four loopback simulators of the packed @payweave/testing are started in this process;
//   3. the same scenario (shared/scenario.mjs: real calls to every provider and the facade) runs
//      under Node ESM, Node CJS, Bun, Deno (with only --allow-net) and workerd, each importing
//      the installed packages; each prints PASS or FAIL, and any FAIL exits non-zero.
// PAYWEAVE_KEEP_ECOSYSTEM=1 keeps the work directory.
import { execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUN = 'bun@1.4.5';
const DENO = 'deno@2.9.6';
const WORKERD = '1.20261117.1';
const ESBUILD = '0.25.12';
const TIMEOUT_MS = 90_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packageDirs = readdirSync(join(root, 'packages')).sort();
const started = performance.now();
const seconds = (from) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

/** Runs a command without blocking this process (the simulators answer from its event loop). */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, ...options },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr, error }),
    );
  });
}

async function must(what, command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    console.log(`FAIL ${what}\n${result.stdout}${result.stderr}${result.error?.message ?? ''}`);
    process.exit(1);
  }
  return result;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

for (const dir of packageDirs) {
  if (!existsSync(join(root, 'packages', dir, 'dist'))) {
    console.log(`FAIL packages/${dir}/dist is missing: run \`pnpm run build\` first`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'payweave-ecosystem-'));
const results = [];
let simulators = [];
try {
  // 1. Pack and install.
  let from = performance.now();
  const tarballDir = join(work, 'tarballs');
  mkdirSync(tarballDir);
  const pnpm =
    process.env.npm_execpath && /pnpm/.test(process.env.npm_execpath)
      ? [process.execPath, [process.env.npm_execpath]]
      : ['npx', ['--yes', rootManifest.packageManager]];
  await must(
    'pnpm pack',
    pnpm[0],
    [...pnpm[1], '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballDir],
    { cwd: root },
  );
  const tarballs = Object.fromEntries(
    packageDirs.map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
      return [
        manifest.name,
        `file:${join(tarballDir, `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`)}`,
      ];
    }),
  );
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: 'payweave-ecosystem',
        private: true,
        type: 'module',
        dependencies: tarballs,
        devDependencies: { esbuild: ESBUILD, workerd: WORKERD },
        // The packed packages depend on each other by version: use the local tarballs, never the registry.
        overrides: Object.fromEntries(Object.keys(tarballs).map((name) => [name, `$${name}`])),
      },
      null,
      2,
    )}\n`,
  );
  await must(
    'npm install',
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'],
    { cwd: app },
  );
  for (const dir of ['shared', 'node-esm', 'node-cjs', 'bun', 'deno', 'workerd']) {
    cpSync(join(here, dir), join(app, dir), { recursive: true });
  }
  console.log(
    `ok   packed ${packageDirs.length} packages and installed them into a fresh app (${seconds(from)})`,
  );

  // 2. Simulators from the packed @payweave/testing, serving on loopback from this process.
  const testing = await import(pathToFileURL(join(app, 'node_modules/@payweave/testing/dist/index.js')).href);
  const paya = testing.createPayaSimulator();
  const payconnect = testing.createPayConnectSimulator();
  const connectfi = testing.createConnectFiSimulator();
  const leadconnector = testing.createLeadConnectorSimulator();
  simulators = [paya, payconnect, connectfi, leadconnector];
  const config = {
    paya: {
      settings: { baseUrl: await paya.listen(), ...paya.credentials },
      locationId: paya.defaults.locationId,
    },
    payconnect: { settings: { baseUrl: await payconnect.listen(), ...payconnect.credentials } },
    connectfi: {
      settings: { baseUrl: await connectfi.listen(), ...connectfi.credentials },
      paymentLinkId: connectfi.defaults.paymentLinkId,
    },
    leadconnector: { settings: { baseUrl: await leadconnector.listen(), ...leadconnector.credentials } },
  };
  const json = JSON.stringify(config);

  // 3. The runtimes.
  const runtimes = [
    ['Node ESM', () => run(process.execPath, ['node-esm/app.mjs', json], { cwd: app })],
    ['Node CJS', () => run(process.execPath, ['node-cjs/app.cjs', json], { cwd: app })],
    ['Bun', () => run('npx', ['--yes', BUN, 'bun/app.ts', json], { cwd: app })],
    [
      'Deno (--allow-net only)',
      () =>
        run('npx', ['--yes', DENO, 'run', '--allow-net', '--no-prompt', 'deno/app.ts', json], { cwd: app }),
    ],
    ['workerd', () => runWorkerd(app, config)],
  ];
  for (const [name, start] of runtimes) {
    from = performance.now();
    const result = await start();
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    const pass = result.code === 0 && /^ECOSYSTEM PASS/m.test(result.stdout ?? '');
    results.push([name, pass]);
    const calls = (result.stdout ?? '').split('\n').filter((line) => line.startsWith('ok ')).length;
    if (pass) console.log(`PASS ${name}: ${calls} checks (${seconds(from)})`);
    else {
      const why = result.error?.killed ? `timed out after ${TIMEOUT_MS / 1000} s\n` : '';
      console.log(
        `FAIL ${name} (${seconds(from)}, exit ${result.code})\n${why}${output || result.error?.message || ''}`,
      );
    }
    if (pass && process.env.PAYWEAVE_ECOSYSTEM_VERBOSE) console.log(output.replace(/^/gm, '       '));
  }
} finally {
  await Promise.all(simulators.map((simulator) => simulator.close()));
  if (process.env.PAYWEAVE_KEEP_ECOSYSTEM) console.log(`     kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const failed = results.filter(([, pass]) => !pass).map(([name]) => name);
console.log(
  `\necosystem: ${results.length - failed.length}/${results.length} runtimes passed in ${seconds(started)}`,
);
if (failed.length > 0) {
  console.log(`ecosystem failed: ${failed.join(', ')}`);
  process.exit(1);
}

/** Bundles workerd/worker.mjs, serves it with workerd on a loopback port, and calls it once. */
async function runWorkerd(app, config) {
  const { build } = await import(pathToFileURL(join(app, 'node_modules/esbuild/lib/main.js')).href);
  try {
    await build({
      entryPoints: [join(app, 'workerd/worker.mjs')],
      outfile: join(app, 'workerd/worker.bundle.mjs'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      // `module`: bundlers (Wrangler's esbuild, webpack, Vite) take the packages' one-to-one ESM tree.
      conditions: ['workerd', 'worker', 'module', 'import'],
      logLevel: 'error',
    });
  } catch (error) {
    return { code: 1, stdout: '', stderr: `esbuild: ${error.message}` };
  }
  const port = await freePort();
  writeFileSync(
    join(app, 'workerd/config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The simulators listen on 127.0.0.1, which workerd's default "internet" service refuses.
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "worker.bundle.mjs")],
  compatibilityDate = "2026-01-01",
  bindings = [(name = "CONFIG", json = ${JSON.stringify(JSON.stringify(config))})],
  globalOutbound = "loopback",
);
`,
  );
  const child = spawn(join(app, 'node_modules/.bin/workerd'), ['serve', 'config.capnp'], {
    cwd: join(app, 'workerd'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  let exited = false;
  child.on('exit', () => (exited = true));
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    while (Date.now() < deadline && !exited) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(30_000) });
        const body = await response.text();
        return { code: response.ok ? 0 : 1, stdout: body, stderr: response.ok ? '' : log };
      } catch (error) {
        if (error?.cause?.code !== 'ECONNREFUSED') return { code: 1, stdout: '', stderr: `${log}${error}` };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return { code: 1, stdout: '', stderr: `workerd did not answer on port ${port}\n${log}` };
  } finally {
    child.kill();
  }
}
