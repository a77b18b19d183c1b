import { payaSimulatorDefaults } from '@payweave/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const location_id = ids.locationId;
const test = usePayaSimulator();
const day = 86_400_000;

const monthly = {
  account_vault_id: ids.cardVaultId,
  location_id,
  product_transaction_id: ids.ccProductTransactionId,
  interval: 1,
  interval_type: 'm' as const,
  start_date: '2027-01-15',
  description: 'Test Recurring',
  transaction_amount: '1.50',
  notification_days: 2,
};

beforeEach(() => test.simulator.clock.set('2027-01-10T12:00:00Z'));

const sent = (index = 0) => test.simulator.log[index];

describe('recurrings.create', () => {
  it("posts Paya's example body in the recurring envelope and decodes status, type, interval and dates", async () => {
    const recurring = (await test.paya.recurrings.create(monthly)).unwrap();
    const request = sent();
    expect(request).toMatchObject({ method: 'POST', path: '/v2/recurrings', outcome: 201 });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(authHeadersOf(request)).toEqual({
      'user-id': test.simulator.credentials.userId,
      'user-api-key': test.simulator.credentials.userApiKey,
      'developer-id': test.simulator.credentials.developerId,
    });
    expect(JSON.parse(request?.rawBody ?? '')).toEqual({ recurring: monthly });
    expect(recurring).toMatchObject({
      status: 'active',
      state: 'active',
      recurring_type_id: 'o',
      type: 'ongoing',
      interval_unit: 'month',
      next_run_date: '2027-01-15',
      next_run_on: '2027-01-15',
      end_date: '0000-00-00',
      ends_on: undefined,
      payment_method: 'cc',
      transaction_amount_money: { amountMinor: 150, currency: 'USD' },
    });
  });

  it('makes an installment plan from installment_total_count, with its end date and total', async () => {
    const plan = (
      await test.paya.recurrings.create({
        ...monthly,
        start_date: '2027-02-23',
        transaction_amount: '10.00',
        installment_total_count: 20,
      })
    ).unwrap();
    // As in Paya's example: 20 monthly runs from 2019-02-23 end on 2020-10-22.
    expect(plan).toMatchObject({
      type: 'installment',
      ends_on: '2028-10-22',
      installment_amount_total: '200.00',
      installment_amount_total_money: { amountMinor: 20_000, currency: 'USD' },
    });
  });

  it.each([
    ['an interval of 0', { interval: 0 }, 'interval', /from 1 to 999/],
    ['an interval of 4 digits', { interval: '1000' }, 'interval', /from 1 to 999/],
    ['an interval that is not a number', { interval: 'monthly' }, 'interval', /whole number/],
    [
      'an unknown interval_type',
      { interval_type: 'y' },
      'interval_type',
      /"d" \(days\), "w" \(weeks\) or "m"/,
    ],
    [
      'a start_date that is not a day',
      { start_date: '2027-02-30' },
      'start_date',
      /not a day of the calendar/,
    ],
    ['a start_date in another format', { start_date: '01/15/2027' }, 'start_date', /YYYY-MM-DD/],
    [
      'an end_date before the start',
      { end_date: '2027-01-01' },
      'end_date',
      /must be after start_date \(2027-01-15\): the schedule would end before its first run/,
    ],
    ['100 installments', { installment_total_count: 100 }, 'installment_total_count', /at most 99 runs/],
    ['0 installments', { installment_total_count: 0 }, 'installment_total_count', /at least 1 run/],
    ['100 notification days', { notification_days: 100 }, 'notification_days', /0 to 99/],
    ['a 37-character description', { description: 'x'.repeat(37) }, 'description', /36/],
    ['no account vault', { account_vault_id: undefined }, 'account_vault_id', /./],
    ['no amount', { transaction_amount: undefined }, 'transaction_amount', /./],
    ['a zero amount', { transaction_amount: '0.00' }, 'transaction_amount', /./],
    ["Paya's envelope", { recurring: {} }, 'recurring', /envelope/],
    ['a custom field Paya does not list as writable', { recurring_c1: 'x' }, 'recurring_c1', /./],
  ])('refuses %s before sending anything, naming the field and why', async (_name, change, field, why) => {
    const input = { ...monthly, ...change } as Record<string, unknown>;
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete input[key];
    const result = await test.paya.recurrings.create(input as never);
    expect(result.isErr() && result.error.code).toBe('validation');
    const messages = result.isErr() ? (result.error.fieldErrors?.[field] ?? []) : [];
    expect(messages.join(' ')).toMatch(why);
    expect(test.simulator.log).toHaveLength(0);
  });

  it("maps Paya's 422 to invalid_request with the field errors", async () => {
    const result = await test.paya.recurrings.create({ ...monthly, account_vault_id: 'b'.repeat(24) });
    expect(result.isErr() && result.error).toMatchObject({
      code: 'invalid_request',
      httpStatus: 422,
      fieldErrors: { account_vault_id: ['account_vault_id provided is not valid'] },
    });
  });

  it('never resends a create after a 503 (no client reference; a second recurring would charge twice)', async () => {
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /recurrings$/ } });
    const result = await test.paya.recurrings.create(monthly);
    expect(result.isErr() && result.error.code).toBe('provider_unavailable');
    expect(test.simulator.log).toHaveLength(1);
    expect(test.simulator.state.recurrings).toHaveLength(0);
  });

  it('reports outcomeUnknown, without a resend, when the answer to a recorded create is lost', async () => {
    test.simulator.faults.resetNext({ method: 'POST' }, { afterHandling: true });
    const result = await test.paya.recurrings.create(monthly);
    expect(result.isErr() && result.error).toMatchObject({ outcomeUnknown: true, retryable: false });
    expect(test.simulator.log.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(test.simulator.state.recurrings).toHaveLength(1);
  });
});

describe('recurrings.retrieve / update / list / delete', () => {
  it('reads, changes, lists and deletes', async () => {
    const created = (await test.paya.recurrings.create(monthly)).unwrap();
    const read = (
      await test.paya.recurrings.retrieve(created.id, { expand: ['account_vault', 'transactions'] })
    ).unwrap();
    expect(read).toMatchObject({ id: created.id, transactions: [] });
    expect(sent(1)).toMatchObject({
      method: 'GET',
      path: `/v2/recurrings/${created.id}`,
      query: { expand: 'account_vault,transactions' },
    });

    const updated = (
      await test.paya.recurrings.update(created.id, {
        next_run_date: '2027-02-01',
        description: 'Moved',
        end_date: '2027-12-31',
      })
    ).unwrap();
    expect(updated).toMatchObject({ next_run_on: '2027-02-01', ends_on: '2027-12-31', description: 'Moved' });
    expect(sent(2)).toMatchObject({
      method: 'PUT',
      path: `/v2/recurrings/${created.id}`,
      body: { recurring: { next_run_date: '2027-02-01', description: 'Moved', end_date: '2027-12-31' } },
    });

    await test.paya.recurrings.create({ ...monthly, interval_type: 'w', installment_total_count: 4 });
    const installments = (
      await test.paya.recurrings
        .list({ recurring_type_id: 'i', status: ['active', 'on hold'] })
        .toArray({ limit: 10 })
    ).unwrap();
    expect(installments.map((recurring) => recurring.type)).toEqual(['installment']);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({
      recurring_type_id: 'i',
      status: 'active,on hold',
    });

    expect((await test.paya.recurrings.delete(created.id)).unwrap()).toEqual({
      id: created.id,
      deleted: true,
    });
    expect(test.simulator.log.at(-1)).toMatchObject({ method: 'DELETE', outcome: 204 });
    const gone = await test.paya.recurrings.retrieve(created.id);
    expect(gone.isErr() && gone.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it.each([
    ['transaction_amount', { transaction_amount: '2.00' }],
    ['interval', { interval: 2 }],
    ['start_date', { start_date: '2027-03-01' }],
    ['installment_total_count', { installment_total_count: 3 }],
  ])('refuses to change the create-only %s, saying so, before sending', async (field, change) => {
    const result = await test.paya.recurrings.update('a'.repeat(24), change as never);
    expect(result.isErr() && result.error.code).toBe('validation');
    expect(result.isErr() && result.error.fieldErrors?.[field]?.[0]).toMatch(
      /cannot be changed on an existing recurring \(Paya allows .* on create only\)/,
    );
    expect(test.simulator.log).toHaveLength(0);
  });

  it('retries an update after a 503 (safe)', async () => {
    const created = (await test.paya.recurrings.create(monthly)).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'PUT' } });
    expect(
      (await test.paya.recurrings.update(created.id, { description: 'Again' })).unwrap().description,
    ).toBe('Again');
  });
});

describe('recurring actions', () => {
  it('skips runs with POST /skipPayment?skip_count=n and an empty body; never resent', async () => {
    const plan = (await test.paya.recurrings.create({ ...monthly, installment_total_count: 6 })).unwrap();
    const skipped = (await test.paya.recurrings.skip(plan.id, { skip_count: 2 })).unwrap();
    expect(sent(1)).toMatchObject({
      method: 'POST',
      path: `/v2/recurrings/${plan.id}/skipPayment`,
      query: { skip_count: '2' },
      body: {},
    });
    // The end date stays: the plan collects two runs fewer.
    expect(skipped).toMatchObject({ next_run_on: '2027-03-15', ends_on: plan.ends_on, state: 'active' });
    expect((await test.paya.recurrings.skip(plan.id)).unwrap().next_run_on).toBe('2027-04-15');
    expect(test.simulator.log.at(-1)?.query).toEqual({ skip_count: '1' });

    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /skipPayment$/ } });
    const lost = await test.paya.recurrings.skip(plan.id);
    expect(lost.isErr() && lost.error).toMatchObject({ code: 'provider_unavailable', reference: plan.id });
    expect(test.simulator.log.filter((request) => request.path.endsWith('skipPayment'))).toHaveLength(3);
  });

  it('defers runs of an installment plan to its end with POST /deferPayment?defer_count=n', async () => {
    const plan = (await test.paya.recurrings.create({ ...monthly, installment_total_count: 3 })).unwrap();
    expect(plan.ends_on).toBe('2027-04-14');
    const deferred = (await test.paya.recurrings.defer(plan.id, { defer_count: 1 })).unwrap();
    expect(deferred).toMatchObject({ next_run_on: '2027-02-15', ends_on: '2027-05-14' });
    expect(test.simulator.log.slice(1).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v2/recurrings/${plan.id}`,
      `POST /v2/recurrings/${plan.id}/deferPayment`,
    ]);
    expect(test.simulator.log.at(-1)?.query).toEqual({ defer_count: '1' });
  });

  it('refuses to defer an ongoing recurring before sending the action (Paya does not allow it)', async () => {
    const ongoing = (await test.paya.recurrings.create(monthly)).unwrap();
    const result = await test.paya.recurrings.defer(ongoing.id);
    expect(result.isErr() && result.error).toMatchObject({
      code: 'validation',
      operation: 'paya.recurrings.defer',
    });
    expect(result.isErr() && result.error.fieldErrors?.id?.[0]).toMatch(
      /installment plans only.*recurrings\.skip/,
    );
    expect(test.simulator.log.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it('puts a recurring on hold and activates it again', async () => {
    const created = (await test.paya.recurrings.create(monthly)).unwrap();
    const held = (await test.paya.recurrings.hold(created.id)).unwrap();
    expect(held).toMatchObject({
      status: 'on hold',
      state: 'onHold',
      next_run_date: '0000-00-00',
      next_run_on: undefined,
    });
    expect(sent(1)).toMatchObject({
      method: 'POST',
      path: `/v2/recurrings/${created.id}/placeOnHold`,
      body: {},
    });
    const again = await test.paya.recurrings.hold(created.id);
    expect(again.isErr() && again.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    const active = (await test.paya.recurrings.activate(created.id)).unwrap();
    expect(active).toMatchObject({ state: 'active', next_run_on: '2027-01-15' });
    expect(test.simulator.log.at(-1)).toMatchObject({ path: `/v2/recurrings/${created.id}/activate` });
  });

  it('retries hold after a 503 (it moves the recurring to a state) and maps 404', async () => {
    const created = (await test.paya.recurrings.create(monthly)).unwrap();
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /placeOnHold$/ } });
    expect((await test.paya.recurrings.hold(created.id)).unwrap().state).toBe('onHold');
    const missing = await test.paya.recurrings.activate('c'.repeat(24));
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it.each([
    ['skip', { skip_count: 0 }, 'skip_count'],
    ['defer', { defer_count: 1.5 }, 'defer_count'],
  ] as const)('refuses a %s count that is not a whole number of runs', async (action, input, field) => {
    const result =
      action === 'skip'
        ? await test.paya.recurrings.skip('a'.repeat(24), input as never)
        : await test.paya.recurrings.defer('a'.repeat(24), input as never);
    expect(result.isErr() && Object.keys(result.error.fieldErrors ?? {})).toEqual([field]);
    expect(test.simulator.log).toHaveLength(0);
  });
});

describe('the schedule on the simulator clock', () => {
  it('charges the vault on each due date, twice over two months, and lists the runs', async () => {
    const recurring = (await test.paya.recurrings.create(monthly)).unwrap();
    expect(test.simulator.runDueRecurrings()).toEqual([]);

    test.simulator.clock.advance(5 * day);
    const [first] = test.simulator.runDueRecurrings();
    expect(first).toMatchObject({ recurring_id: recurring.id, run_date: '2027-01-15', status_id: 101 });
    test.simulator.clock.advance(31 * day);
    const [second] = test.simulator.runDueRecurrings();
    expect(second).toMatchObject({ run_date: '2027-02-15', status_id: 101 });
    expect(test.simulator.runDueRecurrings()).toEqual([]);

    const runs = (
      await test.paya.transactions.list({ recurring_id: recurring.id }).toArray({ limit: 10 })
    ).unwrap();
    expect(runs.map((run) => run.id).sort()).toEqual([first?.transaction_id, second?.transaction_id].sort());
    for (const run of runs) {
      expect(run).toMatchObject({
        status: 'approved',
        type: 'sale',
        transaction_amount: '1.50',
        account_vault_id: ids.cardVaultId,
        last_four: '5454',
        recurring_id: recurring.id,
        is_recurring: true,
        trx_source_id: 13,
      });
    }
    const after = (await test.paya.recurrings.retrieve(recurring.id, { expand: ['transactions'] })).unwrap();
    expect(after.next_run_on).toBe('2027-03-15');
    expect((after as { transactions?: unknown[] }).transactions).toHaveLength(2);
  });

  it('makes every run a jump of the clock passed (catching up), and ends an installment plan after its count', async () => {
    const plan = (
      await test.paya.recurrings.create({
        ...monthly,
        interval: 2,
        interval_type: 'w',
        installment_total_count: 3,
      })
    ).unwrap();
    test.simulator.clock.advance(60 * day);
    const runs = test.simulator.runDueRecurrings();
    expect(runs.map((run) => run.run_date)).toEqual(['2027-01-15', '2027-01-29', '2027-02-12']);
    const ended = (await test.paya.recurrings.retrieve(plan.id)).unwrap();
    expect(ended).toMatchObject({ state: 'ended', next_run_on: undefined });
  });

  it('counts a declined run as an installment, and honours hold, skip and the month end', async () => {
    const declining = (
      await test.paya.recurrings.create({
        ...monthly,
        start_date: '2027-01-31',
        transaction_amount: '5.00',
        installment_total_count: 2,
      })
    ).unwrap();
    const held = (await test.paya.recurrings.create({ ...monthly, start_date: '2027-01-20' })).unwrap();
    await test.paya.recurrings.hold(held.id);
    const skipping = (await test.paya.recurrings.create({ ...monthly, start_date: '2027-01-20' })).unwrap();
    await test.paya.recurrings.skip(skipping.id);

    test.simulator.clock.set('2027-01-31T12:00:00Z');
    const january = test.simulator.runDueRecurrings();
    expect(january).toEqual([
      expect.objectContaining({ recurring_id: declining.id, run_date: '2027-01-31', status_id: 301 }),
    ]);
    // January 31st plus a month is the last day of February.
    expect((await test.paya.recurrings.retrieve(declining.id)).unwrap().next_run_on).toBe('2027-02-28');
    test.simulator.clock.set('2027-02-28T12:00:00Z');
    expect(test.simulator.runDueRecurrings().map((run) => [run.recurring_id, run.run_date])).toEqual([
      [declining.id, '2027-02-28'],
      [skipping.id, '2027-02-20'],
    ]);
    expect((await test.paya.recurrings.retrieve(declining.id)).unwrap().state).toBe('ended');
    // Activated, the held recurring runs from the next date on or after today (missed runs are not made up).
    expect((await test.paya.recurrings.activate(held.id)).unwrap().next_run_on).toBe('2027-03-20');
  });
});
