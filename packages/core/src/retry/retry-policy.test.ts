import { describe, expect, it } from 'vitest';
import { defaultRetrySettings, type RetryMode, type RetrySettings } from './retry-mode.js';
import { decideRetry, type RetryDecision, type RetryQuestion } from './retry-policy.js';
import type { Disposition } from './status-rules.js';

const settings: RetrySettings = {
  ...defaultRetrySettings,
  maxRetries: 2,
  backoffBaseMs: 100,
  backoffMaxMs: 1_000,
  maxRetryAfterMs: 5_000,
};

function ask(changes: Partial<RetryQuestion> = {}): RetryDecision {
  return decideRetry({
    mode: 'safe',
    disposition: 'ambiguous',
    retriesUsed: 0,
    settings,
    retryAfterMs: undefined,
    remainingMs: 60_000,
    random: () => 0,
    ...changes,
  });
}

const retry = (delayMs: number): RetryDecision => ({ action: 'retry', delayMs });
const stop = (reason: string): RetryDecision => ({ action: 'stop', reason }) as RetryDecision;

describe('decideRetry: every mode against every disposition', () => {
  // First retry with random() = 0: the ceiling is backoffBaseMs (100), half of it fixed.
  const firstBackoff = 50;
  const table: [RetryMode, Disposition, RetryDecision][] = [
    ['safe', 'final', stop('final')],
    ['safe', 'unsent', retry(firstBackoff)],
    ['safe', 'unprocessed', retry(firstBackoff)],
    ['safe', 'ambiguous', retry(firstBackoff)],
    ['reconcile', 'final', stop('final')],
    ['reconcile', 'unsent', retry(firstBackoff)],
    ['reconcile', 'unprocessed', retry(firstBackoff)],
    ['reconcile', 'ambiguous', stop('ambiguous')],
    ['never', 'final', stop('final')],
    ['never', 'unsent', retry(firstBackoff)],
    ['never', 'unprocessed', stop('mode')],
    ['never', 'ambiguous', stop('ambiguous')],
  ];

  it('covers all 12 pairs', () => {
    expect(new Set(table.map(([mode, disposition]) => `${mode}/${disposition}`)).size).toBe(12);
  });

  it.each(table)('%s + %s', (mode, disposition, expected) => {
    expect(ask({ mode, disposition })).toEqual(expected);
  });

  it.each(table)(
    '%s + %s: a Retry-After within the cap replaces the backoff, never the verdict',
    (mode, disposition, expected) => {
      const decision = ask({ mode, disposition, retryAfterMs: 1_234 });
      expect(decision).toEqual(expected.action === 'retry' ? retry(1_234) : expected);
    },
  );
});

describe('decideRetry: limits', () => {
  it('stops with exhausted once maxRetries resends were made, in every mode that would resend', () => {
    for (const mode of ['safe', 'reconcile', 'never'] as const) {
      expect(ask({ mode, disposition: 'unsent', retriesUsed: 1 }).action).toBe('retry');
      expect(ask({ mode, disposition: 'unsent', retriesUsed: 2 })).toEqual(stop('exhausted'));
      expect(ask({ mode, disposition: 'unsent', retriesUsed: 7 })).toEqual(stop('exhausted'));
    }
  });

  it('maxRetries 0 never resends', () => {
    expect(ask({ settings: { ...settings, maxRetries: 0 }, disposition: 'unsent' })).toEqual(
      stop('exhausted'),
    );
  });

  it('stops with deadline when the wait would reach the deadline (boundary included)', () => {
    expect(ask({ remainingMs: 51 })).toEqual(retry(50));
    expect(ask({ remainingMs: 50 })).toEqual(stop('deadline'));
    expect(ask({ remainingMs: 0 })).toEqual(stop('deadline'));
    expect(ask({ remainingMs: -10 })).toEqual(stop('deadline'));
  });

  it('a Retry-After that does not fit before the deadline stops with deadline', () => {
    expect(ask({ retryAfterMs: 4_000, remainingMs: 4_001 })).toEqual(retry(4_000));
    expect(ask({ retryAfterMs: 4_000, remainingMs: 4_000 })).toEqual(stop('deadline'));
  });

  it('a zero Retry-After still needs time left', () => {
    expect(ask({ retryAfterMs: 0, remainingMs: 1 })).toEqual(retry(0));
    expect(ask({ retryAfterMs: 0, remainingMs: 0 })).toEqual(stop('deadline'));
  });

  it('a Retry-After above maxRetryAfterMs stops at once with wait_too_long; exactly the cap is waited', () => {
    expect(ask({ disposition: 'unprocessed', retryAfterMs: 5_001 })).toEqual(stop('wait_too_long'));
    expect(ask({ disposition: 'unprocessed', retryAfterMs: 5_000 })).toEqual(retry(5_000));
  });

  it('wait_too_long wins over the mode, exhaustion and the deadline (so a 429 reports its wait)', () => {
    for (const mode of ['safe', 'reconcile', 'never'] as const) {
      expect(ask({ mode, disposition: 'unprocessed', retryAfterMs: 60_000 })).toEqual(stop('wait_too_long'));
    }
    expect(ask({ disposition: 'unprocessed', retryAfterMs: 60_000, retriesUsed: 5 })).toEqual(
      stop('wait_too_long'),
    );
    expect(ask({ disposition: 'unprocessed', retryAfterMs: 60_000, remainingMs: 1 })).toEqual(
      stop('wait_too_long'),
    );
  });

  it('a final answer stays final whatever the provider asked to wait', () => {
    expect(ask({ disposition: 'final', retryAfterMs: 60_000 })).toEqual(stop('final'));
    expect(ask({ disposition: 'final', retryAfterMs: 10 })).toEqual(stop('final'));
  });

  it('maxRetryAfterMs 0 refuses any positive wait but accepts Retry-After: 0', () => {
    const strict = { ...settings, maxRetryAfterMs: 0 };
    expect(ask({ settings: strict, retryAfterMs: 1 })).toEqual(stop('wait_too_long'));
    expect(ask({ settings: strict, retryAfterMs: 0 })).toEqual(retry(0));
  });
});

describe('decideRetry: backoff', () => {
  it('doubles per retry with equal jitter between half and all of the ceiling', () => {
    const low = (retriesUsed: number) =>
      ask({ retriesUsed, random: () => 0, settings: { ...settings, maxRetries: 10 } });
    const high = (retriesUsed: number) =>
      ask({ retriesUsed, random: () => 0.999999, settings: { ...settings, maxRetries: 10 } });
    expect([0, 1, 2, 3].map((used) => low(used))).toEqual([retry(50), retry(100), retry(200), retry(400)]);
    expect([0, 1, 2, 3].map((used) => high(used))).toEqual([retry(100), retry(200), retry(400), retry(800)]);
  });

  it('never exceeds backoffMaxMs', () => {
    const decision = ask({
      retriesUsed: 9,
      random: () => 0.999999,
      settings: { ...settings, maxRetries: 10 },
    });
    expect(decision).toEqual(retry(1_000));
  });

  it('uses Math.random when no randomness is given, within the jitter band', () => {
    const decision = decideRetry({
      mode: 'safe',
      disposition: 'unsent',
      retriesUsed: 0,
      settings,
      retryAfterMs: undefined,
      remainingMs: 60_000,
    });
    expect(decision.action).toBe('retry');
    if (decision.action === 'retry') {
      expect(decision.delayMs).toBeGreaterThanOrEqual(50);
      expect(decision.delayMs).toBeLessThanOrEqual(100);
    }
  });

  it('is pure: the same question gives the same answer', () => {
    const question: RetryQuestion = {
      mode: 'reconcile',
      disposition: 'unprocessed',
      retriesUsed: 1,
      settings,
      retryAfterMs: undefined,
      remainingMs: 10_000,
      random: () => 0.25,
    };
    expect(decideRetry(question)).toEqual(decideRetry(question));
    expect(decideRetry(question)).toEqual(retry(125));
  });
});
