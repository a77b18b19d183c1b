import { Ok } from 'ts-results-es';
import { describe, expect, it } from 'vitest';
import { PaymentsError } from '../errors/payments-error.js';
import { defaultMaxPages, PageIterator, type PageLoader, PageWalkGuard } from './page-iterator.js';

function numbers(
  total: number,
  pageSize: number,
  calls: number[] = [],
): PageLoader<{ n: number; pad: string }, number> {
  return async (offset) => {
    calls.push(offset);
    const items = Array.from({ length: Math.min(pageSize, total - offset) }, (_, index) => ({
      n: offset + index,
      pad: 'x'.repeat(200),
    }));
    return Ok({
      page: { items, totalCount: total },
      next: offset + pageSize < total ? offset + pageSize : undefined,
    });
  };
}

describe('PageIterator', () => {
  it('walks 10,000 items across pages in order with flat memory', async () => {
    const iterator = new PageIterator(0, numbers(10_000, 100));
    let expected = 0;
    const heap: number[] = [];
    for await (const item of iterator) {
      expect(item.n).toBe(expected);
      expected += 1;
      if (expected % 2_000 === 0) heap.push(process.memoryUsage().heapUsed);
    }
    expect(expected).toBe(10_000);
    // Items are not retained: the heap after 10,000 records is not 10,000 records bigger (~2 MB of padding).
    const growth = (heap.at(-1) ?? 0) - (heap[0] ?? 0);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  });

  it('stops fetching when the consumer breaks early (only the prefetched page follows)', async () => {
    const calls: number[] = [];
    const iterator = new PageIterator(0, numbers(10_000, 100, calls));
    let seen = 0;
    for await (const _item of iterator) {
      seen += 1;
      if (seen === 150) break;
    }
    expect(calls).toEqual([0, 100, 200]);
  });

  it('without prefetch fetches only what is consumed', async () => {
    const calls: number[] = [];
    const iterator = new PageIterator(0, numbers(10_000, 100, calls), { prefetch: false });
    const first = await iterator.toArray({ limit: 150 });
    expect(first.unwrap()).toHaveLength(150);
    expect(calls).toEqual([0, 100]);
  });

  it('prefetches the next page while the current one is processed', async () => {
    const calls: number[] = [];
    const iterator = new PageIterator(0, numbers(300, 100, calls));
    const pages = iterator.pages();
    const first = await pages.next();
    expect(first.value?.pageNumber).toBe(1);
    expect(calls).toEqual([0, 100]);
    await pages.return(undefined);
  });

  it('pages() reports page numbers, totals and hasMore; toArray needs a limit and returns errors as Err', async () => {
    const pages = [];
    for await (const page of new PageIterator(0, numbers(250, 100)).pages())
      pages.push([page.pageNumber, page.items.length, page.hasMore, page.totalCount]);
    expect(pages).toEqual([
      [1, 100, true, 250],
      [2, 100, true, 250],
      [3, 50, false, 250],
    ]);
    expect((await new PageIterator(0, numbers(10, 5)).toArray({ limit: -1 })).unwrapErr().code).toBe(
      'validation',
    );
    const failing = new PageIterator<number, number>(
      0,
      async () =>
        ({
          isErr: () => true,
          isOk: () => false,
          error: new PaymentsError({ code: 'network', message: 'down' }),
        }) as never,
    );
    expect((await failing.toArray({ limit: 5 })).unwrapErr().code).toBe('network');
    await expect(async () => {
      for await (const _ of failing) {
        // never reached
      }
    }).rejects.toThrow('down');
  });

  it('map transforms every record lazily', async () => {
    const calls: number[] = [];
    const mapped = new PageIterator(0, numbers(30, 10, calls)).map((item) => item.n * 2);
    expect(calls).toEqual([]);
    expect((await mapped.toArray({ limit: 12 })).unwrap()).toEqual(
      Array.from({ length: 12 }, (_, index) => index * 2),
    );
  });
});

/** A hostile loader: `answer` decides each page from the cursor it was asked with; every call is counted. */
function hostile<Cursor>(
  answer: (
    cursor: Cursor,
    call: number,
  ) => { items: unknown[]; totalCount?: number; next: Cursor | undefined },
) {
  const calls: Cursor[] = [];
  const load: PageLoader<unknown, Cursor> = async (cursor) => {
    calls.push(cursor);
    const { items, totalCount, next } = answer(cursor, calls.length);
    return Ok({ page: { items, totalCount }, next });
  };
  return { load, calls };
}

async function walkError(iterator: PageIterator<unknown, never>): Promise<PaymentsError> {
  const items: unknown[] = [];
  try {
    for await (const item of iterator) items.push(item);
  } catch (error) {
    expect(error).toBeInstanceOf(PaymentsError);
    return error as PaymentsError;
  }
  return expect.fail(`the walk ended without an error after ${items.length} items`);
}

const records = (from: number, count = 3) =>
  Array.from({ length: count }, (_, index) => ({ id: from + index }));

describe.each([{ prefetch: true }, { prefetch: false }])(
  'PageIterator never walks forever (prefetch $prefetch)',
  ({ prefetch }) => {
    it('a page that repeats the previous one stops the walk at the second request', async () => {
      // The provider ignores the page asked for and answers page 1 forever.
      const { load, calls } = hostile<number>((page) => ({ items: records(1), next: page + 1 }));
      const error = await walkError(new PageIterator(1, load, { prefetch }) as never);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toBe('page walk: page 2 repeats page 1 (the same records); the walk stopped.');
      expect(calls).toEqual([1, 2]);
    });

    it('a next cursor equal to the current one stops the walk before asking again', async () => {
      const { load, calls } = hostile<string>((cursor, call) => ({
        items: records(call * 10),
        next: cursor,
      }));
      const error = await walkError(new PageIterator('c1', load, { prefetch, cursorKey: (c) => c }) as never);
      expect(error.code).toBe('invalid_response');
      expect(error.message).toMatch(/page 1 leads to itself/);
      expect(calls).toEqual(['c1']);
    });

    it('a cursor that goes back to one already walked stops the walk', async () => {
      const cycle: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
      const { load, calls } = hostile<string>((cursor, call) => ({
        items: records(call * 10),
        next: cycle[cursor],
      }));
      const error = await walkError(new PageIterator('a', load, { prefetch, cursorKey: (c) => c }) as never);
      expect(error.message).toMatch(/page 3 leads back to page 1/);
      expect(calls).toEqual(['a', 'b', 'c']);
    });

    it('without cursorKey an opaque cursor (the same object each time) is not taken for no progress', async () => {
      const walker = { id: 'generator-like' };
      const { load, calls } = hostile<typeof walker>((_cursor, call) => ({
        items: records(call * 10),
        next: call < 4 ? walker : undefined,
      }));
      const collected = await new PageIterator(walker, load, { prefetch }).toArray({ limit: 100 });
      expect(collected.unwrap()).toHaveLength(12);
      expect(calls).toHaveLength(4);
    });

    it('a page without records ends the walk even when the provider says more follow', async () => {
      const { load, calls } = hostile<number>((page) => ({ items: [], totalCount: 1e9, next: page + 1 }));
      const pages = [];
      for await (const page of new PageIterator(1, load, { prefetch }).pages()) pages.push(page);
      expect(pages).toEqual([{ items: [], totalCount: 1e9, pageNumber: 1, hasMore: false }]);
      expect(calls).toEqual([1]);
    });

    it('an absurd total (more pages than maxPages) stops after the first page, which is still delivered', async () => {
      const { load, calls } = hostile<number>((page) => ({
        items: records(page * 10),
        totalCount: 1e9,
        next: page + 1,
      }));
      const iterator = new PageIterator(1, load, { prefetch });
      const seen: unknown[] = [];
      const error = await (async () => {
        try {
          for await (const item of iterator) seen.push(item);
        } catch (caught) {
          return caught as PaymentsError;
        }
        return undefined;
      })();
      expect(seen).toEqual(records(10));
      expect(error?.code).toBe('invalid_response');
      expect(error?.message).toBe(
        'page walk: the provider announces 1000000000 records, 333333334 pages of 3, more than maxPages (10000); the walk stopped after page 1 (narrow the query or raise maxPages).',
      );
      expect(calls).toEqual([1]);
      // A caller who wants only the first records still gets them.
      expect((await iterator.toArray({ limit: 2 })).unwrap()).toEqual(records(10, 2));
    });

    it('an infinite total (1e999 in JSON) is absurd too; a plausible total is not', async () => {
      const infinite = hostile<number>((page) => ({
        items: records(page * 10),
        totalCount: Infinity,
        next: page + 1,
      }));
      expect((await walkError(new PageIterator(1, infinite.load, { prefetch }) as never)).message).toMatch(
        /announces Infinity records/,
      );
      expect(infinite.calls).toEqual([1]);
      const plausible = hostile<number>((page) => ({
        items: records(page * 10),
        totalCount: 9,
        next: page < 3 ? page + 1 : undefined,
      }));
      expect(
        (await new PageIterator(1, plausible.load, { prefetch }).toArray({ limit: 100 })).unwrap(),
      ).toHaveLength(9);
    });

    it('maxPages bounds a walk whose every page looks new: exactly maxPages requests, then an error', async () => {
      const { load, calls } = hostile<number>((page) => ({ items: records(page * 10), next: page + 1 }));
      const result = await new PageIterator(1, load, { prefetch, maxPages: 5 }).toArray({ limit: 1_000 });
      const error = result.unwrapErr();
      expect(error.code).toBe('invalid_response');
      expect(error.message).toBe(
        'page walk: the walk read maxPages (5) pages and the provider announces more; it stopped (narrow the query or raise maxPages).',
      );
      expect(calls).toEqual([1, 2, 3, 4, 5]);
    });

    it('a total within maxPages walks to the end; one page over is refused after page 1', async () => {
      const pagesOf = (total: number) =>
        hostile<number>((page) => ({
          items: records(page * 10, Math.min(3, total - (page - 1) * 3)),
          totalCount: total,
          next: page * 3 < total ? page + 1 : undefined,
        }));
      const fits = pagesOf(15);
      expect(
        (await new PageIterator(1, fits.load, { prefetch, maxPages: 5 }).toArray({ limit: 100 })).unwrap(),
      ).toHaveLength(15);
      expect(fits.calls).toHaveLength(5);
      const over = pagesOf(16);
      const error = (
        await new PageIterator(1, over.load, { prefetch, maxPages: 5 }).toArray({ limit: 100 })
      ).unwrapErr();
      expect(error.message).toMatch(/announces 16 records, 6 pages of 3, more than maxPages \(5\)/);
      expect(over.calls).toEqual([1]);
    });

    it('maxPages must be a positive integer or Infinity; Infinity lifts the bound', async () => {
      for (const maxPages of [0, -1, 1.5, Number.NaN, '10' as unknown as number]) {
        const { load, calls } = hostile<number>(() => ({ items: records(1), next: undefined }));
        const error = (
          await new PageIterator(1, load, { prefetch, maxPages }).toArray({ limit: 5 })
        ).unwrapErr();
        expect(error.code).toBe('validation');
        expect(error.message).toMatch(/maxPages must be a positive integer or Infinity/);
        expect(calls).toEqual([]);
      }
      const { load, calls } = hostile<number>((page) => ({
        items: records(page * 10),
        totalCount: 1e9,
        next: page + 1,
      }));
      const many = await new PageIterator(1, load, { prefetch, maxPages: Infinity }).toArray({ limit: 30 });
      expect(many.unwrap()).toHaveLength(30);
      expect(calls.length).toBeGreaterThanOrEqual(10);
    });

    it('stopError names the operation; map keeps the checks', async () => {
      const { load, calls } = hostile<number>((page) => ({ items: records(1), next: page + 1 }));
      const iterator = new PageIterator(1, load, {
        prefetch,
        stopError: (code, detail) =>
          new PaymentsError({ code, message: `payconnect.invoices.search: ${detail}` }),
      }).map((item) => ({ ...(item as object), seen: true }));
      const error = await walkError(iterator as never);
      expect(error.message).toBe(
        'payconnect.invoices.search: page 2 repeats page 1 (the same records); the walk stopped.',
      );
      expect(calls).toEqual([1, 2]);
    });
  },
);

describe('PageWalkGuard', () => {
  it('compares pages by size and first and last record, and remembers cursors as hashes', () => {
    const guard = new PageWalkGuard<{ page: number }>(defaultMaxPages, (cursor) => JSON.stringify(cursor));
    guard.begin({ page: 1 });
    expect(guard.repeats(1, [{ id: 1 }, { id: 2 }])).toBeUndefined();
    expect(guard.repeats(2, [{ id: 1 }, { id: 9 }, { id: 2 }])).toBeUndefined();
    expect(guard.repeats(3, [{ id: 1 }, { id: 9 }, { id: 2 }])).toMatch(/page 3 repeats page 2/);
    expect(guard.revisits(1, { page: 2 })).toBeUndefined();
    expect(guard.revisits(2, { page: 1 })).toMatch(/page 2 leads back to page 1/);
    // A record that cannot be printed (a BigInt) is never taken for a repeat.
    expect(guard.repeats(4, [{ id: 1n }])).toBeUndefined();
    expect(guard.repeats(5, [{ id: 1n }])).toBeUndefined();
    expect(defaultMaxPages).toBe(10_000);
  });
});
