import { payaSimulatorDefaults } from '@payweave/testing';
import { describe, expect, it } from 'vitest';
import { authHeadersOf, usePayaSimulator } from '../test-support/setup-paya.js';

const ids = payaSimulatorDefaults;
const card = { account_number: '5454545454545454', exp_date: '1230' };
const test = usePayaSimulator();

async function saleInOpenBatch(amount = '10.00') {
  return (await test.paya.transactions.sale({ transaction_amount: amount, ...card })).unwrap();
}

describe('transactionBatches', () => {
  it('lists the open batch the sales landed in, processing_status_id decoded', async () => {
    const sale = await saleInOpenBatch();
    await saleInOpenBatch('11.00');
    const batches = (
      await test.paya.transactionBatches.list({ is_open: 1, sort: '-created_ts' }).toArray({ limit: 10 })
    ).unwrap();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({
      batch_num: 1,
      product_transaction_id: ids.ccProductTransactionId,
      is_open: 1,
      open: true,
      processing_status_id: 1,
      processing_status: 'toSettle',
      batch_close_ts: null,
    });
    const request = test.simulator.log.at(-1);
    expect(request).toMatchObject({
      method: 'GET',
      path: '/v2/transactionbatches',
      query: { is_open: '1', sort: '-created_ts' },
    });
    expect(authHeadersOf(request)['user-id']).toBe(test.simulator.credentials.userId);
    expect((await test.paya.transactions.retrieve(sale.id)).unwrap()).toMatchObject({
      transaction_batch_id: batches[0]?.id,
      batch: '1',
    });
    const inBatch = (
      await test.paya.transactions.list({ transaction_batch_id: batches[0]!.id }).toArray({ limit: 10 })
    ).unwrap();
    expect(inBatch).toHaveLength(2);
  });

  it('retrieves one batch and maps 404', async () => {
    await saleInOpenBatch();
    const [open] = test.simulator.state.transactionBatches;
    const batch = (await test.paya.transactionBatches.retrieve(open!.id)).unwrap();
    expect(batch).toMatchObject({ id: open!.id, processing_status: 'toSettle', open: true });
    expect(test.simulator.log.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v2/transactionbatches/${open!.id}`,
    });
    const missing = await test.paya.transactionBatches.retrieve('c'.repeat(24));
    expect(missing.isErr() && missing.error).toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('settles a batch by hand: POST /settle with {"transactionbatch":{"id":…}}; its sales become refundable', async () => {
    const sale = await saleInOpenBatch();
    const [open] = test.simulator.state.transactionBatches;
    const settled = (await test.paya.transactionBatches.settle(open!.id)).unwrap();
    const request = test.simulator.log.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: `/v2/transactionbatches/${open!.id}/settle` });
    expect(JSON.parse(request?.rawBody ?? '')).toEqual({ transactionbatch: { id: open!.id } });
    expect(settled).toMatchObject({
      batch: { open: false, is_open: 0, processing_status_id: 2, processing_status: 'settled' },
    });
    expect(typeof settled.batch?.batch_close_ts).toBe('number');
    const refund = await test.paya.transactions.refund({
      previous_transaction_id: sale.id,
      transaction_amount: '4.00',
    });
    expect(refund.isOk()).toBe(true);

    // A closed batch cannot close again (Paya's sandbox: 1629 "Duplicate Batch (Already Closed)").
    const again = await test.paya.transactionBatches.settle(open!.id);
    expect(again.isErr() && again.error).toMatchObject({ code: 'invalid_request', httpStatus: 422 });
    expect(again.isErr() && again.error.fieldErrors?.id?.[0]).toMatch(/Already Closed/);

    // The next sale opens batch 2.
    await saleInOpenBatch();
    const open2 = (await test.paya.transactionBatches.list({ is_open: 1 }).toArray({ limit: 10 })).unwrap();
    expect(open2.map((batch) => batch.batch_num)).toEqual([2]);
  });

  it('retries a settle after a 503 (a batch closes once)', async () => {
    await saleInOpenBatch();
    const [open] = test.simulator.state.transactionBatches;
    test.simulator.faults.failNext(1, 503, { match: { method: 'POST', path: /settle$/ } });
    expect((await test.paya.transactionBatches.settle(open!.id)).unwrap().batch?.processing_status).toBe(
      'settled',
    );
  });

  it('filters by processing status and closing time, and refuses an unknown status before sending', async () => {
    await saleInOpenBatch();
    const closed = test.simulator.settleBatches();
    expect(closed).toHaveLength(1);
    const settled = (
      await test.paya.transactionBatches
        .list({
          processing_status_id: [2, 6],
          batch_close_ts: 'today',
          product_transaction_id: ids.ccProductTransactionId,
        })
        .toArray({ limit: 10 })
    ).unwrap();
    expect(settled.map((batch) => batch.processing_status)).toEqual(['settled']);
    expect(test.simulator.log.at(-1)?.query).toMatchObject({
      processing_status_id: '2,6',
      batch_close_ts: 'today',
    });
    test.simulator.clearLog();
    const bad = await test.paya.transactionBatches.list({ processing_status_id: 7 } as never).firstPage();
    expect(bad.isErr() && bad.error.fieldErrors?.processing_status_id?.[0]).toMatch(/processing status id/);
    expect(test.simulator.log).toHaveLength(0);
  });
});
