import { describe, expect, it } from 'vitest';
import { mapHttpStatus } from '../errors/map-http-status.js';
import { defaultStatusRules, isRedirectStatus, ruleForStatus, type StatusRules } from './status-rules.js';

describe('defaultStatusRules', () => {
  it.each([
    [400, 'invalid_request', 'final'],
    [401, 'authentication', 'final'],
    [403, 'permission_denied', 'final'],
    [404, 'not_found', 'final'],
    [405, 'unsupported', 'final'],
    [408, 'timeout', 'unprocessed'],
    [409, 'conflict', 'final'],
    [410, 'not_found', 'final'],
    [422, 'invalid_request', 'final'],
    [429, 'rate_limited', 'unprocessed'],
    [500, 'provider_unavailable', 'ambiguous'],
    [501, 'unsupported', 'final'],
    [502, 'provider_unavailable', 'ambiguous'],
    [503, 'provider_unavailable', 'ambiguous'],
    [504, 'provider_unavailable', 'ambiguous'],
  ] as const)('%i is %s / %s', (status, code, disposition) => {
    expect(ruleForStatus(status)).toEqual({ code, disposition });
    expect(mapHttpStatus(status)).toBe(code);
  });

  it('only 408 and 429 are unprocessed and only 500/502/503/504 are ambiguous (DESIGN.md section 4)', () => {
    const by = (disposition: string) =>
      Object.entries(defaultStatusRules)
        .filter(([, rule]) => rule.disposition === disposition)
        .map(([status]) => Number(status));
    expect(by('unprocessed')).toEqual([408, 429]);
    expect(by('ambiguous')).toEqual([500, 502, 503, 504]);
    expect(by('unsent')).toEqual([]);
  });

  it.each([0, 100, 200, 204, 301, 302, 307, 308, 402, 418, 451, 505, 511, 599, 999, -1, Number.NaN])(
    'status %s outside the table is provider_error and final',
    (status) => {
      expect(ruleForStatus(status)).toEqual({ code: 'provider_error', disposition: 'final' });
    },
  );
});

describe('ruleForStatus with a provider table', () => {
  const provider: StatusRules = {
    418: { code: 'rate_limited', disposition: 'unprocessed' },
    503: { code: 'unsupported', disposition: 'final' },
  };

  it("the provider's entry wins", () => {
    expect(ruleForStatus(418, provider)).toEqual({ code: 'rate_limited', disposition: 'unprocessed' });
    expect(ruleForStatus(503, provider)).toEqual({ code: 'unsupported', disposition: 'final' });
  });

  // BUG: the descriptor's `statusRules` are "additions to core's status table" and the doc of
  // ruleForStatus says "the provider's entry, else the default table, else provider_error"; but a
  // provider table *replaces* the defaults, so a provider adding one status turns every 5xx final.
  it("falls back to the default table for statuses the provider's table does not name", () => {
    expect(ruleForStatus(429, provider)).toEqual({ code: 'rate_limited', disposition: 'unprocessed' });
    expect(ruleForStatus(500, provider)).toEqual({ code: 'provider_unavailable', disposition: 'ambiguous' });
    expect(ruleForStatus(401, provider)).toEqual({ code: 'authentication', disposition: 'final' });
  });

  it('ignores inherited entries (a hostile or accidental prototype never decides a status)', () => {
    const inherited = Object.create({
      599: { code: 'rate_limited', disposition: 'unprocessed' },
    }) as StatusRules;
    expect(ruleForStatus(599, inherited)).toEqual({ code: 'provider_error', disposition: 'final' });
    const fromJson = JSON.parse('{"__proto__": {"599": {"code": "timeout", "disposition": "ambiguous"}}}');
    expect(ruleForStatus(599, fromJson)).toEqual({ code: 'provider_error', disposition: 'final' });
    expect(({} as Record<number, unknown>)[599]).toBeUndefined();
  });
});

describe('isRedirectStatus', () => {
  it.each([0, 300, 301, 302, 303, 304, 307, 308, 399])('%i is a redirect', (status) => {
    expect(isRedirectStatus(status)).toBe(true);
  });

  it.each([1, 100, 200, 299, 400, 404, 500])('%i is not', (status) => {
    expect(isRedirectStatus(status)).toBe(false);
  });
});
