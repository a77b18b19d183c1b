import { Err, Ok, type Result } from 'ts-results-es';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { AttemptRecord } from '../errors/attempt-record.js';
import { mapHttpStatus } from '../errors/map-http-status.js';
import { PaymentsError, type PaymentsErrorInit } from '../errors/payments-error.js';
import { type Logger, type LogLevel, withLevel } from '../logging/logger.js';
import { Redactor } from '../redaction/redactor.js';
import { backoffDelay } from '../retry/backoff.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import { defaultRetrySettings, type RetryMode, type RetrySettings } from '../retry/retry-mode.js';
import { sleep } from '../retry/sleep.js';
import { buildUrl } from './build-url.js';
import { classifyFailure, type FailureKind } from './classify-failure.js';
import { chooseExchange } from './default-exchange.js';
import type { TransportName } from './exchange.js';
import type { HttpHooks, HttpOutcome, HttpRequest, HttpResponse, RequestEvent } from './http-types.js';
import { parseBody } from './parse-body.js';

/** The provider-specific part of turning a failed response into a {@link PaymentsError}. */
export type ErrorBodyMapper = (response: HttpResponse) => Partial<PaymentsErrorInit> | undefined;

/** A client-side rate limiter the transport consults around each attempt. */
export interface RequestLimiter {
  /** Resolves when the next request may be sent; rejects when `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Learns from each response's headers (e.g. `X-RateLimit-Remaining`). */
  observe(response: HttpResponse): void;
}

/** Settings of {@link createHttpClient}. */
export interface HttpClientConfig {
  /** Provider id used in errors and hooks. */
  provider: string;
  /** Base URL every path is appended to. */
  baseUrl: string;
  /** A `fetch` to use instead of the built-in transport (tests, proxies, other runtimes). */
  fetch?: typeof fetch | undefined;
  /** `auto` (default): Node's http module on Node, `fetch` elsewhere; `fetch`: always the global `fetch`. */
  transport?: TransportName | undefined;
  /** `User-Agent` header value. */
  userAgent?: string | undefined;
  /** Headers on every request. */
  headers?: Record<string, string> | undefined;
  /** Default auth for requests that do not say otherwise. */
  auth?: AuthStrategy | undefined;
  /** Retry and time limits. */
  retry?: Partial<RetrySettings> | undefined;
  /** Observability hooks. */
  hooks?: HttpHooks | undefined;
  /** Where log lines go (silent by default). */
  logger?: Logger | undefined;
  /** Lowest level logged (default `info`). */
  logLevel?: LogLevel | undefined;
  /** Scrubs secrets from logs, hooks and errors; shared with the provider client. */
  redactor?: Redactor | undefined;
  /** Reads the provider's error body. */
  mapError?: ErrorBodyMapper | undefined;
  /** Rate limiter around each attempt. */
  limiter?: RequestLimiter | undefined;
}

/** Per-call options of {@link HttpClient.send}. */
export interface SendOptions extends Partial<RetrySettings> {
  /** Operation id for errors, hooks and logs. */
  operation?: string | undefined;
  /** How the call may be retried. */
  retry: RetryMode;
  /** Auth for this call; `null` sends none (login calls). Default: the client's. */
  auth?: AuthStrategy | null | undefined;
  /** Ends the call (also while waiting to retry). */
  signal?: AbortSignal | undefined;
  /**
   * For `reconcile` calls: looks the record up after an ambiguous failure. `Ok(value)` ends
   * the call with that value, `Ok(undefined)` allows a resend, `Err` stops without resending.
   */
  reconcile?: ((signal?: AbortSignal) => Promise<Result<unknown, PaymentsError>>) | undefined;
}

/** The transport of every provider: ky underneath, payweave's retry engine on top. */
export interface HttpClient {
  /** The provider id. */
  readonly provider: string;
  /** The base URL. */
  readonly baseUrl: string;
  /** The redactor shared with the owning client. */
  readonly redactor: Redactor;
  /** The logger (already level-filtered). */
  readonly logger: Logger;
  /** Sends a request with auth, timeouts and retries. Never rejects. */
  send(request: HttpRequest, options: SendOptions): Promise<Result<HttpOutcome, PaymentsError>>;
}

type AttemptResult =
  | { response: HttpResponse; failure?: undefined; cause?: undefined }
  | { response?: undefined; failure: FailureKind; cause: unknown };

const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);
// Statuses that say the provider did not act on the request, so a resend cannot duplicate it.
const unprocessedStatuses = new Set([408, 429]);

function safely(hook: (() => void) | undefined): void {
  try {
    hook?.();
  } catch {
    // A hook's own bug must not change the outcome of a payment call.
  }
}

/**
 * Creates the HTTP client a provider is built on: base URL, JSON, per-attempt timeout
 * covering headers and body, overall deadline, AbortSignal honoured everywhere, custom
 * `fetch`, user agent, hooks, a silent-by-default logger, auth and the retry engine.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ provider: 'paya', baseUrl: 'https://api.sandbox.payaconnect.com' });
 * const result = await http.send({ method: 'GET', path: '/v2/locationinfos' }, { retry: 'safe' });
 * ```
 */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const settings: RetrySettings = { ...defaultRetrySettings, ...stripUndefined(config.retry ?? {}) };
  const redactor = config.redactor ?? new Redactor();
  const logger = withLevel(config.logger, config.logLevel);
  const debugEnabled = config.logger !== undefined && config.logLevel === 'debug';
  const baseHeaders: Record<string, string> = { accept: 'application/json', ...config.headers };
  if (config.userAgent) baseHeaders['user-agent'] = config.userAgent;
  const exchange = chooseExchange(config);
  const { provider } = config;

  function responseError(
    response: HttpResponse,
    request: HttpRequest,
    operation: string | undefined,
  ): PaymentsErrorInit {
    const mapped = safeMap(config.mapError, response) ?? {};
    const code = response.status < 300 ? 'invalid_response' : mapHttpStatus(response.status);
    // Providers echo input back in error bodies ('"6937" is not a valid cvv', card numbers, keys):
    // scrub registered secrets and whatever this request held at sensitive fields.
    const echoed = redactor.sensitiveValues(request.json ?? request.form);
    const providerMessage =
      mapped.providerMessage === undefined ? undefined : redactor.text(mapped.providerMessage, echoed);
    const fieldErrors =
      mapped.fieldErrors === undefined
        ? undefined
        : (redactor.value(mapped.fieldErrors, echoed) as typeof mapped.fieldErrors);
    const detail =
      providerMessage ??
      (response.status < 300 ? 'the response body is not valid JSON' : `HTTP ${response.status}`);
    return {
      code,
      message: `${provider}${operation ? ` ${operation}` : ''}: ${detail}`,
      httpStatus: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      retryable: retryableStatuses.has(response.status) || response.status < 300,
      ...mapped,
      ...(providerMessage === undefined ? {} : { providerMessage }),
      ...(fieldErrors === undefined ? {} : { fieldErrors }),
    };
  }

  async function attemptOnce(
    request: HttpRequest,
    headers: Record<string, string>,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    operation: string | undefined,
    attempt: number,
  ): Promise<AttemptResult> {
    const url = buildUrl(config.baseUrl, request);
    let body: string | undefined;
    const sentHeaders = { ...baseHeaders, ...request.headers, ...headers };
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      sentHeaders['content-type'] ??= 'application/json';
    } else if (request.form) {
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries(request.form))
        if (value !== undefined) form.append(key, value);
      body = form.toString();
      sentHeaders['content-type'] = 'application/x-www-form-urlencoded';
    }
    // Redacted copies cost real time per call, so they are built only when someone will see them.
    const observed =
      debugEnabled || config.hooks?.onRequest !== undefined || config.hooks?.onResponse !== undefined;
    const event: RequestEvent | undefined = observed
      ? {
          provider,
          operation,
          attempt,
          method: request.method,
          url: redactor.text(url),
          headers: redactor.headers(sentHeaders),
          body: redactor.value(request.json ?? request.form),
        }
      : undefined;
    if (event) {
      safely(() => config.hooks?.onRequest?.(event));
      if (debugEnabled) {
        logger.debug(`${provider} -> ${request.method} ${event.url}`, {
          operation,
          attempt,
          headers: event.headers,
          body: event.body,
        });
      }
    }
    const started = performance.now();
    try {
      const raw = await exchange({
        url,
        method: request.method,
        headers: sentHeaders,
        body,
        signal,
        timeoutMs,
      });
      const { text } = raw;
      const parsed = parseBody(text, raw.headers.get('content-type'));
      const response: HttpResponse = { status: raw.status, headers: raw.headers, text, ...parsed };
      if (event) {
        const durationMs = Math.round(performance.now() - started);
        safely(() => config.hooks?.onResponse?.({ ...event, status: raw.status, durationMs }));
        if (debugEnabled) {
          logger.debug(`${provider} <- ${raw.status} ${request.method} ${event.url} (${durationMs} ms)`, {
            operation,
            attempt,
            body: redactor.value(parsed.body, redactor.sensitiveValues(request.json ?? request.form)),
          });
        }
      }
      return { response };
    } catch (error) {
      return { failure: classifyFailure(error, signal?.aborted === true), cause: error };
    }
  }

  async function send(
    request: HttpRequest,
    options: SendOptions,
  ): Promise<Result<HttpOutcome, PaymentsError>> {
    const limits: RetrySettings = { ...settings, ...stripUndefined(pickRetrySettings(options)) };
    const { operation, signal } = options;
    const auth = options.auth === undefined ? config.auth : (options.auth ?? undefined);
    const deadline = Date.now() + limits.deadlineMs;
    const attempts: AttemptRecord[] = [];
    const fail = (init: PaymentsErrorInit) =>
      Err(new PaymentsError({ provider, operation, ...init, attempts: [...attempts] }));
    const aborted = (cause?: unknown) =>
      fail({
        code: 'aborted',
        message: `${provider}${operation ? ` ${operation}` : ''}: the call was aborted.`,
        cause,
        retryable: false,
      });
    let reauthenticated = false;
    let retriesUsed = 0;

    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) return aborted(signal.reason);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        return fail({
          code: 'timeout',
          message: `${provider}${operation ? ` ${operation}` : ''}: the ${limits.deadlineMs} ms deadline passed.`,
        });
      }
      let authHeaders: Record<string, string> = {};
      try {
        if (config.limiter) await config.limiter.acquire(signal);
        if (auth) authHeaders = await auth.authorize(signal);
      } catch (error) {
        if (signal?.aborted) return aborted(error);
        if (error instanceof PaymentsError) return fail({ ...error.toInit(), operation, attempts });
        return fail({
          code: 'authentication',
          message: `${provider}: could not authenticate.`,
          cause: error,
        });
      }
      const started = Date.now();
      const result = await attemptOnce(
        request,
        authHeaders,
        Math.min(limits.timeoutMs, remaining),
        signal,
        operation,
        attempt,
      );
      const durationMs = Date.now() - started;

      let error: PaymentsErrorInit;
      let ambiguous: boolean;
      let retryAfterMs: number | undefined;
      let connectFailure = false;
      if (result.response) {
        const { response } = result;
        config.limiter?.observe(response);
        const record: AttemptRecord = { attempt, httpStatus: response.status, durationMs };
        if (response.status >= 200 && response.status < 300 && !response.malformed) {
          attempts.push(record);
          return Ok({ kind: 'response', response, attempts });
        }
        if (response.status === 401 && auth?.onUnauthorized && !reauthenticated) {
          reauthenticated = true;
          if (await auth.onUnauthorized(authHeaders)) {
            attempts.push({ ...record, decision: 'reauthenticate' });
            safely(() =>
              config.hooks?.onRetry?.({
                provider,
                operation,
                attempt,
                delayMs: 0,
                reason: 'HTTP 401',
                next: 'reauthenticate',
              }),
            );
            continue;
          }
        }
        error = responseError(response, request, operation);
        if (!retryableStatuses.has(response.status) && !(response.status < 300)) {
          attempts.push({ ...record, decision: 'stop' });
          return fail(error);
        }
        ambiguous = !unprocessedStatuses.has(response.status);
        retryAfterMs = parseRetryAfter(response.headers, response.status);
        if (retryAfterMs !== undefined && retryAfterMs > limits.maxRetryAfterMs) {
          attempts.push({ ...record, decision: 'stop' });
          return fail({
            ...error,
            code: response.status === 429 ? 'rate_limited' : error.code,
            message: `${error.message} (asked to wait ${retryAfterMs} ms, more than the ${limits.maxRetryAfterMs} ms cap)`,
            retryAfterMs,
            retryable: true,
          });
        }
        if (retryAfterMs !== undefined) error = { ...error, retryAfterMs };
        attempts.push(record);
      } else {
        if (result.failure === 'aborted') {
          attempts.push({ attempt, failure: 'aborted', durationMs });
          return aborted(result.cause);
        }
        attempts.push({ attempt, failure: result.failure, durationMs });
        connectFailure = result.failure === 'connect';
        ambiguous = !connectFailure;
        error =
          result.failure === 'timeout'
            ? {
                code: 'timeout',
                message: `${provider}${operation ? ` ${operation}` : ''}: no complete response within ${Math.min(limits.timeoutMs, remaining)} ms.`,
                cause: result.cause,
              }
            : {
                code: 'network',
                message: `${provider}${operation ? ` ${operation}` : ''}: ${connectFailure ? 'could not connect' : 'the connection failed'} (${describe(result.cause)}).`,
                cause: result.cause,
              };
      }

      const mode = options.retry;
      const allowed =
        mode === 'safe' ||
        connectFailure ||
        (mode === 'reconcile' && (!ambiguous || options.reconcile !== undefined));
      const last = attempts.length - 1;
      if (!allowed || retriesUsed >= limits.maxRetries) {
        attempts[last] = { ...attempts[last]!, decision: 'stop' };
        return fail(error);
      }
      const delayMs =
        retryAfterMs ?? backoffDelay(retriesUsed + 1, limits.backoffBaseMs, limits.backoffMaxMs);
      if (Date.now() + delayMs >= deadline) {
        attempts[last] = { ...attempts[last]!, decision: 'stop' };
        return fail(error);
      }
      const reconcile = mode === 'reconcile' && ambiguous;
      attempts[last] = {
        ...attempts[last]!,
        decision: reconcile ? 'reconcile' : 'retry',
        retryDelayMs: delayMs,
      };
      const reason = result.response ? `HTTP ${result.response.status}` : result.failure;
      safely(() =>
        config.hooks?.onRetry?.({
          provider,
          operation,
          attempt,
          delayMs,
          reason,
          next: reconcile ? 'reconcile' : 'retry',
        }),
      );
      logger.warn(
        `${provider} ${operation ?? ''} attempt ${attempt} failed (${reason}); ${reconcile ? 'reconciling' : 'retrying'} in ${delayMs} ms`,
      );
      try {
        await sleep(delayMs, signal);
      } catch (cause) {
        return aborted(cause);
      }
      if (reconcile && options.reconcile) {
        const found = await options.reconcile(signal);
        if (found.isErr()) {
          if (signal?.aborted) return aborted(found.error);
          return fail({
            ...error,
            message: `${error.message} The outcome is unknown: looking the record up failed (${found.error.message}), so it was not sent again.`,
            retryable: false,
          });
        }
        if (found.value !== undefined) return Ok({ kind: 'reconciled', value: found.value, attempts });
      }
      retriesUsed += 1;
    }
  }

  return { provider, baseUrl: config.baseUrl, redactor, logger, send };
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: { code?: string } }).cause?.code;
    return inner ? `${cause.message}: ${inner}` : cause.message;
  }
  return String(cause);
}

function safeMap(
  mapper: ErrorBodyMapper | undefined,
  response: HttpResponse,
): Partial<PaymentsErrorInit> | undefined {
  try {
    return mapper?.(response);
  } catch {
    // An error body we cannot read still becomes a typed error from its status.
    return undefined;
  }
}

const retrySettingKeys = Object.keys(defaultRetrySettings) as (keyof RetrySettings)[];

function pickRetrySettings(options: Partial<RetrySettings>): Partial<RetrySettings> {
  const picked: Partial<RetrySettings> = {};
  for (const key of retrySettingKeys) if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
