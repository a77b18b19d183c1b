import { describe, expect, it, vi } from 'vitest';
import type { HttpResponse } from '../http/http-types.js';
import { parseBody } from '../http/parse-body.js';
import { type ResponseReading, readFailedResponse, readFailure } from './read-attempt.js';

const url = 'https://api.example.test/v2/transactions';

function response(status: number, headers: Record<string, string> = {}, text = ''): HttpResponse {
  const parsed = parseBody(text, () => headers['content-type'] ?? null);
  return { status, headers: new Headers(headers), text, ...parsed };
}

describe('readFailedResponse: redirects', () => {
  it.each([301, 302, 303, 307, 308])(
    '%i is a final provider_error naming only the origin of the Location',
    (status) => {
      const failure = readFailedResponse(
        response(status, {
          location: 'https://user:p4ss@evil.example:8443/steal?token=abc#x',
          'x-request-id': 'r-1',
        }),
        url,
        {},
      );
      expect(failure.disposition).toBe('final');
      expect(failure.retryAfterMs).toBeUndefined();
      expect(failure.reason).toBe(`HTTP ${status}`);
      expect(failure.parts).toMatchObject({
        code: 'provider_error',
        httpStatus: status,
        requestId: 'r-1',
        retryable: false,
      });
      expect(failure.parts.detail).toContain('https://evil.example:8443');
      expect(failure.parts.detail).toContain('never follows a redirect');
      expect(failure.parts.detail).not.toMatch(/p4ss|steal|token=abc|user/);
    },
  );

  it('resolves a relative Location against the request URL', () => {
    const failure = readFailedResponse(response(302, { location: '/login?next=1' }), url, {});
    expect(failure.parts.detail).toContain('https://api.example.test');
    expect(failure.parts.detail).not.toContain('login');
  });

  it('says so when the Location is missing or cannot be parsed', () => {
    expect(readFailedResponse(response(302), url, {}).parts.detail).toContain('an undisclosed location');
    expect(readFailedResponse(response(302, { location: 'http://[bad' }), url, {}).parts.detail).toContain(
      'an unparseable location',
    );
  });

  it('treats status 0 (an opaque redirect) the same way', () => {
    const failure = readFailedResponse(response(0), url, {});
    expect(failure.parts.code).toBe('provider_error');
    expect(failure.disposition).toBe('final');
  });

  it("never asks the provider's mapper about a redirect, nor honours a Retry-After on it", () => {
    const mapError = vi.fn(() => ({ code: 'rate_limited' as const }));
    const failure = readFailedResponse(response(307, { 'retry-after': '1' }), url, { mapError });
    expect(mapError).not.toHaveBeenCalled();
    expect(failure.retryAfterMs).toBeUndefined();
  });
});

describe('readFailedResponse: a 2xx that could not be read', () => {
  it('is an ambiguous invalid_response naming the content type', () => {
    const failure = readFailedResponse(
      response(200, { 'content-type': 'application/json' }, '{"id": '),
      url,
      {},
    );
    expect(failure.disposition).toBe('ambiguous');
    expect(failure.reason).toBe('HTTP 200 unreadable');
    expect(failure.parts).toMatchObject({ code: 'invalid_response', httpStatus: 200, retryable: false });
    expect(failure.parts.detail).toContain('(application/json)');
    expect(readFailedResponse(response(201, {}, '\u0000\u0001'), url, {}).parts.detail).toContain(
      '(no content type)',
    );
  });

  it('does not echo the body it could not read', () => {
    const failure = readFailedResponse(
      response(200, { 'content-type': 'application/json' }, '{"card":"4111111111111111"'),
      url,
      {},
    );
    expect(JSON.stringify(failure)).not.toContain('4111');
  });
});

describe('readFailedResponse: error statuses', () => {
  it.each([
    [400, 'invalid_request', 'final'],
    [401, 'authentication', 'final'],
    [404, 'not_found', 'final'],
    [408, 'timeout', 'unprocessed'],
    [422, 'invalid_request', 'final'],
    [429, 'rate_limited', 'unprocessed'],
    [500, 'provider_unavailable', 'ambiguous'],
    [503, 'provider_unavailable', 'ambiguous'],
    [418, 'provider_error', 'final'],
  ] as const)('%i follows the status table: %s / %s', (status, code, disposition) => {
    const failure = readFailedResponse(response(status), url, {});
    expect(failure.disposition).toBe(disposition);
    expect(failure.parts).toMatchObject({
      code,
      httpStatus: status,
      detail: `HTTP ${status}`,
      retryable: disposition !== 'final',
    });
    expect(failure.reason).toBe(`HTTP ${status}`);
  });

  it('reads Retry-After into both the failure and the error', () => {
    const failure = readFailedResponse(response(503, { 'retry-after': '2' }), url, {});
    expect(failure.retryAfterMs).toBe(2_000);
    expect(failure.parts.retryAfterMs).toBe(2_000);
    expect('retryAfterMs' in readFailedResponse(response(503), url, {}).parts).toBe(false);
  });

  it("reads the provider's millisecond headers on a 429 only", () => {
    const reading: ResponseReading = { retryAfterHeaders: ['x-ratelimit-interval-milliseconds'] };
    const headers = { 'x-ratelimit-interval-milliseconds': '750' };
    expect(readFailedResponse(response(429, headers), url, reading).retryAfterMs).toBe(750);
    expect(readFailedResponse(response(503, headers), url, reading).retryAfterMs).toBeUndefined();
  });

  it("takes the provider's fields, its message as the detail and its code, but never its provider or operation", () => {
    const reading: ResponseReading = {
      mapError: (answer) => ({
        code: 'conflict',
        providerCode: 'duplicate',
        providerMessage: `duplicate of ${(answer.body as { id: string }).id}`,
        fieldErrors: { reference: ['already used'] },
        provider: 'someone-else',
        operation: 'other.op',
        message: 'ignored',
        requestId: 'from-body',
      }),
    };
    const failure = readFailedResponse(
      response(400, { 'content-type': 'application/json', 'x-request-id': 'from-header' }, '{"id":"t-1"}'),
      url,
      reading,
    );
    expect(failure.parts).toMatchObject({
      code: 'conflict',
      providerCode: 'duplicate',
      providerMessage: 'duplicate of t-1',
      detail: 'duplicate of t-1',
      fieldErrors: { reference: ['already used'] },
      requestId: 'from-body',
      httpStatus: 400,
      retryable: false,
    });
    expect(failure.parts).not.toHaveProperty('provider');
    expect(failure.parts).not.toHaveProperty('operation');
    expect(failure.parts).not.toHaveProperty('message');
    expect(failure.disposition).toBe('final');
  });

  it('keeps the x-request-id header when the mapper names none', () => {
    const failure = readFailedResponse(response(404, { 'x-request-id': 'r-9' }), url, {
      mapError: () => ({}),
    });
    expect(failure.parts.requestId).toBe('r-9');
  });

  it("the mapper's code never changes whether the request may be resent", () => {
    const reading: ResponseReading = {
      mapError: () => ({ code: 'invalid_request', retryable: false, httpStatus: 1 }),
    };
    const failure = readFailedResponse(response(503), url, reading);
    expect(failure.disposition).toBe('ambiguous');
    expect(failure.parts).toMatchObject({ code: 'invalid_request', retryable: true, httpStatus: 503 });
  });

  it('falls back to the status when the mapper throws or returns nonsense', () => {
    const throwing: ResponseReading = {
      mapError: () => {
        throw new Error('cannot read body');
      },
    };
    for (const reading of [
      throwing,
      { mapError: () => undefined },
      { mapError: () => 'text' as never },
      { mapError: () => null as never },
    ]) {
      const failure = readFailedResponse(response(422, {}, '<html>'), url, reading);
      expect(failure.parts).toMatchObject({ code: 'invalid_request', detail: 'HTTP 422', httpStatus: 422 });
    }
  });

  it('an empty provider message does not replace the status as the detail', () => {
    const failure = readFailedResponse(response(400), url, { mapError: () => ({ providerMessage: '' }) });
    expect(failure.parts.detail).toBe('HTTP 400');
  });

  it("uses the provider's status rules", () => {
    const reading: ResponseReading = {
      statusRules: { 418: { code: 'rate_limited', disposition: 'unprocessed' } },
    };
    const failure = readFailedResponse(response(418), url, reading);
    expect(failure.disposition).toBe('unprocessed');
    expect(failure.parts.code).toBe('rate_limited');
  });

  // BUG (see retry/status-rules.test.ts): a provider's statusRules replace the default table instead of
  // adding to it, so with any provider rule a 503 becomes a final provider_error and is never retried.
  it("keeps the default rules for statuses the provider's rules do not name", () => {
    const reading: ResponseReading = {
      statusRules: { 418: { code: 'rate_limited', disposition: 'unprocessed' } },
    };
    const failure = readFailedResponse(response(503), url, reading);
    expect(failure.disposition).toBe('ambiguous');
    expect(failure.parts.code).toBe('provider_unavailable');
  });
});

describe('readFailure', () => {
  it('timeout: ambiguous, naming the attempt timeout', () => {
    const cause = new DOMException('No complete response within 250 ms.', 'TimeoutError');
    expect(readFailure('timeout', cause, 250)).toEqual({
      parts: { code: 'timeout', detail: 'no complete response within 250 ms.', cause },
      disposition: 'ambiguous',
      retryAfterMs: undefined,
      reason: 'timeout',
    });
  });

  it('too_large: a final invalid_response (resending reads as much again) that a write may have acted on', () => {
    const cause = Object.assign(new Error('The response body is larger than the 1024-byte limit.'), {
      name: 'ResponseTooLargeError',
    });
    const failure = readFailure('too_large', cause, 1_000);
    expect(failure.disposition).toBe('final');
    expect(failure.mayHaveActed).toBe(true);
    expect(failure.reason).toBe('too_large');
    expect(failure.parts).toMatchObject({
      code: 'invalid_response',
      retryable: false,
      detail: 'The response body is larger than the 1024-byte limit. Reading stopped there.',
      cause,
    });
  });

  it('connect: unsent (the request never left), naming the inner code', () => {
    const cause = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    const failure = readFailure('connect', cause, 1_000);
    expect(failure.disposition).toBe('unsent');
    expect(failure.reason).toBe('connect');
    expect(failure.parts).toMatchObject({
      code: 'network',
      detail: 'could not connect (fetch failed: ECONNREFUSED).',
    });
  });

  it('network: ambiguous (the request may have arrived)', () => {
    const failure = readFailure('network', new Error('socket hang up'), 1_000);
    expect(failure.disposition).toBe('ambiguous');
    expect(failure.reason).toBe('network');
    expect(failure.parts).toMatchObject({
      code: 'network',
      detail: 'the connection failed (socket hang up).',
    });
    expect(readFailure('network', 'plain', 1_000).parts.detail).toBe('the connection failed (plain).');
  });
});
