import { Err, Ok, type Result } from 'ts-results-es';
import { mapHttpStatus } from '../errors/map-http-status.js';
import { PaymentsError } from '../errors/payments-error.js';
import type { HttpMethod, HttpRequest } from '../http/http-types.js';
import { PageIterator } from '../paging/page-iterator.js';
import type { RetryMode } from '../retry/retry-mode.js';
import type { CallOptions } from './call-options.js';
import { fillPath } from './fill-path.js';
import type { AnyOperation, OperationContext } from './operation.js';
import type { OperationRuntime } from './operation-runtime.js';
import { validateInput, validateOutput } from './validate-input.js';

const strictness: Record<RetryMode, number> = { safe: 0, reconcile: 1, never: 2 };

function effectiveRetry(declared: RetryMode, requested: RetryMode | undefined): RetryMode {
  // A caller may make a call stricter, never looser: "safe" on a charge would risk a double charge.
  return requested !== undefined && strictness[requested] > strictness[declared] ? requested : declared;
}

const bodyless = new Set<HttpMethod>(['GET', 'DELETE']);

function defaultRequest(operation: AnyOperation, input: unknown): Omit<HttpRequest, 'method'> {
  const { path, used } = fillPath(operation.path, input);
  const rest: Record<string, unknown> = {};
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) if (!used.has(key)) rest[key] = value;
  }
  if (bodyless.has(operation.method)) return { path, query: rest as HttpRequest['query'] };
  return { path, json: rest };
}

/** Runs one single-page call with already-validated input. Never rejects. */
async function send(
  runtime: OperationRuntime,
  operation: AnyOperation,
  input: unknown,
  options: CallOptions,
): Promise<Result<unknown, PaymentsError>> {
  const context = { provider: runtime.provider, operation: operation.id };
  let request: HttpRequest;
  try {
    const parts = operation.toRequest ? operation.toRequest(input) : {};
    const derived = defaultRequest(operation, input);
    // A toRequest that shapes the query or body replaces the derived one entirely.
    const shaped = parts.query !== undefined || parts.json !== undefined || parts.form !== undefined;
    request = {
      method: operation.method,
      ...(shaped ? { path: derived.path } : derived),
      ...parts,
      path: parts.path ?? derived.path,
    };
  } catch (error) {
    return Err(
      new PaymentsError({
        ...context,
        code: 'validation',
        message: `${operation.id}: ${(error as Error).message}`,
        cause: error,
      }),
    );
  }
  const operationContext: OperationContext = {
    provider: runtime.provider,
    run: (other, otherInput, otherOptions) =>
      runOperation(runtime, other, otherInput, {
        ...otherOptions,
        signal: otherOptions?.signal ?? options.signal,
      }) as never,
  };
  const reconcile = operation.reconcile;
  const outcome = await runtime.http.send(request, {
    ...options,
    operation: operation.id,
    retry: effectiveRetry(operation.retry, options.retry),
    auth: operation.auth === 'none' ? null : undefined,
    reconcile: reconcile ? (signal) => reconcile(input, operationContext, signal) : undefined,
  });
  if (outcome.isErr()) return outcome;
  const { value } = outcome;
  if (value.kind === 'reconciled') return Ok(value.value);
  const { response, attempts } = value;
  let body = response.body;
  if (runtime.unwrap) {
    const unwrapped = runtime.unwrap(body, response);
    if (unwrapped.isErr()) {
      const code =
        unwrapped.error.code ?? (response.status >= 300 ? mapHttpStatus(response.status) : 'provider_error');
      return Err(
        new PaymentsError({
          ...context,
          code,
          message: `${operation.id}: ${unwrapped.error.providerMessage ?? 'the provider reported a failure'}`,
          httpStatus: response.status,
          attempts,
          ...unwrapped.error,
        }),
      );
    }
    body = unwrapped.value;
  }
  let wire: unknown = body;
  if (operation.output) {
    const checked = validateOutput(operation.output, body, { ...context, httpStatus: response.status });
    if (checked.isErr()) return Err(checked.error.with({ attempts }));
    wire = checked.value;
  }
  if (!operation.fromResponse) return Ok(wire);
  try {
    return Ok(
      (operation.fromResponse as (body: unknown, input: unknown, response: unknown) => unknown)(
        wire,
        input,
        response,
      ),
    );
  } catch (error) {
    return Err(
      new PaymentsError({
        ...context,
        code: 'invalid_response',
        message: `${operation.id}: the response could not be read (${(error as Error).message}).`,
        httpStatus: response.status,
        attempts,
        cause: error,
      }),
    );
  }
}

/**
 * Runs a single-page operation: validates input (a failure sends nothing), prepares
 * references, sends with the operation's retry mode, and decodes the response.
 */
export async function runOperation(
  runtime: OperationRuntime,
  operation: AnyOperation,
  rawInput: unknown,
  options: CallOptions = {},
): Promise<Result<unknown, PaymentsError>> {
  const validated = validateInput(operation.input, rawInput, {
    provider: runtime.provider,
    operation: operation.id,
  });
  if (validated.isErr()) return validated;
  const input = operation.prepare ? operation.prepare(validated.value) : validated.value;
  return send(runtime, operation, input, options);
}

/** Runs a list operation as a {@link PageIterator}; input is validated once, before the first page. */
export function runPagedOperation(
  runtime: OperationRuntime,
  operation: AnyOperation,
  rawInput: unknown,
  options: CallOptions = {},
): PageIterator<unknown> {
  const paging = operation.paging!;
  const validated = validateInput(operation.input, rawInput ?? {}, {
    provider: runtime.provider,
    operation: operation.id,
  });
  let itemCount = 0;
  return new PageIterator<unknown, unknown>(
    validated.isOk() ? validated.value : undefined,
    async (input, pageNumber, signal) => {
      if (validated.isErr()) return validated;
      if (pageNumber === 1) itemCount = 0;
      const result = await send(runtime, operation, input, { ...options, signal });
      if (result.isErr()) return result;
      const output = result.value;
      const items = paging.items(output);
      itemCount += items.length;
      const next = items.length === 0 ? undefined : paging.next(input, output, { pageNumber, itemCount });
      return Ok({ page: { items, totalCount: paging.totalCount?.(output) }, next });
    },
    { prefetch: options.prefetch, signal: options.signal },
  );
}
