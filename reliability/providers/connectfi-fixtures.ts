import { type ConnectFiSimPayment, type ConnectFiSimStatus, connectFiId } from '@payweave/testing';
import type { FixtureSet, ProviderEnv } from '../support/provider-harness.js';
import type { ConnectFiEnv } from './connectfi-harness.js';

let next = 50_000;

/**
 * connectFi has no create call: a fresh link (or refund) in `status` is added to the
 * simulator's records, copied from a seeded one, so every case acts on its own record.
 */
function freshLink(env: ProviderEnv, status: ConnectFiSimStatus, collection: 'payments' | 'refunds'): string {
  const state = (env as ConnectFiEnv).connectfi.state;
  const template = state[collection][0] as ConnectFiSimPayment;
  next += 1;
  const id = connectFiId(next);
  state[collection].push({
    ...structuredClone(template),
    cFiTransactionId: id,
    status,
    statusChangeHistory: [],
  });
  return id;
}

/** One valid input per connectFi operation. */
export const connectFiFixtures: FixtureSet = {
  'connectfi.paymentLinks.setStatus': {
    input: (env) => ({
      cFiTransactionId: freshLink(env, 'Error', 'payments'),
      status: 'SentToPay',
      description: 'Set to SentToPay',
      manualStatus: true,
    }),
  },
  'connectfi.paymentLinks.setRefundStatus': {
    input: (env) => ({
      cFiTransactionId: freshLink(env, 'Error', 'refunds'),
      status: 'Completed',
      description: 'Refund completed',
      manualStatus: false,
    }),
  },
  'connectfi.paymentLinks.cancel': {
    input: (env) => ({ cFiTransactionId: freshLink(env, 'Sent', 'payments') }),
    replayCodes: ['conflict'],
  },
  'connectfi.paymentLinks.list': { input: () => ({ numberOfRecords: 5, paymentType: 'card' }) },
  'connectfi.paymentLinks.retrieve': {
    input: (env) => ({ cFiTransactionId: freshLink(env, 'Sent', 'payments') }),
  },
};
