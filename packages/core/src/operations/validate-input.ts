import { Err, Ok, type Result } from 'ts-results-es';
import * as z from 'zod/mini';
import { buildError } from '../errors/build-error.js';
import { toFieldErrors } from '../errors/field-errors.js';
import type { PaymentsError } from '../errors/payments-error.js';
import type { Logger } from '../logging/logger.js';
import { readTolerantly } from '../output/read-tolerantly.js';
import { firstReport, pathLabel } from '../output/warn-once.js';
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
 * Providers use it for helpers that send nothing but take input (Paya's form URLs), so
 * their refusals read exactly like an operation's.
 *
 * @example
 * ```ts
 * const checked = validateInput(z.strictObject({ id: z.string() }), input, {
 *   provider: 'paya',
 *   operation: 'paya.forms.payFormUrl',
 * });
 * if (checked.isErr()) console.log(checked.error.fieldErrors); // { id: ['is required'] }
 * ```
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

/** Where {@link validateOutput} reports fields kept raw. */
export interface OutputContext {
  provider: string;
  operation: string;
  httpStatus: number;
  redactor?: Redactor | undefined;
  /** The client's logger: each field kept raw is reported once per operation at `warn`. */
  logger?: Logger | undefined;
}

/**
 * Reads a response body through the output tolerance policy (DESIGN.md §3, see
 * `readTolerantly`): documented values sent as text are read as numbers, booleans or
 * objects; a field of another shape is kept raw and reported once through the logger;
 * only a required field that is missing or cannot be repaired is `invalid_response`.
 */
export function validateOutput<T>(
  schema: Schema<T>,
  body: unknown,
  context: OutputContext,
): Result<T, PaymentsError> {
  const read = readTolerantly(schema as z.ZodMiniType<T>, body, parseContext);
  const redactor = context.redactor ?? keyRedactor;
  if (read.success) {
    if (context.logger) {
      for (const field of read.keptRaw) {
        const label = redactor.text(pathLabel(field.path));
        if (!firstReport(context.logger, context.operation, label)) continue;
        context.logger.warn(`${context.operation}: response field kept as sent (unexpected shape)`, {
          provider: context.provider,
          operation: context.operation,
          field: label,
          expected: field.expected,
          received: field.received,
        });
      }
    }
    return Ok(read.data);
  }
  const fieldErrors = toFieldErrors(issueEntries(read.issues));
  const { logger: _logger, ...scope } = context;
  return Err(
    buildError(
      { ...scope, redactor },
      {
        code: 'invalid_response',
        detail: `the provider's response lacks what the result needs (${Object.keys(fieldErrors).join(', ')}).`,
        httpStatus: context.httpStatus,
        fieldErrors,
        retryable: false,
      },
    ),
  );
}
