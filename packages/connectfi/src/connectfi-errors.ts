import {
  Err,
  type HttpResponse,
  Ok,
  type PaymentsErrorCode,
  type PaymentsErrorInit,
  type Result,
  toFieldErrors,
} from '@payweave/core';

/** connectFi error codes -> payweave error codes (others fall back to the HTTP status). */
export const connectFiErrorCodes: Readonly<Record<string, PaymentsErrorCode>> = Object.freeze({
  requestValidateError: 'invalid_request',
  paymentValidateFields: 'invalid_request',
  greaterNumberOfRecords: 'invalid_request',
  unavailableAmount: 'invalid_request',
  unauthorized: 'authentication',
  paymentNotFound: 'not_found',
  merchantNotFound: 'not_found',
  paymentStatus: 'conflict',
  merchantIsArchive: 'conflict',
});

interface AjvContextEntry {
  instancePath?: string;
  keyword?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
  message?: string;
}

/** `/user/login` -> `user.login`; a `required` error names the missing property. */
function fieldOf(entry: AjvContextEntry): string {
  const base = (entry.instancePath ?? '').split('/').filter(Boolean).join('.');
  const extra = entry.params?.missingProperty ?? entry.params?.additionalProperty;
  return extra ? (base ? `${base}.${extra}` : extra) : base;
}

/** Reads a connectFi error envelope `{ requestId, code, subCode?, context, message }`. */
export function readErrorEnvelope(body: unknown): Partial<PaymentsErrorInit> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const envelope = body as {
    code?: unknown;
    subCode?: unknown;
    message?: unknown;
    requestId?: unknown;
    context?: unknown;
  };
  const providerCode = envelope.code === undefined ? undefined : String(envelope.code);
  const mapped: Partial<PaymentsErrorInit> = {};
  if (providerCode)
    mapped.providerCode = envelope.subCode ? `${providerCode}.${String(envelope.subCode)}` : providerCode;
  // Own keys only: a provider code such as `toString` must not read Object.prototype.
  const code =
    providerCode && Object.hasOwn(connectFiErrorCodes, providerCode)
      ? connectFiErrorCodes[providerCode]
      : undefined;
  if (code) mapped.code = code;
  if (typeof envelope.message === 'string') mapped.providerMessage = envelope.message;
  if (typeof envelope.requestId === 'string') mapped.requestId = envelope.requestId;
  if (Array.isArray(envelope.context)) {
    const entries = (envelope.context as AjvContextEntry[]).map(
      (entry) => [fieldOf(entry), entry.message ?? entry.keyword ?? 'is not valid'] as const,
    );
    if (entries.length > 0) mapped.fieldErrors = toFieldErrors(entries);
  } else if (providerCode === 'greaterNumberOfRecords') {
    const max = (envelope.context as { maxNumberOfRecords?: number } | undefined)?.maxNumberOfRecords;
    mapped.fieldErrors = { numberOfRecords: [`must be at most ${max ?? 1000}`] };
  }
  return mapped;
}

/** Error bodies of non-2xx responses. */
export function mapConnectFiError(response: HttpResponse): Partial<PaymentsErrorInit> | undefined {
  return readErrorEnvelope(response.body);
}

/**
 * The success envelope `{ code: "0", data, requestId }` -> `data`. Any other `code` on a 2xx
 * is an error read like an error envelope; a body that is not an envelope is `invalid_response`.
 */
export function unwrapConnectFiEnvelope(body: unknown): Result<unknown, Partial<PaymentsErrorInit>> {
  if (body && typeof body === 'object' && !Array.isArray(body) && 'code' in body) {
    const envelope = body as { code: unknown; data?: unknown };
    if (envelope.code === '0' || envelope.code === 0) return Ok(envelope.data);
    return Err(readErrorEnvelope(body));
  }
  return Err({
    code: 'invalid_response',
    providerMessage: 'the response is not a connectFi envelope ({ code, data })',
  });
}
