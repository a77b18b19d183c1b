import { PaymentsError } from '@payweave/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectFi } from './connectfi-client.js';
import { resolveConnectFiSettings } from './connectfi-settings.js';

const login = { login: 'CLIENT_1', password: 'p' };

function thrown(make: () => unknown): PaymentsError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsError);
    return error as PaymentsError;
  }
  return expect.fail('expected a configuration error');
}

beforeEach(() => {
  vi.stubEnv('CONNECTFI_BASE_URL', '');
  vi.stubEnv('CONNECTFI_LOGIN', '');
  vi.stubEnv('CONNECTFI_PASSWORD', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const refused: [string, RegExp][] = [
  ['http://connectfi.example.com', /must be an https URL .*\(got http:\/\/connectfi\.example\.com\)$/],
  ['https://CLIENT_1:pw@connectfi.example.com', /must not contain a user name or password/],
  ['https://connectfi.example.com/?x=1', /must not have a query or fragment/],
  ['http://192.168.1.10', /must be an https URL/],
];

describe('connectFi base URL (the shared rule: https, or http only on loopback)', () => {
  it.each(refused)('refuses %s from the baseUrl setting, naming baseUrl', (baseUrl, message) => {
    for (const make of [
      () => createConnectFi({ ...login, baseUrl }),
      () => resolveConnectFiSettings({ ...login, baseUrl }),
    ]) {
      const error = thrown(make);
      expect(error.code).toBe('configuration');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['baseUrl']);
      expect(error.message).toMatch(/^connectfi: baseUrl /);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('pw@');
    }
  });

  it.each(refused)('refuses %s from CONNECTFI_BASE_URL, naming the variable', (baseUrl, message) => {
    vi.stubEnv('CONNECTFI_BASE_URL', baseUrl);
    for (const make of [() => createConnectFi(login), () => resolveConnectFiSettings(login)]) {
      const error = thrown(make);
      expect(error.code).toBe('configuration');
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(['CONNECTFI_BASE_URL']);
      expect(error.message).toMatch(/^connectfi: CONNECTFI_BASE_URL /);
      expect(error.message).toMatch(message);
    }
  });

  it('accepts https and loopback http from either source; the setting wins over the variable', () => {
    vi.stubEnv('CONNECTFI_BASE_URL', 'http://localhost:4010/');
    expect(resolveConnectFiSettings(login).baseUrl).toBe('http://localhost:4010');
    vi.stubEnv('CONNECTFI_BASE_URL', 'http://connectfi.example.com');
    expect(resolveConnectFiSettings({ ...login, baseUrl: 'https://cfi.example/' }).baseUrl).toBe(
      'https://cfi.example',
    );
    expect(resolveConnectFiSettings({ ...login, baseUrl: 'http://127.0.0.1:4010' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('still says a missing base URL is required', () => {
    expect(thrown(() => resolveConnectFiSettings(login)).message).toMatch(/baseUrl is required/);
  });
});
