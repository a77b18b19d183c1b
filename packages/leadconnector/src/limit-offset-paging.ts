import type { PagingDefinition } from '@payweave/core';

interface PagedInput {
  [key: string]: unknown;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * LeadConnector's `limit` / `offset` paging behind the core iterator: the next page
 * starts where this one ended; the walk stops at `totalCount` when the API gives one,
 * and otherwise at a short or empty page.
 */
export function limitOffsetPaging<In extends PagedInput, Out, Item>(
  items: (output: Out) => readonly Item[],
  totalCount?: (output: Out) => number | undefined,
): PagingDefinition<In, Out, Item> {
  return {
    items,
    next: (input, output) => {
      const count = items(output).length;
      const nextOffset = (input.offset ?? 0) + count;
      const total = totalCount?.(output);
      if (total !== undefined && nextOffset >= total) return undefined;
      if (input.limit !== undefined && count < input.limit) return undefined;
      return { ...input, offset: nextOffset };
    },
    ...(totalCount ? { totalCount } : {}),
  };
}
