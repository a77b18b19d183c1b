import type { Result } from 'ts-results-es';
import type { $ZodType } from 'zod/v4/core';
import type { PaymentsError } from '../errors/payments-error.js';
import type { HttpMethod, HttpRequest, HttpResponse } from '../http/http-types.js';
import type { RetryMode } from '../retry/retry-mode.js';
import type { CallOptions } from './call-options.js';

/** Any zod 4 schema (classic or `zod/mini`). */
export type Schema<Output = unknown, Input = unknown> = $ZodType<Output, Input>;

/** What an operation adds to its request; everything not given is derived from the input. */
export type RequestParts = Partial<Omit<HttpRequest, 'method'>>;

/** What an operation's hooks can reach: other operations of the same client. */
export interface OperationContext {
  /** Provider id. */
  readonly provider: string;
  /** Runs another operation of this client (used by reconcile lookups). */
  run<In, Out>(
    operation: AnyOperation<In, Out>,
    input: In,
    options?: CallOptions,
  ): Promise<Result<Out, PaymentsError>>;
  /**
   * Walks every page of a list operation (bounded: at most `maxPages`, default 100) and returns
   * the first record `match` accepts, `Ok(undefined)` when no page holds one, or `Err` when a
   * page failed or the bound was reached — "could not tell", never "not there". Reconcile
   * lookups use it so a match on page 2 is found and a substring match is never taken.
   */
  findExact<Item>(
    operation: AnyOperation,
    input: unknown,
    match: (item: Item) => boolean,
    options?: CallOptions & { maxPages?: number },
  ): Promise<Result<Item | undefined, PaymentsError>>;
}

/** How a list operation pages. The operation itself fetches one page. */
export interface PagingDefinition<In, Out, Item> {
  /** The records of one page. */
  items: (output: Out) => readonly Item[];
  /** The input of the next page, or `undefined` after the last page. */
  next: (
    input: In,
    output: Out,
    state: { readonly pageNumber: number; readonly itemCount: number },
  ) => In | undefined;
  /** The total number of records, when the provider says. */
  totalCount?: (output: Out) => number | undefined;
}

/**
 * One API call, declared once as data. Methods, `execute`, the catalogue and the JSON
 * Schema are all derived from it. See {@link defineOperation}.
 */
export interface Operation<
  Id extends string = string,
  In = unknown,
  Out = unknown,
  InputShape = In,
  Item = never,
  Positional extends string = never,
> {
  /** `provider.resource.method`, e.g. `paya.transactions.sale`. */
  readonly id: Id;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template; `{name}` is filled from the input field `name`. */
  readonly path: string;
  /** One sentence for the docs and the catalogue. */
  readonly summary: string;
  /** Longer notes (quirks, limits). */
  readonly description?: string | undefined;
  /** Strict input schema: bad input is refused before any request. */
  readonly input: Schema<In, InputShape>;
  /** Tolerant output schema of the response body. */
  readonly output?: Schema<unknown, unknown> | undefined;
  /** Retry mode (DESIGN.md section 4). */
  readonly retry: RetryMode;
  /** Input field that may be passed as the first argument (`void(id)`). */
  readonly positional?: Positional | undefined;
  /** `none` for calls that carry their own credentials (login, token exchange). */
  readonly auth?: 'none' | undefined;
  /** OAuth scopes the call needs (LeadConnector). */
  readonly scopes?: readonly string[] | undefined;
  /** Link to the provider's documentation of this call. */
  readonly docsUrl?: string | undefined;
  /** Fills client references before sending (e.g. Paya `transaction_api_id`). */
  readonly prepare?: ((input: In) => In) | undefined;
  /** Builds the request from the validated input; by default path fields are filled and the rest is query (GET, DELETE) or JSON body. */
  readonly toRequest?: ((input: In) => RequestParts) | undefined;
  /** Turns the validated response body into the result. */
  readonly fromResponse?: ((body: never, input: In, response: HttpResponse) => Out) | undefined;
  /** The client reference a write can be looked up by (reported on `outcomeUnknown` errors). */
  readonly reference?: ((input: In) => string | undefined) | undefined;
  /**
   * For `reconcile` operations: finds the record the input would have created, with an exact
   * and complete search. `Ok(undefined)` means "certainly not there"; `Err` means "could not tell".
   */
  readonly reconcile?:
    | ((
        input: In,
        context: OperationContext,
        signal?: AbortSignal,
      ) => Promise<Result<Out | undefined, PaymentsError>>)
    | undefined;
  /** Set on list operations: how pages follow each other. */
  readonly paging?: PagingDefinition<In, Out, Item> | undefined;
  /**
   * `read` or `write`; by default GET is a read and every other method a write. A read sent
   * as POST (a search) says `read`, so a lost answer is never reported as "outcome unknown".
   */
  readonly effect?: 'read' | 'write' | undefined;
  /**
   * A business rule checked after validation and before anything is sent (Paya's ACH WEB
   * partial refund). Returns the error that refuses the call, or `undefined` to go on.
   */
  readonly guard?:
    | ((
        input: In,
        context: OperationContext,
      ) => Promise<PaymentsError | undefined> | PaymentsError | undefined)
    | undefined;
  /**
   * Asked when the call failed: returns another way to the same answer (PayConnect's
   * get-by-id through search when the direct route answers 401), or `undefined` to keep the error.
   */
  readonly fallback?:
    | ((
        input: In,
        error: PaymentsError,
        context: OperationContext,
      ) => Promise<Result<Out, PaymentsError>> | undefined)
    | undefined;
}

/** An operation with any types (for catalogues). */
export type AnyOperation<In = any, Out = any> = Operation<string, In, Out, any, any, any>;

/** The input a caller passes to an operation (before schema defaults). */
export type OperationInput<Op> =
  Op extends Operation<string, any, any, infer Shape, any, any> ? Shape : never;

/** The result an operation resolves to. */
export type OperationOutput<Op> = Op extends Operation<string, any, infer Out, any, any, any> ? Out : never;

/** The record type of a list operation. */
export type OperationItem<Op> = Op extends Operation<string, any, any, any, infer Item, any> ? Item : never;
