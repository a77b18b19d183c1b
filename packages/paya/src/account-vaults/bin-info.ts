import { decorateRecord, lazySchema } from '@payweave/core';
// BIN info (`GET /v2/accountvaults/{id}/bininfo`), from `BIN Info.md` of PayaDev/PayaConnect.
import * as z from 'zod/mini';

const padded = lazySchema(() => z.optional(z.nullable(z.string())));

/** The `bininfo` object as Paya sends it: space-padded one- to three-letter codes, every other field kept. */
export const binInfoRecord = lazySchema(() =>
  z.looseObject({
    issuer_bank_name: padded,
    country_code: padded,
    detail_card_product: padded,
    detail_card_indicator: padded,
    fsa_indicator: padded,
    prepaid_indicator: padded,
    product_id: padded,
    regulator_indicator: padded,
    visa_product_sub_type: padded,
    visa_large_ticket_indicator: padded,
    account_fund_source: padded,
    card_class: padded,
    token_ind: padded,
    issuing_network: padded,
  }),
);

/** `{ bininfo: {...} }`. */
export const binInfoEnvelope = lazySchema(() => z.looseObject({ bininfo: binInfoRecord }));

/**
 * The `bininfo` object as Paya sends it.
 *
 * @example
 * ```ts
 * const raw: BinInfoRecord = { detail_card_product: 'V', prepaid_indicator: 'P' };
 * ```
 */
export type BinInfoRecord = z.output<typeof binInfoRecord>;

/**
 * `detail_card_product` by name.
 *
 * @example
 * ```ts
 * binCardProducts.V; // 'visa'
 * ```
 */
export const binCardProducts = {
  V: 'visa',
  M: 'mastercard',
  A: 'amex',
  D: 'discover',
  N: 'pinOnly',
} as const;

/**
 * `account_fund_source` by name.
 *
 * @example
 * ```ts
 * binFundSources.D; // 'debit'
 * ```
 */
export const binFundSources = {
  C: 'credit',
  D: 'debit',
  P: 'prepaid',
  H: 'charge',
  R: 'deferredDebit',
} as const;

/**
 * `card_class` by name.
 *
 * @example
 * ```ts
 * binCardClasses.B; // 'business'
 * ```
 */
export const binCardClasses = {
  B: 'business',
  C: 'consumer',
  P: 'purchase',
  T: 'corporate',
} as const;

/**
 * A decoded `detail_card_product`, or `unknown` for a blank or new code.
 *
 * @example
 * ```ts
 * const brand: BinCardProductName = 'mastercard';
 * ```
 */
export type BinCardProductName = (typeof binCardProducts)[keyof typeof binCardProducts] | 'unknown';
/**
 * A decoded `account_fund_source`, or `unknown`.
 *
 * @example
 * ```ts
 * const source: BinFundSourceName = 'prepaid';
 * ```
 */
export type BinFundSourceName = (typeof binFundSources)[keyof typeof binFundSources] | 'unknown';
/**
 * A decoded `card_class`, or `unknown`.
 *
 * @example
 * ```ts
 * const cardClass: BinCardClassName = 'corporate';
 * ```
 */
export type BinCardClassName = (typeof binCardClasses)[keyof typeof binCardClasses] | 'unknown';

/**
 * A card's BIN information: every field as Paya sent it (space-padded), plus decoded names and
 * flags read from the trimmed codes.
 *
 * @example
 * ```ts
 * const info: PayaBinInfo = (await paya.accountVaults.binInfo(vaultId)).unwrap();
 * console.log(info.card_brand, info.card_class_name, info.regulated);
 * ```
 */
export type PayaBinInfo = BinInfoRecord & {
  /** `detail_card_product` by name (`visa`, `mastercard`, `amex`, `discover`, `pinOnly`). */
  readonly card_brand: BinCardProductName;
  /** `account_fund_source` by name (`credit`, `debit`, `prepaid`, `charge`, `deferredDebit`). */
  readonly fund_source: BinFundSourceName;
  /** `card_class` by name (`business`, `consumer`, `purchase`, `corporate`). */
  readonly card_class_name: BinCardClassName;
  /** `prepaid_indicator` is `P`. */
  readonly prepaid: boolean;
  /** `fsa_indicator` is `F` (a health-care FSA card). */
  readonly fsa: boolean;
  /** `token_ind` is `Y` (a token BIN). */
  readonly token_bin: boolean;
  /** `regulator_indicator`: `B` or `1` regulated (Durbin), `N` not; `undefined` when blank. */
  readonly regulated: boolean | undefined;
};

function code(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function named<const Table extends Record<string, string>>(
  table: Table,
  value: string | null | undefined,
): Table[keyof Table] | 'unknown' {
  const key = code(value);
  return Object.hasOwn(table, key) ? (table[key] as Table[keyof Table]) : 'unknown';
}

/**
 * Adds decoded names and flags to a BIN info record (codes are trimmed first: Paya pads them
 * with spaces).
 *
 * @example
 * ```ts
 * const info = toPayaBinInfo({ detail_card_product: 'M', prepaid_indicator: ' ', card_class: 'C' });
 * info.card_brand; // 'mastercard'
 * info.prepaid; // false
 * ```
 * The fields are added to the record itself, which is returned (records are decoded as
 * they are parsed, so copying a 60-field record would only cost time and memory).
 */
export function toPayaBinInfo(record: BinInfoRecord): PayaBinInfo {
  const regulator = code(record.regulator_indicator);
  return decorateRecord(record, {
    card_brand: named(binCardProducts, record.detail_card_product),
    fund_source: named(binFundSources, record.account_fund_source),
    card_class_name: named(binCardClasses, record.card_class),
    prepaid: code(record.prepaid_indicator) === 'P',
    fsa: code(record.fsa_indicator) === 'F',
    token_bin: code(record.token_ind) === 'Y',
    regulated: regulator === '' ? undefined : regulator === 'B' || regulator === '1',
  });
}
