import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, pemToDer } from './base64.js';
import { constantTimeEqual } from './constant-time.js';
import { memoryDedupeStore } from './dedupe-store.js';
import { readHeader } from './header-value.js';
import { readRawBody, sha256Hex } from './raw-body.js';
import { timestampProblem } from './timestamp-window.js';

describe('constantTimeEqual', () => {
  it('is true only for equal strings, whatever the lengths', () => {
    expect(constantTimeEqual('s3cret', 's3cret')).toBe(true);
    expect(constantTimeEqual('s3cret', 's3creT')).toBe(false);
    expect(constantTimeEqual('s3cret', 's3cret\0')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('', 'x')).toBe(false);
    expect(constantTimeEqual('é', 'e\u0301')).toBe(false);
  });
});

describe('base64', () => {
  it('round-trips bytes and reads URL-safe text', () => {
    const bytes = Uint8Array.from([0, 250, 251, 252, 253, 254, 255]);
    const text = bytesToBase64(bytes);
    expect(base64ToBytes(text)).toEqual(bytes);
    expect(base64ToBytes(text.replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', ''))).toEqual(bytes);
  });
  it('refuses text that is not base64', () => {
    for (const bad of ['', '   ', 'abc$', '<script>', '====a', 'abcde'])
      expect(base64ToBytes(bad)).toBeUndefined();
  });
  it('reads the DER inside a PEM block', () => {
    const der = pemToDer('-----BEGIN PUBLIC KEY-----\nAAEC\nAw==\n-----END PUBLIC KEY-----\n');
    expect(der).toEqual(Uint8Array.from([0, 1, 2, 3]));
  });
});

describe('readHeader', () => {
  it('finds a header in any case, in a plain object and in Headers', () => {
    expect(readHeader({ 'X-GHL-Signature': 'abc' }, 'x-ghl-signature')).toEqual({
      kind: 'value',
      value: 'abc',
    });
    expect(readHeader(new Headers({ 'x-ghl-signature': 'abc' }), 'X-GHL-SIGNATURE')).toEqual({
      kind: 'value',
      value: 'abc',
    });
    expect(readHeader({}, 'x')).toEqual({ kind: 'absent' });
    expect(readHeader({ x: undefined }, 'x')).toEqual({ kind: 'absent' });
  });
  it('calls a header sent twice with different values repeated, never picking one', () => {
    expect(readHeader({ x: ['a', 'b'] }, 'x')).toEqual({ kind: 'repeated' });
    expect(readHeader({ x: 'a', X: 'b' }, 'x')).toEqual({ kind: 'repeated' });
    const headers = new Headers();
    headers.append('x', 'a');
    headers.append('x', 'b');
    expect(readHeader(headers, 'x')).toEqual({ kind: 'repeated' });
    expect(readHeader({ x: ['a', 'a'] }, 'x')).toEqual({ kind: 'value', value: 'a' });
    expect(readHeader({ x: 'a, b' }, 'x')).toEqual({ kind: 'repeated' });
  });
});

describe('timestampProblem', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it('accepts a timestamp inside the window, either side', () => {
    expect(timestampProblem('2026-12-02T09:56:00Z', 300_000, now)).toBeUndefined();
    expect(timestampProblem('2026-12-02T10:04:00Z', 300_000, now)).toBeUndefined();
    expect(timestampProblem(now - 1000, 300_000, now)).toBeUndefined();
  });
  it('says a stale, a future and an unreadable timestamp are outside, and why', () => {
    expect(timestampProblem('2026-12-02T09:50:00Z', 300_000, now)).toMatch(/600 s old .*replay/);
    expect(timestampProblem('2026-12-02T10:10:00Z', 300_000, now)).toMatch(/600 s in the future/);
    expect(timestampProblem('yesterday', 300_000, now)).toMatch(/not an ISO-8601/);
    expect(timestampProblem('2026-13-45T99:00:00Z', 300_000, now)).toMatch(/not a valid/);
    expect(timestampProblem(undefined, 300_000, now)).toMatch(/not an ISO-8601/);
    expect(timestampProblem(Number.NaN, 300_000, now)).toMatch(/not a valid/);
  });
});

describe('readRawBody', () => {
  it('takes bytes, an ArrayBuffer, a Buffer and text', () => {
    const bytes = new TextEncoder().encode('{"a":1}');
    for (const body of [bytes, bytes.buffer, Buffer.from(bytes), '{"a":1}']) {
      const read = readRawBody(body, 100);
      expect(read).toMatchObject({ text: '{"a":1}' });
    }
  });
  it('refuses a parsed object with the signature code and says to pass the raw body', () => {
    expect(readRawBody({ a: 1 }, 100)).toMatchObject({
      code: 'webhook_signature',
      problem: /parsed object.*raw body/,
    });
    expect(readRawBody(null, 100)).toMatchObject({ code: 'webhook_signature', problem: /not null/ });
    expect(readRawBody(42, 100)).toMatchObject({ code: 'webhook_signature', problem: /not number/ });
  });
  it('refuses a body past the cap and invalid UTF-8', () => {
    expect(readRawBody('x'.repeat(101), 100)).toMatchObject({
      code: 'webhook_malformed',
      problem: /larger than 100/,
    });
    expect(readRawBody(new Uint8Array(101), 100)).toMatchObject({ code: 'webhook_malformed' });
    expect(readRawBody(Uint8Array.from([0x7b, 0xff, 0x7d]), 100)).toMatchObject({ problem: /UTF-8/ });
  });
  it('hashes bytes with SHA-256', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('memoryDedupeStore', () => {
  it('lets one of two concurrent claims win and forgets after the ttl', async () => {
    let now = 0;
    const store = memoryDedupeStore({ now: () => now });
    const claims = await Promise.all([store.claim('k', 1000), store.claim('k', 1000)]);
    expect(claims.sort()).toEqual([false, true]);
    now = 999;
    expect(await store.claim('k', 1000)).toBe(false);
    now = 1000;
    expect(await store.claim('k', 1000)).toBe(true);
  });
  it('accepts a key again after release', async () => {
    const store = memoryDedupeStore();
    expect(await store.claim('k', 60_000)).toBe(true);
    await store.release('k');
    expect(await store.claim('k', 60_000)).toBe(true);
  });
  it('stays bounded under a flood of distinct ids, dropping the oldest', async () => {
    const store = memoryDedupeStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) expect(await store.claim(key, 60_000)).toBe(true);
    expect(await store.claim('a', 60_000)).toBe(true);
    expect(await store.claim('d', 60_000)).toBe(false);
  });
  it('treats __proto__ as an ordinary key', async () => {
    const store = memoryDedupeStore();
    expect(await store.claim('__proto__', 60_000)).toBe(true);
    expect(await store.claim('__proto__', 60_000)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
