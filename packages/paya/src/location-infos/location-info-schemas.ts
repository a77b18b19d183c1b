import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { pageFields } from '../shared/paya-fields.js';
import { listMeta } from '../shared/paya-paging.js';

/** Filters of `locationInfos.list`. */
export const listLocationInfosInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    /** `direct` (Paya's default), `child` or `all` locations of the user. */
    relationship: z.optional(z.enum(['all', 'direct', 'child'])),
    /** Only locations with active (1) or inactive (0) product transactions. */
    product_transaction_active: z.optional(z.union([z.literal(0), z.literal(1)])),
  }),
);

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));

/** A deposit account of a location, as Paya sends it. */
export const productTransactionRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    /** `cc` or `ach`. */
    payment_method: nullableText,
    processor: nullableText,
    title: nullableText,
    industry_type: nullableText,
    active: z.optional(z.nullable(z.union([z.number(), z.boolean()]))),
  }),
);

/** A location as Paya's location info endpoint sends it. */
export const locationInfoRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: nullableText,
    product_transactions: z.optional(z.nullable(z.array(productTransactionRecord))),
    default_cc: nullableText,
    default_ach: nullableText,
    branding_domain_url: nullableText,
  }),
);

/** `{ locationinfos: [...], meta }`. */
export const locationInfoListEnvelope = lazySchema(() =>
  z.looseObject({
    locationinfos: z.array(locationInfoRecord),
    meta: listMeta,
  }),
);

/** A location and its product transactions, every field as Paya sent it. */
export type PayaLocationInfo = z.output<typeof locationInfoRecord>;

/** A deposit account (product transaction) of a location. */
export type PayaProductTransaction = z.output<typeof productTransactionRecord>;

/** What most integrations need from a location: its id and its default card / ACH deposit accounts. */
export interface PayaLocationDefaults {
  /** The location. */
  readonly location_id: string;
  /** Its default card product transaction (`default_cc`, else the first active `cc` one). */
  readonly cc_product_transaction_id: string | undefined;
  /** Its default ACH product transaction (`default_ach`, else the first active `ach` one). */
  readonly ach_product_transaction_id: string | undefined;
  /** The location as Paya sent it. */
  readonly location: PayaLocationInfo;
}

function isActive(product: PayaProductTransaction): boolean {
  return (
    product.active === undefined || product.active === null || product.active === 1 || product.active === true
  );
}

/** Picks a location's default card and ACH product transactions. */
export function toLocationDefaults(location: PayaLocationInfo): PayaLocationDefaults {
  const products = location.product_transactions ?? [];
  const pick = (method: 'cc' | 'ach', preferred: string | null | undefined) =>
    (preferred ? preferred : undefined) ??
    products.find((product) => product.payment_method === method && isActive(product))?.id;
  return {
    location_id: location.id,
    cc_product_transaction_id: pick('cc', location.default_cc),
    ach_product_transaction_id: pick('ach', location.default_ach),
    location,
  };
}
