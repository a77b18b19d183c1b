import { Err, Ok, type Result } from 'ts-results-es';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { AttemptRecord } from '../errors/attempt-record.js';
import { adoptError, buildError, type ErrorParts, type ErrorScope } from '../errors/build-error.js';
import type { PaymentsError } from '../errors/payments-error.js';
import { type Logger, type LogLevel, withLevel } from '../logging/logger.js';
import { raceWithin, WaitTimeoutError, waitWithin } from '../pipeline/bounded-wait.js';
import { type ComposedRequest, composeRequest, UnsafeHeaderError } from '../pipeline/compose-request.js';
import { type AttemptObserver, createAttemptObserver } from '../pipeline/observe-attempt.js';
import {
  type AttemptFailure,
  type ErrorBodyMapper,
  type ResponseReading,
  readFailedResponse,
  readFailure,
} from '../pipeline/read-attempt.js';
import { Redactor } from '../redaction/redactor.js';
import { defaultRetrySettings, type RetryMode, type RetrySettings } from '../retry/retry-mode.js';
import { decideRetry } from '../retry/retry-policy.js';
import { sleep } from '../retry/sleep.js';
import type { StatusRules } from '../retry/status-rules.js';
import { findInvalidSetting } from '../retry/validate-settings.js';
import { classifyFailure } from './classify-failure.js';
import { chooseExchange } from './default-exchange.js';
import { defaultMaxResponseBytes, type TransportName } from './exchange.js';
import type { HttpHooks, HttpOutcome, HttpRequest, HttpResponse } from './http-types.js';
import { parseBody } from './parse-body.js';
import { ReadResponse } from './read-response.js';

export type { ErrorBodyMapper } from '../pipeline/read-attempt.js';

/** A client-side rate limiter the transport consults around each attempt. */
export interface RequestLimiter {
  /** Resolves when the next request may be sent; rejects when `signal` aborts (and frees the place). */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Learns from each response's headers (e.g. `X-RateLimit-Remaining`). */
  observe(response: HttpResponse): void;
  /**
   * Told when an attempt that took a slot ended without a response (timeout, reset, abort),
   * so a request that never answers does not hold its slot past the moment the call gave up.
   */
  release?(): void;
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
  /** Retry and time limits (validated: a non-finite or out-of-range value throws a `configuration` error). */
  retry?: Partial<RetrySettings> | undefined;
  /** The most bytes of a response body read (default 10 MB). */
  maxResponseBytes?: number | undefined;
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
  /** The provider's additions to the status table (`retry/status-rules.ts`). */
  statusRules?: StatusRules | undefined;
  /** Headers holding a wait in ms on a 429, beside `Retry-After`. */
  retryAfterHeaders?: readonly string[] | undefined;
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
  /** An absolute deadline (epoch ms) shared with the rest of the operation (lookups, resends). */
  deadlineAt?: number | undefined;
  /** Attempt numbers continue from here (an operation's resend after a lookup). */
  firstAttempt?: number | undefined;
  /** Marks the attempt records of this send (`resend`, `lookup`). */
  phase?: AttemptRecord['phase'];
  /** Whether the request changes state (default: every method but GET); reads are never `outcomeUnknown`. */
  write?: boolean | undefined;
  /** Sends without waiting for the rate limiter (calls that issue credentials others wait on). */
  skipLimiter?: boolean | undefined;
}

/** The transport of every provider: one attempt at a time through the stages of a call. */
export interface HttpClient {
  /** The provider id. */
  readonly provider: string;
  /** The base URL. */
  readonly baseUrl: string;
  /** The redactor shared with the owning client. */
  readonly redactor: Redactor;
  /** The logger (already level-filtered). */
  readonly logger: Logger;
  /** The client's limits. */
  readonly settings: RetrySettings;
  /** Sends a request with auth, timeouts and retries. Never rejects. */
  send(request: HttpRequest, options: SendOptions): Promise<Result<HttpOutcome, PaymentsError>>;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The `configuration` error for settings out of range (`maxRetries: NaN` would resend as fast
 * as the loop runs), or `undefined`. Thrown when a client is made; returned as an `Err` per call.
 */
export function checkSettings(
  provider: string,
  settings: Record<string, unknown>,
  operation?: string,
): PaymentsError | undefined {
  const invalid = findInvalidSetting(settings);
  if (!invalid) return undefined;
  const [name, why] = invalid;
  return buildError(
    { provider, operation },
    { code: 'configuration', detail: `${name} ${why} (nothing was sent).`, fieldErrors: { [name]: [why] } },
  );
}

const settingNames = Object.keys(defaultRetrySettings) as (keyof RetrySettings)[];

/** The retry settings `options` sets, or `undefined` when it sets none (most calls). */
function pickSettings(options: Partial<RetrySettings>): Partial<RetrySettings> | undefined {
  let picked: Partial<RetrySettings> | undefined;
  for (const key of settingNames) {
    if (options[key] === undefined) continue;
    picked ??= {};
    picked[key] = options[key] as never;
  }
  return picked;
}

/**
 * Creates the HTTP client a provider is built on. A call runs through named stages, each in
 * its own file: compose the request (`pipeline/compose-request`), wait for a limiter slot and
 * auth within the deadline (`pipeline/bounded-wait`), send one attempt through the exchange
 * (`http/*-exchange`: no redirects, size cap, attempt timeout), observe it
 * (`pipeline/observe-attempt`), read what it says (`pipeline/read-attempt`, with the status
 * table of `retry/status-rules`), decide (`retry/retry-policy`), and build the error
 * (`errors/build-error`, where redaction happens). Reconcile is not here: an ambiguous write
 * stops with `outcomeUnknown` and the operation layer looks the record up.
 *
 * @example
 * ```ts
 * const http = createHttpClient({ provider: 'paya', baseUrl: 'https://api.sandbox.payaconnect.com' });
 * const result = await http.send({ method: 'GET', path: '/v2/locationinfos' }, { retry: 'safe' });
 * ```
 */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  const invalid = checkSettings(config.provider, {
    ...config.retry,
    maxResponseBytes: config.maxResponseBytes,
  });
  if (invalid) throw invalid;
  const settings: RetrySettings = Object.freeze({
    ...defaultRetrySettings,
    ...pickSettings(config.retry ?? {}),
  });
  const maxResponseBytes = config.maxResponseBytes ?? defaultMaxResponseBytes;
  const redactor = config.redactor ?? new Redactor();
  const logger = withLevel(config.logger, config.logLevel);
  const baseHeaders: Record<string, string> = { accept: 'application/json', ...config.headers };
  if (config.userAgent) baseHeaders['user-agent'] = config.userAgent;
  const exchange = chooseExchange(config);
  const { provider } = config;
  const reading: ResponseReading = config;
  const observer: AttemptObserver = createAttemptObserver({
    provider,
    hooks: config.hooks,
    logger,
    debug: config.logger !== undefined && config.logLevel === 'debug',
    redactor,
  });

  async function send(
    request: HttpRequest,
    options: SendOptions,
  ): Promise<Result<HttpOutcome, PaymentsError>> {
    const perCall = pickSettings(options);
    const invalid = perCall && checkSettings(provider, perCall, options.operation);
    if (invalid) return Err(invalid);
    const limits: RetrySettings = perCall ? { ...settings, ...perCall } : settings;
    const { operation, signal } = options;
    const auth = options.auth === undefined ? config.auth : (options.auth ?? undefined);
    const deadline = Math.min(options.deadlineAt ?? Number.POSITIVE_INFINITY, Date.now() + limits.deadlineMs);
    const isWrite = options.write ?? writeMethods.has(request.method);
    const attempts: AttemptRecord[] = [];
    const payload = request.json ?? request.form;
    let echoedValues: readonly string[] | undefined;
    // Providers quote input back in errors; the values at sensitive fields are found only when needed.
    const echoed = () => {
      echoedValues ??= redactor.sensitiveValues(payload);
      return echoedValues;
    };
    // Values an error body itself holds at sensitive fields are scrubbed from its free text too.
    let answered: readonly string[] = [];
    const scope = (): ErrorScope => ({ provider, operation, redactor, echoed: [...echoed(), ...answered] });
    const fail = (parts: ErrorParts) => Err(buildError(scope(), { ...parts, attempts: [...attempts] }));
    const aborted = (cause: unknown) =>
      fail({
        code: 'aborted',
        detail: 'the call was aborted.',
        cause,
        retryable: false,
        outcomeUnknown: false,
      });
    const mark = (changes: Partial<AttemptRecord>) => {
      const last = attempts.length - 1;
      if (last >= 0) attempts[last] = { ...attempts[last]!, ...changes };
    };
    let reauthenticated = false;
    let retriesUsed = 0;
    let lastFailure: AttemptFailure | undefined;

    for (let attempt = options.firstAttempt ?? 1; ; attempt += 1) {
      if (signal?.aborted) return aborted(signal.reason);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        return fail({
          ...(lastFailure?.parts ?? {}),
          code: 'timeout',
          detail: `the ${limits.deadlineMs} ms deadline passed.`,
          outcomeUnknown:
            isWrite && (lastFailure?.disposition === 'ambiguous' || lastFailure?.mayHaveActed === true),
        });
      }

      // Stage: wait for a limiter slot and credentials, both bounded by the deadline.
      let authHeaders: Record<string, string> = {};
      try {
        const limiter = options.skipLimiter ? undefined : config.limiter;
        if (limiter)
          await waitWithin((bound) => limiter.acquire(bound), remaining, signal, 'a rate-limit slot');
        if (auth)
          authHeaders = await raceWithin(
            auth.authorize(signal),
            deadline - Date.now(),
            signal,
            'credentials',
          );
      } catch (error) {
        if (signal?.aborted) return aborted(error);
        if (error instanceof WaitTimeoutError) {
          return fail({ code: 'timeout', detail: `${error.message}.`, outcomeUnknown: false });
        }
        return Err(
          adoptError(scope(), error, { code: 'authentication', detail: 'could not authenticate.' }).with({
            attempts: [...attempts],
          }),
        );
      }

      // Stage: compose the attempt.
      let composed: ComposedRequest;
      try {
        composed = composeRequest(config.baseUrl, baseHeaders, request, authHeaders);
      } catch (error) {
        const detail =
          error instanceof UnsafeHeaderError ? `${error.message}.` : 'the request could not be built.';
        return fail({ code: 'validation', detail, cause: error, retryable: false });
      }

      // Stage: send one attempt.
      const event = observer.sending(operation, attempt, request.method, composed, payload);
      const timeoutMs = Math.max(1, Math.min(limits.timeoutMs, deadline - Date.now()));
      const started = Date.now();
      let response: HttpResponse | undefined;
      let failure: AttemptFailure;
      try {
        const raw = await exchange({
          ...composed,
          method: request.method,
          signal,
          timeoutMs,
          maxResponseBytes,
        });
        const { body, malformed } = parseBody(raw.text, () =>
          raw.contentType !== undefined ? raw.contentType : raw.headers.get('content-type'),
        );
        response = new ReadResponse(raw, body, malformed);
      } catch (error) {
        const kind = classifyFailure(error, signal?.aborted === true);
        try {
          if (!options.skipLimiter) config.limiter?.release?.();
        } catch {
          // A limiter's own bug must not change the outcome of the call.
        }
        attempts.push({ attempt, failure: kind, durationMs: Date.now() - started, ...phase(options) });
        if (kind === 'aborted') return aborted(error);
        failure = readFailure(kind, error, timeoutMs);
      }
      if (response) {
        const durationMs = Date.now() - started;
        const received = response;
        observer.received(event, response.status, durationMs, response.body, () => [
          ...echoed(),
          ...redactor.sensitiveValues(received.body),
        ]);
        try {
          if (!options.skipLimiter) config.limiter?.observe(response);
        } catch {
          // A limiter that cannot read a header must not fail a call the provider answered.
        }
        attempts.push({ attempt, httpStatus: response.status, durationMs, ...phase(options) });
        const success = response.status >= 200 && response.status < 300 && !response.malformed;
        if (success) return Ok({ kind: 'response', response, attempts });

        // Stage: re-authenticate once on a 401.
        if (response.status === 401 && auth?.onUnauthorized && !reauthenticated) {
          reauthenticated = true;
          let renew = false;
          try {
            renew = await auth.onUnauthorized(authHeaders);
          } catch {
            renew = false;
          }
          if (renew) {
            mark({ decision: 'reauthenticate' });
            observer.retrying({
              provider,
              operation,
              attempt,
              delayMs: 0,
              reason: 'HTTP 401',
              next: 'reauthenticate',
            });
            continue;
          }
        }
        answered = redactor.sensitiveValues(response.body);
        failure = readFailedResponse(response, composed.url, reading);
      }
      lastFailure = failure!;

      // Stage: decide.
      const decision = decideRetry({
        mode: options.retry,
        disposition: lastFailure.disposition,
        retriesUsed,
        settings: limits,
        retryAfterMs: lastFailure.retryAfterMs,
        remainingMs: deadline - Date.now(),
      });
      const outcomeUnknown =
        isWrite && (lastFailure.disposition === 'ambiguous' || lastFailure.mayHaveActed === true);
      if (decision.action === 'stop') {
        mark({ decision: 'stop' });
        const { parts } = lastFailure;
        if (decision.reason === 'wait_too_long') {
          return fail({
            ...parts,
            code: response?.status === 429 ? 'rate_limited' : parts.code,
            detail: `${parts.detail} (asked to wait ${lastFailure.retryAfterMs} ms, more than the ${limits.maxRetryAfterMs} ms cap)`,
            retryable: true,
            outcomeUnknown,
          });
        }
        return fail({
          ...parts,
          ...(outcomeUnknown ? { retryable: false } : {}),
          detail: outcomeUnknown
            ? `${parts.detail} The provider may have acted on this ${request.method}: the outcome is unknown, so it was not sent again.`
            : parts.detail,
          outcomeUnknown,
        });
      }
      mark({ decision: 'retry', retryDelayMs: decision.delayMs });
      observer.retrying({
        provider,
        operation,
        attempt,
        delayMs: decision.delayMs,
        reason: lastFailure.reason,
        next: 'retry',
      });
      try {
        await sleep(decision.delayMs, signal);
      } catch (cause) {
        return aborted(cause);
      }
      retriesUsed += 1;
    }
  }

  async function guardedSend(
    request: HttpRequest,
    options: SendOptions,
  ): Promise<Result<HttpOutcome, PaymentsError>> {
    try {
      return await send(request, options);
    } catch (error) {
      // A bug of ours, a hook or a provider callback must still end as a Result, never a rejection.
      return Err(
        buildError(
          { provider, operation: options.operation, redactor },
          { code: 'provider_error', detail: 'the call failed unexpectedly.', cause: error },
        ),
      );
    }
  }

  return { provider, baseUrl: config.baseUrl, redactor, logger, settings, send: guardedSend };
}

function phase(options: SendOptions): Partial<AttemptRecord> {
  return options.phase ? { phase: options.phase } : {};
}
