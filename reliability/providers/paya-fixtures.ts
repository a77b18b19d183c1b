import { payaSimulatorDefaults } from '@payweave/testing';
import { createRecord, uniqueRef } from '../support/create-record.js';
import type { FixtureSet, ProviderEnv } from '../support/provider-harness.js';
import type { PayaEnv } from './paya-harness.js';
import { sensitive } from './test-data.js';

const location_id = payaSimulatorDefaults.locationId;
const card = {
  account_number: sensitive.cardNumber,
  exp_date: '1230',
  cvv: sensitive.cvv,
  billing_zip: '32606',
};

/** A fresh approved card sale (or auth-only) to act on. */
async function newSale(env: ProviderEnv, id = 'paya.transactions.sale'): Promise<string> {
  const sale = await createRecord<{ id: string }>(env.client, id, {
    location_id,
    transaction_amount: '10.00',
    ...card,
  });
  return sale.id;
}

async function newContact(env: ProviderEnv): Promise<string> {
  const contact = await createRecord<{ id: string }>(env.client, 'paya.contacts.create', {
    location_id,
    last_name: 'Sanchez',
    contact_api_id: uniqueRef('c'),
  });
  return contact.id;
}

async function newPaylink(env: ProviderEnv): Promise<string> {
  const paylink = await createRecord<{ id: string }>(env.client, 'paya.paylinks.create', {
    location_id,
    amount_due: '25.00',
    email: 'rick@example.com',
    delivery_method: 1,
    paylink_api_id: uniqueRef('pl'),
  });
  return paylink.id;
}

// Inactive, and on a loopback port nothing listens on: the suite never posts anywhere.
const postbackConfig = {
  location_id,
  resource: 'transaction',
  product_transaction_id: payaSimulatorDefaults.ccProductTransactionId,
  url: 'https://127.0.0.1:9/webhooks/paya/reliability?source=paya',
  basic_auth_username: 'reliability',
  basic_auth_password: sensitive.postbackPassword,
  expands: 'changelogs,tags',
  on_create: 1,
  on_update: 1,
  on_delete: 0,
  is_active: 0,
  number_of_attempts: 3,
  attempt_interval: 300,
};

async function newPostbackConfig(env: ProviderEnv): Promise<string> {
  const config = await createRecord<{ id: string }>(
    env.client,
    'paya.postbackConfigs.create',
    postbackConfig,
  );
  return config.id;
}

/** One valid input per Paya operation; records to act on are created first. */
export const payaFixtures: FixtureSet = {
  'paya.locationInfos.list': { input: () => ({ relationship: 'all' }) },
  'paya.contacts.create': {
    input: () => ({ location_id, last_name: 'Sanchez', first_name: 'Rick', contact_api_id: uniqueRef('c') }),
  },
  'paya.contacts.retrieve': { input: async (env) => ({ id: await newContact(env) }) },
  'paya.contacts.update': {
    input: async (env) => ({ id: await newContact(env), first_name: 'Morty', city: 'Seattle' }),
  },
  'paya.contacts.delete': {
    input: async (env) => ({ id: await newContact(env) }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.contacts.list': { input: () => ({ location_id, page_size: 5 }) },
  'paya.transactions.sale': {
    input: () => ({ location_id, transaction_amount: '10.00', order_num: 'R1', ...card }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.authOnly': {
    input: () => ({ location_id, transaction_amount: '60.00', ...card }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.authComplete': {
    input: async (env) => ({
      id: await newSale(env, 'paya.transactions.authOnly'),
      transaction_amount: '55.00',
    }),
    replayCodes: ['conflict', 'invalid_request', 'provider_error'],
  },
  'paya.transactions.void': {
    input: async (env) => ({ id: await newSale(env) }),
    replayCodes: ['conflict', 'invalid_request', 'provider_error'],
  },
  'paya.transactions.refund': {
    input: async (env) => {
      const id = await newSale(env);
      (env as PayaEnv).paya.settle();
      return { location_id, previous_transaction_id: id, transaction_amount: '4.00' };
    },
    filled: ['transaction_api_id'],
  },
  'paya.transactions.avsOnly': { input: () => ({ location_id, ...card }), filled: ['transaction_api_id'] },
  'paya.transactions.debit': {
    input: () => ({
      location_id,
      product_transaction_id: payaSimulatorDefaults.achProductTransactionId,
      ach_sec_code: 'WEB',
      transaction_amount: '12.00',
      account_number: sensitive.bankAccount,
      routing: sensitive.routing,
      account_holder_name: 'Rick Sanchez',
      account_type: 'checking',
      ssn4: sensitive.ssn4,
      dl_number: sensitive.licence,
      dl_state: 'FL',
    }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.credit': {
    input: () => ({
      location_id,
      product_transaction_id: payaSimulatorDefaults.achCcdProductTransactionId,
      ach_sec_code: 'CCD',
      transaction_amount: '7.00',
      account_number: sensitive.bankAccount,
      routing: sensitive.routing,
      account_holder_name: 'Rick Sanchez',
      account_type: 'checking',
    }),
    filled: ['transaction_api_id'],
  },
  'paya.transactions.retrieve': { input: async (env) => ({ id: await newSale(env) }) },
  'paya.transactions.list': { input: () => ({ location_id, page_size: 5 }) },
  'paya.paylinks.create': {
    input: () => ({
      location_id,
      amount_due: '25.00',
      email: 'rick@example.com',
      delivery_method: 1,
      paylink_api_id: uniqueRef('pl'),
    }),
  },
  'paya.paylinks.retrieve': { input: async (env) => ({ id: await newPaylink(env) }) },
  'paya.paylinks.update': {
    input: async (env) => ({ id: await newPaylink(env), description: 'Updated', amount_due: '30.00' }),
  },
  'paya.paylinks.delete': {
    input: async (env) => ({ id: await newPaylink(env) }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.paylinks.list': { input: () => ({ location_id, page_size: 5 }) },
  'paya.paylinks.resend': { input: async (env) => ({ id: await newPaylink(env) }) },
  'paya.postbackConfigs.create': { input: () => ({ ...postbackConfig }) },
  'paya.postbackConfigs.retrieve': { input: async (env) => ({ id: await newPostbackConfig(env) }) },
  'paya.postbackConfigs.update': {
    input: async (env) => ({
      id: await newPostbackConfig(env),
      url: 'https://127.0.0.1:9/webhooks/paya/rotated',
      basic_auth_password: `${sensitive.postbackPassword}-2`,
      on_delete: 1,
      number_of_attempts: 2,
    }),
  },
  'paya.postbackConfigs.delete': {
    input: async (env) => ({ id: await newPostbackConfig(env) }),
    replayCodes: ['conflict', 'not_found'],
  },
  'paya.postbackConfigs.list': { input: () => ({ location_id, resource: 'transaction', page_size: 5 }) },
};
