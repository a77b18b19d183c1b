import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSensitiveKey, REDACTED, Redactor, setOwn } from './redactor.js';

describe('Redactor.text', () => {
  it('scrubs every occurrence of a registered secret', () => {
    const redactor = new Redactor();
    redactor.addSecret('s3cr3t-key');
    expect(redactor.text('a s3cr3t-key b s3cr3t-key')).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it('ignores secrets shorter than 4 characters, and empty or missing ones', () => {
    const redactor = new Redactor();
    redactor.addSecret('abc');
    redactor.addSecret('');
    redactor.addSecret(undefined);
    redactor.addSecret(null);
    expect(redactor.text('abc abcd')).toBe('abc abcd');
    redactor.addSecret('abcd');
    expect(redactor.text('abc abcd')).toBe(`abc ${REDACTED}`);
  });

  it('forgets a removed secret', () => {
    const redactor = new Redactor();
    redactor.addSecret('old-token-1');
    redactor.removeSecret('old-token-1');
    redactor.removeSecret(undefined);
    expect(redactor.text('old-token-1')).toBe('old-token-1');
  });

  it('scrubs extra (echoed) values for this call only', () => {
    const redactor = new Redactor();
    expect(redactor.text('routing 021000021 refused', ['021000021'])).toBe(`routing ${REDACTED} refused`);
    expect(redactor.text('routing 021000021 refused')).toBe('routing 021000021 refused');
  });

  // BUG: secrets are replaced in registration order, so when a shorter secret that is part of a
  // longer one was registered first, the longer one is only partly replaced and the rest of it
  // leaks (`xyz-[REDACTED]-SECRETPART`). Fix: replace longest first (sort secrets and extras by
  // length, descending) in Redactor.text.
  it('scrubs the whole of a longer secret that contains a shorter one, whatever the order they were added', () => {
    const shortFirst = new Redactor();
    shortFirst.addSecret('abcd');
    shortFirst.addSecret('xyz-abcd-SECRETPART');
    expect(shortFirst.text('token xyz-abcd-SECRETPART here')).toBe(`token ${REDACTED} here`);
    const viaExtra = new Redactor();
    viaExtra.addSecret('abcd');
    expect(viaExtra.text('token xyz-abcd-SECRETPART here', ['xyz-abcd-SECRETPART'])).toBe(
      `token ${REDACTED} here`,
    );
  });

  it.each([
    ['4111111111111111', `${REDACTED}1111`],
    ['4111 1111 1111 1111', `${REDACTED}1111`],
    ['4111-1111-1111-1111', `${REDACTED}1111`],
    ['378282246310005', `${REDACTED}0005`],
    ['6011000990139424000', `${REDACTED}4000`],
    ['000123456789', `${REDACTED}6789`],
    ['pan=4111111111111111;', `pan=${REDACTED}1111;`],
    ['"4111111111111111"', `"${REDACTED}1111"`],
  ])('scrubs the card-like run in %j', (input, expected) => {
    expect(new Redactor().text(input)).toBe(expected);
  });

  it.each([
    'amount 1050 USD',
    'order 12345678901',
    '2030-01-01T12:00:00Z',
    'phone +1 555 0100',
    'id 3fa85f64-5717-4562-b3fc-2c963f66afa6',
  ])('leaves %j alone', (input) => {
    expect(new Redactor().text(input)).toBe(input);
  });
});

describe('Redactor field and header names', () => {
  it('knows the built-in secret names however they are spelled', () => {
    for (const name of [
      'Authorization',
      'api_key',
      'API-KEY',
      'cardNumber',
      'card_number',
      'CVV2',
      'ssn',
      'routing_number',
      'refresh_token',
      'client-secret',
    ]) {
      expect(isSensitiveKey(name)).toBe(true);
      expect(new Redactor().isSensitiveField(name)).toBe(true);
    }
    for (const name of ['amount', 'currency', 'status', 'reference', 'id']) {
      expect(isSensitiveKey(name)).toBe(false);
    }
  });

  it("adds the provider's sensitiveFields, normalised the same way, to this redactor only", () => {
    const redactor = new Redactor({ sensitiveFields: ['DFIAccountNumber', 'bank_token'] });
    expect(redactor.isSensitiveField('dfi_account_number')).toBe(true);
    expect(redactor.isSensitiveField('DFI-ACCOUNT-NUMBER')).toBe(true);
    expect(redactor.isSensitiveField('bankToken')).toBe(true);
    expect(new Redactor().isSensitiveField('DFIAccountNumber')).toBe(false);
    expect(isSensitiveKey('DFIAccountNumber')).toBe(false);
  });

  it("redacts credential headers: built-in names, credential-looking names and the provider's sensitiveHeaders", () => {
    const redactor = new Redactor({ sensitiveHeaders: ['User-Id', 'developer-id'] });
    redactor.addSecret('registered-secret');
    expect(
      redactor.headers({
        authorization: 'Bearer abc',
        'x-api-key': 'k',
        'x-auth-token': 't',
        cookie: 'c=1',
        'user-id': 'u-123',
        'DEVELOPER-ID': 'd-456',
        'user-api-key': 'key',
        accept: 'application/json',
        'x-note': 'see registered-secret',
      }),
    ).toEqual({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      'x-auth-token': REDACTED,
      cookie: REDACTED,
      'user-id': REDACTED,
      'DEVELOPER-ID': REDACTED,
      'user-api-key': REDACTED,
      accept: 'application/json',
      'x-note': `see ${REDACTED}`,
    });
    expect(new Redactor().headers({ 'user-id': 'u-123' })).toEqual({ 'user-id': 'u-123' });
  });

  it('copies a hostile __proto__ header name as an own property', () => {
    const copy = new Redactor().headers(JSON.parse('{"__proto__": "x", "accept": "a"}'));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toBe('x');
  });
});

describe('Redactor.value', () => {
  it('replaces secret fields at any depth and scrubs every string, without touching the input', () => {
    const redactor = new Redactor({ sensitiveFields: ['DFIAccountNumber'] });
    redactor.addSecret('tok_live_123456');
    const input = {
      amount: 1050,
      card: { cardNumber: '4111111111111111', cvv: '123', expiry: '12/30' },
      bank: [{ DFIAccountNumber: '000123456789', name: 'Jane' }],
      note: 'used tok_live_123456',
      password: { nested: 'object' },
    };
    const before = structuredClone(input);
    expect(redactor.value(input)).toEqual({
      amount: 1050,
      card: { cardNumber: REDACTED, cvv: REDACTED, expiry: '12/30' },
      bank: [{ DFIAccountNumber: REDACTED, name: 'Jane' }],
      note: `used ${REDACTED}`,
      password: REDACTED,
    });
    expect(input).toEqual(before);
  });

  it('keeps empty secret fields visible as empty', () => {
    expect(new Redactor().value({ password: '', token: null, cvv: undefined })).toEqual({
      password: '',
      token: null,
      cvv: undefined,
    });
  });

  it('treats `code` as secret only in an OAuth token request or when it holds a long digit string', () => {
    const redactor = new Redactor();
    expect(redactor.value({ code: 'declined' })).toEqual({ code: 'declined' });
    expect(redactor.value({ code: 200 })).toEqual({ code: 200 });
    expect(redactor.value({ grant_type: 'authorization_code', code: 'abc' })).toEqual({
      grant_type: 'authorization_code',
      code: REDACTED,
    });
    expect(redactor.value({ code: '1234567' })).toEqual({ code: REDACTED });
  });

  it('treats `number` as secret when it holds a long digit string, not a page number', () => {
    const redactor = new Redactor();
    expect(redactor.value({ page: { number: 3 } })).toEqual({ page: { number: 3 } });
    expect(redactor.value({ number: 'A12' })).toEqual({ number: 'A12' });
    expect(redactor.value({ card: { number: '4111111111111111' } })).toEqual({ card: { number: REDACTED } });
  });

  // BUG (security gap): `number` is secret "only as a string", so a card or account number sent
  // as a JSON number (`{ card: { number: 4111111111111111 } }`) is copied into logs and hook
  // payloads unredacted, and sensitiveValues() does not collect it for errors either. Fix: in
  // isSecretField test `/\d{6,}/.test(String(field))` for numbers too (a page number stays short).
  it('redacts a card number held as a JSON number under `number`', () => {
    const redactor = new Redactor();
    const body = { card: { number: 4111111111111111, exp: '1230' } };
    expect(JSON.stringify(redactor.value(body))).not.toContain('4111111111111111');
    expect(redactor.sensitiveValues(body)).toContain('4111111111111111');
  });

  it('keeps hostile keys from JSON.parse as own properties and never pollutes Object.prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": "yes", "password": "p4ss"}, "constructor": {"prototype": {"polluted": "yes"}}}',
    );
    const copy = new Redactor().value(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({
      polluted: 'yes',
      password: REDACTED,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('scrubs secrets out of keys too', () => {
    const redactor = new Redactor();
    redactor.addSecret('key-in-a-key');
    expect(redactor.value({ 'key-in-a-key': 1 })).toEqual({ [REDACTED]: 1 });
  });

  it('truncates deep structures instead of recursing without end', () => {
    let deep: Record<string, unknown> = { leaf: 'x' };
    for (let index = 0; index < 30; index += 1) deep = { next: deep };
    expect(JSON.stringify(new Redactor().value(deep))).toContain('[Truncated]');
  });

  it('leaves primitives alone except strings', () => {
    const redactor = new Redactor();
    expect(redactor.value(5)).toBe(5);
    expect(redactor.value(null)).toBeNull();
    expect(redactor.value(undefined)).toBeUndefined();
    expect(redactor.value('4111111111111111')).toBe(`${REDACTED}1111`);
  });
});

describe('Redactor.sensitiveValues', () => {
  it('collects the values at secret fields, longest first, skipping values shorter than 3', () => {
    const redactor = new Redactor({ sensitiveFields: ['DFIAccountNumber'] });
    expect(
      redactor.sensitiveValues({
        card: { cardNumber: '4111111111111111', cvv: 123 },
        bank: { DFIAccountNumber: '000123456789' },
        ssn4: '12',
        name: 'Jane',
        list: [{ password: 'hunter22' }],
      }),
    ).toEqual(['4111111111111111', '000123456789', 'hunter22', '123']);
  });

  it('finds nothing in non-objects and stops at depth', () => {
    const redactor = new Redactor();
    expect(redactor.sensitiveValues(undefined)).toEqual([]);
    expect(redactor.sensitiveValues('password=x')).toEqual([]);
    let deep: Record<string, unknown> = { password: 'too-deep' };
    for (let index = 0; index < 20; index += 1) deep = { next: deep };
    expect(redactor.sensitiveValues(deep)).toEqual([]);
  });
});

describe('setOwn', () => {
  it('defines __proto__ as an own enumerable property', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__']);
    expect(inspect(target)).toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
