import { lazySchema } from '@payweave/core';
// Account vaults (`/v2/accountvaults`), from `Endpoints/Account Vaults/README.md` and `BIN Info.md`
// of PayaDev/PayaConnect (see `paya-more.md` section 1).
import * as z from 'zod/mini';
import { accountVaultRecord as postbackVaultRecord } from '../postbacks/postback-records.js';
import { expandOf, pageFields, payaId, text } from '../shared/paya-fields.js';
import { oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { listMeta } from '../shared/paya-paging.js';
import { achSecCodes } from '../transactions/transaction-schemas.js';

/**
 * Related records `expand` can add to an account vault.
 *
 * @example
 * ```ts
 * await paya.accountVaults.retrieve(vaultId, { expand: ['contact', 'account_vault_cau_logs'] });
 * ```
 */
export const accountVaultExpands = [
  'location',
  'contact',
  'signature',
  'created_user',
  'product_transaction',
  'account_vault_cau_product_transaction',
  'account_vault_cau_logs',
] as const;

/**
 * `account_vault_api_id`: your reference for a vault, unique per location, 1 to 36 letters
 * and digits ("alphanumeric values only" in Paya's field table).
 */
export const accountVaultApiId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9]{1,36}$/, 'must be 1 to 36 letters or digits (Paya allows nothing else)'));

/**
 * A fresh `account_vault_api_id`: `pw` and 32 hex digits (34 characters), within Paya's
 * 36-character, letters-and-digits-only rule.
 *
 * @example
 * ```ts
 * const reference = newAccountVaultApiId(); // 'pw3f2a…' (34 characters)
 * await paya.accountVaults.create({ ...card, account_vault_api_id: reference });
 * ```
 */
export function newAccountVaultApiId(): string {
  return `pw${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
}

const cardNumber = lazySchema(() =>
  z.string().check(z.regex(/^\d{13,19}$/, 'must be 13 to 19 digits (a card number)')),
);
const bankAccountNumber = z
  .string()
  .check(z.regex(/^\d{4,19}$/, 'must be 4 to 19 digits (a bank account number)'));
const expDate = lazySchema(() =>
  z.string().check(z.regex(/^(0[1-9]|1[0-2])\d{2}$/, 'must be MMYY (month 01-12)')),
);
const routing = lazySchema(() =>
  z.string().check(z.regex(/^\d{9}$/, 'must be 9 digits (an ABA routing number)')),
);
const zip = z
  .string()
  .check(z.regex(/^[A-Za-z0-9 -]{4,12}$/, 'must be 4 to 12 letters, digits, spaces or dashes'));
const phone = lazySchema(() => z.string().check(z.regex(/^\d{1,10}$/, 'must be 1 to 10 digits')));
const dlState = lazySchema(() => z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a 2-letter state code')));
const dobYear = lazySchema(() => z.string().check(z.regex(/^(19|20)\d{2}$/, 'must be a 4-digit year')));
const ssn4 = lazySchema(() => z.string().check(z.regex(/^\d{4}$/, 'must be 4 digits')));
const locale = lazySchema(() =>
  z.string().check(z.regex(/^[a-z]{2}_[A-Z]{2}$/, 'must be a locale such as en_CA')),
);
/** Paya's `is_company`: a boolean, or `1` / `0` as its examples write flags. */
const flag = lazySchema(() => z.union([z.boolean(), z.literal(0), z.literal(1)]));

/** Paya's `{ "accountvault": {...} }` request envelope, refused with what to do instead. */
const envelopeField = lazySchema(() =>
  z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
);

/** A field Paya does not take on a vault, refused with why. */
function refused(why: string) {
  return z.optional(z.never({ error: why }));
}

/** Fields a vault may carry whatever its source (all PUT-able but `locale`). */
const vaultDetails = {
  /** Label shown in Paya's UI (1-64). */
  title: z.optional(text(1, 64)),
  /** Name on the card or bank account (Paya accepts up to 60 since January 2026). */
  account_holder_name: z.optional(text(1, 60)),
  /** Contact the vault belongs to. */
  contact_id: z.optional(payaId),
  /** Your own customer identifier (1-50). */
  customer_id: z.optional(text(1, 50)),
  /** Billing street (1-32; Paya names it `billing_address` here, `billing_street` on transactions). */
  billing_address: z.optional(text(1, 32)),
  billing_city: z.optional(text(1, 36)),
  /** Billing state or province (2-26; only needed for Canadian processing). */
  billing_state: z.optional(text(2, 26)),
  billing_zip: z.optional(zip),
  billing_phone: z.optional(phone),
  /** SEC code used when the vault is charged by ACH. */
  ach_sec_code: z.optional(z.enum(achSecCodes)),
  accountvault_c1: z.optional(text(0, 128)),
  accountvault_c2: z.optional(text(0, 128)),
  accountvault_c3: z.optional(text(0, 128)),
  /** ACH identity verification: last 4 SSN digits (sensitive). */
  ssn4: z.optional(ssn4),
  /** ACH identity verification: driver's licence number, with `dl_state` (sensitive). */
  dl_number: z.optional(text(1, 50)),
  /** ACH identity verification: the licence's state, with `dl_number`. */
  dl_state: z.optional(dlState),
};

/** Fields only a create takes. */
const createOnly = {
  accountvault: envelopeField,
  /** Location that owns the vault. */
  location_id: payaId,
  /** Your reference, unique per location (letters and digits, 1-36); filled by the SDK when absent. */
  account_vault_api_id: z.optional(accountVaultApiId),
  /** `en_CA` for Canadian labels (Canadian processing only). */
  locale: z.optional(locale),
  /** ACH identity verification: birth year (sensitive). */
  dob_year: z.optional(dobYear),
  /** Card expiry `MMYY` (card vaults). */
  exp_date: z.optional(expDate),
  ...vaultDetails,
  cvv: refused(
    'is not stored in a vault (PCI forbids keeping it): send it with the transaction that charges the vault',
  ),
  track_data: refused('is not taken by account vaults: send account_number and exp_date'),
};

/** The sources `accountVaults.createFromTransaction` takes, by field. */
const previousSources = [
  'previous_transaction_id',
  'previous_transaction_api_id',
  'previous_account_vault_id',
  'previous_account_vault_api_id',
] as const;

const useCreateFromTransaction =
  'is a source of accountVaults.createFromTransaction: use that method to store the account of a previous transaction or vault';

/**
 * Input of `accountVaults.create`: a card (`payment_method: 'cc'`, `account_number` +
 * `exp_date`), a bank account (`payment_method: 'ach'`, `account_number`, `routing`,
 * `account_type`, `is_company`, `account_holder_name`), or a `ticket`.
 */
export const createAccountVaultInput = z
  .strictObject({
    /** `cc` (card) or `ach` (bank account). */
    payment_method: z.enum(['cc', 'ach']),
    /** Card number (13-19 digits) or bank account number (4-19 digits); write-only, never returned. */
    account_number: z.optional(z.string()),
    /** ACH: ABA routing number (9 digits); Paya never returns it. */
    routing: z.optional(routing),
    /** ACH: `checking` or `savings` (Paya sets the card brand itself for cards). */
    account_type: z.optional(z.enum(['checking', 'savings'])),
    /** ACH: a company account (`true`) or an individual's (`false`). */
    is_company: z.optional(flag),
    /** A ticket issued to store a vault (1-36; a bearer secret): the account comes from it. */
    ticket: z.optional(text(1, 36)),
    ...createOnly,
    previous_transaction_id: refused(useCreateFromTransaction),
    previous_transaction_api_id: refused(useCreateFromTransaction),
    previous_account_vault_id: refused(useCreateFromTransaction),
    previous_account_vault_api_id: refused(useCreateFromTransaction),
  })
  .check(withIssues(createIssues));

/**
 * Input of `accountVaults.createFromTransaction`: the account of a previous transaction
 * (`previous_transaction_id` or `previous_transaction_api_id`) or of another vault
 * (`previous_account_vault_id` or `previous_account_vault_api_id`), stored as a new vault.
 */
export const createAccountVaultFromTransactionInput = z
  .strictObject({
    /** `cc` or `ach`: the payment method of the transaction or vault the account comes from. */
    payment_method: z.enum(['cc', 'ach']),
    /** A previous transaction whose account is stored. */
    previous_transaction_id: z.optional(payaId),
    /** The same, by its `transaction_api_id` (1-64). */
    previous_transaction_api_id: z.optional(text(1, 64)),
    /** A vault whose account is copied. */
    previous_account_vault_id: z.optional(payaId),
    /** The same, by its `account_vault_api_id` (1-64). */
    previous_account_vault_api_id: z.optional(text(1, 64)),
    ...createOnly,
    account_number: refused(
      'is taken from the previous transaction or vault: to store a new account use accountVaults.create',
    ),
    routing: refused(
      'is taken from the previous transaction or vault: to store a new account use accountVaults.create',
    ),
    ticket: refused('is a source of accountVaults.create'),
  })
  .check(withIssues(previousIssues));

/** Input of `accountVaults.update`: the fields Paya lets a PUT change. */
export const updateAccountVaultInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    accountvault: envelopeField,
    /** Card expiry `MMYY` (a renewed card). */
    exp_date: z.optional(expDate),
    /** Your reference (letters and digits, 1-36), unique per location. */
    account_vault_api_id: z.optional(accountVaultApiId),
    ...vaultDetails,
    account_number: refused('cannot be changed: store the new account with accountVaults.create'),
    routing: refused('cannot be changed: store the new account with accountVaults.create'),
    payment_method: refused('cannot be changed: store the new account with accountVaults.create'),
    location_id: refused('cannot be changed: a vault stays in the location that created it'),
    account_type: refused('cannot be changed after the vault is created'),
    is_company: refused('cannot be changed after the vault is created'),
    dob_year: refused('cannot be changed after the vault is created'),
    locale: refused('is only taken when the vault is created'),
    cvv: refused('is not stored in a vault (PCI forbids keeping it)'),
  }),
);

/** Input of `accountVaults.retrieve`. */
export const retrieveAccountVaultInput = lazySchema(() =>
  z.strictObject({
    id: payaId,
    expand: expandOf(accountVaultExpands),
  }),
);

/** Input of `accountVaults.delete` and `accountVaults.binInfo`. */
export const accountVaultIdInput = lazySchema(() => z.strictObject({ id: payaId }));

/** Input of `accountVaults.retrieveByApiId`: your reference and the location it is unique in. */
export const retrieveAccountVaultByApiIdInput = lazySchema(() =>
  z.strictObject({
    /** The `account_vault_api_id` the vault was created with. */
    account_vault_api_id: accountVaultApiId,
    /** The location the reference is unique in. */
    location_id: payaId,
    expand: expandOf(accountVaultExpands),
  }),
);

/**
 * Filters of `accountVaults.list`. Arrays are ORed; text fields (`title`,
 * `account_holder_name`, `account_vault_api_id`, ...) may match substrings, so use
 * `retrieveByApiId` to find one vault by its reference.
 */
export const listAccountVaultsInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    expand: expandOf(accountVaultExpands),
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    contact_id: oneOrMany(payaId),
    account_vault_api_id: oneOrMany(text(1, 36)),
    payment_method: oneOrMany(z.enum(['cc', 'ach'])),
    /** `visa`, `mc`, `disc`, `amex`, `jcb`, `diners`, `checking`, `savings`. */
    account_type: oneOrMany(text(1, 32)),
    customer_id: oneOrMany(text(1, 50)),
    title: z.optional(text(1, 64)),
    account_holder_name: z.optional(text(1, 60)),
    first_six: z.optional(z.string().check(z.regex(/^\d{6}$/, 'must be 6 digits'))),
    last_four: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be 4 digits'))),
    billing_zip: z.optional(zip),
    has_recurring: z.optional(z.union([z.literal(0), z.literal(1)])),
    active: z.optional(z.union([z.literal(0), z.literal(1)])),
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the vault filters. */
export const accountVaultTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

type Issue = { message: string; path: string[] };

function present(value: unknown): boolean {
  return value !== undefined;
}

const achRequired = ['routing', 'account_type', 'is_company', 'account_holder_name'] as const;
const achWhy: Record<(typeof achRequired)[number], string> = {
  routing: 'the bank routing number',
  account_type: 'checking or savings',
  is_company: 'whether the account is a company account',
  account_holder_name: 'the name on the account',
};

/** The "Required on POST by variant" table: the source, then the fields each variant needs. */
function createIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const method = input.payment_method;
  const hasAccount = present(input.account_number);
  const hasTicket = present(input.ticket);
  if (hasAccount && hasTicket) {
    issues.push({ path: ['ticket'], message: 'give account_number or ticket, not both' });
    return issues;
  }
  if (!hasAccount && !hasTicket) {
    issues.push({
      path: ['account_number'],
      message:
        method === 'ach'
          ? 'is required for an ACH vault (with routing, account_type, is_company and account_holder_name), unless a ticket is given'
          : 'is required for a card vault (with exp_date), unless a ticket is given',
    });
    return issues;
  }
  if (hasTicket) {
    for (const field of ['routing', 'account_type', 'is_company', 'exp_date'])
      if (present(input[field]))
        issues.push({ path: [field], message: 'is taken from the ticket: do not send it with one' });
    return issues;
  }
  const number = input.account_number;
  if (method === 'cc') {
    const checked = z.safeParse(cardNumber, number);
    if (!checked.success)
      issues.push({ path: ['account_number'], message: 'must be 13 to 19 digits (a card number)' });
    if (!present(input.exp_date))
      issues.push({ path: ['exp_date'], message: 'is required for a card vault (MMYY)' });
    for (const field of ['routing', 'is_company', 'account_type'] as const) {
      if (present(input[field]))
        issues.push({
          path: [field],
          message:
            field === 'account_type'
              ? 'is set by Paya for card vaults (the card brand): leave it out'
              : 'is only used by ACH vaults (payment_method is "cc")',
        });
    }
  } else if (method === 'ach') {
    const checked = z.safeParse(bankAccountNumber, number);
    if (!checked.success)
      issues.push({ path: ['account_number'], message: 'must be 4 to 19 digits (a bank account number)' });
    for (const field of achRequired) {
      if (!present(input[field]))
        issues.push({ path: [field], message: `is required for an ACH vault (${achWhy[field]})` });
    }
    if (present(input.exp_date))
      issues.push({ path: ['exp_date'], message: 'is only used by card vaults (payment_method is "ach")' });
  }
  issues.push(...identityIssues(input));
  return issues;
}

function identityIssues(input: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (present(input.dl_number) !== present(input.dl_state)) {
    const missing = present(input.dl_number) ? 'dl_state' : 'dl_number';
    issues.push({
      path: [missing],
      message: `is required with ${missing === 'dl_state' ? 'dl_number' : 'dl_state'} (send both or neither)`,
    });
  }
  return issues;
}

function previousIssues(input: Record<string, unknown>): Issue[] {
  const given = previousSources.filter((field) => present(input[field]));
  const issues: Issue[] = [];
  if (given.length === 0) {
    issues.push({
      path: ['previous_transaction_id'],
      message: `one source is required: ${previousSources.join(', ')}`,
    });
  } else if (given.length > 1) {
    issues.push({ path: [given[1]!], message: `give only one source (got ${given.join(' and ')})` });
  }
  if (input.payment_method === 'ach' && present(input.exp_date))
    issues.push({ path: ['exp_date'], message: 'is only used by card vaults (payment_method is "ach")' });
  issues.push(...identityIssues(input));
  return issues;
}

function withIssues<T extends Record<string, unknown>>(rule: (input: T) => Issue[]) {
  return z.superRefine<T>((input, context) => {
    for (const issue of rule(input))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}

/** The request body fields: every given field as given (the path's `id` left out). */
export function toAccountVaultFields(input: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'id') continue;
    fields[key] = value;
  }
  return fields;
}

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));
const wireFlag = lazySchema(() => z.optional(z.nullable(z.union([z.number(), z.string(), z.boolean()]))));

/**
 * An account vault as Paya's REST API sends it: the documented fields typed (the postback
 * record's plus billing, identity and custom fields), every other field kept. Paya never
 * returns the account number, and answers `routing: null`.
 */
export const accountVaultRecord = lazySchema(() =>
  z.extend(postbackVaultRecord, {
    billing_address: nullableText,
    billing_city: nullableText,
    billing_state: nullableText,
    billing_zip: nullableText,
    billing_phone: nullableText,
    routing: nullableText,
    dl_state: nullableText,
    accountvault_c1: nullableText,
    accountvault_c2: nullableText,
    accountvault_c3: nullableText,
    is_company: wireFlag,
  }),
);

/** `{ accountvault: {...} }`. */
export const accountVaultEnvelope = lazySchema(() => z.looseObject({ accountvault: accountVaultRecord }));

/** `{ accountvaults: [...], meta }`. */
export const accountVaultListEnvelope = lazySchema(() =>
  z.looseObject({
    accountvaults: z.array(accountVaultRecord),
    meta: listMeta,
  }),
);

/**
 * An account vault (a stored card or bank account) as Paya sends it: `id`, `payment_method`,
 * `first_six` / `last_four`, `exp_date`, `account_type` (the card brand or checking /
 * savings), `account_vault_api_id`, `active`, ... Charge it with `transactions.sale({
 * account_vault_id })`.
 *
 * @example
 * ```ts
 * const vault: AccountVaultRecord = (await paya.accountVaults.retrieve(vaultId)).unwrap();
 * console.log(vault.account_type, vault.last_four, vault.exp_date);
 * ```
 */
export type AccountVaultRecord = z.output<typeof accountVaultRecord>;
