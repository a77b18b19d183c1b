import type { RetryMode } from '@payweave/core';
import {
  type ConnectFiSimState,
  type LeadConnectorSimState,
  leadConnectorSimDefaults,
  type PayaSimState,
  type PayConnectSimState,
  payaSimulatorDefaults,
  seedPaymentLinkId,
} from '@payweave/testing';
import { invoiceInput } from '../providers/payconnect-fixtures.js';
import { sensitive } from '../providers/test-data.js';
import { uniqueRef } from '../support/create-record.js';
import type { ProviderEnv } from '../support/provider-harness.js';
import { pick } from '../support/random.js';

/** One call of the soak. */
export interface SoakCall {
  /** The provider's environment. */
  readonly env: ProviderEnv;
  /** Operation id. */
  readonly operation: string;
  /** Its input. */
  readonly input: unknown;
  /** For a create: the client reference it can be found by afterwards, and its retry mode. */
  readonly write?: { readonly ref: string; readonly mode: RetryMode };
}

/** How one provider takes part in the soak. */
export interface SoakParticipant {
  /** The provider's environment. */
  readonly env: ProviderEnv;
  /** The next call, drawn with `random`. */
  next(random: () => number): SoakCall;
  /** How many records exist per client reference (to find duplicates and lost writes). */
  recordsByRef(): Map<string, number>;
}

function countBy<T>(records: readonly T[], key: (record: T) => unknown): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) {
    const value = key(record);
    if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

type Draw = (random: () => number) => SoakCall;

function weighted(entries: readonly [number, Draw][]): Draw {
  const total = entries.reduce((sum, [weight]) => sum + weight, 0);
  return (random) => {
    let roll = random() * total;
    for (const [weight, draw] of entries) {
      roll -= weight;
      if (roll < 0) return draw(random);
    }
    return entries[0]![1](random);
  };
}

/** An amount Paya's sandbox approves (it declines $5.00 and $6.01-$6.31). */
function approvedAmount(random: () => number): string {
  return `${10 + Math.floor(random() * 90)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
}

/** Paya: card sales and contacts (reconcile creates), reads of transactions and locations. */
export function payaParticipant(env: ProviderEnv): SoakParticipant {
  const state = () => env.simulator.state as PayaSimState;
  const location_id = payaSimulatorDefaults.locationId;
  return {
    env,
    next: weighted([
      [
        3,
        (random) => {
          const ref = uniqueRef('soak-');
          return {
            env,
            operation: 'paya.transactions.sale',
            input: {
              location_id,
              transaction_amount: approvedAmount(random),
              transaction_api_id: ref,
              account_number: sensitive.cardNumber,
              exp_date: '1230',
              cvv: sensitive.cvv,
            },
            write: { ref, mode: 'reconcile' },
          };
        },
      ],
      [
        1,
        () => {
          const ref = uniqueRef('c');
          return {
            env,
            operation: 'paya.contacts.create',
            input: { location_id, last_name: 'Soak', contact_api_id: ref },
            write: { ref, mode: 'reconcile' },
          };
        },
      ],
      [2, () => ({ env, operation: 'paya.transactions.list', input: { page_size: 10 } })],
      [
        2,
        (random) => {
          const transactions = state().transactions;
          if (transactions.length === 0) return { env, operation: 'paya.transactions.list', input: {} };
          return {
            env,
            operation: 'paya.transactions.retrieve',
            input: { id: pick(transactions, random).id },
          };
        },
      ],
      [1, () => ({ env, operation: 'paya.locationInfos.list', input: {} })],
    ]),
    recordsByRef: () => {
      const counts = countBy(state().transactions, (record) => record.transaction_api_id);
      for (const [ref, count] of countBy(state().contacts, (record) => record.data.contact_api_id))
        counts.set(ref, count);
      return counts;
    },
  };
}

/** LeadConnector: coupons (reconcile create) and order / transaction reads. */
export function leadConnectorParticipant(env: ProviderEnv): SoakParticipant {
  const state = () => env.simulator.state as LeadConnectorSimState;
  return {
    env,
    next: weighted([
      [
        2,
        (random) => {
          const ref = uniqueRef('SOAK').toUpperCase();
          return {
            env,
            operation: 'leadconnector.coupons.create',
            input: {
              name: 'Soak coupon',
              code: ref,
              discountType: 'amount',
              discountValue: 1 + Math.floor(random() * 20),
              startDate: '2025-01-01T00:00:00Z',
            },
            write: { ref, mode: 'reconcile' },
          };
        },
      ],
      [2, () => ({ env, operation: 'leadconnector.orders.list', input: { limit: 10 } })],
      [
        1,
        () => ({
          env,
          operation: 'leadconnector.orders.retrieve',
          input: { orderId: leadConnectorSimDefaults.orderIds[0] },
        }),
      ],
      [1, () => ({ env, operation: 'leadconnector.transactions.list', input: { limit: 10 } })],
    ]),
    recordsByRef: () => countBy(state().coupons, (coupon) => coupon.code),
  };
}

/** PayConnect: invoice creates (retry `never`) and reads. */
export function payConnectParticipant(env: ProviderEnv): SoakParticipant {
  const state = () => env.simulator.state as PayConnectSimState;
  return {
    env,
    next: weighted([
      [
        2,
        () => {
          const input = invoiceInput();
          return {
            env,
            operation: 'payconnect.invoices.create',
            input,
            write: { ref: String(input.invoiceNumber), mode: 'never' },
          };
        },
      ],
      [1, () => ({ env, operation: 'payconnect.invoices.search', input: { pageSize: 10 } })],
      [
        2,
        (random) => {
          const invoices = state().invoices;
          if (invoices.length === 0) return { env, operation: 'payconnect.invoices.search', input: {} };
          const invoiceId = pick(invoices, random).invoiceId;
          return { env, operation: 'payconnect.invoices.retrieve', input: { invoiceId } };
        },
      ],
    ]),
    recordsByRef: () => countBy(state().invoices, (invoice) => invoice.invoiceNumber),
  };
}

/** connectFi: payment-link reads (its only create-like calls are status changes). */
export function connectFiParticipant(env: ProviderEnv): SoakParticipant {
  const state = () => env.simulator.state as ConnectFiSimState;
  return {
    env,
    next: weighted([
      [2, () => ({ env, operation: 'connectfi.paymentLinks.list', input: { numberOfRecords: 10 } })],
      [
        2,
        (random) => ({
          env,
          operation: 'connectfi.paymentLinks.retrieve',
          input: {
            cFiTransactionId:
              random() < 0.5 ? seedPaymentLinkId : pick(state().payments, random).cFiTransactionId,
          },
        }),
      ],
    ]),
    recordsByRef: () => new Map(),
  };
}
