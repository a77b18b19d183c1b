import {
  Err,
  Ok,
  type Page,
  PageIterator,
  PaymentsError,
  type Result,
  type ResultPromise,
  type ResultWithResponse,
} from '@payweave/core';
import { failingIterator } from './unsupported.js';

/**
 * What anything thrown inside a facade call becomes. The thrown error is kept as `cause`
 * (never serialised); its message is not copied, as it was not built to be redacted.
 */
export function unexpectedError(where: string, error: unknown, provider?: string): PaymentsError {
  if (error instanceof PaymentsError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new PaymentsError({
    code: 'provider_error',
    provider,
    operation: where,
    message: `${where}: the call failed unexpectedly (${name} thrown); nothing more is known about its outcome.`,
    cause: error,
  });
}

/** A method's promise that resolves to `Err` instead of rejecting. */
export function guardResult<T>(
  promise: PromiseLike<Result<T, PaymentsError>>,
  where: string,
  provider?: string,
): Promise<Result<T, PaymentsError>> {
  return Promise.resolve(promise).then(
    (result) => result,
    (error: unknown) => Err(unexpectedError(where, error, provider)),
  );
}

/**
 * {@link guardResult} for a provider method's `ResultPromise`: the facade's `execute` keeps
 * `withResponse()` working, and a failure found before calling the provider answers it too.
 */
export function guardResultPromise<T>(
  source: PromiseLike<Result<T, PaymentsError>> & { withResponse?: () => PromiseLike<ResultWithResponse<T>> },
  where: string,
  provider?: string,
): ResultPromise<T> {
  const result = guardResult(source, where, provider);
  const withResponse = async (): Promise<ResultWithResponse<T>> => {
    if (typeof source.withResponse !== 'function') return { result: await result, response: undefined };
    try {
      return await source.withResponse();
    } catch (error) {
      return { result: Err(unexpectedError(where, error, provider)), response: undefined };
    }
  };
  return Object.assign(result, { withResponse });
}

type Walk<T> = AsyncGenerator<Page<T>, void, undefined>;

/**
 * The same pages as `source`, except that anything it throws while walking (a mapping
 * bug, a loader that rejected) arrives as a {@link PaymentsError}, as core's page
 * iterators report failures: thrown by `for await`, `Err` from `toArray` / `firstPage`.
 * Pages are pulled from `source` one at a time (its own prefetch still runs), and a walk
 * that stops early stops `source` too.
 */
export function guardPages<T>(source: PageIterator<T>, where: string, provider?: string): PageIterator<T> {
  return new PageIterator<T, unknown>(
    undefined,
    async (cursor, _pageNumber, signal) => {
      try {
        let walk = cursor as Walk<T> | undefined;
        if (walk === undefined) {
          const started = source.pages();
          walk = started;
          signal.addEventListener(
            'abort',
            () => {
              started.return(undefined).catch(() => undefined);
            },
            { once: true },
          );
        }
        const step = await walk.next();
        if (step.done) return Ok({ page: { items: [] }, next: undefined });
        const { items, totalCount, hasMore } = step.value;
        return Ok({ page: { items, totalCount }, next: hasMore ? walk : undefined });
      } catch (error) {
        return Err(unexpectedError(where, error, provider));
      }
    },
    // The provider's own iterator bounds the walk (and honours the caller's maxPages).
    { prefetch: false, maxPages: Number.POSITIVE_INFINITY },
  );
}

/** Where a walk across providers stands: the provider, and its own walk once started. */
interface ChainCursor<T> {
  readonly index: number;
  readonly walk?: Walk<T> | undefined;
}

/**
 * One page iterator over several providers' lists, walked one after the other in the order
 * given: every page of the first provider, then of the second, and so on. A provider's list
 * is opened only when the walk reaches it; an empty provider is passed over. The first
 * failure ends the walk with that provider's {@link PaymentsError} (nothing is skipped
 * silently); anything thrown becomes one too. Each provider's own iterator bounds its walk
 * (and honours the caller's `maxPages` and `prefetch`); the pages carry no `totalCount`, as
 * no provider knows the total of the others.
 */
export function chainPages<T>(
  sources: readonly { readonly provider: string; readonly open: () => PageIterator<T> }[],
  where: string,
): PageIterator<T> {
  const first: ChainCursor<T> = { index: 0 };
  return new PageIterator<T, unknown>(
    first,
    async (at, _pageNumber, signal) => {
      const cursor = at as ChainCursor<T>;
      let index = cursor.index;
      let walk = cursor.walk;
      try {
        while (index < sources.length) {
          if (walk === undefined) {
            const started = (sources[index] as (typeof sources)[number]).open().pages();
            walk = started;
            signal.addEventListener(
              'abort',
              () => {
                started.return(undefined).catch(() => undefined);
              },
              { once: true },
            );
          }
          const step = await walk.next();
          if (!step.done && step.value.items.length > 0) {
            if (step.value.hasMore) return Ok({ page: { items: step.value.items }, next: { index, walk } });
            walk.return(undefined).catch(() => undefined);
            const next = index + 1 < sources.length ? { index: index + 1 } : undefined;
            return Ok({ page: { items: step.value.items }, next });
          }
          if (!step.done) walk.return(undefined).catch(() => undefined);
          index += 1;
          walk = undefined;
        }
        return Ok({ page: { items: [] }, next: undefined });
      } catch (error) {
        return Err(unexpectedError(where, error, sources[index]?.provider));
      }
    },
    { prefetch: false, maxPages: Number.POSITIVE_INFINITY },
  );
}

/**
 * A failed call whose shape is not known (an id that names no operation): a page
 * iterator that fails on first use, and also a thenable that resolves to the same `Err`,
 * so both `await pw.execute(id, input)` and `pw.execute(id, input).toArray(...)` get a
 * `PaymentsError` rather than a `TypeError`.
 */
export function failedCall(
  error: PaymentsError,
): PageIterator<never> & PromiseLike<Result<never, PaymentsError>> {
  const iterator = failingIterator<never>(error);
  const settled: Promise<Result<never, PaymentsError>> = Promise.resolve(Err(error));
  Object.defineProperty(iterator, 'then', {
    value: settled.then.bind(settled),
    enumerable: false,
  });
  // `execute(id).withResponse()` answers too, whatever kind of operation the bad id named.
  Object.defineProperty(iterator, 'withResponse', {
    value: async (): Promise<ResultWithResponse<never>> => ({ result: await settled, response: undefined }),
    enumerable: false,
  });
  return iterator as PageIterator<never> & PromiseLike<Result<never, PaymentsError>>;
}
