import { Err, Ok, type Result } from 'ts-results-es';
import { buildError } from '../errors/build-error.js';
import { isPaymentsErrorCode } from '../errors/error-codes.js';
import { PaymentsError } from '../errors/payments-error.js';
import type { SendOptions } from '../http/http-client.js';
import type { HttpMethod, HttpRequest } from '../http/http-types.js';
import { ruleForStatus } from '../retry/status-rules.js';
import type { CallOptions } from './call-options.js';
import { fillPath } from './fill-path.js';
import type { AnyOperation } from './operation.js';
import type { OperationRuntime } from './operation-runtime.js';
import type { MetaSink } from './response-meta.js';
import { validateOutput } from './validate-input.js';

/** Internal per-call state the operation layer threads through sends (never set by callers). */
export interface CallState {
  /** Absolute deadline of the whole operation, lookups and resends included. */
  readonly deadlineAt?: number | undefined;
  /** Attempt numbering continues across a resend. */
  readonly firstAttempt?: number | undefined;
  /** Marks attempts of a resend or a lookup. */
  readonly phase?: SendOptions['phase'];
  /** Receives (a builder of) the metadata of the answer a success was read from (`withResponse()`). */
  readonly onMeta?: MetaSink | undefined;
}

const bodyless = new Set<HttpMethod>(['GET', 'DELETE']);
const ownKeys = (value: unknown): [string, unknown][] =>
  value && typeof value === 'object' ? Object.entries(value) : [];

function defaultRequest(operation: AnyOperation, input: unknown): Omit<HttpRequest, 'method'> {
  const { path, used } = fillPath(operation.path, input);
  const rest: Record<string, unknown> = {};
  for (const [key, value] of ownKeys(input)) {
    if (!used.has(key))
      Object.defineProperty(rest, key, { value, enumerable: true, writable: true, configurable: true });
  }
  if (bodyless.has(operation.method)) return { path, query: rest as HttpRequest['query'] };
  return { path, json: rest };
}

/** Builds the request an operation sends for validated input. Throws when `toRequest` does. */
export function toHttpRequest(operation: AnyOperation, input: unknown): HttpRequest {
  const parts = operation.toRequest ? operation.toRequest(input) : {};
  // A toRequest that shapes the query or body replaces the derived one entirely (and the
  // derived one is then not built: copying the input field by field is per-call work).
  const shaped = parts.query !== undefined || parts.json !== undefined || parts.form !== undefined;
  if (shaped) {
    // fillPath runs even when toRequest names the path: it is where hostile path segments are refused.
    const { path } = fillPath(operation.path, input);
    return { method: operation.method, ...parts, path: parts.path ?? path };
  }
  const derived = defaultRequest(operation, input);
  return { method: operation.method, ...derived, ...parts, path: parts.path ?? derived.path };
}

/** Whether an operation changes state: its declared `effect`, else every method but GET. */
export function isWriteOperation(operation: AnyOperation): boolean {
  return operation.effect === undefined ? operation.method !== 'GET' : operation.effect === 'write';
}

/**
 * Sends one request of an operation and decodes the answer: the success envelope (connectFi),
 * the output schema and `fromResponse`. A 2xx a write cannot be read from still means the
 * provider accepted it, so that error says `outcomeUnknown`.
 */
export async function sendOperation(
  runtime: OperationRuntime,
  operation: AnyOperation,
  input: unknown,
  request: HttpRequest,
  retry: SendOptions['retry'],
  options: CallOptions & CallState,
): Promise<Result<unknown, PaymentsError>> {
  const isWrite = isWriteOperation(operation);
  const started = Date.now();
  const outcome = await runtime.http.send(request, {
    ...options,
    operation: operation.id,
    retry,
    write: isWrite,
    auth: operation.auth === 'none' ? null : undefined,
    // A call that issues credentials skips the limiter: calls holding slots may be waiting on it.
    skipLimiter: operation.auth === 'none',
  });
  if (outcome.isErr()) return outcome;
  const { value } = outcome;
  const { response, attempts } = value;
  if (options.onMeta) {
    const durationMs = Date.now() - started;
    options.onMeta(() => {
      const headers: Record<string, string> = {};
      response.headers.forEach((headerValue, name) => {
        headers[name] = headerValue;
      });
      return {
        httpStatus: response.status,
        headers: runtime.http.redactor.headers(headers),
        requestId: response.headers.get('x-request-id') ?? undefined,
        attempts,
        durationMs,
      };
    });
  }
  // Built only when an error is: walking the request and response for sensitive values costs real time.
  const scope = () => ({
    provider: runtime.provider,
    operation: operation.id,
    redactor: runtime.http.redactor,
    echoed: [
      ...runtime.http.redactor.sensitiveValues(request.json ?? request.form),
      // An error inside a 2xx envelope may quote what it holds at sensitive fields.
      ...(runtime.unwrap ? runtime.http.redactor.sensitiveValues(response.body) : []),
    ],
  });
  const unreadable = (detail: string, cause?: unknown) =>
    Err(
      buildError(scope(), {
        code: 'invalid_response',
        detail: isWrite
          ? `${detail} The provider answered ${response.status}, so it probably acted: look the record up before sending again.`
          : detail,
        httpStatus: response.status,
        attempts,
        cause,
        retryable: false,
        outcomeUnknown: isWrite,
      }),
    );
  let body = response.body;
  if (runtime.unwrap) {
    const unwrapped = runtime.unwrap(body, response);
    if (unwrapped.isErr()) {
      // An error inside a 2xx envelope goes through the same builder (and redaction) as any other.
      const { message: _m, provider: _p, operation: _o, ...fields } = unwrapped.error;
      // An envelope we cannot read on a 2xx write: the provider probably acted.
      if (fields.code === 'invalid_response' && isWrite && response.status < 300) {
        return unreadable(fields.providerMessage ?? 'the response envelope could not be read.');
      }
      return Err(
        buildError(scope(), {
          ...fields,
          code: isPaymentsErrorCode(fields.code)
            ? fields.code
            : response.status >= 300
              ? ruleForStatus(response.status).code
              : 'provider_error',
          detail:
            typeof fields.providerMessage === 'string' && fields.providerMessage !== ''
              ? fields.providerMessage
              : 'the provider reported a failure.',
          httpStatus: response.status,
          attempts,
        }),
      );
    }
    body = unwrapped.value;
  }
  let wire: unknown = body;
  if (operation.output) {
    const checked = validateOutput(operation.output, body, {
      provider: runtime.provider,
      operation: operation.id,
      redactor: runtime.http.redactor,
      logger: runtime.http.logger,
      httpStatus: response.status,
    });
    if (checked.isErr()) {
      return isWrite
        ? unreadable(checked.error.message.replace(/^[\w.]+: /, ''), checked.error)
        : Err(checked.error.with({ attempts }));
    }
    wire = checked.value;
  }
  if (!operation.fromResponse) return Ok(wire);
  try {
    return Ok(
      (operation.fromResponse as (body: unknown, input: unknown, response: unknown) => unknown)(
        wire,
        input,
        response,
      ),
    );
  } catch (error) {
    // A PaymentsError thrown by fromResponse is the declared answer (connectFi's retrieve: not_found).
    if (error instanceof PaymentsError) return Err(error.with({ attempts }));
    return unreadable(
      `the response could not be read (${(error as Error)?.message ?? String(error)}).`,
      error,
    );
  }
}
