import { Err, Ok, type Result } from 'ts-results-es';
import type { AttemptRecord } from '../errors/attempt-record.js';
import type { PaymentsError } from '../errors/payments-error.js';
import type { HttpRequest } from '../http/http-types.js';
import { backoffDelay } from '../retry/backoff.js';
import { sleep } from '../retry/sleep.js';
import type { CallOptions } from './call-options.js';
import type { AnyOperation, OperationContext } from './operation.js';
import type { OperationRuntime } from './operation-runtime.js';
import { type CallState, sendOperation } from './send-operation.js';

// One resend at most: a second ambiguous answer is reported, never sent a third time.
const lookupRounds = 2;

/**
 * The `reconcile` promise (DESIGN.md section 4), in one place. After a write ended with
 * `outcomeUnknown`, it looks the record up (exact and complete, through the operation's
 * `reconcile` hook): found is `Ok`; certainly absent allows one resend with the same
 * reference; a failed lookup, a second ambiguous answer or no time left is an `Err` with
 * `outcomeUnknown` and the reference — never another blind send.
 */
export async function reconcileWrite(
  runtime: OperationRuntime,
  operation: AnyOperation,
  input: unknown,
  request: HttpRequest,
  first: PaymentsError,
  context: OperationContext,
  options: CallOptions & CallState & { deadlineAt: number },
): Promise<Result<unknown, PaymentsError>> {
  const reconcile = operation.reconcile!;
  const settings = { ...runtime.http.settings, ...definedOnly(options) };
  const attempts: AttemptRecord[] = [...first.attempts];
  let latest = first;
  let refusedAsDuplicate = false;
  const unknown = (why: string) => {
    const last = attempts.length - 1;
    if (last >= 0) attempts[last] = { ...attempts[last]!, decision: 'stop' };
    return Err(
      latest.with({
        reference: first.reference,
        message: `${latest.message.replace(/ The provider may have acted.*$/, '')} The outcome is unknown: ${why}. Look the record up by its reference before sending it again.`,
        outcomeUnknown: true,
        retryable: false,
        attempts,
      }),
    );
  };

  for (let round = 1; round <= lookupRounds; round += 1) {
    const delayMs = backoffDelay(round, settings.backoffBaseMs, settings.backoffMaxMs);
    if (Date.now() + delayMs >= options.deadlineAt)
      return unknown('the deadline left no time to look the record up');
    try {
      await sleep(delayMs, options.signal);
    } catch {
      return unknown('the call was aborted before the record could be looked up');
    }
    const started = Date.now();
    const found = await reconcile(input, context, options.signal);
    attempts.push({
      attempt: attempts.length + 1,
      durationMs: Date.now() - started,
      phase: 'lookup',
      decision: found.isOk() && found.value === undefined ? 'retry' : 'stop',
    });
    if (found.isErr()) return unknown(`looking the record up failed (${found.error.message})`);
    if (found.value !== undefined) return Ok(found.value);
    if (round === lookupRounds)
      return unknown(
        refusedAsDuplicate
          ? 'the provider refused the resend as a duplicate of this reference, so the first send was recorded, but the lookup does not find it yet'
          : 'it was sent twice, both answers were lost, and no record is found yet',
      );
    if (settings.maxRetries < 1) return unknown('no record is found yet and maxRetries is 0');
    // The provider asked for a longer wait than the cap: resending now would ignore it.
    if (latest.retryAfterMs !== undefined && latest.retryAfterMs > settings.maxRetryAfterMs) {
      return unknown(
        `no record is found yet and the provider asked to wait ${latest.retryAfterMs} ms before sending again`,
      );
    }
    const resent = await sendOperation(runtime, operation, input, request, 'reconcile', {
      ...options,
      firstAttempt: attempts.length + 1,
      phase: 'resend',
    });
    if (resent.isOk()) return resent;
    attempts.push(...resent.error.attempts);
    // A refusal that names the reference (a duplicate `transaction_api_id`) means the first send
    // was recorded: look it up again; never hand the caller an error they might retry with a new one.
    if (namesReference(resent.error, input, first.reference)) {
      latest = resent.error.with({ outcomeUnknown: true });
      refusedAsDuplicate = true;
      continue;
    }
    if (!resent.error.outcomeUnknown) return Err(resent.error.with({ attempts }));
    latest = resent.error;
  }
  return unknown('no record is found');
}

/** True when a refusal is about the reference itself: a field holding it, or its value quoted. */
export function namesReference(error: PaymentsError, input: unknown, reference: string | undefined): boolean {
  if (
    reference === undefined ||
    error.httpStatus === undefined ||
    error.httpStatus < 400 ||
    error.httpStatus >= 500
  ) {
    return false;
  }
  const record = (input ?? {}) as Record<string, unknown>;
  const fields = Object.keys(error.fieldErrors ?? {});
  if (fields.some((field) => Object.hasOwn(record, field) && record[field] === reference)) return true;
  return (error.providerMessage ?? '').includes(reference);
}

function definedOnly(options: CallOptions): Partial<CallOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
