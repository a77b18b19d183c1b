import type { Result } from 'ts-results-es';
import type { AttemptRecord } from '../errors/attempt-record.js';
import type { PaymentsError } from '../errors/payments-error.js';

/** What the HTTP exchange of a successful call looked like (headers redacted). */
export interface ResponseMeta {
  /** HTTP status of the answer the result was read from. */
  readonly httpStatus: number;
  /** Response headers, lower-case names, credentials redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The provider's request id (`x-request-id`), when it sent one. */
  readonly requestId: string | undefined;
  /** What happened on each try (for a reconciled answer: the lookup's tries). */
  readonly attempts: readonly AttemptRecord[];
  /** Milliseconds from the first attempt to the end of the answer. */
  readonly durationMs: number;
  /** True when the answer came from a reconcile lookup after the write's own answer was lost. */
  readonly reconciled?: boolean | undefined;
}

/** A method's result together with the response metadata of a success. */
export interface ResultWithResponse<T> {
  /** The same `Result` the method resolves to. */
  readonly result: Result<T, PaymentsError>;
  /** Status, headers, request id, attempts and duration; `undefined` when the call failed (see the error). */
  readonly response: ResponseMeta | undefined;
}

/**
 * What a single-call method returns: a `Promise<Result<T, PaymentsError>>`, plus
 * `withResponse()` for the HTTP status, headers, request id, attempts and duration.
 *
 * @example
 * ```ts
 * const { result, response } = await paya.transactions.retrieve(id).withResponse();
 * console.log(response?.requestId, response?.attempts.length);
 * ```
 */
export type ResultPromise<T> = Promise<Result<T, PaymentsError>> & {
  /** The result and the response metadata of a success. */
  withResponse(): Promise<ResultWithResponse<T>>;
};

/**
 * Where a call leaves its response metadata: a function that builds it, called only by
 * `withResponse()` (copying and redacting the headers of every success cost ~18 µs a call,
 * bench/profile, for metadata few callers read).
 */
export type MetaSink = (meta: () => ResponseMeta) => void;

/** Runs a call with a metadata sink and returns its {@link ResultPromise}. */
export function toResultPromise<T>(
  start: (onMeta: MetaSink) => Promise<Result<T, PaymentsError>>,
): ResultPromise<T> {
  let build: (() => ResponseMeta) | undefined;
  let meta: ResponseMeta | undefined;
  const promise = start((received) => {
    build = received;
    meta = undefined;
  });
  return Object.assign(promise, {
    withResponse: async (): Promise<ResultWithResponse<T>> => {
      const result = await promise;
      if (!result.isOk() || !build) return { result, response: undefined };
      meta ??= build();
      return { result, response: meta };
    },
  });
}
