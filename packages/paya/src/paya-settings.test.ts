import { PaymentsError } from '@payweave/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPaya } from './paya-client.js';
import { resolvePayaSettings } from './paya-settings.js';

const credentials = { userId: 'u', userApiKey: 'k', developerId: 'd' };

function thrown(make: () => unknown): PaymentsError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsError);
    return error as PaymentsError;
  }
  return expect.fail('expected a configuration error');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Paya base URL (the shared rule: https, or http only on loopback)', () => {
  it.each([
    [
      'http://payments.example.com',
      /^paya: baseUrl must be an https URL .*\(got http:\/\/payments\.example\.com\)$/,
    ],
    ['http://api.payaconnect.com', /must be an https URL/],
    ['https://user:pass@api.payaconnect.com', /must not contain a user name or password/],
    ['https://api.payaconnect.com/?developer-id=x', /must not have a query or fragment/],
    ['not a url', /baseUrl must not contain spaces/],
    ['ftp://x', /must be an https URL/],
  ])('refuses %s when the client is made', (baseUrl, message) => {
    for (const make of [
      () => createPaya({ ...credentials, baseUrl }),
      () => resolvePayaSettings({ ...credentials, baseUrl }),
    ]) {
      const error = thrown(make);
      expect(error.code).toBe('configuration');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['baseUrl']);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('pass@');
    }
  });

  it('accepts https and loopback http, normalised without a trailing slash', () => {
    expect(resolvePayaSettings({ ...credentials, baseUrl: 'https://proxy.example/paya/' }).baseUrl).toBe(
      'https://proxy.example/paya',
    );
    expect(resolvePayaSettings({ ...credentials, baseUrl: 'http://127.0.0.1:4010' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
    expect(resolvePayaSettings({ ...credentials, baseUrl: 'http://localhost:4010/' }).baseUrl).toBe(
      'http://localhost:4010',
    );
    expect(resolvePayaSettings({ ...credentials, baseUrl: 'http://[::1]:4010' }).baseUrl).toBe(
      'http://[::1]:4010',
    );
  });

  it('uses the environment URL when no baseUrl is given (Paya reads no base-URL variable)', () => {
    vi.stubEnv('PAYA_BASE_URL', 'http://payments.example.com');
    expect(resolvePayaSettings(credentials).baseUrl).toBe('https://api.sandbox.payaconnect.com');
    expect(resolvePayaSettings({ ...credentials, environment: 'production' }).baseUrl).toBe(
      'https://api.payaconnect.com',
    );
  });
});
