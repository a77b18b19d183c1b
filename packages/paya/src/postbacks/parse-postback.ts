import { readHeader, readTolerantly, sha256Hex, type WebhookHeaders } from '@payweave/core';
import type * as z from 'zod/mini';
import { contactRecord, toPayaContact } from '../contacts/contact-schemas.js';
import { toPayaTransaction, transactionRecord } from '../transactions/transaction-schemas.js';
import { accountVaultRecord, toPayaTransactionBatch, transactionBatchRecord } from './postback-records.js';
import {
  type PayaPostback,
  type PayaPostbackAction,
  type PayaPostbackResource,
  payaPostbackActions,
  payaPostbackResources,
} from './postback-types.js';

/** A postback that cannot be read, with why (never quoting what it held). */
export class PostbackProblem extends Error {}

const formFields = new Set(['type', 'resource', 'number_of_attempts', 'data']);
const encoder = new TextEncoder();

/** The form's fields; a repeated field is refused (which copy would be Paya's?). */
function readForm(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (fields.has(key)) {
      throw new PostbackProblem(
        formFields.has(key)
          ? `the form field ${key} was sent more than once`
          : 'a form field was sent more than once',
      );
    }
    fields.set(key, value);
  }
  return fields;
}

function required(fields: Map<string, string>, name: string): string {
  const value = fields.get(name);
  if (value === undefined || value === '') throw new PostbackProblem(`the form has no ${name} field`);
  return value;
}

function checkContentType(headers: WebhookHeaders): void {
  const header = readHeader(headers, 'content-type');
  if (header.kind === 'absent') return;
  if (header.kind === 'repeated')
    throw new PostbackProblem('the Content-Type header was sent more than once');
  const mediaType = header.value.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') {
    throw new PostbackProblem(
      'the body is not application/x-www-form-urlencoded, the only format Paya posts (is this request from Paya?)',
    );
  }
}

function parseData(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // No cause kept: V8's SyntaxError quotes the text around the error, which may be card data.
    throw new PostbackProblem('the data field is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new PostbackProblem('the data field is not a JSON object');
  return parsed as Record<string, unknown>;
}

/** Reads a record with its resource's tolerant schema; a record it cannot repair is malformed. */
function readRecord<T>(schema: z.ZodMiniType<T>, data: unknown, resource: string): T {
  const read = readTolerantly(schema, data);
  if (read.success) {
    // An id is what the record is re-read by (and deduplicated on): a record without one is not Paya's.
    if ((read.data as { id?: unknown }).id === '')
      throw new PostbackProblem(`the ${resource} record in data has an empty id`);
    return read.data;
  }
  // Field names and issue codes only: a value (an account number, a routing number) never.
  const where = [
    ...new Set(read.issues.map((issue) => issue.path.map(String).join('.') || '(record)')),
  ].slice(0, 5);
  throw new PostbackProblem(
    `the ${resource} record in data is not one Paya sends (check ${where.join(', ')})`,
  );
}

function stamp(value: unknown): string {
  return typeof value === 'number' || (typeof value === 'string' && /^\d{1,12}$/.test(value))
    ? String(value)
    : '';
}

/**
 * Parses a verified postback body (`type`, `resource`, `number_of_attempts`, `data`) into a
 * {@link PayaPostback}. Throws a {@link PostbackProblem} for what is not a Paya postback.
 */
export async function parsePostback(text: string, headers: WebhookHeaders): Promise<PayaPostback> {
  checkContentType(headers);
  const fields = readForm(text);
  const action = required(fields, 'type');
  if (!(payaPostbackActions as readonly string[]).includes(action))
    throw new PostbackProblem('the type field is not CREATE, UPDATE or DELETE');
  const resourceName = required(fields, 'resource');
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(resourceName))
    throw new PostbackProblem('the resource field is not a resource name');
  const attemptText = required(fields, 'number_of_attempts');
  if (!/^\d{1,6}$/.test(attemptText))
    throw new PostbackProblem('the number_of_attempts field is not a whole number');
  const attempt = Number(attemptText);
  const dataText = required(fields, 'data');
  const data = parseData(dataText);
  const digest = (await sha256Hex(encoder.encode(dataText))).slice(0, 16);
  const identity = (record: Record<string, unknown>) =>
    `${resourceName}:${typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : ''}:${action}:${stamp(record.modified_ts)}:${digest}`;
  const common = { provider: 'paya' as const, action: action as PayaPostbackAction, attempt };
  const resource = resourceName as PayaPostbackResource;
  if (!(payaPostbackResources as readonly string[]).includes(resourceName)) {
    return {
      ...common,
      type: `${resourceName}.${common.action}`,
      resource: 'unknown',
      resourceName,
      record: data,
      deliveryId: identity(data),
    };
  }
  switch (resource) {
    case 'transaction': {
      const record = toPayaTransaction(readRecord(transactionRecord, data, resource));
      return {
        ...common,
        type: `transaction.${common.action}`,
        resource,
        record,
        deliveryId: identity(record),
      };
    }
    case 'contact': {
      const record = toPayaContact(readRecord(contactRecord, data, resource));
      return { ...common, type: `contact.${common.action}`, resource, record, deliveryId: identity(record) };
    }
    case 'accountvault': {
      const record = readRecord(accountVaultRecord, data, resource);
      return {
        ...common,
        type: `accountvault.${common.action}`,
        resource,
        record,
        deliveryId: identity(record),
      };
    }
    case 'transactionbatch': {
      const record = toPayaTransactionBatch(readRecord(transactionBatchRecord, data, resource));
      return {
        ...common,
        type: `transactionbatch.${common.action}`,
        resource,
        record,
        deliveryId: identity(record),
      };
    }
  }
}
