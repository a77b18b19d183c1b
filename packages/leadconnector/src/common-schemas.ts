import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';

/** A location (sub-account) id: `altId` when `altType` is `location`. */
export const altIdSchema = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(64)));

/** The only `altType` the Payments API accepts. */
export const altTypeSchema = lazySchema(() => z.enum(['location']));

/** An id path or query parameter. */
export const idSchema = lazySchema(() => z.string().check(z.minLength(1), z.maxLength(64)));

/** `limit` query parameter: records per page. */
export const limitSchema = lazySchema(() => z.number().check(z.int(), z.minimum(1), z.maximum(10_000)));

/** `offset` query parameter: records to skip. */
export const offsetSchema = lazySchema(() => z.number().check(z.int(), z.minimum(0)));

/** `startAt` / `endAt` filters: `YYYY-MM-DD`. */
export const dayFilterSchema = lazySchema(() =>
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')),
);

/** An https URL (image URLs must be public https links). */
export const httpsUrlSchema = lazySchema(() =>
  z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'must be an https:// URL')),
);

/** Any URL (payments and query URLs of custom providers). */
export const urlSchema = lazySchema(() =>
  z.string().check(z.regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL')),
);

/** A record whose fields the spec leaves open. */
export const openObject = lazySchema(() => z.record(z.string(), z.unknown()));

/** `{ success: boolean }` answers (record-payment, disconnect, delete, capabilities). */
export const successSchema = lazySchema(() =>
  z.looseObject({ success: z.boolean(), traceId: z.optional(z.string()) }),
);

/** The type of `{ success: boolean }` answers. */
export type SuccessOutput = z.infer<typeof successSchema>;
