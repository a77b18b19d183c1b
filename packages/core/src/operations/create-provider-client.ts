import { Err, type Result } from 'ts-results-es';
import { buildError } from '../errors/build-error.js';
import type { PaymentsError } from '../errors/payments-error.js';
import { hideInternals } from '../redaction/inspect-symbol.js';
import type { CallOptions } from './call-options.js';
import type { AnyOperation, OperationInput } from './operation.js';
import type { OperationRuntime } from './operation-runtime.js';
import type {
  MethodResult,
  OperationById,
  OperationsOf,
  ResourceMap,
  ResourceMethods,
} from './resource-methods.js';
import { toResultPromise } from './response-meta.js';
import { runOperation, runPagedOperation } from './run-operation.js';

/** The generic part of every provider client: its operations, `execute` and resources. */
export type ProviderClient<R extends ResourceMap> = ResourceMethods<R> & {
  /** Provider id. */
  readonly provider: string;
  /** Every operation of this client, as declared (the catalogue). */
  readonly operations: readonly OperationsOf<R>[];
  /**
   * Runs an operation by id with its input validated by the same schema as the method.
   * An unknown id is an `unsupported` error.
   */
  execute<Id extends OperationsOf<R>['id']>(
    id: Id,
    input: OperationInput<OperationById<R, Id>>,
    options?: CallOptions,
  ): MethodResult<OperationById<R, Id>>;
};

function invoke(
  runtime: OperationRuntime,
  operation: AnyOperation,
  input: unknown,
  options?: CallOptions,
): unknown {
  if (operation.paging) return runPagedOperation(runtime, operation, input, options);
  return toResultPromise((onMeta) =>
    runOperation(runtime, operation, input, { ...options, onMeta } as CallOptions),
  );
}

function methodFor(runtime: OperationRuntime, operation: AnyOperation) {
  const positional = operation.positional;
  return (first?: unknown, second?: unknown, third?: unknown) => {
    if (positional !== undefined && (typeof first === 'string' || typeof first === 'number')) {
      return invoke(
        runtime,
        operation,
        { ...(second as object | undefined), [positional]: first },
        third as CallOptions,
      );
    }
    return invoke(runtime, operation, first ?? {}, second as CallOptions);
  };
}

/**
 * Builds a provider client from its operations: one method per operation, grouped by
 * resource, plus the catalogue and `execute`. `util.inspect` and `JSON.stringify` of the
 * client show only its provider, base URL and operation ids.
 *
 * @example
 * ```ts
 * const client = createProviderClient(runtime, { contacts: { create, retrieve } });
 * await client.contacts.retrieve('5f1e...');
 * ```
 */
export function createProviderClient<R extends ResourceMap>(
  runtime: OperationRuntime,
  resources: R,
): ProviderClient<R> {
  const operations: AnyOperation[] = [];
  const byId = new Map<string, AnyOperation>();
  const client: Record<string, unknown> = {};
  for (const [resourceName, resource] of Object.entries(resources)) {
    const methods: Record<string, unknown> = {};
    for (const [methodName, operation] of Object.entries(resource)) {
      methods[methodName] = methodFor(runtime, operation);
      operations.push(operation);
      byId.set(operation.id, operation);
    }
    client[resourceName] = Object.freeze(methods);
  }
  client.provider = runtime.provider;
  client.operations = Object.freeze(operations);
  client.execute = (id: string, input: unknown, options?: CallOptions) => {
    const operation = byId.get(id);
    if (!operation) {
      const error = buildError(
        { provider: runtime.provider, redactor: runtime.http.redactor },
        { code: 'unsupported', detail: `no operation "${String(id).slice(0, 80)}".` },
      ).with({ operation: typeof id === 'string' ? id.slice(0, 80) : undefined });
      return toResultPromise(() => Promise.resolve(Err(error)) as Promise<Result<never, PaymentsError>>);
    }
    return invoke(runtime, operation, input, options);
  };
  return hideInternals(client, () => ({
    provider: runtime.provider,
    baseUrl: runtime.http.baseUrl,
    operations: operations.map((operation) => operation.id),
  })) as ProviderClient<R>;
}
