// A tiny provider used by the core contract tests: a ledger of charges with a client
// reference, declared with @payweave/core's public defineOperation and simulated here.
import {
  type AuthStrategy,
  type CoreOptions,
  createProviderClient,
  createProviderRuntime,
  decimalAmount,
  defineOperation,
  Ok,
  staticHeaders,
} from '@payweave/core';
import * as z from 'zod/mini';
import { createSimulator, type Simulator } from '../simulator/create-simulator.js';
import { json, newHexId } from '../simulator/sim-helpers.js';

export interface Charge {
  id: string;
  reference: string;
  amount: string;
  card_number?: string;
}

export interface LedgerState {
  charges: Charge[];
}

export const ledgerBaseUrl = 'https://ledger.example.test';

export function createLedgerSimulator(): Simulator<LedgerState> {
  return createSimulator<LedgerState>({
    name: 'ledger',
    baseUrl: ledgerBaseUrl,
    initialState: () => ({ charges: [] }),
    routes: [
      {
        method: 'POST',
        path: '/charges',
        handle: (request, state) => {
          const body = request.body as { charge: Omit<Charge, 'id'> };
          const charge = { id: newHexId(), ...body.charge };
          state.charges.push(charge);
          return json(201, { charge });
        },
      },
      {
        method: 'GET',
        path: '/charges',
        handle: (request, state) => {
          const reference = request.query.get('reference');
          const page = Number(request.query.get('page') ?? '1');
          const pageSize = Number(request.query.get('page_size') ?? '10');
          const matching = reference
            ? state.charges.filter((charge) => charge.reference === reference)
            : state.charges;
          return json(200, {
            charges: matching.slice((page - 1) * pageSize, page * pageSize),
            meta: { totalCount: matching.length },
          });
        },
      },
      {
        method: 'GET',
        path: '/charges/:id',
        handle: (request, state) => {
          const charge = state.charges.find((candidate) => candidate.id === request.params.id);
          return charge ? json(200, { charge }) : json(404, { errors: { id: ['not found'] } });
        },
      },
    ],
  });
}

const chargeSchema = z.looseObject({ id: z.string(), reference: z.string(), amount: z.string() });

export const listCharges = defineOperation({
  id: 'ledger.charges.list',
  method: 'GET',
  path: '/charges',
  summary: 'List charges.',
  input: z.strictObject({
    reference: z.optional(z.string()),
    page: z.optional(z.number()),
    page_size: z.optional(z.number()),
  }),
  output: z.looseObject({ charges: z.array(chargeSchema), meta: z.looseObject({ totalCount: z.number() }) }),
  retry: 'safe',
  paging: {
    items: (output) => output.charges,
    next: (input, output, state) =>
      state.itemCount < output.meta.totalCount ? { ...input, page: (input.page ?? 1) + 1 } : undefined,
    totalCount: (output) => output.meta.totalCount,
  },
});

function chargeOperation<Id extends string>(id: Id, retry: 'reconcile' | 'never') {
  return defineOperation({
    id,
    method: 'POST',
    path: '/charges',
    summary: 'Create a charge.',
    input: z.strictObject({
      amount: decimalAmount({ decimals: 2 }),
      reference: z.optional(z.string().check(z.maxLength(64))),
      card_number: z.optional(z.string().check(z.regex(/^\d{13,19}$/))),
    }),
    output: z.looseObject({ charge: chargeSchema }),
    retry,
    prepare: (input) => ({ ...input, reference: input.reference ?? `ref-${newHexId()}` }),
    toRequest: (input) => ({ json: { charge: { ...input, amount: String(input.amount) } } }),
    fromResponse: (body) => body.charge,
    reconcile: async (input, context, signal) => {
      const found = await context.run(
        listCharges,
        { reference: input.reference, page: 1, page_size: 1 },
        { signal },
      );
      if (found.isErr()) return found;
      return Ok(found.value.charges[0]);
    },
  });
}

export const createCharge = chargeOperation('ledger.charges.create', 'reconcile');
export const createChargeOnce = chargeOperation('ledger.charges.createOnce', 'never');

export const retrieveCharge = defineOperation({
  id: 'ledger.charges.retrieve',
  method: 'GET',
  path: '/charges/{id}',
  summary: 'Get a charge.',
  input: z.strictObject({ id: z.string().check(z.minLength(1)) }),
  output: z.looseObject({ charge: chargeSchema }),
  retry: 'safe',
  positional: 'id',
  fromResponse: (body) => body.charge,
});

export function createLedgerClient(
  options: CoreOptions & { baseUrl?: string; apiKey?: string; auth?: AuthStrategy } = {},
) {
  const { baseUrl, apiKey = 'ledger-key-123456', auth, ...core } = options;
  const runtime = createProviderRuntime({
    provider: 'ledger',
    packageName: '@payweave/ledger-test',
    packageVersion: '0.0.0',
    baseUrl: baseUrl ?? ledgerBaseUrl,
    auth: auth ?? staticHeaders({ 'api-key': apiKey }),
    secrets: [apiKey],
    mapError: (response) => {
      const body = response.body as { errors?: Record<string, string[]> } | undefined;
      return body?.errors
        ? { fieldErrors: body.errors, providerMessage: Object.values(body.errors).flat().join('; ') }
        : undefined;
    },
    options: { backoffBaseMs: 5, backoffMaxMs: 20, ...core },
  });
  return createProviderClient(runtime, {
    charges: {
      create: createCharge,
      createOnce: createChargeOnce,
      retrieve: retrieveCharge,
      list: listCharges,
    },
  });
}
