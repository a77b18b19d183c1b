import { describe, expect, it } from 'vitest';
import { findInvalidSetting, settingRanges } from './validate-settings.js';

const valid = {
  maxRetries: 2,
  timeoutMs: 30_000,
  deadlineMs: 120_000,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 250,
  backoffMaxMs: 8_000,
  maxResponseBytes: 10 * 1024 * 1024,
};
const day = 86_400_000;

describe('findInvalidSetting', () => {
  it('accepts the defaults, an empty object and undefined values', () => {
    expect(findInvalidSetting(valid)).toBeUndefined();
    expect(findInvalidSetting({})).toBeUndefined();
    expect(findInvalidSetting({ maxRetries: undefined, timeoutMs: undefined })).toBeUndefined();
  });

  it('ignores keys it does not know', () => {
    expect(findInvalidSetting({ logger: 'anything', retry: Number.NaN })).toBeUndefined();
  });

  it('checks every setting it lists', () => {
    expect(Object.keys(settingRanges).sort()).toEqual(Object.keys(valid).sort());
  });

  it.each(Object.keys(valid))(
    '%s: NaN, Infinity, -Infinity, a string, null and a boolean are refused',
    (name) => {
      for (const bad of [
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        '5',
        null,
        true,
        {},
      ]) {
        const found = findInvalidSetting({ ...valid, [name]: bad });
        expect(found?.[0]).toBe(name);
        expect(found?.[1]).toMatch(/^must be a finite number \(got /);
      }
    },
  );

  it('names what it got', () => {
    expect(findInvalidSetting({ maxRetries: Number.NaN })).toEqual([
      'maxRetries',
      'must be a finite number (got NaN)',
    ]);
    expect(findInvalidSetting({ timeoutMs: '100' })).toEqual([
      'timeoutMs',
      'must be a finite number (got string)',
    ]);
    expect(findInvalidSetting({ timeoutMs: null })).toEqual([
      'timeoutMs',
      'must be a finite number (got object)',
    ]);
  });

  it.each([
    ['maxRetries', 0, 10, true],
    ['timeoutMs', 1, day, false],
    ['deadlineMs', 1, day, false],
    ['maxRetryAfterMs', 0, day, false],
    ['backoffBaseMs', 0, day, false],
    ['backoffMaxMs', 0, day, false],
    ['maxResponseBytes', 1, 1024 ** 3, true],
  ] as const)('%s is accepted from %d to %d and refused just outside', (name, min, max, integer) => {
    expect(findInvalidSetting({ [name]: min })).toBeUndefined();
    expect(findInvalidSetting({ [name]: max })).toBeUndefined();
    const below = integer ? min - 1 : min - 0.5;
    const above = integer ? max + 1 : max + 0.5;
    expect(findInvalidSetting({ [name]: below })).toEqual([
      name,
      `must be between ${min} and ${max} (got ${below})`,
    ]);
    expect(findInvalidSetting({ [name]: above })).toEqual([
      name,
      `must be between ${min} and ${max} (got ${above})`,
    ]);
  });

  it('refuses fractions where a whole number is needed, and only there', () => {
    expect(findInvalidSetting({ maxRetries: 1.5 })).toEqual([
      'maxRetries',
      'must be a whole number (got 1.5)',
    ]);
    expect(findInvalidSetting({ maxResponseBytes: 1024.5 })).toEqual([
      'maxResponseBytes',
      'must be a whole number (got 1024.5)',
    ]);
    expect(findInvalidSetting({ timeoutMs: 1.5, backoffBaseMs: 0.5 })).toBeUndefined();
  });

  it('refuses negative values', () => {
    expect(findInvalidSetting({ maxRetries: -1 })?.[0]).toBe('maxRetries');
    expect(findInvalidSetting({ backoffBaseMs: -1 })?.[0]).toBe('backoffBaseMs');
    expect(findInvalidSetting({ timeoutMs: 0 })?.[0]).toBe('timeoutMs');
  });

  it('reports the first invalid setting in table order', () => {
    expect(findInvalidSetting({ maxResponseBytes: 0, timeoutMs: Number.NaN, maxRetries: 99 })?.[0]).toBe(
      'maxRetries',
    );
  });
});
