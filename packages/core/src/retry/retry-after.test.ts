import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after.js';

const day = 86_400_000;
const now = Date.UTC(2030, 0, 1, 12, 0, 0);
const headers = (entries: Record<string, string>) => new Headers(entries);
const parse = (entries: Record<string, string>, status = 429, names: readonly string[] = []) =>
  parseRetryAfter(headers(entries), status, names, now);

describe('parseRetryAfter: Retry-After in seconds', () => {
  it.each([
    ['0', 0],
    ['1', 1_000],
    ['  7 ', 7_000],
    ['120', 120_000],
    ['1.5', 1_500],
    ['0.0004', 0],
    ['0.0006', 1],
  ])('%j is %i ms', (value, expected) => {
    expect(parse({ 'retry-after': value })).toBe(expected);
  });

  it('caps a huge number of seconds at one day, so arithmetic stays finite', () => {
    expect(parse({ 'retry-after': '999999999' })).toBe(day);
    expect(parse({ 'retry-after': '86401' })).toBe(day);
    expect(parse({ 'retry-after': '86400' })).toBe(day);
    expect(parse({ 'retry-after': '86399' })).toBe(86_399_000);
  });

  it('reads Retry-After on any status, not only 429', () => {
    expect(parse({ 'retry-after': '3' }, 503)).toBe(3_000);
    expect(parse({ 'retry-after': '3' }, 200)).toBe(3_000);
  });
});

describe('parseRetryAfter: Retry-After as an HTTP date', () => {
  it('is the time until that date', () => {
    expect(parse({ 'retry-after': new Date(now + 30_000).toUTCString() })).toBe(30_000);
  });

  it('a date in the past means no wait', () => {
    expect(parse({ 'retry-after': new Date(now - 30_000).toUTCString() })).toBe(0);
  });

  it('a date years away is capped at one day', () => {
    expect(parse({ 'retry-after': 'Fri, 01 Jan 2100 00:00:00 GMT' })).toBe(day);
  });

  it('uses Date.now() when no clock is given', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const waited = parseRetryAfter(headers({ 'retry-after': inTenSeconds }), 503);
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(10_000);
  });
});

describe('parseRetryAfter: nothing usable', () => {
  it.each(['', '   ', 'soon', 'later please', '1e3', 'Infinity', 'NaN', '0x10', '3 seconds'])(
    'Retry-After %j says nothing',
    (value) => {
      expect(parse({ 'retry-after': value }, 503)).toBeUndefined();
    },
  );

  it('no header at all says nothing', () => {
    expect(parse({}, 429)).toBeUndefined();
    expect(parse({}, 503, ['x-ratelimit-interval-milliseconds'])).toBeUndefined();
  });
});

describe("parseRetryAfter: the provider's millisecond headers", () => {
  const name = 'X-RateLimit-Interval-Milliseconds';

  it('are read on a 429', () => {
    expect(parse({ [name]: '2500' }, 429, [name])).toBe(2_500);
    expect(parse({ [name]: ' 0 ' }, 429, [name])).toBe(0);
  });

  it('are ignored on any other status', () => {
    expect(parse({ [name]: '2500' }, 503, [name])).toBeUndefined();
    expect(parse({ [name]: '2500' }, 200, [name])).toBeUndefined();
  });

  it('are ignored unless the descriptor names them', () => {
    expect(parse({ [name]: '2500' }, 429)).toBeUndefined();
  });

  it('come after a usable Retry-After, and stand in for an unusable one', () => {
    expect(parse({ 'retry-after': '4', [name]: '2500' }, 429, [name])).toBe(4_000);
    expect(parse({ 'retry-after': 'whenever', [name]: '2500' }, 429, [name])).toBe(2_500);
  });

  it('are tried in order, skipping values that are not whole milliseconds', () => {
    const names = ['x-first', 'x-second', 'x-third'];
    expect(parse({ 'x-first': '1.5', 'x-second': '-3', 'x-third': '900' }, 429, names)).toBe(900);
    expect(parse({ 'x-first': '100', 'x-third': '900' }, 429, names)).toBe(100);
    expect(parse({ 'x-first': 'abc' }, 429, names)).toBeUndefined();
  });

  it('are capped at one day', () => {
    expect(parse({ [name]: '999999999999' }, 429, [name])).toBe(day);
  });

  it('refuse absurdly long digit strings', () => {
    expect(parse({ [name]: '9'.repeat(400) }, 429, [name])).toBeUndefined();
  });
});
