import { Ok } from 'ts-results-es';
import { describe, expect, it } from 'vitest';
import { PaymentsError } from '../errors/payments-error.js';
import { PageIterator, type PageLoader } from './page-iterator.js';

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
