import type { Logger, OutcomeStore } from '@payweave/core';
import { type Answer, failure } from './responses.js';

/**
 * How repeated `charge_payment` (and `create_subscription`) requests are made idempotent.
 *
 * @example
 * ```ts
 * createCustomProviderHandler({ ...handlers, apiKeys, idempotency: { leaseMs: 120_000, waitMs: 20_000 } });
 * ```
 */
export interface CustomProviderIdempotencyOptions {
  /**
   * How long a claim holds while your handler runs (default 5 minutes). Longer than your
   * slowest charge: a claim that runs out lets a repeated request charge again.
   */
  readonly leaseMs?: number | undefined;
  /** How long an outcome is kept for repeats (default 7 days). */
  readonly outcomeTtlMs?: number | undefined;
  /**
   * How long a repeated request waits for the first one to finish before it is answered
   * 409 `in_progress` (default 20 s). Nothing is charged by a waiting request.
   */
  readonly waitMs?: number | undefined;
}

/** The settings after defaults. */
export interface OnceSettings {
  readonly leaseMs: number;
  readonly ttlMs: number;
  readonly waitMs: number;
  readonly pollMs: number;
}

/** Resolves {@link CustomProviderIdempotencyOptions}; a bad value throws at setup. */
export function onceSettings(options: CustomProviderIdempotencyOptions = {}): OnceSettings {
  const positive = (value: number | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`createCustomProviderHandler: idempotency.${name} must be a positive number`);
    }
    return value;
  };
  return {
    leaseMs: positive(options.leaseMs, 5 * 60_000, 'leaseMs'),
    ttlMs: positive(options.outcomeTtlMs, 7 * 24 * 60 * 60_000, 'outcomeTtlMs'),
    waitMs: positive(options.waitMs, 20_000, 'waitMs'),
    pollMs: 50,
  };
}

/** What is kept per key: the exact answer, and what the request was, so a reused id is caught. */
interface StoredAnswer {
  readonly v: 1;
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
}

/** What a run produced: the answer, and whether it is an outcome to keep (`false`: the handler failed). */
export interface RunResult {
  readonly answer: Answer;
  readonly keep: boolean;
}

function readStored(outcome: string): StoredAnswer | undefined {
  try {
    const parsed = JSON.parse(outcome) as Partial<StoredAnswer>;
    return parsed?.v === 1 && typeof parsed.fingerprint === 'string' && typeof parsed.status === 'number'
      ? (parsed as StoredAnswer)
      : undefined;
  } catch {
    return undefined;
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : typeof error;

/**
 * Runs work at most once per key: the first request claims the key in the store and runs; a
 * repeat (sequential or concurrent, in this process or, with a shared store, in another) waits
 * for and replays the stored answer. Waiters in this process wait on the runner directly.
 */
export function createRunOnce(store: OutcomeStore, settings: OnceSettings, logger: Logger) {
  const inflight = new Map<string, Promise<StoredAnswer | undefined>>();

  const replay = (stored: StoredAnswer, fingerprint: string, key: string): Answer => {
    if (stored.fingerprint !== fingerprint) {
      logger.warn('leadconnector custom provider: an id was reused for a different request; not run again', {
        key,
      });
      return failure(
        409,
        'idempotency_conflict',
        'This id was already used for a request with other details; nothing was charged.',
      );
    }
    return { status: stored.status, body: stored.body };
  };

  const settle = async (
    key: string,
    fingerprint: string,
    run: () => Promise<RunResult>,
  ): Promise<{ answer: Answer; stored?: StoredAnswer }> => {
    const deadline = Date.now() + settings.waitMs;
    let delay = settings.pollMs;
    for (;;) {
      let claim: Awaited<ReturnType<OutcomeStore['claim']>>;
      try {
        claim = await store.claim(key, settings.leaseMs);
      } catch (error) {
        logger.error('leadconnector custom provider: the outcome store failed; nothing was run', {
          key,
          error: describe(error),
        });
        return {
          answer: failure(503, 'store_unavailable', 'The payment provider is unavailable; retry later.'),
        };
      }
      if (claim.kind === 'done') {
        const stored = readStored(claim.outcome);
        if (!stored) {
          logger.error('leadconnector custom provider: a stored outcome could not be read; nothing was run', {
            key,
          });
          return {
            answer: failure(503, 'store_unavailable', 'The payment provider is unavailable; retry later.'),
          };
        }
        logger.debug('leadconnector custom provider: repeated request answered from the stored outcome', {
          key,
        });
        return { answer: replay(stored, fingerprint, key), stored };
      }
      if (claim.kind === 'claimed') {
        const { answer, keep } = await run();
        if (!keep) {
          try {
            await store.release(key);
          } catch (error) {
            logger.error('leadconnector custom provider: a claim could not be released', {
              key,
              error: describe(error),
            });
          }
          return { answer };
        }
        const stored: StoredAnswer = { v: 1, fingerprint, status: answer.status, body: answer.body };
        try {
          const kept = await store.complete(key, JSON.stringify(stored), settings.ttlMs);
          if (!kept) {
            logger.warn(
              'leadconnector custom provider: the claim ran out before the outcome was stored (raise idempotency.leaseMs)',
              { key },
            );
          }
        } catch (error) {
          logger.error('leadconnector custom provider: an outcome could not be stored', {
            key,
            error: describe(error),
          });
        }
        return { answer, stored };
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        return {
          answer: failure(
            409,
            'in_progress',
            'A request with this id is still being processed; retry later for its outcome.',
          ),
        };
      }
      await pause(Math.min(delay, left));
      delay = Math.min(delay * 2, 1_000);
    }
  };

  return async function runOnce(
    key: string,
    fingerprint: string,
    run: () => Promise<RunResult>,
  ): Promise<Answer> {
    for (;;) {
      const local = inflight.get(key);
      if (local) {
        const stored = await local;
        if (stored) return replay(stored, fingerprint, key);
        // The runner kept nothing (its handler failed): claim it ourselves.
        continue;
      }
      let resolve!: (stored: StoredAnswer | undefined) => void;
      inflight.set(
        key,
        new Promise((done) => {
          resolve = done;
        }),
      );
      let stored: StoredAnswer | undefined;
      try {
        const settled = await settle(key, fingerprint, run);
        stored = settled.stored;
        return settled.answer;
      } finally {
        inflight.delete(key);
        resolve(stored);
      }
    }
  };
}
