import { describe, expect, it } from 'vitest';
import { decorateRecord } from './decorate-record.js';

describe('decorateRecord', () => {
  it('adds the fields to the record itself and returns it, the provider fields untouched', () => {
    const record = { id: 't1', status_id: 101, nested: { a: 1 } };
    const decorated = decorateRecord(record, { status: 'approved' });
    expect(decorated).toBe(record);
    expect(decorated).toEqual({ id: 't1', status_id: 101, nested: { a: 1 }, status: 'approved' });
  });

  it('keeps a __proto__ field a provider sent as a plain field and never changes the prototype', () => {
    const record = JSON.parse('{"id":"t1","__proto__":{"isAdmin":true}}') as Record<string, unknown>;
    const decorated = decorateRecord(record, { status: 'approved' }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decorated)).toBe(Object.prototype);
    expect((decorated as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(decorated, '__proto__')?.value).toEqual({ isAdmin: true });
  });
});
