import type { AttemptRecord } from '../errors/attempt-record.js';

/** HTTP methods payweave sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query value; arrays are sent as repeated keys unless the request says `comma`. */
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

/** One request, before auth and retries. */
export interface HttpRequest {
  /** HTTP method. */
  method: HttpMethod;
  /** Path below the base URL, already filled (`/v2/transactions/abc`). */
  path: string;
  /** Query parameters; `undefined` and `null` are left out. */
  query?: Record<string, QueryValue> | undefined;
  /** How arrays in `query` are written: `repeat` (`a=1&a=2`, default) or `comma` (`a=1,2`). */
  arrayFormat?: 'repeat' | 'comma' | undefined;
  /** JSON body. */
  json?: unknown;
  /** Form-encoded body (`application/x-www-form-urlencoded`). */
  form?: Record<string, string | undefined> | undefined;
  /** Extra headers. */
  headers?: Record<string, string> | undefined;
}

/** A response with its body read and parsed. */
export interface HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** Parsed JSON, or `undefined` for an empty body. */
  readonly body: unknown;
  /** The body as text. */
  readonly text: string;
  /** True when the body was not empty and could not be parsed as JSON. */
  readonly malformed: boolean;
}

/** What one request ended as: the response a success was read from, and the attempts it took. */
export type HttpOutcome = {
  readonly kind: 'response';
  readonly response: HttpResponse;
  readonly attempts: readonly AttemptRecord[];
};

/** Information given to the `onRequest` hook (headers and body already redacted). */
export interface RequestEvent {
  /** Provider id. */
  readonly provider: string;
  /** Operation id, when the request belongs to one. */
  readonly operation: string | undefined;
  /** 1-based attempt. */
  readonly attempt: number;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Full URL (query values scrubbed). */
  readonly url: string;
  /** Redacted headers. */
  readonly headers: Record<string, string>;
  /** Redacted body. */
  readonly body: unknown;
}

/** Information given to the `onResponse` hook. */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status. */
  readonly status: number;
  /** Milliseconds from send to the end of the body. */
  readonly durationMs: number;
}

/** Information given to the `onRetry` hook. */
export interface RetryEvent {
  /** Provider id. */
  readonly provider: string;
  /** Operation id. */
  readonly operation: string | undefined;
  /** The attempt that failed. */
  readonly attempt: number;
  /** How long the engine waits before the next step. */
  readonly delayMs: number;
  /** Why: an HTTP status, or a failure kind. */
  readonly reason: string;
  /** What happens next: a resend, a reconcile lookup, or a fresh token. */
  readonly next: 'retry' | 'reconcile' | 'reauthenticate';
}

/** Observability hooks; each receives redacted data only. Errors thrown by hooks are ignored. */
export interface HttpHooks {
  /** Before each attempt is sent. */
  onRequest?: (event: RequestEvent) => void;
  /** After each response body is read. */
  onResponse?: (event: ResponseEvent) => void;
  /** Before each retry, reconcile lookup or re-authentication. */
  onRetry?: (event: RetryEvent) => void;
}
