import { inspect } from 'node:util';
import { type HttpHooks, type Logger, PaymentsError, type Result } from '@payweave/core';
import { expect } from 'vitest';

/**
 * The error fields the rebuilt core adds (DESIGN.md section 3/4), read through a typed view
 * so this suite type-checks against the old core too.
 */
export type AttackError = PaymentsError & {
  readonly outcomeUnknown?: boolean;
  readonly reference?: string;
};

function isResult(value: unknown): value is Result<unknown, unknown> {
  const candidate = value as { isOk?: unknown; isErr?: unknown } | null | undefined;
  return typeof candidate?.isOk === 'function' && typeof candidate?.isErr === 'function';
}

/**
 * Awaits a method call and fails the test if it rejected or resolved to something that is
 * not a Result: a payweave method never rejects (DESIGN.md section 3).
 */
export async function settle<T>(work: Promise<Result<T, PaymentsError>>): Promise<Result<T, PaymentsError>> {
  let value: unknown;
  try {
    value = await work;
  } catch (error) {
    return expect.fail(`the call rejected instead of resolving to a Result: ${inspect(error, { depth: 4 })}`);
  }
  if (!isResult(value)) return expect.fail(`the call resolved to ${inspect(value)}, not a Result`);
  return value as Result<T, PaymentsError>;
}

/** The same for calls whose static type we bypass on purpose (hostile inputs). */
export function settleUnknown(work: unknown): Promise<Result<unknown, PaymentsError>> {
  return settle(Promise.resolve(work) as Promise<Result<unknown, PaymentsError>>);
}

/** The error of an `Err`; fails the test on `Ok`. */
export function errOf<T>(result: Result<T, PaymentsError>): AttackError {
  if (result.isOk()) return expect.fail(`expected an Err, got Ok(${inspect(result.value, { depth: 3 })})`);
  expect(result.error).toBeInstanceOf(PaymentsError);
  return result.error as AttackError;
}

/** The value of an `Ok`; fails the test on `Err` (with the error's code and message). */
export function okOf<T>(result: Result<T, PaymentsError>): T {
  if (result.isErr())
    return expect.fail(`expected Ok, got Err ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export async function settleErr<T>(work: Promise<Result<T, PaymentsError>>): Promise<AttackError> {
  return errOf(await settle(work));
}

export async function settleOk<T>(work: Promise<Result<T, PaymentsError>>): Promise<T> {
  return okOf(await settle(work));
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where `text` holds one of `secrets`. All-digit secrets (card, CVV, account, routing) only
 * count when not part of a longer digit run, so a port such as 46937 is not taken for CVV 6937.
 */
export function secretHits(where: string, text: string, secrets: readonly string[]): string[] {
  return secrets
    .filter((secret) =>
      /^\d+$/.test(secret)
        ? new RegExp(`(?<!\\d)${escapeRegExp(secret)}(?!\\d)`).test(text)
        : text.includes(secret),
    )
    .map((secret) => `${where} holds ${secret}`);
}

/** The three ways a caller prints an error. */
export function errorViews(error: PaymentsError): Record<string, string> {
  return {
    message: error.message,
    JSON: JSON.stringify(error),
    inspect: inspect(error, { depth: 10 }),
  };
}

/** Fails listing every place an error shows a secret. */
export function expectNoSecretsInError(error: PaymentsError, secrets: readonly string[]): void {
  const hits = Object.entries(errorViews(error)).flatMap(([where, text]) => secretHits(where, text, secrets));
  expect(hits).toEqual([]);
}

/** A logger that keeps every line (message and fields, printed deeply). */
export function captureLogger(): { logger: Logger; lines: string[]; text(): string } {
  const lines: string[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${fields === undefined ? '' : inspect(fields, { depth: 10 })}`);
  };
  return {
    logger: { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') },
    lines,
    text: () => lines.join('\n'),
  };
}

/** Hooks that keep every payload they receive. */
export function captureHooks(): { hooks: HttpHooks; events: unknown[]; text(): string } {
  const events: unknown[] = [];
  const keep = (event: unknown) => {
    events.push(event);
  };
  return {
    hooks: { onRequest: keep, onResponse: keep, onRetry: keep },
    events,
    text: () => {
      let json = '';
      try {
        json = JSON.stringify(events);
      } catch {
        // inspect below still shows everything.
      }
      return `${json}\n${inspect(events, { depth: 10 })}`;
    },
  };
}

/** Own property names of Object.prototype, to prove afterwards that nothing was added. */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

export function expectPrototypeClean(before: readonly string[]): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(typeof {}.toString).toBe('function');
}
