import type { HttpHooks, HttpMethod, RequestEvent, RetryEvent } from '../http/http-types.js';
import type { Logger } from '../logging/logger.js';
import type { Redactor } from '../redaction/redactor.js';
import type { ComposedRequest } from './compose-request.js';

/** Reports attempts to hooks and the debug log, redacted; a hook's own bug never changes a call. */
export interface AttemptObserver {
  /** Before an attempt is sent; returns the event to close with {@link AttemptObserver.received}. */
  sending(
    operation: string | undefined,
    attempt: number,
    method: HttpMethod,
    composed: ComposedRequest,
    payload: unknown,
  ): RequestEvent | undefined;
  /** After the response body was read. */
  received(
    event: RequestEvent | undefined,
    status: number,
    durationMs: number,
    body: unknown,
    echoed: () => readonly string[],
  ): void;
  /** Before a resend, reconcile lookup or re-authentication. */
  retrying(event: RetryEvent): void;
}

function safely(hook: () => void): void {
  try {
    hook();
  } catch {
    // A hook's own bug must not change the outcome of a payment call.
  }
}

/** The observer of one client. */
export function createAttemptObserver(options: {
  provider: string;
  hooks: HttpHooks | undefined;
  logger: Logger;
  debug: boolean;
  redactor: Redactor;
}): AttemptObserver {
  const { provider, hooks, logger, debug, redactor } = options;
  // Redacted copies cost real time per call, so they are built only when someone will see them.
  const observed = debug || hooks?.onRequest !== undefined || hooks?.onResponse !== undefined;
  return {
    sending(operation, attempt, method, composed, payload) {
      if (!observed) return undefined;
      const event: RequestEvent = {
        provider,
        operation,
        attempt,
        method,
        url: redactor.text(composed.url),
        headers: redactor.headers(composed.headers),
        body: redactor.value(payload),
      };
      if (hooks?.onRequest) safely(() => hooks.onRequest?.(event));
      if (debug) {
        safely(() =>
          logger.debug(`${provider} -> ${method} ${event.url}`, {
            operation,
            attempt,
            headers: event.headers,
            body: event.body,
          }),
        );
      }
      return event;
    },
    received(event, status, durationMs, body, echoed) {
      if (!event) return;
      if (hooks?.onResponse) safely(() => hooks.onResponse?.({ ...event, status, durationMs }));
      if (debug) {
        safely(() =>
          logger.debug(`${provider} <- ${status} ${event.method} ${event.url} (${durationMs} ms)`, {
            operation: event.operation,
            attempt: event.attempt,
            body: redactor.value(body, echoed()),
          }),
        );
      }
    },
    retrying(event) {
      if (hooks?.onRetry) safely(() => hooks.onRetry?.(event));
      safely(() =>
        logger.warn(
          `${provider} ${event.operation ?? ''} attempt ${event.attempt} failed (${event.reason}); ${event.next === 'retry' ? 'retrying' : event.next === 'reconcile' ? 'looking the record up' : 're-authenticating'} in ${event.delayMs} ms`,
        ),
      );
    },
  };
}
