import type { Redactor } from '../redaction/redactor.js';
import { toFieldErrors } from './field-errors.js';
import { type FieldErrors, PaymentsError, type PaymentsErrorInit } from './payments-error.js';

/** Where an error happened and what must never appear in it. */
export interface ErrorScope {
  /** Provider id. */
  readonly provider: string;
  /** Operation id (`paya.transactions.sale`), when the error belongs to one. */
  readonly operation?: string | undefined;
  /** Scrubs registered credentials, card-like digit runs and the provider's secret fields. */
  readonly redactor?: Redactor | undefined;
  /** Values the request held at sensitive fields: providers quote them back in errors. */
  readonly echoed?: readonly string[] | undefined;
}

/** What {@link buildError} takes: an error's fields, with `detail` in place of the formatted message. */
export type ErrorParts = Omit<PaymentsErrorInit, 'provider' | 'operation' | 'message'> & {
  /** What went wrong, without the `operation:` prefix the builder adds. */
  detail: string;
};

const causeDepth = 4;

// A network error can quote a header value (undici does), so the cause kept on the error is a
// scrubbed copy: name, message and code survive, anything else the original carried does not.
function scrubCause(cause: unknown, scrub: (text: string) => string, depth = 0): unknown {
  if (cause === undefined || cause === null) return undefined;
  if (depth >= causeDepth) return undefined;
  if (typeof cause === 'object' && 'message' in cause) {
    const source = cause as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const copy = new Error(scrub(safeString(source.message)));
    copy.name = typeof source.name === 'string' ? scrub(source.name) : 'Error';
    if (typeof source.code === 'string' || typeof source.code === 'number') {
      (copy as Error & { code?: unknown }).code =
        typeof source.code === 'string' ? scrub(source.code) : source.code;
    }
    const inner = scrubCause(source.cause, scrub, depth + 1);
    if (inner !== undefined) (copy as Error & { cause?: unknown }).cause = inner;
    return copy;
  }
  return scrub(typeof cause === 'string' ? cause : safeString(cause));
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function scrubFieldErrors(
  fieldErrors: FieldErrors,
  scrub: (text: string) => string,
): FieldErrors | undefined {
  // A provider's error body is hostile input: anything but an object of lists is dropped, not trusted.
  if (fieldErrors === null || typeof fieldErrors !== 'object' || Array.isArray(fieldErrors)) return undefined;
  const entries: [string, string][] = [];
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const list = Array.isArray(messages) ? messages : [messages];
    for (const message of list) entries.push([scrub(field), scrub(safeString(message))]);
  }
  return toFieldErrors(entries);
}

/**
 * The one way a {@link PaymentsError} is made inside the pipeline. It formats the message as
 * `operation: detail` (or `provider: detail` outside an operation) and redacts every text the
 * error carries — message, provider code and message, field names and messages, request and
 * trace ids, and the cause chain — so no path (an HTTP error, an error inside a 2xx envelope,
 * a network cause, an echoed value) can carry a credential out.
 */
export function buildError(scope: ErrorScope, parts: ErrorParts): PaymentsError {
  const echoed = scope.echoed ?? [];
  const scrub = (text: string) => (scope.redactor ? scope.redactor.text(text, echoed) : text);
  const optional = (text: string | undefined) => (text === undefined ? undefined : scrub(safeString(text)));
  const { detail, cause, fieldErrors, ...rest } = parts;
  return new PaymentsError({
    ...rest,
    provider: scope.provider,
    operation: scope.operation,
    message: scrub(`${scope.operation ?? scope.provider}: ${detail}`),
    providerCode: optional(rest.providerCode),
    providerMessage: optional(rest.providerMessage),
    requestId: optional(rest.requestId),
    traceId: optional(rest.traceId),
    fieldErrors: fieldErrors === undefined ? undefined : scrubFieldErrors(fieldErrors, scrub),
    cause: scrubCause(cause, scrub),
  });
}

/**
 * Takes an error made elsewhere (an auth strategy's token call, a provider hook) into the
 * scope of the call that met it: the error belongs to that call's operation, its own message
 * (which names the inner operation, e.g. the token refresh) becomes the detail, and every
 * text is redacted again.
 */
export function adoptError(scope: ErrorScope, error: unknown, fallback: ErrorParts): PaymentsError {
  if (!(error instanceof PaymentsError)) return buildError(scope, { ...fallback, cause: error });
  const { message, provider: _p, operation: _o, ...rest } = error.toInit();
  const own = `${scope.operation ?? scope.provider}: `;
  const detail = message.startsWith(own) ? message.slice(own.length) : message;
  return buildError(scope, { ...rest, detail });
}
