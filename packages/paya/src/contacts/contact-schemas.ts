import type { Money } from '@payweave/core';
import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { expandOf, pageFields, payaDate, payaFlag, payaId, phone10, text } from '../shared/paya-fields.js';
import { oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { payaMoney } from '../shared/paya-money.js';
import { listMeta } from '../shared/paya-paging.js';

/** Related records `expand` can add to a contact. */
export const contactExpands = ['created_user', 'notes', 'location', 'user'] as const;

const email = z
  .string()
  .check(z.maxLength(128), z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an email address'));

/** Every documented contact field except the required ones. */
const optionalContactFields = {
  /** Paya's `{ "contact": {...} }` request envelope, refused with what to do instead. */
  contact: z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
  /** Your account number for the customer (<= 32). */
  account_number: z.optional(text(1, 32)),
  /** Your reference, unique per location (<= 36). */
  contact_api_id: z.optional(text(1, 36)),
  first_name: z.optional(text(1, 64)),
  company_name: z.optional(text(1, 64)),
  email: z.optional(email),
  address: z.optional(text(1, 64)),
  city: z.optional(text(1, 36)),
  /** Two-letter state code. */
  state: z.optional(z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be 2 letters'))),
  zip: z.optional(z.string().check(z.regex(/^[A-Za-z0-9 -]{3,10}$/, 'must be a postal code'))),
  home_phone: z.optional(phone10),
  cell_phone: z.optional(phone10),
  office_phone: z.optional(phone10),
  office_ext_phone: z.optional(z.string().check(z.regex(/^\d{1,10}$/, 'must be up to 10 digits'))),
  /** `YYYY-MM-DD` (sensitive). */
  date_of_birth: z.optional(payaDate),
  /** Balance as a decimal string (`"245.65"`). */
  contact_balance: z.optional(
    z.string().check(z.regex(/^-?\d{1,10}(\.\d{1,2})?$/, 'must be a decimal string with at most 2 decimals')),
  ),
  /** Email a receipt for each transaction. */
  email_trx_receipt: z.optional(payaFlag),
  header_message: z.optional(text(0, 255)),
  header_message_type: z.optional(z.int().check(z.gte(0), z.lte(9))),
  contact_c1: z.optional(text(0, 128)),
  contact_c2: z.optional(text(0, 128)),
  contact_c3: z.optional(text(0, 128)),
};

/** Input of `contacts.create`; `update_if_exists: 1` updates the contact with the same `contact_api_id`. */
export const createContactInput = lazySchema(() =>
  z.strictObject({
    location_id: payaId,
    last_name: text(1, 64),
    ...optionalContactFields,
    /** 1 = update the contact with this `contact_api_id` instead of failing with 422. */
    update_if_exists: z.optional(z.union([z.literal(0), z.literal(1)])),
  }),
);

/** Input of `contacts.update` (partial). */
export const updateContactInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    location_id: z.optional(payaId),
    last_name: z.optional(text(1, 64)),
    ...optionalContactFields,
  }),
);

/** Input of `contacts.retrieve`. */
export const retrieveContactInput = lazySchema(() =>
  z.strictObject({ id: payaId, expand: expandOf(contactExpands) }),
);

/** Input of `contacts.delete`. */
export const deleteContactInput = lazySchema(() => z.strictObject({ id: payaId }));

/** Filters of `contacts.list` (text fields match substrings; arrays are ORed). */
export const listContactsInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    expand: expandOf(contactExpands),
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    contact_api_id: oneOrMany(text(1, 36)),
    account_number: z.optional(text(1, 32)),
    first_name: z.optional(text(1, 64)),
    last_name: z.optional(text(1, 64)),
    company_name: z.optional(text(1, 64)),
    email: z.optional(text(1, 128)),
    cell_phone: z.optional(text(1, 10)),
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the contact filters. */
export const contactTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));

/** A contact as Paya sends it (every other field kept). */
export const contactRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    location_id: nullableText,
    contact_api_id: nullableText,
    first_name: nullableText,
    last_name: nullableText,
    contact_balance: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    created_ts: z.optional(z.nullable(z.number())),
    modified_ts: z.optional(z.nullable(z.number())),
  }),
);

/** `{ contact: {...} }`. */
export const contactEnvelope = lazySchema(() => z.looseObject({ contact: contactRecord }));

/** `{ contacts: [...], meta }`. */
export const contactListEnvelope = lazySchema(() =>
  z.looseObject({ contacts: z.array(contactRecord), meta: listMeta }),
);

/** A contact as Paya sends it. */
export type ContactRecord = z.output<typeof contactRecord>;

/** A Paya contact: every field as sent, plus `contact_balance` as Money. */
export type PayaContact = ContactRecord & {
  /** `contact_balance` as Money (USD). */
  readonly contact_balance_money: Money | undefined;
};

/** Adds the Money field to a contact. */
export function toPayaContact(record: ContactRecord): PayaContact {
  return { ...record, contact_balance_money: payaMoney(record.contact_balance) };
}
