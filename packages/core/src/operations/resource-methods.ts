import type { PageIterator } from '../paging/page-iterator.js';
import type { CallOptions } from './call-options.js';
import type { AnyOperation, Operation } from './operation.js';
import type { ResultPromise } from './response-meta.js';

/** Operations grouped by resource: `{ transactions: { sale, void }, contacts: {...} }`. */
export type ResourceMap = Record<string, Record<string, AnyOperation>>;

type AllOptional<T> = {} extends T ? true : false;

/** What a method resolves to: a `Result`, or a page iterator for list operations. */
export type MethodResult<Op> =
  Op extends Operation<string, any, infer Out, any, infer Item, any>
    ? [Item] extends [never]
      ? ResultPromise<Out>
      : PageIterator<Item>
    : never;

/** The typed method derived from one operation. */
export type OperationMethod<Op> =
  Op extends Operation<string, any, any, infer Shape, any, infer Positional>
    ? [Positional] extends [never]
      ? AllOptional<Shape> extends true
        ? (input?: Shape, options?: CallOptions) => MethodResult<Op>
        : (input: Shape, options?: CallOptions) => MethodResult<Op>
      : Positional extends keyof Shape
        ? {
            (
              id: NonNullable<Shape[Positional]>,
              input?: Omit<Shape, Positional>,
              options?: CallOptions,
            ): MethodResult<Op>;
            (input: Shape, options?: CallOptions): MethodResult<Op>;
          }
        : never
    : never;

/** The methods of every resource of a {@link ResourceMap}. */
export type ResourceMethods<R extends ResourceMap> = {
  readonly [Resource in keyof R]: {
    readonly [Method in keyof R[Resource]]: OperationMethod<R[Resource][Method]>;
  };
};

/** Every operation of a {@link ResourceMap}, as a union. */
export type OperationsOf<R extends ResourceMap> = {
  [Resource in keyof R]: R[Resource][keyof R[Resource]];
}[keyof R];

/** The operation with id `Id`. */
export type OperationById<R extends ResourceMap, Id extends string> = Extract<
  OperationsOf<R>,
  { readonly id: Id }
>;
