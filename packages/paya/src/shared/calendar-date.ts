import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';

/** Whether `YYYY-MM-DD` names a day that exists (`2026-02-30` does not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A `YYYY-MM-DD` date that exists in the calendar. */
export const calendarDate = lazySchema(() =>
  z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date'),
    z.refine(
      (value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isCalendarDate(value),
      'is not a day of the calendar',
    ),
  ),
);

/** Paya's "no date" (`0000-00-00`, e.g. an open-ended `end_date`) as `undefined`; other values as sent. */
export function payaDateOrNone(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== '0000-00-00' ? value : undefined;
}
