import type { HttpResponse, PaymentsErrorInit } from '@payweave/core';
import { toFieldErrors } from '@payweave/core';

interface ErrorBody {
  statusCode?: unknown;
  status?: unknown;
  message?: unknown;
  error?: unknown;
  name?: unknown;
  traceId?: unknown;
  error_description?: unknown;
}

// class-validator messages name the field first ("altId should not be empty") or after
// "property" ("property foo should not exist"); nested ones use dots ("card.last4 ...").
function fieldOf(message: string): string {
  const property = /^property\s+([\w.[\]]+)\s/.exec(message);
  if (property?.[1]) return property[1];
  const leading = /^([A-Za-z_][\w.[\]]*)\s/.exec(message);
  return leading?.[1] ?? '(root)';
}

/**
 * Reads LeadConnector error bodies into error fields: the spec's 400/401 `{statusCode,
 * message}`, the 422 `{message: string[]}` (turned into `fieldErrors`), and the live
 * `{status, message, name, traceId}` (e.g. a 404 "Order not found" without `statusCode`).
 * A "not found" message is a `not_found` error whatever the status (the spec says 400).
 */
export function mapLeadConnectorError(response: HttpResponse): Partial<PaymentsErrorInit> | undefined {
  const body = response.body as ErrorBody | undefined;
  if (!body || typeof body !== 'object') return undefined;
  const messages = Array.isArray(body.message)
    ? body.message.filter((item): item is string => typeof item === 'string')
    : typeof body.message === 'string'
      ? [body.message]
      : typeof body.error_description === 'string'
        ? [body.error_description]
        : [];
  const providerMessage = messages.length > 0 ? messages.join('; ') : undefined;
  const providerCode =
    typeof body.error === 'string' ? body.error : typeof body.name === 'string' ? body.name : undefined;
  const init: Partial<PaymentsErrorInit> = {};
  if (providerMessage !== undefined) init.providerMessage = providerMessage;
  if (providerCode !== undefined) init.providerCode = providerCode;
  if (typeof body.traceId === 'string') init.traceId = body.traceId;
  if (Array.isArray(body.message) && messages.length > 0) {
    init.fieldErrors = toFieldErrors(messages.map((message) => [fieldOf(message), message] as const));
  }
  if (response.status === 400 || response.status === 404) {
    if (providerMessage && /not found|no such/i.test(providerMessage)) init.code = 'not_found';
  }
  return init;
}
