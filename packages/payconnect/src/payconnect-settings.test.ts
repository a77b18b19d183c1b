import { PaymentsError } from '@payweave/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPayConnect } from './payconnect-client.js';
import { resolvePayConnectSettings } from './payconnect-settings.js';

const apiKey = 'k-123456';

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

describe('PayConnect base URL (the shared rule: https, or http only on loopback)', () => {
  it.each([
    [
      'http://payments.example.com',
      /^payconnect: baseUrl must be an https URL .*\(got http:\/\/payments\.example\.com\)$/,
    ],
    ['http://my.payconnect.us/api', /must be an https URL/],
    ['https://key:secret@my.payconnect.us/api', /must not contain a user name or password/],
    ['https://my.payconnect.us/api#x', /must not have a query or fragment/],
    ['http://0.0.0.0:4010', /must be an https URL/],
  ])('refuses %s when the client is made', (baseUrl, message) => {
    for (const make of [
      () => createPayConnect({ apiKey, baseUrl }),
      () => resolvePayConnectSettings({ apiKey, baseUrl }),
    ]) {
      const error = thrown(make);
      expect(error.code).toBe('configuration');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['baseUrl']);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('secret@');
    }
  });

  it('accepts https and loopback http (127.0.0.0/8, localhost, [::1]), without a trailing slash', () => {
    expect(resolvePayConnectSettings({ apiKey, baseUrl: 'https://proxy.example/api/' }).baseUrl).toBe(
      'https://proxy.example/api',
    );
    expect(resolvePayConnectSettings({ apiKey, baseUrl: 'http://127.0.0.2:4010' }).baseUrl).toBe(
      'http://127.0.0.2:4010',
    );
    expect(resolvePayConnectSettings({ apiKey, baseUrl: 'http://[::1]:4010' }).baseUrl).toBe(
      'http://[::1]:4010',
    );
    expect(resolvePayConnectSettings({ apiKey }).baseUrl).toBe('https://dev.payconnect.us/api');
    expect(resolvePayConnectSettings({ apiKey, environment: 'production' }).baseUrl).toBe(
      'https://my.payconnect.us/api',
    );
  });

  it('ignores a base-URL environment variable (PayConnect reads none)', () => {
    vi.stubEnv('PAYCONNECT_BASE_URL', 'http://payments.example.com');
    expect(resolvePayConnectSettings({ apiKey }).baseUrl).toBe('https://dev.payconnect.us/api');
  });
});
