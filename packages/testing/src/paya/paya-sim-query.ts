import { json } from '../simulator/sim-helpers.js';
import type { SimRequest, SimResponse } from '../simulator/sim-types.js';
import { toCents, validationError } from './paya-sim-errors.js';

/** How the fields of one record type are filtered. */
export interface FilterSpec<T> {
  /** Reads a field (amounts in cents, timestamps in unix seconds); `undefined` for an unknown field. */
  read: (record: T, field: string) => unknown;
  /** Fields matched as case-insensitive substrings. */
  text: ReadonlySet<string>;
  /** Unix-second fields that take named and custom ranges. */
  timestamps: ReadonlySet<string>;
  /** Fields read in cents (filter values are dollars). */
  amounts: ReadonlySet<string>;
}

const reserved = new Set(['page', 'page_size', 'sort', 'expand']);
const day = 86_400;

function startOfDay(now: number): number {
  return now - (now % day);
}

/** The `[from, to]` unix seconds of a named range, relative to `now` (UTC, weeks start Monday). */
export function namedRange(name: string, now: number): [number, number] | undefined {
  const today = startOfDay(now);
  const date = new Date(now * 1000);
  const weekday = (date.getUTCDay() + 6) % 7;
  const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
  const lastMonthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1) / 1000;
  switch (name) {
    case 'today':
      return [today, today + day - 1];
    case 'yesterday':
      return [today - day, today - 1];
    case 'this week':
      return [today - weekday * day, today + day - 1];
    case 'last week':
      return [today - (weekday + 7) * day, today - weekday * day - 1];
    case 'last 30 days':
      return [now - 30 * day, now];
    case 'this month':
      return [monthStart, today + day - 1];
    case 'last month':
      return [lastMonthStart, monthStart - 1];
    default:
      return undefined;
  }
}

type Predicate<T> = (record: T) => boolean;

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/**
 * Builds the filters of a list request from its query, with Paya's grammar: a comma is OR,
 * `a|b` a range, timestamps take named ranges or `custom` with `field_from` / `field_to`,
 * text fields match substrings. A bad value is a 422, as Paya answers.
 */
export function buildFilters<T>(
  query: URLSearchParams,
  spec: FilterSpec<T>,
  now: number,
): { predicates: Predicate<T>[] } | { error: SimResponse } {
  const predicates: Predicate<T>[] = [];
  for (const [field, value] of query) {
    if (reserved.has(field) || field.endsWith('_from') || field.endsWith('_to')) continue;
    const read = (record: T) => spec.read(record, field);
    const scale = (raw: string) => (spec.amounts.has(field) ? toCents(raw) : numberOf(raw));
    if (spec.timestamps.has(field) && !/^\d+$/.test(value) && !value.includes('|')) {
      let range = namedRange(value, now);
      if (value === 'custom') {
        const from = numberOf(query.get(`${field}_from`));
        const to = numberOf(query.get(`${field}_to`));
        if (from === undefined || to === undefined)
          return {
            error: validationError({
              [field]: [`${field}_from and ${field}_to are required for a custom range.`],
            }),
          };
        range = [from, to];
      }
      if (!range) return { error: validationError({ [field]: [`${field} is not a valid date range.`] }) };
      const [from, to] = range;
      predicates.push((record) => {
        const stamp = numberOf(read(record));
        return stamp !== undefined && stamp >= from && stamp <= to;
      });
    } else if (value.includes('|')) {
      const [low = '', high = ''] = value.split('|');
      const from = scale(low);
      const to = scale(high);
      if (from === undefined || to === undefined)
        return { error: validationError({ [field]: [`${field} range "${value}" is not valid.`] }) };
      predicates.push((record) => {
        const current = numberOf(read(record));
        return current !== undefined && current >= from && current <= to;
      });
    } else if (value.includes(',')) {
      const options = new Set(value.split(','));
      const amounts = spec.amounts.has(field)
        ? new Set(value.split(',').map((option) => toCents(option)))
        : undefined;
      predicates.push((record) => {
        const current = read(record);
        return amounts ? amounts.has(numberOf(current)) : options.has(String(current));
      });
    } else if (spec.text.has(field)) {
      const needle = value.toLowerCase();
      predicates.push((record) => {
        const current = read(record);
        return typeof current === 'string' && current.toLowerCase().includes(needle);
      });
    } else if (spec.amounts.has(field)) {
      const wanted = toCents(value);
      predicates.push((record) => numberOf(read(record)) === wanted);
    } else {
      predicates.push((record) => {
        const current = read(record);
        return current !== undefined && current !== null && String(current) === value;
      });
    }
  }
  return { predicates };
}

/** Reads and checks `page` / `page_size`. */
export function pageParameters(
  query: URLSearchParams,
): { page: number; pageSize: number } | { error: SimResponse } {
  const page = Number(query.get('page') ?? '1');
  const pageSize = Number(query.get('page_size') ?? '20');
  if (!Number.isInteger(page) || page < 1)
    return { error: validationError({ page: ['Page must be a positive integer.'] }) };
  if (!Number.isInteger(pageSize) || pageSize < 1)
    return { error: validationError({ page_size: ['Page Size must be a positive integer.'] }) };
  return { page, pageSize };
}

/**
 * Filters, sorts and pages records. Records are kept in creation order, so the default
 * `created_ts desc` order is read backwards without sorting (fast on 100,000 records).
 */
export function selectPage<T>(
  records: readonly T[],
  predicates: readonly Predicate<T>[],
  sort: string | null,
  read: (record: T, field: string) => unknown,
  page: number,
  pageSize: number,
): { items: T[]; total: number } {
  const start = (page - 1) * pageSize;
  if (predicates.length === 0 && !sort) {
    const items: T[] = [];
    const first = records.length - 1 - start;
    for (let index = first; index >= 0 && items.length < pageSize; index -= 1) items.push(records[index]!);
    return { items, total: records.length };
  }
  const matched =
    predicates.length === 0
      ? [...records]
      : records.filter((record) => predicates.every((predicate) => predicate(record)));
  if (sort) {
    const descending = sort.startsWith('-');
    const field = descending ? sort.slice(1) : sort;
    matched.sort((left, right) => {
      const a = read(left, field);
      const b = read(right, field);
      const order =
        typeof a === 'number' && typeof b === 'number'
          ? a - b
          : String(a ?? '').localeCompare(String(b ?? ''));
      return descending ? -order : order;
    });
  } else {
    matched.reverse();
  }
  return { items: matched.slice(start, start + pageSize), total: matched.length };
}

/** The list answer: records under the plural name, plus Paya's `meta` (0-based `currentPage`, as in Paya's examples). */
export function listResponse(
  baseUrl: string,
  path: string,
  key: string,
  records: unknown[],
  total: number,
  page: number,
  pageSize: number,
  sort: string | null,
): SimResponse {
  const pageCount = Math.ceil(total / pageSize);
  const href = (number: number) => ({ href: `${baseUrl}${path}?page_size=${pageSize}&page=${number}` });
  const links: Record<string, { href: string }> = { self: href(page) };
  if (page < pageCount) links.next = href(page + 1);
  if (pageCount > 0) links.last = href(pageCount);
  const attributes = sort
    ? { [sort.replace(/^-/, '')]: sort.startsWith('-') ? 'desc' : 'asc' }
    : { created_ts: 'desc' };
  return json(200, {
    [key]: records,
    meta: {
      pagination: { links, totalCount: total, pageCount, currentPage: page - 1, perPage: pageSize },
      sort: { attributes },
    },
  });
}

/** What {@link answerList} needs to know about one resource's list. */
export interface SimList<T> {
  /** The list's path (`/v2/contacts`), for the `_links`. */
  readonly path: string;
  /** The key the records go under (`contacts`). */
  readonly key: string;
  /** The resource's filters (and the reader they use for sorting). */
  readonly filters: FilterSpec<T>;
  /** The records the list covers (deleted ones already left out). */
  readonly records: readonly T[];
  /** The simulator's clock, for named time ranges. */
  readonly now: number;
  /** The simulator's base URL, for the `_links`. */
  readonly baseUrl: string;
}

/**
 * Answers a `GET` list as Paya does: `page` / `page_size` checked, the filters applied, `sort`
 * followed, the page wrapped with `_links` and `_meta`; `toWire` shapes each record with the
 * `expand` asked for.
 */
export function answerList<T>(
  request: SimRequest,
  list: SimList<T>,
  toWire: (record: T, expand: string | null) => unknown,
): SimResponse {
  const paging = pageParameters(request.query);
  if ('error' in paging) return paging.error;
  const filters = buildFilters(request.query, list.filters, list.now);
  if ('error' in filters) return filters.error;
  const sort = request.query.get('sort');
  const { items, total } = selectPage(
    list.records,
    filters.predicates,
    sort,
    list.filters.read,
    paging.page,
    paging.pageSize,
  );
  const expand = request.query.get('expand');
  return listResponse(
    list.baseUrl,
    list.path,
    list.key,
    items.map((record) => toWire(record, expand)),
    total,
    paging.page,
    paging.pageSize,
    sort,
  );
}
