import { Err, Ok, type Result } from 'ts-results-es';
import * as z from 'zod/mini';
import { buildError } from '../errors/build-error.js';
import { toFieldErrors } from '../errors/field-errors.js';
import type { PaymentsError } from '../errors/payments-error.js';
import { Redactor } from '../redaction/redactor.js';
import { issueEntries, issueMessage } from './issue-messages.js';
import type { Schema } from './operation.js';

// Field names come from the caller's input and may be anything (a card number as a key).
const keyRedactor = new Redactor();

// zod asks this map only for issues whose schema or check set no message of its own.
const parseContext = { error: issueMessage };

/**
 * Validates input against an operation's schema. A failure is a `validation` error that
 * names every bad field and says why (`must be 24 to 36 characters`); nothing is sent.
 */
export function validateInput<T>(
  schema: Schema<T>,
  input: unknown,
  context: { provider: string; operation: string },
): Result<T, PaymentsError> {
  const parsed = z.safeParse(schema, input, parseContext);
  if (parsed.success) return Ok(parsed.data);
  const fieldErrors = toFieldErrors(issueEntries(parsed.error.issues));
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ');
  return Err(
    buildError(
      { ...context, redactor: keyRedactor },
      {
        code: 'validation',
        detail: `invalid input (nothing was sent). ${summary}`,
        fieldErrors,
        retryable: false,
      },
    ),
  );
}

/** Validates a response body with a tolerant schema; a mismatch is `invalid_response`. */
export function validateOutput<T>(
  schema: Schema<T>,
  body: unknown,
  context: { provider: string; operation: string; httpStatus: number; redactor?: Redactor | undefined },
): Result<T, PaymentsError> {
  const parsed = z.safeParse(schema, body, parseContext);
  if (parsed.success) return Ok(parsed.data);
  const fieldErrors = toFieldErrors(issueEntries(parsed.error.issues));
  return Err(
    buildError(
      { ...context, redactor: context.redactor ?? keyRedactor },
      {
        code: 'invalid_response',
        detail: `the provider's response does not have the documented shape (${Object.keys(fieldErrors).join(', ')}).`,
        httpStatus: context.httpStatus,
        fieldErrors,
        retryable: false,
      },
    ),
  );
}
