import { Err, Ok, type Result } from 'ts-results-es';
import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { buildError } from '../errors/build-error.js';
import { joinFieldPath, toFieldErrors } from '../errors/field-errors.js';
import type { PaymentsError } from '../errors/payments-error.js';
import { Redactor } from '../redaction/redactor.js';
import type { Schema } from './operation.js';

/** Turns zod issues into `[field, message]` pairs, descending into unions so the real field is named. */
function issueEntries(issues: readonly $ZodIssue[], prefix: readonly PropertyKey[] = []): [string, string][] {
  const entries: [string, string][] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) entries.push([joinFieldPath([...path, key]), 'is not a known field']);
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest (fewest issues) rather than a vague "invalid input".
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      entries.push(...issueEntries(best, path));
    } else {
      entries.push([joinFieldPath(path), issue.message]);
    }
  }
  return entries;
}

// Field names come from the caller's input and may be anything (a card number as a key).
const keyRedactor = new Redactor();

/**
 * Validates input against an operation's schema. A failure is a `validation` error that
 * names every bad field; nothing is sent.
 */
export function validateInput<T>(
  schema: Schema<T>,
  input: unknown,
  context: { provider: string; operation: string },
): Result<T, PaymentsError> {
  const parsed = z.safeParse(schema, input);
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
  const parsed = z.safeParse(schema, body);
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
