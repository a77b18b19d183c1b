import { Err, Ok, type Result } from 'ts-results-es';
import { PaymentsError } from '../errors/payments-error.js';

/** One page of a list. */
export interface Page<T> {
  /** The records on this page. */
  readonly items: readonly T[];
  /** 1-based page number, counted by the SDK (not the provider's `currentPage`). */
  readonly pageNumber: number;
  /** The total number of records, when the provider says. */
  readonly totalCount?: number | undefined;
  /** Whether another page follows. */
  readonly hasMore: boolean;
}

/** Loads a page for a cursor; resolves `next` as the following page's cursor. Never rejects. */
export type PageLoader<T, Cursor> = (
  cursor: Cursor,
  pageNumber: number,
  signal: AbortSignal,
) => Promise<
  Result<{ page: Omit<Page<T>, 'hasMore' | 'pageNumber'>; next: Cursor | undefined }, PaymentsError>
>;

/** Options of {@link PageIterator}. */
export interface PageIteratorOptions {
  /** Fetch the next page while the current one is consumed (default true). */
  prefetch?: boolean | undefined;
  /** Stops the walk. */
  signal?: AbortSignal | undefined;
}

/**
 * Walks every record of a list, page by page, with at most two pages in memory.
 * Iterating throws a {@link PaymentsError} when a page fails; `toArray` and `firstPage`
 * return a `Result` instead.
 *
 * @example
 * ```ts
 * for await (const transaction of paya.transactions.list({ status_id: [101] })) {
 *   console.log(transaction.id);
 * }
 * const firstHundred = await paya.transactions.list().toArray({ limit: 100 });
 * ```
 */
export class PageIterator<T, Cursor = unknown> implements AsyncIterable<T> {
  readonly #load: PageLoader<T, Cursor>;
  readonly #first: Cursor;
  readonly #options: PageIteratorOptions;

  /** Made by list methods; you rarely build one yourself. */
  constructor(first: Cursor, load: PageLoader<T, Cursor>, options: PageIteratorOptions = {}) {
    this.#first = first;
    this.#load = load;
    this.#options = options;
  }

  /**
   * A new iterator over the same pages with each record transformed (the facade's unified
   * views are built this way); nothing is fetched until it is iterated.
   */
  map<U>(transform: (item: T) => U): PageIterator<U, Cursor> {
    const load = this.#load;
    return new PageIterator<U, Cursor>(
      this.#first,
      async (cursor, pageNumber, signal) => {
        const result = await load(cursor, pageNumber, signal);
        return result.map(({ page, next }) => ({
          page: { ...page, items: page.items.map(transform) },
          next,
        }));
      },
      this.#options,
    );
  }

  /** Yields whole pages. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const controller = new AbortController();
    const outer = this.#options.signal;
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const prefetch = this.#options.prefetch ?? true;
    try {
      let pageNumber = 1;
      let pending: ReturnType<PageLoader<T, Cursor>> | undefined = this.#load(
        this.#first,
        pageNumber,
        controller.signal,
      );
      while (pending) {
        const result: Awaited<ReturnType<PageLoader<T, Cursor>>> = await pending;
        if (result.isErr()) throw result.error;
        const { page, next }: { page: Omit<Page<T>, 'hasMore' | 'pageNumber'>; next: Cursor | undefined } =
          result.value;
        pending = undefined;
        const nextNumber = pageNumber + 1;
        const loadNext = (): ReturnType<PageLoader<T, Cursor>> | undefined =>
          next === undefined ? undefined : this.#load(next, nextNumber, controller.signal);
        if (prefetch) pending = loadNext();
        yield { ...page, pageNumber, hasMore: next !== undefined };
        if (!prefetch) pending = loadNext();
        pageNumber = nextNumber;
      }
    } finally {
      // A consumer that stops early must not leave a prefetch running.
      controller.abort(new DOMException('The page walk ended.', 'AbortError'));
      outer?.removeEventListener('abort', onAbort);
    }
  }

  /** Yields every record of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** The first page only. */
  async firstPage(): Promise<Result<Page<T>, PaymentsError>> {
    try {
      for await (const page of new PageIterator(this.#first, this.#load, {
        ...this.#options,
        prefetch: false,
      }).pages()) {
        return Ok(page);
      }
      return Ok({ items: [], pageNumber: 1, hasMore: false });
    } catch (error) {
      return Err(toPaymentsError(error));
    }
  }

  /** Collects records up to `limit` (required, so a huge list is never loaded by accident). */
  async toArray(options: { limit: number }): Promise<Result<T[], PaymentsError>> {
    if (!Number.isInteger(options.limit) || options.limit < 0) {
      return Err(
        new PaymentsError({
          code: 'validation',
          message: 'toArray: limit must be a non-negative integer.',
          fieldErrors: { limit: ['must be a non-negative integer'] },
        }),
      );
    }
    const items: T[] = [];
    if (options.limit === 0) return Ok(items);
    try {
      for await (const item of this) {
        items.push(item);
        if (items.length >= options.limit) break;
      }
      return Ok(items);
    } catch (error) {
      return Err(toPaymentsError(error));
    }
  }
}

function toPaymentsError(error: unknown): PaymentsError {
  return error instanceof PaymentsError
    ? error
    : new PaymentsError({ code: 'provider_error', message: 'The page walk failed.', cause: error });
}
