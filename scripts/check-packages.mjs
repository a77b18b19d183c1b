// Checks every published package (after `pnpm run build`):
//   1. publint and @arethetypeswrong/cli on each package;
//   2. the package metadata (license, repository, homepage, bugs);
//   3. a consumer check: every package is packed with pnpm (workspace: ranges rewritten as on
//      publish), each tarball must hold LICENSE, the tarballs are installed with npm into a fresh
//      app outside the monorepo, and a file importing every package is type-checked with the repo's
//      TypeScript under `node16` and `bundler`, with `skipLibCheck: false`, `strict` and
//      `exactOptionalPropertyTypes` (what a strict app meets; TypeScript's default checks .d.ts).
// `--skip-consumer` runs only 1 and 2.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rootManifest = readJson(join(root, 'package.json'));
const packageDirs = readdirSync(join(root, 'packages')).sort();
const manifests = new Map(
  packageDirs.map((dir) => [dir, readJson(join(root, 'packages', dir, 'package.json'))]),
);
const repositoryUrl = 'git+https://github.com/payweave/payweave.git';
const failures = [];

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function fail(what, detail) {
  failures.push(what);
  console.log(`FAIL ${what}${detail ? `\n${detail.trimEnd()}\n` : ''}`);
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { stdio: 'pipe', encoding: 'utf8', ...options });
}

function output(error) {
  return `${error.stdout ?? ''}${error.stderr ?? ''}` || String(error.message);
}

// 1. publint and attw. publint packs with pnpm (this workspace's manager) when pnpm is on PATH,
// as under `pnpm run check:package`; run directly with node, it packs with npm.
const pnpmOnPath = (process.env.PATH ?? '')
  .split(delimiter)
  .some((dir) => dir !== '' && existsSync(join(dir, process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm')));
for (const dir of packageDirs) {
  const directory = join('packages', dir);
  for (const [tool, args] of [
    ['publint', ['--strict', ...(pnpmOnPath ? [] : ['--pack', 'npm']), directory]],
    ['attw', ['--pack', directory, '--format', 'table-flipped', '--profile', 'node16']],
  ]) {
    try {
      run(join(root, 'node_modules/.bin', tool), args, { cwd: root });
      console.log(`ok   ${tool} ${dir}`);
    } catch (error) {
      fail(`${tool} ${dir}`, output(error));
    }
  }
}

// 2. Metadata every published manifest carries.
for (const [dir, manifest] of manifests) {
  const problems = [];
  if (manifest.license !== 'MIT') problems.push(`license is ${JSON.stringify(manifest.license)}, not "MIT"`);
  const repository = manifest.repository ?? {};
  if (
    repository.type !== 'git' ||
    repository.url !== repositoryUrl ||
    repository.directory !== `packages/${dir}`
  ) {
    problems.push(
      `repository must be { type: "git", url: "${repositoryUrl}", directory: "packages/${dir}" }, is ${JSON.stringify(manifest.repository)}`,
    );
  }
  if (typeof manifest.homepage !== 'string' || !manifest.homepage.startsWith('https://'))
    problems.push('homepage missing');
  if (typeof manifest.bugs?.url !== 'string' && typeof manifest.bugs !== 'string')
    problems.push('bugs missing');
  if (!manifest.files?.includes('LICENSE')) problems.push('"LICENSE" is not in files');
  if (problems.length > 0) fail(`metadata ${dir}`, problems.map((problem) => `  - ${problem}`).join('\n'));
  else console.log(`ok   metadata ${dir}`);
}

// 2b. One zod at run time: every package's dist takes zod/mini from core's bundled copy
// (scripts/tsup/zod-from-core.ts), and only core's dist holds zod's code. A tsup change that
// reorders plugins would otherwise ship a second zod (and ~70 ms more per import) silently.
for (const dir of packageDirs) {
  const distDir = join(root, 'packages', dir, 'dist');
  const problems = [];
  for (const file of readdirSync(distDir).filter((name) => /\.(c|m)?js$/.test(name))) {
    const code = readFileSync(join(distDir, file), 'utf8');
    if (/(from|require\()\s*["']zod(\/[^"']*)?["']/.test(code))
      problems.push(`${file} imports zod at run time`);
    if (dir !== 'core' && /\$constructor\(["']\$ZodType["']/.test(code))
      problems.push(`${file} bundles zod's code`);
  }
  if (problems.length > 0) fail(`zod ${dir}`, problems.map((problem) => `  - ${problem}`).join('\n'));
  else console.log(`ok   zod ${dir} (from @payweave/core/zod)`);
}

if (!process.argv.includes('--skip-consumer')) consumerCheck();

if (failures.length > 0) {
  console.log(`\ncheck:package failed: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\ncheck:package: all checks passed');

// 3. Pack, install into a fresh app, type-check as a strict consumer.
function consumerCheck() {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'payweave-consumer-'));
  try {
    const tarballDir = join(work, 'tarballs');
    mkdirSync(tarballDir);
    // pnpm pack rewrites `workspace:*` to the real version, as `pnpm publish` does.
    pnpm(['-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballDir]);
    const tarballs = new Map();
    for (const [dir, manifest] of manifests) {
      const file = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${manifest.version}.tgz`;
      const path = join(tarballDir, file);
      let listing;
      try {
        listing = run('tar', ['-tzf', path]).split('\n');
      } catch (error) {
        fail(`pack ${dir}`, `no tarball ${file}: ${output(error)}`);
        continue;
      }
      tarballs.set(manifest.name, path);
      if (!listing.includes('package/LICENSE')) fail(`LICENSE in ${file}`, `  ${file} has no LICENSE`);
      else console.log(`ok   LICENSE in ${file}`);
    }
    if (tarballs.size !== manifests.size) return;

    const app = join(work, 'app');
    mkdirSync(app);
    const testing = manifests.get('testing');
    const dependencies = Object.fromEntries(
      [...tarballs].sort(([a], [b]) => a.localeCompare(b)).map(([name, path]) => [name, `file:${path}`]),
    );
    // What an app using @payweave/testing installs beside it (msw, whether a dependency or a peer).
    const msw = testing.peerDependencies?.msw ?? testing.dependencies?.msw;
    if (msw) dependencies.msw = msw;
    writeFileSync(
      join(app, 'package.json'),
      `${JSON.stringify(
        {
          name: 'payweave-consumer-check',
          private: true,
          type: 'module',
          dependencies,
          devDependencies: { '@types/node': rootManifest.devDependencies['@types/node'] },
          // The packed packages depend on each other by version; use the local tarballs, never the registry.
          overrides: Object.fromEntries([...tarballs.keys()].map((name) => [name, `$${name}`])),
        },
        null,
        2,
      )}\n`,
    );
    const installStarted = performance.now();
    try {
      run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'],
        {
          cwd: app,
        },
      );
    } catch (error) {
      fail('consumer install', output(error));
      return;
    }
    const installSeconds = (performance.now() - installStarted) / 1000;

    writeFileSync(join(app, 'consumer.ts'), consumerSource('esm'));
    writeFileSync(join(app, 'consumer-cjs.cts'), consumerSource('cjs'));
    const compilerOptions = {
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: false,
      noEmit: true,
      target: 'ES2022',
      // msw (beside @payweave/testing) types against the DOM's fetch classes, as its docs ask.
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: ['node'],
    };
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const modes = [
      // node16: the ESM file resolves the `import` types (index.d.ts), the .cts file the `require` ones (index.d.cts).
      ['node16', { module: 'node16', moduleResolution: 'node16' }, ['consumer.ts', 'consumer-cjs.cts']],
      ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, ['consumer.ts']],
    ];
    for (const [mode, options, files] of modes) {
      const config = `tsconfig.${mode}.json`;
      writeFileSync(
        join(app, config),
        `${JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files }, null, 2)}\n`,
      );
      try {
        run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], { cwd: app });
        console.log(`ok   consumer type-check (${mode}, skipLibCheck: false, exactOptionalPropertyTypes)`);
      } catch (error) {
        const lines = output(error)
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => `  ${line.replace(`${app}/`, '')}`);
        // Errors inside third-party types (msw's own .d.ts, say) are not ours to fix: shown, not failed.
        const ours = /^\s*(consumer|node_modules\/(payweave|@payweave)\/)/;
        const errorLines = lines.filter((line) => /error TS\d+/.test(line));
        if (errorLines.length > 0 && errorLines.every((line) => !ours.test(line))) {
          console.log(
            `ok   consumer type-check (${mode}, skipLibCheck: false, exactOptionalPropertyTypes); ` +
              `${errorLines.length} error(s) in third-party types only, not failed:\n${lines.join('\n')}`,
          );
          continue;
        }
        const errors = errorLines.filter((line) => ours.test(line)).length;
        fail(
          `consumer type-check (${mode})`,
          `${errors} TypeScript error(s) in the published types or the consumer file as a strict app sees them ` +
            `(module/moduleResolution ${mode}, skipLibCheck: false, exactOptionalPropertyTypes):\n${lines.join('\n')}`,
        );
      }
    }
    console.log(
      `     consumer check took ${((performance.now() - started) / 1000).toFixed(1)} s (npm install ${installSeconds.toFixed(1)} s)`,
    );
  } catch (error) {
    fail('consumer check', output(error));
  } finally {
    if (process.env.PAYWEAVE_KEEP_CONSUMER) console.log(`     kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** Runs the pnpm this script was started by (`pnpm run check:package`), else the pinned one via npx. */
function pnpm(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return run(process.execPath, [execPath, ...args], { cwd: root });
  return run('npx', ['--yes', rootManifest.packageManager, ...args], { cwd: root });
}

/** A consumer file importing every package and using a few of their types. */
function consumerSource(kind) {
  return `// Generated by scripts/check-packages.mjs (${kind}).
import { createPayweave, PaymentsError as FacadeError, type Money as FacadeMoney, type Payweave } from 'payweave';
import { PageIterator, PaymentsError, type Money, type Result } from '@payweave/core';
import { createPaya, type PayaClient, type PayaTransaction } from '@payweave/paya';
import { createPayConnect, type PayConnectClient, type PayConnectInvoice } from '@payweave/payconnect';
import { createConnectFi, type ConnectFiClient, type ConnectFiPayment } from '@payweave/connectfi';
import { createLeadConnector, type LeadConnectorClient, type Order } from '@payweave/leadconnector';
import { createPayaSimulator, FaultScript, type Simulator } from '@payweave/testing';
// Its optional peers (ioredis, redis) are not installed here: its types must not need them.
import { fromIoredis, fromNodeRedis, redisTokenStore, type RedisLike } from '@payweave/redis';
import { mswHandlers } from '@payweave/testing/msw';

export const factories = [createPayweave, createPaya, createPayConnect, createConnectFi, createLeadConnector] as const;
export const classes = [PageIterator, PaymentsError, FacadeError, FaultScript] as const;
export const redisAdapters = [fromIoredis, fromNodeRedis] as const;
export function sharedTokens(redis: RedisLike) {
  return createLeadConnector({ oauth: { clientId: 'id', clientSecret: 'secret', refreshToken: 'r', store: redisTokenStore(redis, { name: 'leadconnector:loc' }) } });
}

export function describe(error: PaymentsError): string {
  return \`\${error.code}: \${error.message}\`;
}

export function amount(money: Money | FacadeMoney): string {
  return \`\${money.amountMinor} \${money.currency}\`;
}

export async function searchSent(client: PayConnectClient): Promise<PayConnectInvoice[]> {
  // Named filters keep their types; other filters pass through.
  const invoices: PayConnectInvoice[] = [];
  for await (const invoice of client.invoices.search({ filters: { status: 'Sent', customerEmail: 'a@example.com', region: 'west' } })) {
    invoices.push(invoice);
  }
  return invoices;
}

export type Records = [PayaTransaction, ConnectFiPayment, Order];
export type Clients = [PayaClient, ConnectFiClient, LeadConnectorClient, Payweave<{ paya: PayaClient }>];
export type Outcome = Result<PayaTransaction, PaymentsError>;

export function simulator(): Simulator<unknown> {
  return createPayaSimulator();
}

// The msw entry (msw is an optional peer, installed beside @payweave/testing here).
export const handlers: ReturnType<typeof mswHandlers> = mswHandlers(createPayaSimulator());
`;
}
