import { describe, expect, it } from 'vitest';
import { extendRecord } from './extend-record.js';

describe('extendRecord', () => {
  it('is a spread: own fields, then the additions over them', () => {
    const record = { id: 't1', status_id: 101, note: 'old', nested: { a: 1 } };
    const extended = extendRecord(record, { status: 'approved', note: 'n' });
    expect(extended).toEqual({ ...record, status: 'approved', note: 'n' });
    expect(Object.keys(extended)).toEqual(Object.keys({ ...record, status: 'approved', note: 'n' }));
    expect(extended.nested).toBe(record.nested);
    expect(record).toEqual({ id: 't1', status_id: 101, note: 'old', nested: { a: 1 } });
  });

  it('keeps a __proto__ key from a provider as a plain field and never changes the prototype', () => {
    const record = JSON.parse('{"id":"t1","__proto__":{"isAdmin":true}}') as Record<string, unknown>;
    const extended = extendRecord(record, { status: 'approved' }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(extended)).toBe(Object.prototype);
    expect((extended as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(extended, '__proto__')?.value).toEqual({ isAdmin: true });
  });

  it('skips inherited fields, as a spread does', () => {
    const record = Object.assign(Object.create({ inherited: 1 }), { own: 2 }) as { own: number };
    expect(extendRecord(record, {})).toEqual({ own: 2 });
    expect('inherited' in extendRecord(record, {})).toBe(false);
  });
});
