import { describe, expect, it } from 'vitest';
import { baseUrlProblem, checkBaseUrl, isAllowedBaseUrl } from './allowed-base-url.js';
import { PaymentsError } from './errors/payments-error.js';

const httpsRule = 'must be an https URL (http only on loopback: 127.0.0.0/8, localhost or [::1])';

describe('baseUrlProblem / isAllowedBaseUrl', () => {
  it.each([
    'https://api.payaconnect.com',
    'https://dev.payconnect.us/api',
    'https://dev.payconnect.us/api/',
    'https://connectfi.example:8443',
    'http://127.0.0.1:4010',
    'http://127.8.9.10',
    'http://127.1:3000',
    'http://localhost',
    'http://LOCALHOST:3000/base',
    'http://[::1]:3000',
    'http://[0:0:0:0:0:0:0:1]',
  ])('accepts %s', (value) => {
    expect(baseUrlProblem(value)).toBeUndefined();
    expect(isAllowedBaseUrl(value)).toBe(true);
  });

  it.each([
    ['http://payments.example.com', `${httpsRule} (got http://payments.example.com)`],
    ['http://services.leadconnectorhq.com', `${httpsRule} (got http://services.leadconnectorhq.com)`],
    ['http://128.0.0.1', `${httpsRule} (got http://128.0.0.1)`],
    ['http://10.0.0.5:8080', `${httpsRule} (got http://10.0.0.5:8080)`],
    ['http://localhost.evil.example', `${httpsRule} (got http://localhost.evil.example)`],
    ['http://127.0.0.1.nip.io', `${httpsRule} (got http://127.0.0.1.nip.io)`],
    ['http://[::ffff:127.0.0.1]', `${httpsRule} (got http://[::ffff:7f00:1])`],
    ['ftp://x', `${httpsRule} (got ftp:)`],
    ['ws://localhost', `${httpsRule} (got ws:)`],
    ['file:///etc/passwd', `${httpsRule} (got file:)`],
    ['javascript:alert(1)', `${httpsRule} (got javascript:)`],
    [
      'https://user:pass@api.example.com',
      'must not contain a user name or password (give credentials in their own settings)',
    ],
    [
      'https://user@api.example.com',
      'must not contain a user name or password (give credentials in their own settings)',
    ],
    [
      'https://@api.example.com',
      'must not contain a user name or password (give credentials in their own settings)',
    ],
    [
      'http://user:pass@127.0.0.1',
      'must not contain a user name or password (give credentials in their own settings)',
    ],
    ['https://api.example.com/?token=x', 'must not have a query or fragment (? or #)'],
    ['https://api.example.com/#x', 'must not have a query or fragment (? or #)'],
    ['https://api.example.com?', 'must not have a query or fragment (? or #)'],
    ['https://api.example.com/ ', 'must not contain spaces or control characters'],
    ['https://api.exa\nmple.com', 'must not contain spaces or control characters'],
    ['https://api.example.com\t', 'must not contain spaces or control characters'],
    ['not a url', 'must not contain spaces or control characters'],
    ['api.example.com', 'is not a URL'],
    ['/v2', 'is not a URL'],
    ['', 'must not be empty'],
    [undefined, 'must be a string URL (got undefined)'],
    [null, 'must be a string URL (got null)'],
    [42, 'must be a string URL (got number)'],
  ])('refuses %j: %s', (value, why) => {
    expect(baseUrlProblem(value)).toBe(why);
    expect(isAllowedBaseUrl(value as string)).toBe(false);
  });

  it('never quotes the credentials of a URL', () => {
    expect(baseUrlProblem('http://user:hunter2@payments.example.com')).not.toContain('hunter2');
  });
});

describe('checkBaseUrl', () => {
  it('returns the URL as the parser writes it, without a trailing slash', () => {
    expect(checkBaseUrl('acme', 'https://API.example.com/v1/')).toBe('https://api.example.com/v1');
    expect(checkBaseUrl('acme', 'https://api.example.com')).toBe('https://api.example.com');
    expect(checkBaseUrl('acme', 'http://127.0.0.1:4010//')).toBe('http://127.0.0.1:4010');
  });

  it('throws a configuration error naming the setting, or the environment variable it came from', () => {
    const fromSetting = (() => {
      try {
        checkBaseUrl('acme', 'http://payments.example.com');
      } catch (error) {
        return error;
      }
    })();
    expect(fromSetting).toBeInstanceOf(PaymentsError);
    expect(fromSetting).toMatchObject({
      code: 'configuration',
      provider: 'acme',
      message: `acme: baseUrl ${httpsRule} (got http://payments.example.com)`,
      fieldErrors: { baseUrl: [`${httpsRule} (got http://payments.example.com)`] },
    });
    expect(() => checkBaseUrl('acme', 'http://payments.example.com', 'ACME_BASE_URL')).toThrow(
      /^acme: ACME_BASE_URL must be an https URL/,
    );
  });
});
