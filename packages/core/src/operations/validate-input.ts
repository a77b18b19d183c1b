import { Err, Ok, type Result } from 'ts-results-es';
import * as z from 'zod/mini';
import type { $ZodIssue } from 'zod/v4/core';
import { joinFieldPath, toFieldErrors } from '../errors/field-errors.js';
import { PaymentsError } from '../errors/payments-error.js';
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
    new PaymentsError({
      code: 'validation',
      message: `${context.operation}: invalid input (nothing was sent). ${summary}`,
      provider: context.provider,
      operation: context.operation,
      fieldErrors,
      retryable: false,
    }),
  );
}

/** Validates a response body with a tolerant schema; a mismatch is `invalid_response`. */
export function validateOutput<T>(
  schema: Schema<T>,
  body: unknown,
  context: { provider: string; operation: string; httpStatus: number },
): Result<T, PaymentsError> {
  const parsed = z.safeParse(schema, body);
  if (parsed.success) return Ok(parsed.data);
  const fieldErrors = toFieldErrors(issueEntries(parsed.error.issues));
  return Err(
    new PaymentsError({
      code: 'invalid_response',
      message: `${context.operation}: the provider's response does not have the documented shape (${Object.keys(fieldErrors).join(', ')}).`,
      provider: context.provider,
      operation: context.operation,
      httpStatus: context.httpStatus,
      fieldErrors,
      retryable: false,
    }),
  );
}
