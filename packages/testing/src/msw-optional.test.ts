/**
 * msw is an optional peer: the built main entry and the loopback server must run where msw is
 * not installed (and under Deno without `--allow-env`, which msw's graphql would need for
 * `NODE_ENV`). Each check runs the built `dist` in a child `node` process: ESM with a resolve
 * hook that answers "not installed" for msw and graphql, CJS by listing `require.cache`.
 * Needs `pnpm run build` first (`.ci/run` builds before it tests); skipped without a build.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dist = new URL('../dist/', import.meta.url);
const built = ['index.js', 'index.cjs', 'msw.js', 'msw.cjs'].every((file) => existsSync(new URL(file, dist)));

// A module hook that makes msw and graphql unresolvable, as in an app that never installed them.
const hook = `
export async function resolve(specifier, context, next) {
  if (/^(msw|graphql)(\\/|$)/.test(specifier)) {
    const error = new Error('blocked: ' + specifier + ' is not installed');
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;

function esm(source: string) {
  return run(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', source],
    { timeout: 30_000 },
  );
}

function cjs(source: string) {
  return run(process.execPath, ['--input-type=commonjs', '-e', source], { timeout: 30_000 });
}

// Starts the loopback server, makes a real call (no credentials: Paya's 401), and stops it.
const loopback = `
  const simulator = createPayaSimulator();
  const url = await simulator.listen();
  const response = await fetch(url + '/v2/locationinfos');
  await simulator.close();
  console.log(response.status);`;

describe.skipIf(!built)('@payweave/testing without msw (built dist, child node)', () => {
  it('ESM: imports the main entry and serves on loopback with msw unresolvable', async () => {
    const index = JSON.stringify(new URL('index.js', dist).href);
    const { stdout } = await esm(`const { createPayaSimulator } = await import(${index});\n${loopback}`);
    expect(stdout.trim()).toBe('401');
  });

  it('ESM: the hook does block msw (control: @payweave/testing/msw fails to load)', async () => {
    const entry = JSON.stringify(new URL('msw.js', dist).href);
    await expect(esm(`await import(${entry});`)).rejects.toThrow(/blocked: msw/);
  });

  it('CJS: require and listen() load nothing from msw or graphql', async () => {
    const index = JSON.stringify(fileURLToPath(new URL('index.cjs', dist)));
    const entry = JSON.stringify(fileURLToPath(new URL('msw.cjs', dist)));
    const loaded = `Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/](msw|graphql)[\\\\/]/.test(file)).length`;
    const { stdout } = await cjs(`
      (async () => {
        const { createPayaSimulator } = require(${index});
        ${loopback}
        console.log(${loaded});
        require(${entry});
        console.log(${loaded} > 0);
      })().catch((error) => { console.error(error); process.exit(1); });`);
    // 401 from the loopback server, no msw module loaded, then msw loaded by the msw entry (control).
    expect(stdout.trim().split('\n')).toEqual(['401', '0', 'true']);
  });
});
