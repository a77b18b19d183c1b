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

/**
 * The most pages one walk fetches unless told otherwise: at 100 records a page, a million
 * records. A walk that needs more stops with an `invalid_response` error naming the bound.
 */
export const defaultMaxPages = 10_000;

/** Options of {@link PageIterator}. */
export interface PageIteratorOptions<Cursor = unknown> {
  /** Fetch the next page while the current one is consumed (default true). */
  prefetch?: boolean | undefined;
  /** Stops the walk. */
  signal?: AbortSignal | undefined;
  /**
   * The most pages one walk fetches (default {@link defaultMaxPages}, 10,000): a positive
   * integer, or `Infinity` for an iterator over a source that bounds itself. The walk stops
   * with an `invalid_response` error before fetching page `maxPages + 1`, and after the first
   * page already when the provider's announced total needs more pages than that
   * (`totalCount` / records per page), so an absurd announcement costs one request.
   */
  maxPages?: number | undefined;
  /**
   * A comparable key of a cursor (list operations: the JSON of the page input). When given,
   * a next cursor equal to the current one, or to any cursor already walked, stops the walk
   * with an `invalid_response` error. Leave it out for cursors that are not plain data.
   */
  cursorKey?: ((cursor: Cursor) => string | undefined) | undefined;
  /**
   * Builds the error that stops a walk (list operations name the operation and redact);
   * by default a {@link PaymentsError} whose message starts with `page walk:`.
   */
  stopError?: ((code: 'invalid_response' | 'validation', detail: string) => PaymentsError) | undefined;
}

/** JSON of a value, or `undefined` when it has none (a cycle, a BigInt). */
export function jsonKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

// cyrb53: walked cursors are remembered as 53-bit hashes, so a long walk over large filters
// keeps numbers, not the filters' text.
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// A page is told from the previous one by its size and its first and last records: cheap, and
// a provider that answers the same page again (it ignores the page asked for) is caught at once.
function pageKey(items: readonly unknown[]): string | undefined {
  if (items.length === 0) return undefined;
  const first = jsonKey(items[0]);
  const last = jsonKey(items[items.length - 1]);
  return first === undefined || last === undefined ? undefined : `${items.length}\u0000${first}\u0000${last}`;
}

/** Whether `maxPages` is usable: a positive integer or `Infinity`. */
export function isValidMaxPages(maxPages: unknown): maxPages is number {
  return (
    maxPages === Number.POSITIVE_INFINITY || (Number.isSafeInteger(maxPages) && (maxPages as number) > 0)
  );
}

/**
 * The checks that keep a page walk finite, shared by {@link PageIterator} and the reconcile
 * lookups: a page that repeats the previous one, a next cursor already walked, more pages than
 * `maxPages`, and a provider total that announces more. Each check returns what is wrong (a
 * sentence without the operation prefix), or `undefined`.
 */
export class PageWalkGuard<Cursor = unknown> {
  readonly maxPages: number;
  readonly #cursorKey: ((cursor: Cursor) => string | undefined) | undefined;
  readonly #walked = new Map<number, number>();
  #previousPage: string | undefined;
  #pageSize = 0;

  constructor(maxPages: number, cursorKey?: ((cursor: Cursor) => string | undefined) | undefined) {
    this.maxPages = maxPages;
    this.#cursorKey = cursorKey;
  }

  #key(cursor: Cursor): number | undefined {
    const key = this.#cursorKey?.(cursor);
    return key === undefined ? undefined : hash53(key);
  }

  /** Records the cursor of page 1. */
  begin(first: Cursor): void {
    const key = this.#key(first);
    if (key !== undefined) this.#walked.set(key, 1);
  }

  /** Page `pageNumber` holds the same records as the page before it. */
  repeats(pageNumber: number, items: readonly unknown[]): string | undefined {
    const key = pageKey(items);
    const previous = this.#previousPage;
    this.#previousPage = key;
    return key !== undefined && key === previous
      ? `page ${pageNumber} repeats page ${pageNumber - 1} (the same records); the walk stopped.`
      : undefined;
  }

  /** The cursor of page `pageNumber + 1` is one already walked. */
  revisits(pageNumber: number, next: Cursor): string | undefined {
    const key = this.#key(next);
    if (key === undefined) return undefined;
    const seen = this.#walked.get(key);
    if (seen === pageNumber)
      return `page ${pageNumber} leads to itself (the next page's request is the same as this page's); the walk stopped.`;
    if (seen !== undefined)
      return `page ${pageNumber} leads back to page ${seen} (the next page's request was already sent); the walk stopped.`;
    this.#walked.set(key, pageNumber + 1);
    return undefined;
  }

  /** Page `pageNumber + 1` would be beyond `maxPages`, or the provider's total announces more pages than that. */
  exceeds(pageNumber: number, itemCount: number, totalCount: number | undefined): string | undefined {
    if (pageNumber >= this.maxPages)
      return `the walk read maxPages (${this.maxPages}) pages and the provider announces more; it stopped (narrow the query or raise maxPages).`;
    this.#pageSize = Math.max(this.#pageSize, itemCount);
    if (typeof totalCount !== 'number' || Number.isNaN(totalCount) || this.#pageSize === 0) return undefined;
    const pages = Math.ceil(totalCount / this.#pageSize);
    return pages > this.maxPages
      ? `the provider announces ${totalCount} records, ${pages} pages of ${this.#pageSize}, more than maxPages (${this.maxPages}); the walk stopped after page ${pageNumber} (narrow the query or raise maxPages).`
      : undefined;
  }

  /** Why page `pageNumber + 1` must not be fetched, or `undefined`. */
  refuseNext(
    pageNumber: number,
    next: Cursor,
    page: { readonly items: readonly unknown[]; readonly totalCount?: number | undefined },
  ): string | undefined {
    return this.revisits(pageNumber, next) ?? this.exceeds(pageNumber, page.items.length, page.totalCount);
  }
}

function defaultStopError(code: 'invalid_response' | 'validation', detail: string): PaymentsError {
  return new PaymentsError({ code, message: `page walk: ${detail}` });
}

/**
 * Walks every record of a list, page by page, with at most two pages in memory.
 * Iterating throws a {@link PaymentsError} when a page fails; `toArray` and `firstPage`
 * return a `Result` instead.
 *
 * Every walk is finite: a page with no records ends it, and it stops with an
 * `invalid_response` error when a page repeats the previous one, when a next cursor was
 * already walked (with `cursorKey`), after `maxPages` pages (default 10,000), or after the
 * first page when the provider's total announces more pages than `maxPages`.
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
  readonly #options: PageIteratorOptions<Cursor>;

  /** Made by list methods; you rarely build one yourself. */
  constructor(first: Cursor, load: PageLoader<T, Cursor>, options: PageIteratorOptions<Cursor> = {}) {
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
    const stop = this.#options.stopError ?? defaultStopError;
    const maxPages = this.#options.maxPages ?? defaultMaxPages;
    if (!isValidMaxPages(maxPages))
      throw stop('validation', `maxPages must be a positive integer or Infinity (got ${String(maxPages)}).`);
    const guard = new PageWalkGuard<Cursor>(maxPages, this.#options.cursorKey);
    const controller = new AbortController();
    const outer = this.#options.signal;
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const prefetch = this.#options.prefetch ?? true;
    try {
      let pageNumber = 1;
      guard.begin(this.#first);
      let pending: ReturnType<PageLoader<T, Cursor>> | undefined = this.#load(
        this.#first,
        pageNumber,
        controller.signal,
      );
      while (pending) {
        const result: Awaited<ReturnType<PageLoader<T, Cursor>>> = await pending;
        pending = undefined;
        if (result.isErr()) throw result.error;
        const { page, next }: { page: Omit<Page<T>, 'hasMore' | 'pageNumber'>; next: Cursor | undefined } =
          result.value;
        const repeated = guard.repeats(pageNumber, page.items);
        if (repeated !== undefined) throw stop('invalid_response', repeated);
        // A page without records ends the walk, whatever the provider says follows.
        const following = page.items.length === 0 ? undefined : next;
        const refused = following === undefined ? undefined : guard.refuseNext(pageNumber, following, page);
        const nextNumber = pageNumber + 1;
        // A refused page is never requested: the walk yields this page, then throws.
        const loadNext = (): ReturnType<PageLoader<T, Cursor>> | undefined =>
          following === undefined
            ? undefined
            : refused !== undefined
              ? Promise.resolve(Err(stop('invalid_response', refused)))
              : this.#load(following, nextNumber, controller.signal);
        if (prefetch) pending = loadNext();
        yield { ...page, pageNumber, hasMore: following !== undefined };
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
