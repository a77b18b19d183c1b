import { buildError, defineOperation, type OperationContext, type PaymentsError } from '@payweave/core';
import type * as z from 'zod/mini';
import { toFilterQuery } from '../shared/paya-filters.js';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  createRecurringInput,
  deferRecurringInput,
  listRecurringsInput,
  type PayaRecurring,
  recurringEnvelope,
  recurringIdInput,
  recurringListEnvelope,
  recurringTimestampFilters,
  retrieveRecurringInput,
  skipRecurringInput,
  toPayaRecurring,
  updateRecurringInput,
} from './recurring-schemas.js';

const docsUrl = 'https://github.com/PayaDev/PayaConnect/tree/master/Endpoints/Recurrings';

/**
 * Lists recurrings, filtered; pages through all of them (Paya's example sorts by `next_run_date`).
 *
 * @example
 * ```ts
 * for await (const plan of paya.recurrings.list({ account_vault_id: vaultId, status: 'active' })) {
 *   console.log(plan.id, plan.next_run_on, plan.transaction_amount_money);
 * }
 * ```
 */
export const listRecurrings = defineOperation({
  id: 'paya.recurrings.list',
  method: 'GET',
  path: '/v2/recurrings',
  summary: 'List recurrings with filters (status, type, vault, dates, amounts), paging through all.',
  input: listRecurringsInput,
  output: recurringListEnvelope,
  retry: 'safe',
  docsUrl,
  toRequest: (input) => ({ query: toFilterQuery(input, recurringTimestampFilters) }),
  fromResponse: (body): ListPage<PayaRecurring> => ({
    items: body.recurrings.map(toPayaRecurring),
    meta: body.meta,
  }),
  paging: payaPaging<z.output<typeof listRecurringsInput>, PayaRecurring>(),
});

/**
 * Schedules charges of an account vault: `POST /v2/recurrings`. Paya documents no client
 * reference for recurrings (no `recurring_api_id`), so a lost answer cannot be told apart from
 * a refused one by a lookup; and a second recurring would charge the customer twice every
 * period. The create is therefore never resent automatically (retry mode `never`): after an
 * `outcomeUnknown` error, list the vault's recurrings (`recurrings.list({ account_vault_id })`)
 * before creating again.
 *
 * @example
 * ```ts
 * const plan = await paya.recurrings.create({
 *   account_vault_id: vaultId,
 *   location_id,
 *   transaction_amount: '1.50',
 *   interval: 1,
 *   interval_type: 'm',
 *   start_date: '2027-01-01',
 * });
 * if (plan.isErr() && plan.error.outcomeUnknown) {
 *   // Look before creating again: a second recurring would charge twice.
 *   console.log(await paya.recurrings.list({ account_vault_id: vaultId }).toArray({ limit: 50 }));
 * }
 * ```
 */
export const createRecurring = defineOperation({
  id: 'paya.recurrings.create',
  method: 'POST',
  path: '/v2/recurrings',
  summary: 'Schedule charges of an account vault (ongoing, or a fixed number of installments).',
  description:
    "Retry mode `never`: Paya has no client reference for recurrings, and a second one would charge every period twice. After an ambiguous failure, list the vault's recurrings before creating again.",
  input: createRecurringInput,
  output: recurringEnvelope,
  retry: 'never',
  docsUrl,
  toRequest: (input) => ({ json: { recurring: input } }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/**
 * Gets one recurring, with `expand` (e.g. its `transactions`).
 *
 * @example
 * ```ts
 * const plan = (await paya.recurrings.retrieve(recurringId, { expand: ['transactions'] })).unwrap();
 * console.log(plan.state, plan.next_run_on);
 * ```
 */
export const retrieveRecurring = defineOperation({
  id: 'paya.recurrings.retrieve',
  method: 'GET',
  path: '/v2/recurrings/{id}',
  summary: 'Get one recurring, with `expand` for related records (transactions, account_vault, ...).',
  input: retrieveRecurringInput,
  output: recurringEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ expand }) => ({ query: expand ? { expand: expand.join(',') } : {} }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/**
 * Changes the vault, deposit account, end, next run, notification or description of a recurring.
 *
 * @example
 * ```ts
 * await paya.recurrings.update(recurringId, { next_run_date: '2027-03-01', end_date: '2027-12-31' });
 * ```
 */
export const updateRecurring = defineOperation({
  id: 'paya.recurrings.update',
  method: 'PUT',
  path: '/v2/recurrings/{id}',
  summary:
    'Update a recurring (vault, deposit account, end date, next run date, notification days, description, active).',
  description:
    'The amount and the schedule are create-only in Paya and refused before sending. `active` is honoured for ongoing recurrings only.',
  input: updateRecurringInput,
  output: recurringEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: ({ id: _id, ...fields }) => ({ json: { recurring: fields } }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/**
 * Deletes a recurring (204): no further runs.
 *
 * @example
 * ```ts
 * await paya.recurrings.delete(recurringId);
 * ```
 */
export const deleteRecurring = defineOperation({
  id: 'paya.recurrings.delete',
  method: 'DELETE',
  path: '/v2/recurrings/{id}',
  summary: 'Delete a recurring: no further runs.',
  description: 'Retried as safe: a retry after a lost 204 reports the recurring as already gone (404).',
  input: recurringIdInput,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  fromResponse: (_body: unknown, input) => ({ id: input.id, deleted: true as const }),
});

/**
 * Skips the next runs: `POST /v2/recurrings/{id}/skipPayment?skip_count={n}`.
 *
 * @example
 * ```ts
 * const plan = (await paya.recurrings.skip(recurringId, { skip_count: 2 })).unwrap();
 * console.log(plan.next_run_on);
 * ```
 */
export const skipRecurring = defineOperation({
  id: 'paya.recurrings.skip',
  method: 'POST',
  path: '/v2/recurrings/{id}/skipPayment',
  summary:
    'Skip the next `skip_count` runs (default 1); the end date stays, so an installment plan collects that many fewer.',
  description:
    'Retry mode `never`: a resend after a lost answer would skip twice as many runs. Re-read the recurring (`next_run_on`) before sending again.',
  input: skipRecurringInput,
  output: recurringEnvelope,
  retry: 'never',
  positional: 'id',
  docsUrl,
  reference: (input) => input.id,
  toRequest: ({ skip_count }) => ({ query: { skip_count: skip_count ?? 1 }, json: {} }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/** Refuses to defer an ongoing recurring, which Paya does not allow, before sending. */
async function refuseOngoingDefer(
  input: z.output<typeof deferRecurringInput>,
  context: OperationContext,
): Promise<PaymentsError | undefined> {
  const operation = 'paya.recurrings.defer';
  const recurring = await context.run(retrieveRecurring, { id: input.id });
  if (recurring.isErr()) return recurring.error.with({ operation });
  if (recurring.value.type !== 'ongoing') return undefined;
  const why =
    'Paya defers installment plans only: an ongoing recurring has no end of schedule to move runs to; use recurrings.skip';
  return buildError(
    { provider: context.provider, operation },
    {
      code: 'validation',
      detail: `${why} (nothing was sent).`,
      fieldErrors: { id: [why] },
      retryable: false,
    },
  );
}

/**
 * Moves the next runs to the end of an installment plan: `POST .../deferPayment?defer_count={n}`.
 *
 * @example
 * ```ts
 * const plan = (await paya.recurrings.defer(installmentPlanId, { defer_count: 1 })).unwrap();
 * console.log(plan.ends_on); // one interval later
 * ```
 */
export const deferRecurring = defineOperation({
  id: 'paya.recurrings.defer',
  method: 'POST',
  path: '/v2/recurrings/{id}/deferPayment',
  summary:
    'Move the next `defer_count` runs (default 1) to the end of an installment plan (all installments still collected).',
  description:
    'Installment plans only: the SDK reads the recurring first and refuses an ongoing one. Retry mode `never`: a resend would defer twice.',
  input: deferRecurringInput,
  output: recurringEnvelope,
  retry: 'never',
  positional: 'id',
  docsUrl,
  reference: (input) => input.id,
  guard: refuseOngoingDefer,
  toRequest: ({ defer_count }) => ({ query: { defer_count: defer_count ?? 1 }, json: {} }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/**
 * Puts an active recurring on hold: `POST /v2/recurrings/{id}/placeOnHold`.
 *
 * @example
 * ```ts
 * const plan = (await paya.recurrings.hold(recurringId)).unwrap();
 * console.log(plan.state); // 'onHold'
 * ```
 */
export const holdRecurring = defineOperation({
  id: 'paya.recurrings.hold',
  method: 'POST',
  path: '/v2/recurrings/{id}/placeOnHold',
  summary: 'Put an active recurring on hold (status `on hold`, no next run) until it is activated.',
  description:
    'Retried as safe: it moves the recurring to a state, so a replay finds it already on hold (which Paya may refuse).',
  input: recurringIdInput,
  output: recurringEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: () => ({ json: {} }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/**
 * Resumes a recurring that is on hold: `POST /v2/recurrings/{id}/activate`.
 *
 * @example
 * ```ts
 * const plan = (await paya.recurrings.activate(recurringId)).unwrap();
 * console.log(plan.state, plan.next_run_on); // 'active', the next date
 * ```
 */
export const activateRecurring = defineOperation({
  id: 'paya.recurrings.activate',
  method: 'POST',
  path: '/v2/recurrings/{id}/activate',
  summary: 'Resume a recurring that is on hold (status `active`).',
  description:
    'Retried as safe: it moves the recurring to a state, so a replay finds it already active (which Paya may refuse).',
  input: recurringIdInput,
  output: recurringEnvelope,
  retry: 'safe',
  positional: 'id',
  docsUrl,
  toRequest: () => ({ json: {} }),
  fromResponse: (body) => toPayaRecurring(body.recurring),
});

/**
 * The recurring operations, by method name (`paya.recurrings.*`): CRUD plus Paya's four
 * documented actions (`skip` = skipPayment, `defer` = deferPayment, `hold` = placeOnHold,
 * `activate`).
 *
 * @example
 * ```ts
 * const plan = (
 *   await paya.recurrings.create({
 *     account_vault_id: vaultId,
 *     location_id,
 *     transaction_amount: '25.00',
 *     interval: 1,
 *     interval_type: 'm',
 *     start_date: '2027-01-01',
 *     installment_total_count: 12,
 *   })
 * ).unwrap();
 * await paya.recurrings.skip(plan.id, { skip_count: 1 });
 * await paya.recurrings.hold(plan.id);
 * ```
 */
export const recurringOperations = {
  create: createRecurring,
  retrieve: retrieveRecurring,
  update: updateRecurring,
  delete: deleteRecurring,
  list: listRecurrings,
  skip: skipRecurring,
  defer: deferRecurring,
  hold: holdRecurring,
  activate: activateRecurring,
} as const;
