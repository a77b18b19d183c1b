import { Err, Ok, type Result } from 'ts-results-es';
import { buildError } from '../errors/build-error.js';
import type { PaymentsError } from '../errors/payments-error.js';
import { PathSegmentError } from '../input/path-segment.js';
import { jsonKey, PageIterator, PageWalkGuard } from '../paging/page-iterator.js';
import type { RetryMode } from '../retry/retry-mode.js';
import type { CallOptions } from './call-options.js';
import type { AnyOperation, OperationContext } from './operation.js';
import type { OperationRuntime } from './operation-runtime.js';
import { reconcileWrite } from './reconcile-write.js';
import type { MetaSink, ResponseMeta } from './response-meta.js';
import { type CallState, sendOperation, toHttpRequest } from './send-operation.js';
import { validateInput } from './validate-input.js';

const strictness: Record<RetryMode, number> = { safe: 0, reconcile: 1, never: 2 };

function effectiveRetry(declared: RetryMode, requested: RetryMode | undefined): RetryMode {
  // A caller may make a call stricter, never looser: "safe" on a charge would risk a double charge.
  return requested !== undefined &&
    Object.hasOwn(strictness, requested) &&
    strictness[requested] > strictness[declared]
    ? requested
    : declared;
}

function unexpected(
  runtime: OperationRuntime,
  operation: AnyOperation,
  error: unknown,
): Result<never, PaymentsError> {
  return Err(
    buildError(
      { provider: runtime.provider, operation: operation.id, redactor: runtime.http.redactor },
      { code: 'provider_error', detail: 'the call failed unexpectedly.', cause: error, retryable: false },
    ),
  );
}

// Client defaults (LeadConnector's altId) are filled before validation, so the schema sees them.
function withDefaults(runtime: OperationRuntime, operation: AnyOperation, input: unknown): unknown {
  return runtime.inputDefaults ? runtime.inputDefaults(operation, input) : input;
}

/** What a reconcile hook can reach: other operations of the client, within the call's deadline. */
function operationContext(
  runtime: OperationRuntime,
  signal: AbortSignal | undefined,
  deadlineAt: number,
  onMeta?: MetaSink,
): OperationContext {
  const within = (options?: CallOptions) =>
    ({ ...options, signal: options?.signal ?? signal, deadlineAt, onMeta }) as CallOptions;
  return {
    provider: runtime.provider,
    run: (other, otherInput, otherOptions) =>
      runOperation(runtime, other, otherInput, within(otherOptions)) as never,
    async findExact(list, input, match, options) {
      const paging = list.paging;
      const maxPages = options?.maxPages ?? 100;
      // The same no-progress checks as every page walk: a lookup that cannot end is "could not tell".
      const guard = new PageWalkGuard<unknown>(Number.POSITIVE_INFINITY, jsonKey);
      guard.begin(input);
      let pageInput: unknown = input;
      let itemCount = 0;
      for (let page = 1; page <= maxPages && pageInput !== undefined; page += 1) {
        const result = await runOperation(runtime, list, pageInput, within(options));
        if (result.isErr()) return result;
        const items = (paging ? paging.items(result.value) : result.value) as readonly never[];
        const found = Array.isArray(items) ? items.find((item) => match(item)) : undefined;
        if (found !== undefined) return Ok(found);
        if (!paging || items.length === 0) return Ok(undefined);
        itemCount += items.length;
        const stuck = guard.repeats(page, items);
        pageInput = stuck
          ? undefined
          : paging.next(pageInput as never, result.value, { pageNumber: page, itemCount });
        const problem = stuck ?? (pageInput === undefined ? undefined : guard.revisits(page, pageInput));
        if (problem !== undefined)
          return Err(
            buildError(
              { provider: runtime.provider, operation: list.id, redactor: runtime.http.redactor },
              {
                code: 'invalid_response',
                detail: `${problem} The lookup cannot tell whether the record exists.`,
              },
            ),
          );
      }
      if (pageInput === undefined) return Ok(undefined);
      return Err(
        buildError(
          { provider: runtime.provider, operation: list.id, redactor: runtime.http.redactor },
          {
            code: 'provider_error',
            detail: `the lookup read ${maxPages} pages without reaching the end, so it cannot tell whether the record exists.`,
          },
        ),
      );
    },
  };
}

/** Runs one single-page call with already-validated input, reconciling an ambiguous write. */
async function run(
  runtime: OperationRuntime,
  operation: AnyOperation,
  input: unknown,
  options: CallOptions & CallState,
): Promise<Result<unknown, PaymentsError>> {
  let request: ReturnType<typeof toHttpRequest>;
  try {
    request = toHttpRequest(operation, input);
  } catch (error) {
    return Err(
      buildError(
        { provider: runtime.provider, operation: operation.id, redactor: runtime.http.redactor },
        {
          code: 'validation',
          detail: `${(error as Error)?.message ?? String(error)} (nothing was sent).`,
          cause: error,
          ...(error instanceof PathSegmentError ? { fieldErrors: { [error.field]: [error.reason] } } : {}),
        },
      ),
    );
  }
  const deadlineMs = options.deadlineMs ?? runtime.http.settings.deadlineMs;
  const deadlineAt = options.deadlineAt ?? Date.now() + (Number.isFinite(deadlineMs) ? deadlineMs : 0);
  const retry = effectiveRetry(operation.retry, options.retry);
  const first = await sendOperation(runtime, operation, input, request, retry, { ...options, deadlineAt });
  if (first.isOk() || !first.error.outcomeUnknown) return first;
  const reference = operation.reference?.(input);
  const withReference = reference === undefined ? first.error : first.error.with({ reference });
  if (retry !== 'reconcile' || !operation.reconcile) return Err(withReference);
  // A record found by the lookup is the answer: its response is the one `withResponse()` reports.
  let lookupMeta: (() => ResponseMeta) | undefined;
  const context = operationContext(runtime, options.signal, deadlineAt, (meta) => {
    lookupMeta = meta;
  });
  const reconciled = await reconcileWrite(runtime, operation, input, request, withReference, context, {
    ...options,
    deadlineAt,
  });
  const found = lookupMeta;
  if (reconciled.isOk() && found) options.onMeta?.(() => ({ ...found(), reconciled: true }));
  return reconciled;
}

/**
 * Runs a single-page operation: validates input (a failure sends nothing), prepares
 * references, sends with the operation's retry mode, reconciles an ambiguous write, and
 * decodes the response. Never rejects: anything thrown on the way becomes an `Err`.
 */
export async function runOperation(
  runtime: OperationRuntime,
  operation: AnyOperation,
  rawInput: unknown,
  options: CallOptions = {},
): Promise<Result<unknown, PaymentsError>> {
  try {
    const validated = validateInput(operation.input, withDefaults(runtime, operation, rawInput), {
      provider: runtime.provider,
      operation: operation.id,
    });
    if (validated.isErr()) return validated;
    const input = operation.prepare ? operation.prepare(validated.value) : validated.value;
    const state = options as CallOptions & CallState;
    const deadlineMs = options.deadlineMs ?? runtime.http.settings.deadlineMs;
    const deadlineAt = state.deadlineAt ?? Date.now() + (Number.isFinite(deadlineMs) ? deadlineMs : 0);
    const context = operationContext(runtime, options.signal, deadlineAt, state.onMeta);
    if (operation.guard) {
      const refused = await operation.guard(input, context);
      if (refused) return Err(refused);
    }
    const result = await run(runtime, operation, input, { ...state, deadlineAt });
    if (result.isOk() || !operation.fallback) return result;
    return (await operation.fallback(input, result.error, context)) ?? result;
  } catch (error) {
    return unexpected(runtime, operation, error);
  }
}

/**
 * Runs a list operation as a {@link PageIterator}; input is validated once, before the first
 * page. The walk is bounded (`maxPages`, default 10,000) and stops with an `invalid_response`
 * error naming the operation when the provider makes no progress: a page that repeats the one
 * before, a next page input already sent, or a total that announces more pages than `maxPages`.
 */
export function runPagedOperation(
  runtime: OperationRuntime,
  operation: AnyOperation,
  rawInput: unknown,
  options: CallOptions & { maxPages?: number | undefined } = {},
): PageIterator<unknown> {
  const paging = operation.paging!;
  const scope = { provider: runtime.provider, operation: operation.id, redactor: runtime.http.redactor };
  const validated = validateInput(operation.input, withDefaults(runtime, operation, rawInput ?? {}), {
    provider: runtime.provider,
    operation: operation.id,
  });
  // The cursor carries the walk's record count, so two walks of one iterator never share it.
  type Cursor = { readonly input: unknown; readonly itemCount: number };
  const first: Cursor = { input: validated.isOk() ? validated.value : undefined, itemCount: 0 };
  return new PageIterator<unknown, unknown>(
    first,
    async (cursor, pageNumber, signal) => {
      if (validated.isErr()) return validated;
      try {
        const { input, itemCount: before } = cursor as Cursor;
        const result = await run(runtime, operation, input, { ...options, signal });
        if (result.isErr()) return result;
        const output = result.value;
        const items = paging.items(output);
        const itemCount = before + items.length;
        const next = items.length === 0 ? undefined : paging.next(input, output, { pageNumber, itemCount });
        return Ok({
          page: { items, totalCount: paging.totalCount?.(output) },
          next: next === undefined ? undefined : ({ input: next, itemCount } satisfies Cursor),
        });
      } catch (error) {
        return unexpected(runtime, operation, error);
      }
    },
    {
      prefetch: options.prefetch,
      signal: options.signal,
      maxPages: options.maxPages,
      cursorKey: (cursor) => jsonKey((cursor as Cursor).input),
      stopError: (code, detail) => buildError(scope, { code, detail }),
    },
  );
}
