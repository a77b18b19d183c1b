import { leadConnectorWebhooks } from '@payweave/leadconnector';
import { createLeadConnectorTestSigner } from '@payweave/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPayweave } from '../create-payweave.js';

type Signer = Awaited<ReturnType<typeof createLeadConnectorTestSigner>>;
let signer: Signer;
beforeAll(async () => {
  signer = await createLeadConnectorTestSigner();
});

const now = () => new Date().toISOString();
const facade = (extra: Record<string, unknown> = {}) =>
  createPayweave({
    providers: {},
    webhooks: { leadconnector: leadConnectorWebhooks({ publicKeys: [signer.publicKeyPem] }), ...extra },
  });

const order = (fields: Record<string, unknown>) => ({
  type: 'OrderStatusUpdate',
  altId: 'loc_1',
  altType: 'location',
  _id: 'ord_1',
  contactId: 'c_1',
  contactSnapshot: { name: 'Ada', email: 'ada@example.com' },
  status: 'completed',
  currency: 'USD',
  amount: 150.1,
  timestamp: now(),
  webhookId: `wh_${Math.random()}`,
  ...fields,
});

const invoice = (fields: Record<string, unknown>) => ({
  _id: 'inv_1',
  status: 'paid',
  amountPaid: 999,
  currency: 'USD',
  invoiceNumber: '19',
  total: 999,
  amountDue: 0,
  dueDate: '2023-01-01',
  contactDetails: { id: 'c_1', name: 'Alex', email: 'alex@example.com' },
  timestamp: now(),
  webhookId: `wh_${Math.random()}`,
  ...fields,
});

describe('pw.webhooks.unwrap with HighLevel deliveries', () => {
  it('maps a completed order to payment_request.paid, with the unified request and the raw event', async () => {
    const pw = facade();
    const { body, headers } = await signer.sign(order({}));
    const result = (await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: body, headers })).unwrap();
    expect(result.provider).toBe('leadconnector');
    expect(result.unified).toMatchObject({
      type: 'payment_request.paid',
      paymentRequest: {
        provider: 'leadconnector',
        id: 'ord_1',
        kind: 'order',
        status: { unified: 'paid', raw: 'completed' },
        amount: { amountMinor: 15010, currency: 'USD' },
        customer: { id: 'c_1', name: 'Ada', email: 'ada@example.com' },
      },
    });
    expect(result.raw.type).toBe('OrderStatusUpdate');
  });

  it('names an order created payment_request.created and an unchanged status payment_request.updated', async () => {
    const pw = facade();
    const created = await signer.sign(order({ type: 'OrderCreate', status: 'pending' }));
    const updated = await signer.sign(order({ status: 'pending' }));
    const first = (
      await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: created.body, headers: created.headers })
    ).unwrap();
    const second = (
      await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: updated.body, headers: updated.headers })
    ).unwrap();
    expect(first.unified?.type).toBe('payment_request.created');
    expect(second.unified?.type).toBe('payment_request.updated');
  });

  it('maps each invoice event, with the event name from the body or from the per-call hint', async () => {
    const pw = facade();
    const cases: [string, string, Record<string, unknown>][] = [
      ['InvoicePaid', 'payment_request.paid', {}],
      [
        'InvoicePartiallyPaid',
        'payment_request.partially_paid',
        { status: 'partially_paid', amountPaid: 899 },
      ],
      ['InvoiceVoid', 'payment_request.canceled', { status: 'void' }],
      ['InvoiceDelete', 'payment_request.deleted', { status: 'delete' }],
      ['InvoiceSent', 'payment_request.sent', { status: 'sent' }],
      ['InvoiceCreate', 'payment_request.created', { status: 'draft' }],
      ['InvoiceUpdate', 'payment_request.updated', { status: 'draft' }],
    ];
    for (const [eventType, unifiedType, fields] of cases) {
      const named = await signer.sign(invoice({ type: eventType, ...fields }));
      const fromBody = (
        await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: named.body, headers: named.headers })
      ).unwrap();
      expect(fromBody.unified?.type).toBe(unifiedType);
      const unnamed = await signer.sign(invoice(fields));
      const fromHint = (
        await pw.webhooks.unwrap({
          provider: 'leadconnector',
          rawBody: unnamed.body,
          headers: unnamed.headers,
          eventType,
        })
      ).unwrap();
      expect(fromHint.unified?.type).toBe(unifiedType);
    }
    const paid = await signer.sign(invoice({ type: 'InvoicePaid' }));
    const result = (
      await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: paid.body, headers: paid.headers })
    ).unwrap();
    expect(result.unified).toMatchObject({
      paymentRequest: {
        kind: 'invoice',
        id: 'inv_1',
        amount: { amountMinor: 99900 },
        amountPaid: { amountMinor: 99900 },
        reference: '19',
      },
    });
  });

  it('keeps events without a unified form raw only', async () => {
    const pw = facade();
    const install = await signer.sign({
      type: 'INSTALL',
      appId: 'app',
      locationId: 'loc',
      timestamp: now(),
      webhookId: 'wh_i',
    });
    const result = (
      await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: install.body, headers: install.headers })
    ).unwrap();
    expect(result.unified).toBeUndefined();
    expect(result.raw.type).toBe('INSTALL');
  });

  it('refuses a tampered delivery and a duplicate, and accepts it again after release', async () => {
    const pw = facade();
    const signed = await signer.sign(order({ webhookId: 'wh_dup' }));
    const tampered = await pw.webhooks.unwrap({
      provider: 'leadconnector',
      rawBody: signed.body.replace('150.1', '1.5'),
      headers: signed.headers,
    });
    expect(tampered.isErr() && tampered.error.code).toBe('webhook_signature');
    const first = (
      await pw.webhooks.unwrap({ provider: 'leadconnector', rawBody: signed.body, headers: signed.headers })
    ).unwrap();
    const again = await pw.webhooks.unwrap({
      provider: 'leadconnector',
      rawBody: signed.body,
      headers: signed.headers,
    });
    expect(again.isErr() && again.error.code).toBe('webhook_duplicate');
    await pw.webhooks.release(first);
    const hinted = await pw.webhooks.unwrap({
      provider: 'leadconnector',
      rawBody: signed.body,
      headers: signed.headers,
      eventType: 'InvoicePaid',
    });
    expect(hinted.isOk()).toBe(true);
  });

  it('refuses with the published key when no keys are configured (the test key is not HighLevel)', async () => {
    const pw = createPayweave({ providers: {}, webhooks: { leadconnector: leadConnectorWebhooks() } });
    const signed = await signer.sign(order({}));
    const result = await pw.webhooks.unwrap({
      provider: 'leadconnector',
      rawBody: signed.body,
      headers: signed.headers,
    });
    expect(result.isErr() && result.error.code).toBe('webhook_signature');
  });
});

describe('pw.webhooks.unwrap never throws', () => {
  it('answers bad input, unverifiable providers and missing settings with errors that say why', async () => {
    const pw = createPayweave({ providers: {} });
    const cases: [unknown, string, RegExp][] = [
      [undefined, 'validation', /input must be an object/],
      [
        { provider: 'stripe', rawBody: '{}', headers: {} },
        'validation',
        /provider must be "leadconnector" or "paya"/,
      ],
      [{ provider: 'connectfi', rawBody: '{}', headers: {} }, 'unsupported', /connectFi signs no webhook/],
      [
        { provider: 'payconnect', rawBody: '{}', headers: {} },
        'unsupported',
        /PayConnect documents no webhooks/,
      ],
      [{ provider: 'paya', rawBody: 'a=b', headers: {} }, 'configuration', /webhooks\.paya: payaPostbacks/],
      [
        { provider: 'leadconnector', rawBody: '{}', headers: {} },
        'configuration',
        /webhooks\.leadconnector: leadConnectorWebhooks/,
      ],
    ];
    const receiving = facade();
    const refused: [unknown, string, RegExp][] = [
      [
        { provider: 'leadconnector', rawBody: { parsed: true }, headers: {} },
        'webhook_signature',
        /parsed object/,
      ],
      [{ provider: 'leadconnector', rawBody: '{}', headers: null }, 'webhook_signature', /headers/],
    ];
    for (const [target, input, code, message] of [
      ...cases.map(([input, code, message]) => [pw, input, code, message] as const),
      ...refused.map(([input, code, message]) => [receiving, input, code, message] as const),
    ]) {
      const result = await target.webhooks.unwrap(input as never);
      expect(result.isErr() && result.error.code, JSON.stringify(input)).toBe(code);
      expect(result.isErr() && result.error.message).toMatch(message);
    }
  });
});
