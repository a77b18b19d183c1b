import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { isPaymentsError, PaymentsError } from './payments-error.js';

const error = () => new PaymentsError({ code: 'network', message: 'boom' });

/** A second copy of this module, as the other build of a dual package would load it. */
async function secondCopy(): Promise<typeof import('./payments-error.js')> {
  vi.resetModules();
  return import('./payments-error.js');
}

describe('PaymentsError brand', () => {
  it('recognises errors of this copy, copies made by with(), and nothing else', () => {
    expect(isPaymentsError(error())).toBe(true);
    expect(error() instanceof PaymentsError).toBe(true);
    expect(isPaymentsError(error().with({ code: 'timeout' }))).toBe(true);
    for (const value of [
      new Error('boom'),
      { name: 'PaymentsError', code: 'network', message: 'boom' },
      { ...error() },
      JSON.parse(JSON.stringify(error())),
      { [Symbol.for('payweave.PaymentsError')]: 'yes' },
      null,
      undefined,
      'PaymentsError',
    ]) {
      expect(isPaymentsError(value)).toBe(false);
      expect(value instanceof PaymentsError).toBe(false);
    }
  });

  it('recognises an error made by another copy of the module, both ways', async () => {
    const other = await secondCopy();
    expect(other.PaymentsError).not.toBe(PaymentsError);
    const foreign = new other.PaymentsError({ code: 'timeout', message: 'late' });
    expect(foreign instanceof PaymentsError).toBe(true);
    expect(isPaymentsError(foreign)).toBe(true);
    expect(error() instanceof other.PaymentsError).toBe(true);
    expect(other.isPaymentsError(error())).toBe(true);
  });

  it('keeps the prototype check for subclasses', () => {
    class ProviderError extends PaymentsError {}
    const sub = new ProviderError({ code: 'network', message: 'boom' });
    expect(sub instanceof ProviderError).toBe(true);
    expect(sub instanceof PaymentsError).toBe(true);
    expect(isPaymentsError(sub)).toBe(true);
    expect(error() instanceof ProviderError).toBe(false);
  });

  it('hides the brand from keys, JSON and inspect', () => {
    const made = error();
    expect(
      Object.getOwnPropertySymbols(made).every(
        (key) => !Object.getOwnPropertyDescriptor(made, key)?.enumerable,
      ),
    ).toBe(true);
    expect(Object.keys(made)).not.toContain('Symbol(payweave.PaymentsError)');
    expect(JSON.stringify(made)).not.toContain('payweave.PaymentsError');
    expect(inspect(made)).not.toContain('payweave.PaymentsError');
  });

  it('prints as PaymentsError', () => {
    const made = error();
    expect(PaymentsError.name).toBe('PaymentsError');
    expect(made.name).toBe('PaymentsError');
    expect(String(made)).toBe('PaymentsError: boom');
    expect(inspect(made).startsWith('PaymentsError: boom')).toBe(true);
    expect(made.stack?.startsWith('PaymentsError: boom')).toBe(true);
  });
});

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const source = fileURLToPath(import.meta.url).replace(/\.test\.ts$/, '.ts');
/** The built package, when it exists and is newer than this source (CI builds before testing). */
const built =
  existsSync(`${dist}index.js`) &&
  existsSync(`${dist}index.cjs`) &&
  statSync(`${dist}index.js`).mtimeMs >= statSync(source).mtimeMs &&
  statSync(`${dist}index.cjs`).mtimeMs >= statSync(source).mtimeMs;

describe.skipIf(!built)('PaymentsError in the built package (ESM and CJS in one process)', () => {
  it('is not renamed by the build', () => {
    for (const file of ['index.js', 'index.cjs']) {
      expect(readFileSync(`${dist}${file}`, 'utf8')).not.toMatch(/class _PaymentsError\b[^`]/);
    }
  });

  it('is recognised across the two builds and prints as PaymentsError', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { inspect } from 'node:util';
      const cjs = createRequire(${JSON.stringify(dist)})('./index.cjs');
      const esm = await import(${JSON.stringify(new URL('index.js', `file://${dist}`).href)});
      const fromEsm = new esm.PaymentsError({ code: 'network', message: 'boom' });
      const fromCjs = new cjs.PaymentsError({ code: 'timeout', message: 'late' });
      console.log(JSON.stringify({
        distinct: esm.PaymentsError !== cjs.PaymentsError,
        esmInCjs: [fromEsm instanceof cjs.PaymentsError, cjs.isPaymentsError(fromEsm)],
        cjsInEsm: [fromCjs instanceof esm.PaymentsError, esm.isPaymentsError(fromCjs)],
        printed: [String(fromEsm), String(fromCjs), inspect(fromEsm).split('\\n')[0], inspect(fromCjs).split('\\n')[0]],
        names: [esm.PaymentsError.name, cjs.PaymentsError.name],
      }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      distinct: true,
      esmInCjs: [true, true],
      cjsInEsm: [true, true],
      printed: ['PaymentsError: boom', 'PaymentsError: late', 'PaymentsError: boom', 'PaymentsError: late'],
      names: ['PaymentsError', 'PaymentsError'],
    });
  });
});
