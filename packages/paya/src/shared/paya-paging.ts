import type { PagingDefinition } from '@payweave/core';
import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';

/** The `meta` block of every Paya list. `currentPage` is not trusted (0- or 1-based). */
export const listMeta = lazySchema(() =>
  z.looseObject({
    pagination: z.looseObject({
      totalCount: z.number(),
      pageCount: z.number(),
      currentPage: z.optional(z.nullable(z.number())),
      perPage: z.optional(z.nullable(z.number())),
      links: z.optional(z.unknown()),
    }),
    sort: z.optional(z.unknown()),
  }),
);

/** The `meta` block of a Paya list. */
export type ListMeta = z.output<typeof listMeta>;

/** One page of a Paya list: the records under the plural name, plus `meta`. */
export interface ListPage<Item> {
  /** The records of this page. */
  readonly items: readonly Item[];
  /** Paging information as Paya sent it. */
  readonly meta: ListMeta;
}

/**
 * Paging of every Paya list: the next page is the one after the page we asked for,
 * until `pageCount` (the position is computed from our own request, never from Paya's
 * inconsistent `currentPage`), and never past `totalCount` records: a `pageCount` of a
 * billion over twenty records ends after twenty. A page that repeats the previous one, or a
 * total that announces more pages than `maxPages`, is stopped by core's page walk.
 */
export function payaPaging<In extends { page?: number | undefined }, Item>(): PagingDefinition<
  In,
  ListPage<Item>,
  Item
> {
  return {
    items: (output) => output.items,
    next: (input, output, state) => {
      const page = input.page ?? 1;
      const { pageCount, totalCount } = output.meta.pagination;
      if (state.itemCount >= totalCount) return undefined;
      return page < pageCount ? { ...input, page: page + 1 } : undefined;
    },
    totalCount: (output) => output.meta.pagination.totalCount,
  };
}
