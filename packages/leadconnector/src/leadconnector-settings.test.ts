import { PaymentsError } from '@payweave/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLeadConnector } from './leadconnector-client.js';
import { resolveLeadConnectorSettings } from './leadconnector-settings.js';

function thrown(make: () => unknown): PaymentsError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsError);
    return error as PaymentsError;
  }
  return expect.fail('expected a configuration error');
}

const variables = [
  'LEADCONNECTOR_ACCESS_TOKEN',
  'LEADCONNECTOR_LOCATION_ID',
  'LEADCONNECTOR_CLIENT_ID',
  'LEADCONNECTOR_CLIENT_SECRET',
  'LEADCONNECTOR_REFRESH_TOKEN',
  'LEADCONNECTOR_BASE_URL',
];

beforeEach(() => {
  for (const name of variables) vi.stubEnv(name, '');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const refused: [string, RegExp][] = [
  ['http://payments.example.com', /must be an https URL .*\(got http:\/\/payments\.example\.com\)$/],
  ['http://services.leadconnectorhq.com', /must be an https URL/],
  ['https://id:secret@services.leadconnectorhq.com', /must not contain a user name or password/],
  ['https://services.leadconnectorhq.com/?v=1', /must not have a query or fragment/],
  ['ftp://x', /must be an https URL/],
];

describe('LeadConnector base URL (the shared rule: https, or http only on loopback)', () => {
  it.each(refused)('refuses %s from the baseUrl setting, naming baseUrl', (baseUrl, message) => {
    for (const make of [
      () => createLeadConnector({ accessToken: 'a', baseUrl }),
      () =>
        resolveLeadConnectorSettings({
          oauth: { clientId: 'c', clientSecret: 's', refreshToken: 'r' },
          baseUrl,
        }),
    ]) {
      const error = thrown(make);
      expect(error.code).toBe('configuration');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['baseUrl']);
      expect(error.message).toMatch(/^leadconnector: baseUrl /);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('secret@');
    }
  });

  it.each(refused)(
    'refuses %s from LEADCONNECTOR_BASE_URL alone (OAuth from the environment too), naming the variable',
    (baseUrl, message) => {
      vi.stubEnv('LEADCONNECTOR_BASE_URL', baseUrl);
      vi.stubEnv('LEADCONNECTOR_CLIENT_ID', 'c');
      vi.stubEnv('LEADCONNECTOR_CLIENT_SECRET', 'client-secret-value');
      vi.stubEnv('LEADCONNECTOR_REFRESH_TOKEN', 'r');
      for (const make of [() => createLeadConnector(), () => resolveLeadConnectorSettings({})]) {
        const error = thrown(make);
        expect(error.code).toBe('configuration');
        expect(Object.keys(error.fieldErrors ?? {})).toEqual(['LEADCONNECTOR_BASE_URL']);
        expect(error.message).toMatch(/^leadconnector: LEADCONNECTOR_BASE_URL /);
        expect(error.message).toMatch(message);
        expect(error.message).not.toContain('client-secret-value');
      }
    },
  );

  it('accepts https and loopback http from either source; the setting wins over the variable', () => {
    expect(resolveLeadConnectorSettings({ accessToken: 'a' }).baseUrl).toBe(
      'https://services.leadconnectorhq.com',
    );
    vi.stubEnv('LEADCONNECTOR_BASE_URL', 'http://127.0.0.1:4010/');
    expect(resolveLeadConnectorSettings({ accessToken: 'a' }).baseUrl).toBe('http://127.0.0.1:4010');
    vi.stubEnv('LEADCONNECTOR_BASE_URL', 'http://payments.example.com');
    expect(
      resolveLeadConnectorSettings({ accessToken: 'a', baseUrl: 'https://proxy.example/lc/' }).baseUrl,
    ).toBe('https://proxy.example/lc');
    expect(resolveLeadConnectorSettings({ accessToken: 'a', baseUrl: 'http://[::1]:4010' }).baseUrl).toBe(
      'http://[::1]:4010',
    );
  });
});
