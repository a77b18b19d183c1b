import type { ErrorBodyMapper, FieldErrors, PaymentsErrorInit } from '@payweave/core';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrorsOf(errors: Record<string, unknown>): FieldErrors {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    if (Array.isArray(messages)) fieldErrors[field] = messages.map(String);
    else if (typeof messages === 'string') fieldErrors[field] = [messages];
  }
  return fieldErrors;
}

/**
 * Reads Paya's error bodies: the 422 `{"errors":{"field":["message"]}}` becomes
 * `fieldErrors`, and the `{"name","message","status"}` bodies of 401/403/404/409 give the
 * provider message. The HTTP status decides the error code (core's mapping).
 */
export const mapPayaError: ErrorBodyMapper = (response) => {
  const body = response.body;
  if (!isRecord(body)) return undefined;
  const mapped: Partial<PaymentsErrorInit> = {};
  if (isRecord(body.errors)) {
    const fieldErrors = fieldErrorsOf(body.errors);
    mapped.fieldErrors = fieldErrors;
    mapped.providerMessage = Object.entries(fieldErrors)
      .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
      .join('; ');
  } else if (typeof body.message === 'string' && body.message !== '') {
    mapped.providerMessage = body.message;
  }
  if (typeof body.name === 'string' && body.name !== '') mapped.providerCode = body.name;
  else if (typeof body.code === 'string' || typeof body.code === 'number')
    mapped.providerCode = String(body.code);
  return mapped;
};
