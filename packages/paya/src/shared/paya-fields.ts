import { decimalAmount, lazySchema } from '@payweave/core';
import * as z from 'zod/mini';

/** A Paya record id: 24 to 36 characters (usually 24 hex characters). */
export const payaId = lazySchema(() => z.string().check(z.minLength(24), z.maxLength(36)));

/** A string of `min` to `max` characters. */
export function text(min: number, max: number) {
  return z.string().check(z.minLength(min), z.maxLength(max));
}

/** A 10-digit US phone number (Paya's phone fields). */
export const phone10 = lazySchema(() => z.string().check(z.regex(/^\d{10}$/, 'must be 10 digits')));

/** A decimal dollar amount (number or string, at most 2 decimals, at most 99,999,999.99). */
export const payaAmount = decimalAmount({ decimals: 2, max: 99_999_999.99 });

/** A decimal dollar amount that may be zero (tax, tip). */
export const payaAmountOrZero = decimalAmount({ decimals: 2, max: 99_999_999.99, allowZero: true });

/** A calendar date `YYYY-MM-DD`. */
export const payaDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a YYYY-MM-DD date'));

/** A Paya boolean flag: `0`/`1` or `true`/`false`. */
export const payaFlag = lazySchema(() => z.union([z.literal(0), z.literal(1), z.boolean()]));

/** The `expand` parameter: a list of related records, sent comma separated. */
export function expandOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.optional(z.array(z.enum(values)));
}

/** Page number and size of every list (`page` is 1-based). */
export const pageFields = {
  /** 1-based page to start from (default 1). */
  page: z.optional(z.int().check(z.gte(1))),
  /** Records per page (Paya's default is 20). */
  page_size: z.optional(z.int().check(z.gte(1))),
  /** `field` ascending or `-field` descending. */
  sort: z.optional(
    z.string().check(z.regex(/^-?[a-z_0-9]+$/, 'must be a field name, optionally prefixed by -')),
  ),
};
