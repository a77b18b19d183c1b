import { describe, expect, it } from 'vitest';
import {
  encodePathSegment,
  maxPathSegmentLength,
  PathSegmentError,
  pathSegmentProblem,
} from './path-segment.js';

describe('pathSegmentProblem', () => {
  it.each([
    'inv_123',
    '11eb0000aaaabbbbccccdddd',
    '29ljhq5Apu1YfdtU3wN7yx',
    'a/b c',
    'a?b#c',
    '...',
    '.hidden',
    'a..b',
    '..a',
    '%',
    '%zz',
    '100%',
    'café',
    '😀',
    'x'.repeat(maxPathSegmentLength),
    0,
    42,
    -1,
    1.5,
  ])('accepts %j', (value) => {
    expect(pathSegmentProblem(value)).toBeUndefined();
  });

  it.each([
    ['.', 'must not be "." or ".." (it would change the route)'],
    ['..', 'must not be "." or ".." (it would change the route)'],
    ['%2e', 'must not be "." or ".." even percent-encoded (it would change the route)'],
    ['%2e%2e', 'must not be "." or ".." even percent-encoded (it would change the route)'],
    ['%2E%2E', 'must not be "." or ".." even percent-encoded (it would change the route)'],
    ['.%2e', 'must not be "." or ".." even percent-encoded (it would change the route)'],
    ['%252e%252e', 'must not be "." or ".." even percent-encoded (it would change the route)'],
    ['%25252e.', 'must not be "." or ".." even percent-encoded (it would change the route)'],
    ['../pay', 'must not hold a "." or ".." segment between slashes (it could change the route)'],
    ['a/../b', 'must not hold a "." or ".." segment between slashes (it could change the route)'],
    ['a/./b', 'must not hold a "." or ".." segment between slashes (it could change the route)'],
    ['..\\b', 'must not hold a "." or ".." segment between slashes (it could change the route)'],
    ['%2e%2e%2fpay', 'must not hold a "." or ".." segment between slashes (it could change the route)'],
    ['x%2F..', 'must not hold a "." or ".." segment between slashes (it could change the route)'],
    ['', 'must not be empty'],
    ['a\nb', 'must not contain control characters'],
    ['a\rb', 'must not contain control characters'],
    ['a\tb', 'must not contain control characters'],
    ['\u0000', 'must not contain control characters'],
    ['a\u007fb', 'must not contain control characters'],
    ['a\u0085b', 'must not contain control characters'],
    ['a%0d%0aX-Injected: 1', 'must not contain control characters, even percent-encoded'],
    ['a%00', 'must not contain control characters, even percent-encoded'],
    ['\ud800', 'must be well-formed text (it holds half of a UTF-16 pair)'],
    ['a\udc00b', 'must be well-formed text (it holds half of a UTF-16 pair)'],
    ['x'.repeat(maxPathSegmentLength + 1), `must be at most 256 characters (got 257)`],
    [undefined, 'is required'],
    [null, 'is required'],
    [Number.NaN, 'must be a finite number (got NaN)'],
    [Number.POSITIVE_INFINITY, 'must be a finite number (got Infinity)'],
    [true, 'must be a string (got boolean)'],
    [{ toString: () => 'x' }, 'must be a string (got object)'],
    [['a'], 'must be a string (got an array)'],
  ])('refuses %j: %s', (value, why) => {
    expect(pathSegmentProblem(value)).toBe(why);
  });

  it('refuses a bigint (not a string or a number)', () => {
    expect(pathSegmentProblem(10n)).toBe('must be a string (got bigint)');
  });

  it('stays fast on a long run of percent signs', () => {
    const started = performance.now();
    expect(pathSegmentProblem('%25'.repeat(80))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('encodePathSegment', () => {
  it('percent-encodes what it accepts, so / ? # and % stay inside the segment', () => {
    expect(encodePathSegment('id', 'a/b c')).toBe('a%2Fb%20c');
    expect(encodePathSegment('id', 'a?b#c')).toBe('a%3Fb%23c');
    expect(encodePathSegment('id', '100%')).toBe('100%25');
    expect(encodePathSegment('id', 42)).toBe('42');
    expect(encodePathSegment('id', 'café')).toBe('caf%C3%A9');
  });

  it('throws a PathSegmentError whose message names the field and says why', () => {
    let thrown: unknown;
    try {
      encodePathSegment('orderId', '..');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PathSegmentError);
    expect(thrown).toMatchObject({
      name: 'PathSegmentError',
      field: 'orderId',
      reason: 'must not be "." or ".." (it would change the route)',
      message: 'orderId: must not be "." or ".." (it would change the route)',
    });
    expect(() => encodePathSegment('invoiceId', '')).toThrow('invoiceId: must not be empty');
    expect(() => encodePathSegment('id', undefined)).toThrow('id: is required');
  });
});
