import type { ErrorParts } from '../errors/build-error.js';
import { isPaymentsErrorCode } from '../errors/error-codes.js';
import type { PaymentsErrorInit } from '../errors/payments-error.js';
import type { FailureKind } from '../http/classify-failure.js';
import type { HttpResponse } from '../http/http-types.js';
import { parseRetryAfter } from '../retry/retry-after.js';
import {
  type Disposition,
  isRedirectStatus,
  ruleForStatus,
  type StatusRules,
} from '../retry/status-rules.js';

/** The provider-specific part of turning a failed response into a {@link PaymentsError}. */
export type ErrorBodyMapper = (response: HttpResponse) => Partial<PaymentsErrorInit> | undefined;

/** What an attempt that did not succeed says: its error, and whether it may be sent again. */
export interface AttemptFailure {
  /** The error the call ends with if it stops here. */
  readonly parts: ErrorParts;
  /** Whether the request may be resent. */
  readonly disposition: Disposition;
  /** The wait the provider asked for. */
  readonly retryAfterMs: number | undefined;
  /** Short reason for hooks and logs (`HTTP 503`, `timeout`). */
  readonly reason: string;
  /**
   * The provider may have acted although resending is pointless (a body over the size cap:
   * it would be as large again); a write that ends here is `outcomeUnknown`.
   */
  readonly mayHaveActed?: boolean;
}

/** How a provider reads its responses (from its descriptor). */
export interface ResponseReading {
  /** Reads the provider's error body. */
  readonly mapError?: ErrorBodyMapper | undefined;
  /** The provider's additions to the status table. */
  readonly statusRules?: StatusRules | undefined;
  /** Headers holding a wait in ms on a 429 (LeadConnector's `X-RateLimit-Interval-Milliseconds`). */
  readonly retryAfterHeaders?: readonly string[] | undefined;
}

function mapSafely(reading: ResponseReading, response: HttpResponse): Partial<PaymentsErrorInit> {
  try {
    const mapped = reading.mapError?.(response);
    return mapped && typeof mapped === 'object' ? mapped : {};
  } catch {
    // An error body we cannot read still becomes a typed error from its status.
    return {};
  }
}

function originOf(location: string | null, url: string): string {
  if (!location) return 'an undisclosed location';
  try {
    return new URL(location, url).origin;
  } catch {
    return 'an unparseable location';
  }
}

/** Reads a response that is not a plain success: a redirect, an unreadable 2xx, or an error status. */
export function readFailedResponse(
  response: HttpResponse,
  url: string,
  reading: ResponseReading,
): AttemptFailure {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (isRedirectStatus(response.status)) {
    const origin = originOf(response.headers.get('location'), url);
    return {
      parts: {
        code: 'provider_error',
        detail: `the provider answered HTTP ${response.status} redirecting to ${origin}; payweave never follows a redirect, so nothing was sent there.`,
        httpStatus: response.status,
        requestId,
        retryable: false,
      },
      disposition: 'final',
      retryAfterMs: undefined,
      reason: `HTTP ${response.status}`,
    };
  }
  if (response.status >= 200 && response.status < 300) {
    const type = response.headers.get('content-type') ?? 'no content type';
    return {
      parts: {
        code: 'invalid_response',
        detail: `the provider answered HTTP ${response.status} with a body that is not valid JSON (${type}).`,
        httpStatus: response.status,
        requestId,
        retryable: false,
      },
      disposition: 'ambiguous',
      retryAfterMs: undefined,
      reason: `HTTP ${response.status} unreadable`,
    };
  }
  const rule = ruleForStatus(response.status, reading.statusRules);
  const mapped = mapSafely(reading, response);
  const { message: _message, provider: _provider, operation: _operation, ...fields } = mapped;
  const retryAfterMs = parseRetryAfter(response.headers, response.status, reading.retryAfterHeaders);
  return {
    parts: {
      requestId,
      ...fields,
      code: isPaymentsErrorCode(mapped.code) ? mapped.code : rule.code,
      detail:
        typeof mapped.providerMessage === 'string' && mapped.providerMessage !== ''
          ? mapped.providerMessage
          : `HTTP ${response.status}`,
      httpStatus: response.status,
      retryable: rule.disposition !== 'final',
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    },
    disposition: rule.disposition,
    retryAfterMs,
    reason: `HTTP ${response.status}`,
  };
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as { cause?: { code?: unknown } }).cause?.code;
    return typeof inner === 'string' ? `${cause.message}: ${inner}` : cause.message;
  }
  return String(cause);
}

/** Reads an attempt that ended without a response. */
export function readFailure(
  kind: Exclude<FailureKind, 'aborted'>,
  cause: unknown,
  timeoutMs: number,
): AttemptFailure {
  switch (kind) {
    case 'timeout':
      return {
        parts: { code: 'timeout', detail: `no complete response within ${timeoutMs} ms.`, cause },
        disposition: 'ambiguous',
        retryAfterMs: undefined,
        reason: 'timeout',
      };
    case 'too_large':
      return {
        parts: {
          code: 'invalid_response',
          detail: `${describe(cause)} Reading stopped there.`,
          cause,
          retryable: false,
        },
        disposition: 'final',
        mayHaveActed: true,
        retryAfterMs: undefined,
        reason: 'too_large',
      };
    case 'connect':
      return {
        parts: { code: 'network', detail: `could not connect (${describe(cause)}).`, cause },
        disposition: 'unsent',
        retryAfterMs: undefined,
        reason: 'connect',
      };
    default:
      return {
        parts: { code: 'network', detail: `the connection failed (${describe(cause)}).`, cause },
        disposition: 'ambiguous',
        retryAfterMs: undefined,
        reason: 'network',
      };
  }
}
