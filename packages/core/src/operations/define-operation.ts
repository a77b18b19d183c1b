import type { Result } from 'ts-results-es';
import type { PaymentsError } from '../errors/payments-error.js';
import type { HttpMethod, HttpResponse } from '../http/http-types.js';
import type { RetryMode } from '../retry/retry-mode.js';
import type { Operation, OperationContext, PagingDefinition, RequestParts, Schema } from './operation.js';

/** The declaration {@link defineOperation} takes. */
export interface OperationDeclaration<
  Id extends string,
  In,
  InputShape,
  Wire,
  Out,
  Item,
  Positional extends string,
> {
  /** `provider.resource.method`. */
  id: Id;
  /** HTTP method. */
  method: HttpMethod;
  /** Path template, `{field}` filled from the input. */
  path: string;
  /** One sentence for docs and the catalogue. */
  summary: string;
  /** Longer notes. */
  description?: string | undefined;
  /** Strict input schema. */
  input: Schema<In, InputShape>;
  /** Tolerant output schema. */
  output?: Schema<Wire, unknown> | undefined;
  /** Retry mode. */
  retry: RetryMode;
  /** Field that may be passed positionally. */
  positional?: Positional | undefined;
  /** `none` when the call carries its own credentials. */
  auth?: 'none' | undefined;
  /** OAuth scopes. */
  scopes?: readonly string[] | undefined;
  /** Provider docs link. */
  docsUrl?: string | undefined;
  /** Fills client references before sending. */
  prepare?: ((input: In) => In) | undefined;
  /** Builds the request. */
  toRequest?: ((input: In) => RequestParts) | undefined;
  /** Maps the validated body to the result (default: the body itself). */
  fromResponse?: ((body: Wire, input: In, response: HttpResponse) => Out) | undefined;
  /** The client reference the write can be looked up by (reported on `outcomeUnknown` errors). */
  reference?: ((input: In) => string | undefined) | undefined;
  /** Finds the record after an ambiguous failure (reconcile mode): exact and complete, `Ok(undefined)` only when certainly absent. */
  reconcile?:
    | ((
        input: In,
        context: OperationContext,
        signal?: AbortSignal,
      ) => Promise<Result<Out | undefined, PaymentsError>>)
    | undefined;
  /** Paging of list operations. */
  paging?: PagingDefinition<In, Out, Item> | undefined;
  /** `read` for a read sent as POST (a search); default: GET reads, everything else writes. */
  effect?: 'read' | 'write' | undefined;
  /** A business rule checked before sending; returns the refusing error, or `undefined`. */
  guard?:
    | ((
        input: In,
        context: OperationContext,
      ) => Promise<PaymentsError | undefined> | PaymentsError | undefined)
    | undefined;
  /** Another way to the same answer after a failure, or `undefined` to keep the error. */
  fallback?:
    | ((
        input: In,
        error: PaymentsError,
        context: OperationContext,
      ) => Promise<Result<Out, PaymentsError>> | undefined)
    | undefined;
}

/**
 * Declares one API call as data (DESIGN.md section 2). The typed method, `execute`, the
 * catalogue entry and the JSON Schema all come from this one declaration.
 *
 * @example
 * ```ts
 * export const retrieve = defineOperation({
 *   id: 'paya.contacts.retrieve',
 *   method: 'GET',
 *   path: '/v2/contacts/{id}',
 *   summary: 'Get one contact.',
 *   input: z.object({ id: z.string() }),
 *   output: z.looseObject({ contact: contactSchema }),
 *   retry: 'safe',
 *   positional: 'id',
 *   fromResponse: (body) => body.contact,
 * });
 * ```
 */
export function defineOperation<
  Id extends string,
  In,
  InputShape,
  Wire = unknown,
  Out = Wire,
  Item = never,
  Positional extends string = never,
>(
  declaration: OperationDeclaration<Id, In, InputShape, Wire, Out, Item, Positional>,
): Operation<Id, In, Out, InputShape, Item, Positional> {
  return Object.freeze({ ...declaration }) as Operation<Id, In, Out, InputShape, Item, Positional>;
}
