import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { payaFlagValue } from '../postbacks/postback-records.js';
import { type PayaPostbackAction, payaPostbackResources } from '../postbacks/postback-types.js';
import { pageFields, payaId, text } from '../shared/paya-fields.js';
import { oneOrMany, timestampFilter } from '../shared/paya-filters.js';
import { listMeta } from '../shared/paya-paging.js';

/**
 * A postback config flag as Paya's examples write it (`1`, `"1"`, `0`, `"0"`) or a boolean;
 * the SDK sends `1` or `0`.
 */
const flag = lazySchema(() =>
  z.union([z.literal(0), z.literal(1), z.literal('0'), z.literal('1'), z.boolean()]),
);

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** The receiver: an absolute http(s) URL without credentials in it (query strings are fine). */
const receiverUrl = lazySchema(() =>
  z.string().check(
    z.maxLength(2048),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'must be an absolute http:// or https:// URL'),
    z.refine((value) => {
      try {
        const url = new URL(value);
        return url.username === '' && url.password === '';
      } catch {
        return true;
      }
    }, 'must not hold credentials: use basic_auth_username and basic_auth_password'),
  ),
);

/** `contact,account_vault`: expand names, comma separated (or `""` for none). */
const expands = lazySchema(() =>
  z.union([
    z
      .string()
      .check(z.regex(/^([a-z_]{1,64}(,[a-z_]{1,64})*)?$/, 'must be expand names separated by commas')),
    z.array(z.string().check(z.regex(/^[a-z_]{1,64}$/, 'must be an expand name'))),
  ]),
);

const username = lazySchema(() =>
  z.nullable(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(512),
        z.regex(/^[^:\p{Cc}]*$/u, "must not hold ':' or control characters (Basic auth cannot carry them)"),
      ),
  ),
);
const password = lazySchema(() =>
  z.nullable(
    z
      .string()
      .check(z.minLength(1), z.maxLength(512), z.regex(/^\P{Cc}*$/u, 'must not hold control characters')),
  ),
);

const configFields = {
  /** Paya's `{ "postbackconfig": {...} }` request envelope, refused with what to do instead. */
  postbackconfig: z.optional(
    z.never({ error: "is Paya's request envelope: pass the fields inside it (the SDK adds the envelope)" }),
  ),
  /** Deposit account whose events are sent; required for `transaction` and `transactionbatch`. */
  product_transaction_id: z.optional(payaId),
  /** Send a postback when a record is created. */
  on_create: z.optional(flag),
  /** Send a postback when a record changes. */
  on_update: z.optional(flag),
  /** Send a postback when a record is deleted. */
  on_delete: z.optional(flag),
  /** Whether the config is in effect. */
  is_active: z.optional(flag),
  /** Most attempts when the receiver does not answer 2xx (Paya's default 1). */
  number_of_attempts: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  /** Seconds between attempts (Paya's default 300). */
  attempt_interval: z.optional(z.int().check(z.gte(1), z.lte(604_800))),
  /** Related records embedded in `data` (`"changelogs,tags"`, or a list). */
  expands: z.optional(expands),
  /** Only `api-default`. */
  format: z.optional(z.literal('api-default')),
  /** Username Paya sends in `Authorization: Basic`; without it no header is sent (`null` clears it). */
  basic_auth_username: z.optional(username),
  /** Password Paya sends in `Authorization: Basic` (secret: a long random value; `null` clears it). */
  basic_auth_password: z.optional(password),
};

type Issue = { message: string; path: string[] };

function configIssues(input: Record<string, unknown>, creating: boolean): Issue[] {
  const issues: Issue[] = [];
  const resource = input.resource;
  if (
    creating &&
    (resource === 'transaction' || resource === 'transactionbatch') &&
    input.product_transaction_id === undefined
  ) {
    issues.push({ path: ['product_transaction_id'], message: `is required for the ${resource} resource` });
  }
  const hasPassword = typeof input.basic_auth_password === 'string';
  if (
    hasPassword &&
    (input.basic_auth_username === null || (creating && input.basic_auth_username === undefined))
  ) {
    issues.push({
      path: ['basic_auth_username'],
      message: 'is required with basic_auth_password (without it Paya sends no Authorization header)',
    });
  }
  if (hasPassword && typeof input.url === 'string') {
    try {
      const url = new URL(input.url);
      if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        issues.push({
          path: ['url'],
          message:
            'must be https:// when basic_auth_password is set: Paya sends the password with every postback',
        });
      }
    } catch {
      // The url's own check reports it.
    }
  }
  return issues;
}

function withIssues<T extends Record<string, unknown>>(creating: boolean) {
  return z.superRefine<T>((input, context) => {
    for (const issue of configIssues(input, creating))
      context.issues.push({ code: 'custom', input, message: issue.message, path: issue.path });
  });
}

/** Input of `postbackConfigs.create`. */
export const createPostbackConfigInput = z
  .strictObject({
    /** Location whose events are sent. */
    location_id: payaId,
    /** `contact`, `transaction`, `transactionbatch` or `accountvault`. */
    resource: z.enum(payaPostbackResources),
    /** Where Paya posts. */
    url: receiverUrl,
    ...configFields,
  })
  .check(withIssues(true));

/** Input of `postbackConfigs.update` (the fields to change). */
export const updatePostbackConfigInput = z
  .strictObject({
    id: payaId,
    location_id: z.optional(payaId),
    resource: z.optional(z.enum(payaPostbackResources)),
    url: z.optional(receiverUrl),
    ...configFields,
  })
  .check(withIssues(false));

/** Input of `postbackConfigs.retrieve` and `postbackConfigs.delete`. */
export const postbackConfigIdInput = lazySchema(() => z.strictObject({ id: payaId }));

/** Filters of `postbackConfigs.list`. */
export const listPostbackConfigsInput = lazySchema(() =>
  z.strictObject({
    ...pageFields,
    id: oneOrMany(payaId),
    location_id: oneOrMany(payaId),
    product_transaction_id: oneOrMany(payaId),
    resource: oneOrMany(z.enum(payaPostbackResources)),
    is_active: z.optional(z.union([z.literal(0), z.literal(1)])),
    url: z.optional(text(1, 2048)),
    created_ts: timestampFilter,
    modified_ts: timestampFilter,
  }),
);

/** Timestamp fields of the postback config filters. */
export const postbackConfigTimestampFilters: ReadonlySet<string> = new Set(['created_ts', 'modified_ts']);

/** The request body fields: flags as `1` / `0`, expand lists comma separated, the rest as given. */
export function toPostbackConfigFields(input: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === 'id') continue;
    if (key === 'on_create' || key === 'on_update' || key === 'on_delete' || key === 'is_active')
      fields[key] = payaFlagValue(value) ? 1 : 0;
    else if (key === 'expands' && Array.isArray(value)) fields[key] = value.join(',');
    else fields[key] = value;
  }
  return fields;
}

const nullableText = lazySchema(() => z.optional(z.nullable(z.string())));
const wireFlag = lazySchema(() => z.optional(z.nullable(z.union([z.number(), z.string(), z.boolean()]))));

/** A postback config as Paya sends it (every other field kept; the Basic credentials only when expanded). */
export const postbackConfigRecord = lazySchema(() =>
  z.looseObject({
    id: z.string(),
    location_id: nullableText,
    resource: nullableText,
    url: nullableText,
    product_transaction_id: nullableText,
    on_create: wireFlag,
    on_update: wireFlag,
    on_delete: wireFlag,
    is_active: wireFlag,
    number_of_attempts: z.optional(z.nullable(z.number())),
    attempt_interval: z.optional(z.nullable(z.number())),
    expands: nullableText,
    format: nullableText,
    created_ts: z.optional(z.nullable(z.number())),
    modified_ts: z.optional(z.nullable(z.number())),
  }),
);

/** `{ postbackconfig: {...} }`. */
export const postbackConfigEnvelope = lazySchema(() =>
  z.looseObject({ postbackconfig: postbackConfigRecord }),
);

/** `{ postbackconfigs: [...], meta }`. */
export const postbackConfigListEnvelope = lazySchema(() =>
  z.looseObject({
    postbackconfigs: z.array(postbackConfigRecord),
    meta: listMeta,
  }),
);

/** A postback config as Paya sends it. */
export type PostbackConfigRecord = z.output<typeof postbackConfigRecord>;

/**
 * A Paya postback config: every field as sent, plus `active` (the decoded `is_active`) and
 * `events` (the actions whose `on_*` flag is set).
 */
export type PayaPostbackConfig = PostbackConfigRecord & {
  /** `is_active` as a boolean (Paya sends `1`, `"1"`, `0` or `"0"`). */
  readonly active: boolean;
  /** The actions that send a postback (`on_create` -> `CREATE`, ...). */
  readonly events: readonly PayaPostbackAction[];
};

/** Adds the decoded `active` flag and `events` to a config. */
export function toPayaPostbackConfig(record: PostbackConfigRecord): PayaPostbackConfig {
  const events: PayaPostbackAction[] = [];
  if (payaFlagValue(record.on_create)) events.push('CREATE');
  if (payaFlagValue(record.on_update)) events.push('UPDATE');
  if (payaFlagValue(record.on_delete)) events.push('DELETE');
  return { ...record, active: payaFlagValue(record.is_active) === true, events };
}
