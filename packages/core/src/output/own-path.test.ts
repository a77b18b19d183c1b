import { describe, expect, it } from 'vitest';
import { cloneOwn, deleteOwnAt, getOwnAt, isPathPrefix, setOwnAt } from './own-path.js';

describe('own-property paths', () => {
  it('reads, writes and deletes through "__proto__" keys as plain fields', () => {
    const body = JSON.parse('{"__proto__":{"a":1},"list":[{"b":2}]}') as Record<string, unknown>;
    const copy = cloneOwn(body) as Record<string, unknown>;
    expect(getOwnAt(copy, ['__proto__', 'a'])).toBe(1);
    expect(setOwnAt(copy, ['__proto__', 'polluted'], true)).toBe(true);
    expect(setOwnAt(copy, ['list', 0, '__proto__'], { polluted: true })).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getPrototypeOf((copy.list as object[])[0])).toBe(Object.prototype);
    deleteOwnAt(copy, ['__proto__']);
    expect(Object.hasOwn(copy, '__proto__')).toBe(false);
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
  });

  it('never reads inherited properties and refuses missing containers', () => {
    expect(getOwnAt({}, ['toString'])).toBeUndefined();
    expect(getOwnAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(setOwnAt({}, ['missing', 'x'], 1)).toBe(false);
    expect(isPathPrefix(['a', 0], ['a', '0', 'b'])).toBe(true);
    expect(isPathPrefix(['a', 'b'], ['a'])).toBe(false);
  });
});
