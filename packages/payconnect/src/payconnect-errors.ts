import { type HttpResponse, type PaymentsErrorInit, toFieldErrors } from '@payweave/core';

/**
 * Reads a PayConnect error body. The shape is assumed (`{ message, errors, code, correlationId }`),
 * so every field is optional and a body we cannot read still becomes an error from its status.
 */
export function mapPayConnectError(response: HttpResponse): Partial<PaymentsErrorInit> | undefined {
  const body = response.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const mapped: Partial<PaymentsErrorInit> = {};
  const message = text(record.message) ?? text(record.error) ?? text(record.title);
  if (message) mapped.providerMessage = message;
  const code = text(record.code) ?? text(record.errorCode);
  if (code) mapped.providerCode = code;
  const correlationId = text(record.correlationId);
  if (correlationId) mapped.requestId = correlationId;
  if (record.errors && typeof record.errors === 'object') {
    const entries: [string, string][] = [];
    if (Array.isArray(record.errors)) {
      for (const item of record.errors as { field?: unknown; message?: unknown }[]) {
        entries.push([String(item?.field ?? ''), String(item?.message ?? item)]);
      }
    } else {
      for (const [field, messages] of Object.entries(record.errors)) {
        for (const entry of Array.isArray(messages) ? messages : [messages])
          entries.push([field, String(entry)]);
      }
    }
    if (entries.length > 0) mapped.fieldErrors = toFieldErrors(entries);
  }
  return mapped;
}
