import type { WebhookEventBase } from '@payweave/core';
import type { PayaContact } from '../contacts/contact-schemas.js';
import type { PayaTransaction } from '../transactions/transaction-schemas.js';
import type { PayaAccountVault, PayaTransactionBatch } from './postback-records.js';

/** What happened to the record: Paya's postback `type` parameter. */
export const payaPostbackActions = ['CREATE', 'UPDATE', 'DELETE'] as const;

/** `CREATE`, `UPDATE` or `DELETE`. */
export type PayaPostbackAction = (typeof payaPostbackActions)[number];

/** The resources Paya sends postbacks for (a postback config subscribes to one of them). */
export const payaPostbackResources = ['transaction', 'contact', 'accountvault', 'transactionbatch'] as const;

/** `transaction`, `contact`, `accountvault` or `transactionbatch`. */
export type PayaPostbackResource = (typeof payaPostbackResources)[number];

/**
 * One verified postback about a record of a known resource.
 *
 * `type` is `${resource}.${action}` (`transaction.CREATE`), for logs and `switch`es;
 * `resource` is the field to narrow on, since it also tells the {@link PayaUnknownPostback}
 * apart (its `type` is any text).
 */
export interface PayaPostbackOf<Resource extends PayaPostbackResource, RecordType> extends WebhookEventBase {
  /** Always `paya`. */
  readonly provider: 'paya';
  /** `${resource}.${action}`, e.g. `transaction.CREATE`. */
  readonly type: `${Resource}.${PayaPostbackAction}`;
  /** The resource the record belongs to (Paya's `resource` parameter). */
  readonly resource: Resource;
  /** What happened to it (Paya's `type` parameter). */
  readonly action: PayaPostbackAction;
  /**
   * Paya's `number_of_attempts`: 1 on the first delivery, more on the re-sends that follow a
   * non-2xx answer.
   */
  readonly attempt: number;
  /**
   * The record as Paya's API would return it, with the expands the config asked for. It is
   * what Paya says, unsigned: re-read it through the API before acting on money.
   */
  readonly record: RecordType;
  /**
   * `${resource}:${record.id}:${action}:${record.modified_ts ?? ''}:${digest}`, where `digest`
   * is the first 16 hex characters of the SHA-256 of the posted `data` text: the same for
   * every re-send of one event, different for two changes within the same second.
   */
  readonly deliveryId: string;
}

/** A transaction was created (sale, auth-only, refund, ACH debit/credit) or changed (void, completion, settlement). */
export type PayaTransactionPostback = PayaPostbackOf<'transaction', PayaTransaction>;

/** A contact was created, changed or deleted. */
export type PayaContactPostback = PayaPostbackOf<'contact', PayaContact>;

/** An account vault was created, changed (the card account updater too) or deleted. */
export type PayaAccountVaultPostback = PayaPostbackOf<'accountvault', PayaAccountVault>;

/** A transaction batch changed (it closes: `is_open` 1 -> 0, `processing_status_id` 1 -> 2). */
export type PayaTransactionBatchPostback = PayaPostbackOf<'transactionbatch', PayaTransactionBatch>;

/**
 * A postback about a resource this version does not know: kept, with the record as Paya sent
 * it, so a new resource reaches your handler instead of being refused.
 */
export interface PayaUnknownPostback extends WebhookEventBase {
  /** Always `paya`. */
  readonly provider: 'paya';
  /** `${resourceName}.${action}`. */
  readonly type: `${string}.${PayaPostbackAction}`;
  /** Always `unknown`: narrow on `resource` to tell this variant apart. */
  readonly resource: 'unknown';
  /** The resource name Paya sent. */
  readonly resourceName: string;
  /** What happened to the record. */
  readonly action: PayaPostbackAction;
  /** Paya's `number_of_attempts`. */
  readonly attempt: number;
  /** The parsed `data` object, unchecked. */
  readonly record: Readonly<Record<string, unknown>>;
  /** As for the known resources, with the resource name Paya sent. */
  readonly deliveryId: string;
}

/**
 * A verified Paya postback: a union on `resource` (`transaction`, `contact`, `accountvault`,
 * `transactionbatch`, or `unknown`), each with its typed `record`.
 *
 * @example
 * ```ts
 * switch (event.resource) {
 *   case 'transaction':
 *     if (event.action === 'CREATE' && event.record.status === 'approved') await fulfil(event.record.id);
 *     break;
 *   case 'transactionbatch':
 *     if (event.record.processing_status === 'error') await alert(event.record.status_message);
 *     break;
 * }
 * ```
 */
export type PayaPostback =
  | PayaTransactionPostback
  | PayaContactPostback
  | PayaAccountVaultPostback
  | PayaTransactionBatchPostback
  | PayaUnknownPostback;
