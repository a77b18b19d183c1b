import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../http/http-types.js';
import { composeRequest, UnsafeHeaderError } from './compose-request.js';

const base = 'https://api.example.test/v2/';
const get: HttpRequest = { method: 'GET', path: '/transactions' };

describe('composeRequest', () => {
  it('joins the base URL, path and query', () => {
    const composed = composeRequest(
      base,
      {},
      { ...get, query: { page: 2, q: 'a b', skip: undefined, none: null, ids: ['1', 2] } },
      {},
    );
    expect(composed.url).toBe('https://api.example.test/v2/transactions?page=2&q=a+b&ids=1&ids=2');
    expect(composed.body).toBeUndefined();
    expect(composed.headers).toEqual({});
  });

  it('layers headers: base, then the request, then auth (auth wins)', () => {
    const composed = composeRequest(
      base,
      { accept: 'application/json', 'x-layer': 'base', authorization: 'base' },
      { ...get, headers: { 'x-layer': 'request', authorization: 'request' } },
      { authorization: 'Bearer real' },
    );
    expect(composed.headers).toEqual({
      accept: 'application/json',
      'x-layer': 'request',
      authorization: 'Bearer real',
    });
  });

  it('does not change the objects it is given', () => {
    const baseHeaders = Object.freeze({ accept: 'application/json' });
    const auth = Object.freeze({ authorization: 'Bearer t' });
    const request: HttpRequest = {
      method: 'POST',
      path: '/x',
      json: { a: 1 },
      headers: Object.freeze({ 'x-a': '1' }),
    };
    const composed = composeRequest(base, baseHeaders, request, auth);
    expect(composed.headers['content-type']).toBe('application/json');
    expect(baseHeaders).toEqual({ accept: 'application/json' });
    expect(request.headers).toEqual({ 'x-a': '1' });
  });

  it('writes a JSON body and defaults its content type, keeping one the request set', () => {
    const plain = composeRequest(
      base,
      {},
      { method: 'POST', path: '/x', json: { amount: '10.50', tags: ['a'] } },
      {},
    );
    expect(plain.body).toBe('{"amount":"10.50","tags":["a"]}');
    expect(plain.headers['content-type']).toBe('application/json');
    const own = composeRequest(
      base,
      {},
      { method: 'POST', path: '/x', json: { a: 1 }, headers: { 'content-type': 'application/vnd.api+json' } },
      {},
    );
    expect(own.headers['content-type']).toBe('application/vnd.api+json');
  });

  it('sends falsy JSON values (null, 0, false) as bodies', () => {
    expect(composeRequest(base, {}, { method: 'POST', path: '/x', json: null }, {}).body).toBe('null');
    expect(composeRequest(base, {}, { method: 'POST', path: '/x', json: 0 }, {}).body).toBe('0');
    expect(composeRequest(base, {}, { method: 'POST', path: '/x', json: false }, {}).body).toBe('false');
  });

  it('writes a form body, leaving undefined fields out and forcing the form content type', () => {
    const composed = composeRequest(
      base,
      {},
      {
        method: 'POST',
        path: '/oauth/token',
        form: { grant_type: 'refresh_token', refresh_token: 'r&t=1', scope: undefined },
        headers: { 'content-type': 'text/plain' },
      },
      {},
    );
    expect(composed.body).toBe('grant_type=refresh_token&refresh_token=r%26t%3D1');
    expect(composed.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });
});

describe('composeRequest: header values that could split the request', () => {
  const token = 'tok_live_abc123';

  it.each([
    ['CRLF', `Bearer ${token}\r\nx-injected: 1`],
    ['LF', `Bearer ${token}\nx-injected: 1`],
    ['CR', `Bearer ${token}\rx-injected: 1`],
    ['NUL', `Bearer ${token}\0`],
  ])('refuses %s in an auth header and never quotes the value', (_kind, value) => {
    let thrown: unknown;
    try {
      composeRequest(base, {}, get, { authorization: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnsafeHeaderError);
    const error = thrown as UnsafeHeaderError;
    expect(error.name).toBe('UnsafeHeaderError');
    expect(error.header).toBe('authorization');
    expect(error.message).toContain('"authorization"');
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('x-injected');
    expect(JSON.stringify(error)).not.toContain(token);
    expect(String(error.stack)).not.toContain(token);
  });

  it('refuses them in base and request headers too', () => {
    expect(() => composeRequest(base, { 'x-base': 'a\r\nb' }, get, {})).toThrow(UnsafeHeaderError);
    expect(() => composeRequest(base, {}, { ...get, headers: { 'x-id': 'id\nx: 1' } }, {})).toThrow(
      /"x-id" header/,
    );
  });

  it('checks the final value: an auth header replacing an unsafe request header is fine, and the reverse is not', () => {
    expect(() =>
      composeRequest(
        base,
        {},
        { ...get, headers: { authorization: 'bad\r\n' } },
        { authorization: 'Bearer ok' },
      ),
    ).not.toThrow();
    expect(() =>
      composeRequest(
        base,
        {},
        { ...get, headers: { authorization: 'Bearer ok' } },
        { authorization: 'bad\r\n' },
      ),
    ).toThrow(UnsafeHeaderError);
  });

  it('accepts tabs, spaces and other printable values', () => {
    expect(() =>
      composeRequest(base, {}, get, { authorization: 'Bearer a\tb c', 'x-json': '{"a":[1,2]}' }),
    ).not.toThrow();
  });

  it('leaves line breaks inside a JSON body alone (they are escaped)', () => {
    const composed = composeRequest(base, {}, { method: 'POST', path: '/x', json: { memo: 'a\r\nb' } }, {});
    expect(composed.body).toBe('{"memo":"a\\r\\nb"}');
  });
});
