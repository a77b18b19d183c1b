// Timing is not measured (too noisy to assert); what is checked is the code path: both the
// username and the password always go through core's constant-time compare, whichever is wrong.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const compared = vi.hoisted(() => [] as [string, string][]);

vi.mock('@payweave/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@payweave/core')>();
  return {
    ...core,
    constantTimeEqual: (a: string, b: string) => {
      compared.push([a, b]);
      return core.constantTimeEqual(a, b);
    },
  };
});

const { basicAuthProblem } = await import('./basic-auth.js');

const expected = { username: 'paya-postbacks', password: 'q7Vn2xR9tLk4Wm8ZpB3sYd6Hf1Jc5Ga0' };
const header = (user: string, secret: string) => ({
  kind: 'value' as const,
  value: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`,
});

describe('Basic auth compare', () => {
  beforeEach(() => {
    compared.length = 0;
  });

  it.each([
    ['right credentials', expected.username, expected.password, undefined],
    ['a wrong username', 'x', expected.password, 'do not match'],
    ['a wrong password', expected.username, 'x', 'do not match'],
    ['both wrong', 'x', 'y', 'do not match'],
  ])(
    'compares username and password in constant time with %s (no early exit)',
    (_name, user, secret, problem) => {
      const result = basicAuthProblem(header(user, secret), expected);
      expect(result === undefined ? undefined : result.includes(problem ?? '') && problem).toBe(problem);
      expect(compared).toEqual([
        [user, expected.username],
        [secret, expected.password],
      ]);
    },
  );

  it('splits at the first colon: a password may hold colons', () => {
    expect(
      basicAuthProblem(header(expected.username, 'a:b:c'), { ...expected, password: 'a:b:c' }),
    ).toBeUndefined();
    expect(compared.at(-1)).toEqual(['a:b:c', 'a:b:c']);
  });
});
