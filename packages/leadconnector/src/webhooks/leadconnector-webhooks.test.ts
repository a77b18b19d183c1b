import { bytesToBase64, memoryDedupeStore, type PaymentsError } from '@payweave/core';
import { createLeadConnectorTestSigner, type LeadConnectorTestSigner } from '@payweave/testing';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeadConnectorEvent } from './event-types.js';
import { leadConnectorWebhooks, unwrapLeadConnectorWebhook } from './leadconnector-webhooks.js';
import {
  LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY,
  LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY,
} from './published-keys.js';

let signer: LeadConnectorTestSigner;
let otherSigner: LeadConnectorTestSigner;
beforeAll(async () => {
  [signer, otherSigner] = await Promise.all([
    createLeadConnectorTestSigner(),
    createLeadConnectorTestSigner(),
  ]);
});
afterEach(() => vi.restoreAllMocks());

const now = Date.parse('2025-06-25T06:57:06.225Z');
const at = (offsetMs = 0) => new Date(now + offsetMs).toISOString();
let serial = 0;
const fresh = () => ({
  timestamp: at(),
  webhookId: `1a533f85-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
});

const receiver = (options: Parameters<typeof leadConnectorWebhooks>[0] = {}) =>
  leadConnectorWebhooks({ publicKeys: [signer.publicKeyPem], ...options });

async function expectRefused(
  promise: Promise<{ isErr(): boolean; error?: unknown }>,
  code: PaymentsError['code'],
  message?: RegExp,
): Promise<PaymentsError> {
  const result = (await promise) as { isErr(): boolean; error: PaymentsError };
  expect(result.isErr()).toBe(true);
  expect(result.error.code).toBe(code);
  if (message) expect(result.error.message).toMatch(message);
  return result.error;
}

async function expectEvent(promise: Promise<unknown>): Promise<LeadConnectorEvent> {
  const result = (await promise) as { isOk(): boolean; value: LeadConnectorEvent; error?: PaymentsError };
  if (!result.isOk()) throw new Error(`refused: ${result.error?.message}`);
  return result.value;
}

// The documented example bodies (docs/webhook events/*.md), ids completed where the docs elide them.
const order = {
  type: 'OrderCreate',
  locationId: 'Z4Bxl8J4SaPEPLq9IQ8g',
  altId: 'Z4Bxl8J4SaPEPLq9IQ8g',
  altType: 'location',
  _id: '660ed43b9b1dd5a3c9a1d0e5',
  contactId: 'ff2Jd8tQ9xYq3zKeH6hG',
  contactSnapshot: {
    id: 'ff2Jd8tQ9xYq3zKeH6hG',
    firstName: 'Alex',
    email: 'alex@example.com',
    dnd: false,
    tags: ['vip'],
  },
  status: 'pending',
  fulfillmentStatus: 'unfulfilled',
  currency: 'USD',
  amount: 150.1,
  liveMode: false,
  amountSummary: { subtotal: 138, discount: 0, tax: 12.1, shipping: 0 },
  taxSummary: [{ _id: 'tax_1', amount: 12.1, calculation: 'exclusive', name: 'VAT', rate: 8.77 }],
  source: { type: 'website', subType: 'store', id: 'src_1', name: 'Store', meta: { domain: 'shop.example' } },
  items: [
    {
      name: 'Tee - XL',
      qty: 1,
      product: { _id: '660e5d1c5a7b8d0012ab3456', name: 'Tee' },
      price: {
        _id: '660e5d1c5a7b8d0012ab3457',
        type: 'one_time',
        currency: 'USD',
        amount: 17,
        variantOptionIds: ['opt_xl'],
      },
    },
  ],
  createdAt: '2024-04-04T16:24:27.036Z',
  updatedAt: '2024-04-04T16:24:31.297Z',
};

const invoice = (status: string, amountPaid: number, amountDue: number) => ({
  _id: '6578278e879ad2646715ba9c',
  status,
  liveMode: false,
  amountPaid,
  altId: '6578278e879ad2646715ba9c',
  altType: 'location',
  name: 'New Invoice',
  businessDetails: { name: 'Alex', address: '1 Main St', phoneNo: '+1-214-559-6993', customValues: [] },
  invoiceNumber: '19',
  currency: 'USD',
  contactDetails: {
    id: 'c_1',
    name: 'Alex',
    email: 'alex@example.com',
    address: { countryCode: 'US', city: 'Dallas' },
    additionalEmails: [{ email: 'billing@example.com' }],
  },
  issueDate: '2023-01-01',
  dueDate: '2023-01-01',
  discount: { type: 'percentage', value: 0 },
  invoiceItems: [
    {
      _id: 'c6tZZU0rJBf30ZXx9Gli',
      productId: '6578278e879ad2646715ba9c',
      priceId: '6578278e879ad2646715ba9d',
      currency: 'USD',
      name: 'Macbook Pro',
      qty: 1,
      amount: 999,
      taxes: [],
    },
  ],
  total: 999,
  title: 'INVOICE',
  amountDue,
  createdAt: '2023-12-12T09:27:42.355Z',
  updatedAt: '2023-12-12T09:27:42.355Z',
  totalSummary: { subTotal: 999, discount: 0 },
});

const install = {
  type: 'INSTALL',
  appId: 've9EPM428h8vShlRW1KT',
  versionId: 've9EPM428h8vShlRW1KT',
  installType: 'Location',
  locationId: 'otg8dTQqGLh3Q6iQI55w',
  companyId: 'otg8dTQqGLh3Q6iQI55w',
  userId: 'otg8dTQqGLh3Q6iQI55w',
  planId: '66a0419a0dffa47fb5f8b22f',
  trial: { onTrial: true, trialDuration: 10, trialStartDate: '2024-07-23T23:54:51.264Z' },
  isWhitelabelCompany: false,
  whitelabelDetails: {},
  companyName: 'Example Company',
};

const uninstall = { type: 'UNINSTALL', appId: 've9EPM428h8vShlRW1KT', locationId: 'otg8dTQqGLh3Q6iQI55w' };

const product = {
  _id: '655b33a82209e60b6adb87a5',
  name: 'Awesome Product',
  description: 'A product',
  productType: 'PHYSICAL',
  locationId: '3SwdhCsvxI8Au3KsPJt6',
  availableInStore: true,
  image: 'https://example.com/image.png',
  variants: [{ id: 'v1', name: 'Size', options: [{ id: 'o1', name: 'XL' }] }],
  medias: [{ id: 'm1', title: 'front', url: 'https://example.com/m1.png', type: 'image', isFeatured: true }],
  createdAt: '2023-11-20T10:23:36.515Z',
  updatedAt: '2024-01-23T09:57:04.846Z',
};

const priceBase = {
  _id: '655b33aa2209e60b6adb87a7',
  locationId: '3SwdhCsvxI8Au3KsPJt6',
  product: '655b33a82209e60b6adb87a5',
  name: 'Price Name',
  currency: 'INR',
  amount: 199999,
  compareAtPrice: 2000000,
  availableQuantity: 5,
  recurring: { interval: 'day', intervalCount: 1 },
  membershipOffers: [{ label: 'top_50', value: 'value', _id: '740b33aa2209e60b6adb87a5' }],
  variantOptionIds: ['h4z7u0im2q8', 'h4z7u0im2q9'],
  allowOutOfStockPurchases: true,
  trackInventory: null,
  createdAt: '2023-11-20T10:23:38.645Z',
  updatedAt: '2024-01-23T09:57:04.852Z',
};
const priceCreate = { ...priceBase, priceType: 'one_time' };
const priceUpdate = { ...priceBase, type: 'one_time' };

describe('leadConnectorWebhooks: a valid delivery of every documented event', () => {
  it('parses OrderCreate and OrderStatusUpdate into typed events', async () => {
    for (const [type, status] of [
      ['OrderCreate', 'pending'],
      ['OrderStatusUpdate', 'completed'],
    ] as const) {
      const body = { ...order, type, status, ...fresh() };
      const { body: text, headers } = await signer.sign(body);
      const event = await expectEvent(receiver().unwrap(text, headers, { nowMs: now }));
      expect(event).toMatchObject({
        provider: 'leadconnector',
        type,
        deliveryId: body.webhookId,
        webhookId: body.webhookId,
        timestamp: body.timestamp,
        signedForm: 'raw',
      });
      if (event.type !== 'OrderCreate' && event.type !== 'OrderStatusUpdate') throw new Error('not an order');
      expect(event.data._id).toBe(order._id);
      expect(event.data.status).toBe(status);
      expect(event.data.amount).toBe(150.1);
      expect(event.data.contactSnapshot?.email).toBe('alex@example.com');
      expect(event.data.items?.[0]?.price?.type).toBe('one_time');
      expect(event.data.amountSummary?.tax).toBe(12.1);
      expect(event.data.source?.meta).toEqual({ domain: 'shop.example' });
    }
  });

  it('parses the seven invoice events from a `type` in the body', async () => {
    const cases = [
      ['InvoiceCreate', 'draft', 0, 999],
      ['InvoiceUpdate', 'draft', 0, 999],
      ['InvoiceSent', 'sent', 0, 999],
      ['InvoicePaid', 'paid', 999, 0],
      ['InvoicePartiallyPaid', 'partially_paid', 899, 100],
      ['InvoiceVoid', 'void', 0, 999],
      ['InvoiceDelete', 'delete', 0, 999],
    ] as const;
    for (const [type, status, paid, due] of cases) {
      const { body, headers } = await signer.sign({ type, ...invoice(status, paid, due), ...fresh() });
      const event = await expectEvent(receiver().unwrap(body, headers, { nowMs: now }));
      expect(event.type).toBe(type);
      if (event.type !== type) throw new Error('unreachable');
      expect(event.data).toMatchObject({ status, amountPaid: paid, amountDue: due, invoiceNumber: '19' });
      expect(event.data.contactDetails?.address?.countryCode).toBe('US');
      expect(event.data.invoiceItems?.[0]?.amount).toBe(999);
    }
  });

  it('takes an invoice body without `type` (as documented) from the eventType of its URL', async () => {
    const { body, headers } = await signer.sign({ ...invoice('paid', 999, 0), ...fresh() });
    const event = await expectEvent(
      receiver({ eventType: 'InvoicePaid' }).unwrap(body, headers, { nowMs: now }),
    );
    expect(event.type).toBe('InvoicePaid');
    if (event.type !== 'InvoicePaid') throw new Error('unreachable');
    expect(event.data.amountPaid).toBe(999);
    // Without the URL's event, a typeless body is not guessed at.
    const other = await expectEvent(receiver().unwrap(body, headers, { nowMs: now }));
    expect(other).toMatchObject({ type: 'other', eventType: undefined });
  });

  it('parses INSTALL and UNINSTALL', async () => {
    const installed = await signer.sign({ ...install, ...fresh() });
    const event = await expectEvent(receiver().unwrap(installed.body, installed.headers, { nowMs: now }));
    expect(event.type).toBe('INSTALL');
    if (event.type !== 'INSTALL') throw new Error('unreachable');
    expect(event.data).toMatchObject({
      appId: install.appId,
      installType: 'Location',
      companyName: 'Example Company',
    });
    expect(event.data.trial?.trialDuration).toBe(10);

    // The documented UNINSTALL body has no timestamp or webhookId: accepted, deduped by its hash.
    const removed = await signer.sign(uninstall);
    const gone = await expectEvent(receiver().unwrap(removed.body, removed.headers, { nowMs: now }));
    expect(gone.type).toBe('UNINSTALL');
    expect(gone.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(gone.webhookId).toBeUndefined();
    expect(gone.timestamp).toBeUndefined();
    if (gone.type !== 'UNINSTALL') throw new Error('unreachable');
    expect(gone.data.locationId).toBe(uninstall.locationId);
  });

  it('parses the product events (from `type` in the body or the URL eventType)', async () => {
    for (const type of ['ProductCreate', 'ProductUpdate', 'ProductDelete'] as const) {
      const named = await signer.sign({ type, ...product, ...fresh() });
      const event = await expectEvent(receiver().unwrap(named.body, named.headers, { nowMs: now }));
      expect(event.type).toBe(type);
      const typeless = await signer.sign({ ...product, ...fresh() });
      const hinted = await expectEvent(
        receiver({ eventType: type }).unwrap(typeless.body, typeless.headers, { nowMs: now }),
      );
      expect(hinted.type).toBe(type);
      if (hinted.type !== type) throw new Error('unreachable');
      expect(hinted.data).toMatchObject({
        name: 'Awesome Product',
        productType: 'PHYSICAL',
        availableInStore: true,
      });
      expect(hinted.data.variants?.[0]?.options?.[0]?.name).toBe('XL');
      expect(hinted.data.medias?.[0]?.isFeatured).toBe(true);
    }
  });

  it('parses the price events without ever taking the price kind in `type` for an event name', async () => {
    const created = await signer.sign({ ...priceCreate, ...fresh() });
    const createEvent = await expectEvent(
      receiver({ eventType: 'PriceCreate' }).unwrap(created.body, created.headers, { nowMs: now }),
    );
    expect(createEvent.type).toBe('PriceCreate');
    if (createEvent.type !== 'PriceCreate') throw new Error('unreachable');
    expect(createEvent.data).toMatchObject({
      priceType: 'one_time',
      product: priceBase.product,
      amount: 199999,
    });
    expect(createEvent.data.recurring?.intervalCount).toBe(1);
    expect(createEvent.data.trackInventory).toBeNull();

    for (const type of ['PriceUpdate', 'PriceDelete'] as const) {
      const updated = await signer.sign({ ...priceUpdate, ...fresh() });
      const event = await expectEvent(
        receiver({ eventType: type }).unwrap(updated.body, updated.headers, { nowMs: now }),
      );
      expect(event.type).toBe(type);
      if (event.type !== type) throw new Error('unreachable');
      // The body's own `type` (the price kind) is kept in data.
      expect(event.data.type).toBe('one_time');
      expect(event.data.membershipOffers?.[0]?.label).toBe('top_50');
    }

    // No URL event: `type: "one_time"` is a price kind, so the event is `other` with no name.
    const updated = await signer.sign({ ...priceUpdate, ...fresh() });
    const other = await expectEvent(receiver().unwrap(updated.body, updated.headers, { nowMs: now }));
    expect(other).toMatchObject({ type: 'other', eventType: undefined });
    const recurring = await signer.sign({ ...priceUpdate, type: 'recurring', ...fresh() });
    const stillOther = await expectEvent(
      receiver().unwrap(recurring.body, recurring.headers, { nowMs: now }),
    );
    expect(stillOther).toMatchObject({ type: 'other', eventType: undefined });
  });

  it('lets a known event name in the body win over the URL eventType (the body is signed)', async () => {
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    const event = await expectEvent(
      receiver({ eventType: 'PriceUpdate' }).unwrap(body, headers, { nowMs: now }),
    );
    expect(event.type).toBe('OrderCreate');
  });

  it('keeps an unknown event type as the generic variant', async () => {
    const { body, headers } = await signer.sign({
      type: 'SubscriptionCreate',
      _id: 'sub_1',
      extra: { a: 1 },
      ...fresh(),
    });
    const event = await expectEvent(receiver().unwrap(body, headers, { nowMs: now }));
    expect(event).toMatchObject({ type: 'other', eventType: 'SubscriptionCreate' });
    if (event.type !== 'other') throw new Error('unreachable');
    expect(event.data).toMatchObject({ _id: 'sub_1', extra: { a: 1 } });
  });

  it('does not crash on a documented field of the wrong type: it reads undefined, raw keeps it', async () => {
    const { body, headers } = await signer.sign({
      ...order,
      amount: '150.10',
      liveMode: 'no',
      items: 'none',
      contactSnapshot: { email: 42, firstName: 'Alex' },
      brandNew: { nested: true },
      ...fresh(),
    });
    const event = await expectEvent(receiver().unwrap(body, headers, { nowMs: now }));
    if (event.type !== 'OrderCreate') throw new Error('not an order');
    expect(event.data.amount).toBeUndefined();
    expect(event.data.liveMode).toBeUndefined();
    expect(event.data.items).toBeUndefined();
    expect(event.data.contactSnapshot).toMatchObject({ firstName: 'Alex' });
    expect(event.data.contactSnapshot?.email).toBeUndefined();
    expect(event.data.brandNew).toEqual({ nested: true });
    expect(event.raw.amount).toBe('150.10');
    expect(event.data._id).toBe(order._id);
  });
});

describe('leadConnectorWebhooks: signatures', () => {
  it('refuses a tampered body', async () => {
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    const tampered = body.replace('150.1', '1.5');
    await expectRefused(
      receiver().unwrap(tampered, headers, { nowMs: now }),
      'webhook_signature',
      /does not verify/,
    );
  });

  it('refuses a delivery signed with another key', async () => {
    const { body, headers } = await otherSigner.sign({ ...order, ...fresh() });
    await expectRefused(
      receiver().unwrap(body, headers, { nowMs: now }),
      'webhook_signature',
      /does not verify/,
    );
  });

  it("trusts HighLevel's published Ed25519 key by default, and only it", async () => {
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    const error = await expectRefused(
      leadConnectorWebhooks().unwrap(body, headers, { nowMs: now }),
      'webhook_signature',
      /does not verify with the Ed25519 key/,
    );
    expect(error.provider).toBe('leadconnector');
    // The same delivery passes once its key is listed next to the published one (rotation).
    const rotated = leadConnectorWebhooks({
      publicKeys: [LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY, signer.publicKeyPem],
    });
    expect((await expectEvent(rotated.unwrap(body, headers, { nowMs: now }))).type).toBe('OrderCreate');
  });

  it('refuses a missing, empty, N/A, non-base64, wrong-length or repeated header without quoting it', async () => {
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    const valid = headers['x-ghl-signature'] as string;
    const cases: [Record<string, string | string[]> | Headers, RegExp][] = [
      [{ 'content-type': 'application/json' }, /unsigned: no x-ghl-signature header and no x-wh-signature/],
      [{ 'x-ghl-signature': '' }, /unsigned/],
      [{ 'x-ghl-signature': 'N/A' }, /unsigned: x-ghl-signature is N\/A/],
      [{ 'X-GHL-Signature': 'n/a', 'x-wh-signature': 'N/A' }, /unsigned/],
      [{ 'x-ghl-signature': 'not base64!*' }, /x-ghl-signature is not base64/],
      [
        { 'x-ghl-signature': bytesToBase64(new Uint8Array(63)) },
        /decodes to 63 bytes; an Ed25519 signature is 64/,
      ],
      [{ 'x-ghl-signature': [valid, bytesToBase64(new Uint8Array(64))] }, /sent more than once/],
      [{ 'x-ghl-signature': `${valid}, ${bytesToBase64(new Uint8Array(64))}` }, /sent more than once/],
      [
        new Headers([
          ['x-ghl-signature', valid],
          ['x-ghl-signature', bytesToBase64(new Uint8Array(64))],
        ]),
        /sent more than once/,
      ],
    ];
    for (const [candidate, message] of cases) {
      const error = await expectRefused(
        receiver().unwrap(body, candidate, { nowMs: now }),
        'webhook_signature',
        message,
      );
      expect(error.message).not.toContain(valid);
      expect(error.message).not.toContain('not base64!*');
    }
    // The same header sent twice with one value is not ambiguous.
    const twice = await expectEvent(
      receiver().unwrap(body, { 'x-ghl-signature': [valid, valid] }, { nowMs: now }),
    );
    expect(twice.type).toBe('OrderCreate');
  });

  it('refuses a parsed object where the raw body belongs', async () => {
    const payload = { ...order, ...fresh() };
    const { headers } = await signer.sign(payload);
    await expectRefused(
      receiver().unwrap(payload as never, headers, { nowMs: now }),
      'webhook_signature',
      /parsed object/,
    );
  });

  it('accepts a body whose compact JSON form was signed (HighLevel examples sign JSON.stringify(body))', async () => {
    const payload = { ...order, ...fresh() };
    const { headers } = await signer.sign(JSON.stringify(payload));
    const pretty = JSON.stringify(payload, null, 2);
    const event = await expectEvent(receiver().unwrap(pretty, headers, { nowMs: now }));
    expect(event.signedForm).toBe('compact');
    expect(event.type).toBe('OrderCreate');
    // Raw-signed deliveries say so.
    const raw = await signer.sign(pretty);
    expect((await expectEvent(receiver().unwrap(raw.body, raw.headers, { nowMs: now }))).signedForm).toBe(
      'raw',
    );
    // A pretty body whose compact form does not match (a changed value) is still refused.
    await expectRefused(
      receiver().unwrap(pretty.replace('"pending"', '"completed"'), headers, { nowMs: now }),
      'webhook_signature',
    );
  });

  it('verifies raw bytes first: a non-JSON body signed as is passes the signature (then is malformed)', async () => {
    const { body, headers } = await signer.sign('not json at all');
    await expectRefused(receiver().unwrap(body, headers, { nowMs: now }), 'webhook_malformed', /not JSON/);
    const array = await signer.sign('[1,2,3]');
    await expectRefused(
      receiver().unwrap(array.body, array.headers, { nowMs: now }),
      'webhook_malformed',
      /not a JSON object/,
    );
    const unsigned = await receiver().unwrap('not json at all', {}, { nowMs: now });
    expect(unsigned.isErr() && unsigned.error.code).toBe('webhook_signature');
  });
});

describe('leadConnectorWebhooks: legacy RSA (x-wh-signature)', () => {
  const legacy = () => ({ publicKeys: [signer.rsaPublicKeyPem] });

  it('refuses an RSA-only delivery unless the caller opted in', async () => {
    const { body, headers } = await signer.sign(
      { ...order, ...fresh() },
      { legacyRsa: true, omitEd25519: true },
    );
    await expectRefused(
      receiver().unwrap(body, headers, { nowMs: now }),
      'webhook_signature',
      /only the legacy x-wh-signature \(RSA\) was sent.*legacyRsa: true/,
    );
    const event = await expectEvent(receiver({ legacyRsa: legacy() }).unwrap(body, headers, { nowMs: now }));
    expect(event).toMatchObject({ type: 'OrderCreate', signedForm: 'raw' });
    // An N/A Ed25519 header counts as absent, so RSA decides.
    const na = await expectEvent(
      receiver({ legacyRsa: legacy() }).unwrap(
        body,
        { ...headers, 'x-ghl-signature': 'N/A' },
        { nowMs: now },
      ),
    );
    expect(na.type).toBe('OrderCreate');
  });

  it('refuses RSA once `until` has passed', async () => {
    const { body, headers } = await signer.sign(
      { ...order, ...fresh() },
      { legacyRsa: true, omitEd25519: true },
    );
    await expectRefused(
      receiver({ legacyRsa: { ...legacy(), until: new Date(now - 1) } }).unwrap(body, headers, {
        nowMs: now,
      }),
      'webhook_signature',
      /accepted until 2025-06-25T06:57:06.224Z/,
    );
    const before = await expectEvent(
      receiver({ legacyRsa: { ...legacy(), until: new Date(now + 60_000) } }).unwrap(body, headers, {
        nowMs: now,
      }),
    );
    expect(before.type).toBe('OrderCreate');
  });

  it('decides by Ed25519 alone when both headers are there', async () => {
    const both = await signer.sign({ ...order, ...fresh() }, { legacyRsa: true });
    const options = { legacyRsa: legacy() };
    // Valid RSA, broken Ed25519: refused, no fallback.
    const brokenEd = { ...both.headers, 'x-ghl-signature': bytesToBase64(new Uint8Array(64).fill(7)) };
    await expectRefused(
      receiver(options).unwrap(both.body, brokenEd, { nowMs: now }),
      'webhook_signature',
      /x-ghl-signature does not verify/,
    );
    // Valid Ed25519, garbage RSA: accepted.
    const garbageRsa = { ...both.headers, 'x-wh-signature': 'garbage!!' };
    expect((await expectEvent(receiver(options).unwrap(both.body, garbageRsa, { nowMs: now }))).type).toBe(
      'OrderCreate',
    );
  });

  it('refuses an RSA signature of the wrong length or by another key', async () => {
    const { body, headers } = await signer.sign(
      { ...order, ...fresh() },
      { legacyRsa: true, omitEd25519: true },
    );
    await expectRefused(
      receiver({ legacyRsa: legacy() }).unwrap(
        body,
        { 'x-wh-signature': bytesToBase64(new Uint8Array(512)) },
        { nowMs: now },
      ),
      'webhook_signature',
      /decodes to 512 bytes; the RSA key signs 256/,
    );
    await expectRefused(
      receiver({ legacyRsa: { publicKeys: [otherSigner.rsaPublicKeyPem] } }).unwrap(body, headers, {
        nowMs: now,
      }),
      'webhook_signature',
      /x-wh-signature does not verify/,
    );
    // `legacyRsa: true` uses HighLevel's published 4096-bit key: a 2048-bit signature cannot match it.
    await expectRefused(
      receiver({ legacyRsa: true }).unwrap(body, headers, { nowMs: now }),
      'webhook_signature',
      /decodes to 256 bytes; the RSA key signs 512/,
    );
  });
});

describe('leadConnectorWebhooks: replay protection', () => {
  it('refuses a stale and a future timestamp, and accepts both with toleranceMs: false', async () => {
    const stale = await signer.sign({ ...order, timestamp: at(-6 * 60_000), webhookId: 'wh-stale' });
    await expectRefused(
      receiver().unwrap(stale.body, stale.headers, { nowMs: now }),
      'webhook_stale',
      /360 s old/,
    );
    const future = await signer.sign({ ...order, timestamp: at(6 * 60_000), webhookId: 'wh-future' });
    await expectRefused(
      receiver().unwrap(future.body, future.headers, { nowMs: now }),
      'webhook_stale',
      /in the future/,
    );
    const edge = await signer.sign({ ...order, timestamp: at(-4 * 60_000), webhookId: 'wh-edge' });
    expect((await expectEvent(receiver().unwrap(edge.body, edge.headers, { nowMs: now }))).type).toBe(
      'OrderCreate',
    );

    const off = receiver({ toleranceMs: false });
    expect((await expectEvent(off.unwrap(stale.body, stale.headers, { nowMs: now }))).type).toBe(
      'OrderCreate',
    );
    expect((await expectEvent(off.unwrap(future.body, future.headers, { nowMs: now }))).type).toBe(
      'OrderCreate',
    );
    const narrow = receiver({ toleranceMs: 1000 });
    await expectRefused(narrow.unwrap(edge.body, edge.headers, { nowMs: now }), 'webhook_stale');
  });

  it('accepts a body without timestamp unless requireTimestamp is set; refuses an unreadable one', async () => {
    const { body, headers } = await signer.sign({ ...order, webhookId: 'wh-no-ts' });
    expect((await expectEvent(receiver().unwrap(body, headers, { nowMs: now }))).type).toBe('OrderCreate');
    await expectRefused(
      receiver({ requireTimestamp: true }).unwrap(body, headers, { nowMs: now }),
      'webhook_stale',
      /no timestamp/,
    );
    const odd = await signer.sign({ ...order, timestamp: 'yesterday', webhookId: 'wh-odd' });
    await expectRefused(
      receiver().unwrap(odd.body, odd.headers, { nowMs: now }),
      'webhook_stale',
      /not an ISO-8601/,
    );
  });

  it('refuses a second delivery of one webhookId, and accepts it again after release', async () => {
    const hooks = receiver();
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    const first = await expectEvent(hooks.unwrap(body, headers, { nowMs: now }));
    await expectRefused(hooks.unwrap(body, headers, { nowMs: now }), 'webhook_duplicate', /already received/);
    // The same webhookId in a re-signed body (a resend) is still a duplicate.
    const resent = await signer.sign({ ...JSON.parse(body), status: 'completed' });
    await expectRefused(hooks.unwrap(resent.body, resent.headers, { nowMs: now }), 'webhook_duplicate');
    await hooks.release(first);
    expect((await expectEvent(hooks.unwrap(body, headers, { nowMs: now }))).deliveryId).toBe(
      first.deliveryId,
    );
  });

  it('dedupes id-less bodies by their hash, through a shared store', async () => {
    const store = memoryDedupeStore();
    const { body, headers } = await signer.sign(uninstall);
    const event = await expectEvent(receiver({ dedupe: store }).unwrap(body, headers, { nowMs: now }));
    expect(event.deliveryId).toMatch(/^sha256:/);
    // Another receiver (another instance) sharing the store sees the duplicate.
    await expectRefused(
      receiver({ dedupe: store }).unwrap(body, headers, { nowMs: now }),
      'webhook_duplicate',
    );
    expect((await expectEvent(receiver({ dedupe: false }).unwrap(body, headers, { nowMs: now }))).type).toBe(
      'UNINSTALL',
    );
  });
});

describe('leadConnectorWebhooks: hostile bodies', () => {
  it('refuses a body over maxBodyBytes without verifying it', async () => {
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const { body, headers } = await signer.sign({ ...order, padding: 'x'.repeat(5000), ...fresh() });
    await expectRefused(
      receiver({ maxBodyBytes: 4096 }).unwrap(body, headers, { nowMs: now }),
      'webhook_malformed',
      /larger than 4096/,
    );
    await expectRefused(
      receiver({ maxBodyBytes: 4096 }).unwrap(new TextEncoder().encode(body), headers, { nowMs: now }),
      'webhook_malformed',
    );
    expect(verify).not.toHaveBeenCalled();
  });

  it('refuses a body that is not UTF-8, even when signed', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const { signature, publicKeyPem } = await signRawBytes(bytes);
    await expectRefused(
      leadConnectorWebhooks({ publicKeys: [publicKeyPem] }).unwrap(
        bytes,
        { 'x-ghl-signature': signature },
        { nowMs: now },
      ),
      'webhook_malformed',
      /not valid UTF-8/,
    );
  });

  it('is not fooled by __proto__ or constructor keys', async () => {
    const text = `{"type":"OrderCreate","_id":"o1","__proto__":{"polluted":true,"type":"INSTALL"},"constructor":{"prototype":{"polluted":true}},"contactSnapshot":{"email":"a@b.c","__proto__":{"isAdmin":true}},"items":[{"name":"x","__proto__":{"qty":99}}],"webhookId":"wh-proto","timestamp":"${at()}"}`;
    const { body, headers } = await signer.sign(text);
    const event = await expectEvent(receiver().unwrap(body, headers, { nowMs: now }));
    expect(event.type).toBe('OrderCreate');
    if (event.type !== 'OrderCreate') throw new Error('unreachable');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(event.data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(event.raw)).toBe(Object.prototype);
    expect((event.data as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(event.raw, '__proto__')).toBe(false);
    expect((event.data.contactSnapshot as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(event.data.items?.[0]?.qty).toBeUndefined();
    // `constructor` stays a plain own field.
    expect(Object.hasOwn(event.data, 'constructor')).toBe(true);

    // Same for the generic variant.
    const other = await signer.sign(
      text.replace('"OrderCreate"', '"Whatever"').replace('wh-proto', 'wh-proto-2'),
    );
    const generic = await expectEvent(receiver().unwrap(other.body, other.headers, { nowMs: now }));
    expect(generic.type).toBe('other');
    expect((generic.data as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(generic.data)).toBe(Object.prototype);
  });

  it('never throws on hostile headers', async () => {
    const { body } = await signer.sign({ ...order, ...fresh() });
    for (const headers of [
      null,
      undefined,
      42,
      'x-ghl-signature: abc',
      { 'x-ghl-signature': 42 },
      { 'x-ghl-signature': [] },
    ]) {
      const result = await receiver().unwrap(body, headers as never, { nowMs: now });
      expect(result.isErr() && result.error.code).toBe('webhook_signature');
    }
  });
});

describe('leadConnectorWebhooks: configuration', () => {
  it('throws a configuration error for unusable keys and windows', () => {
    expect(() => leadConnectorWebhooks({ publicKeys: [] })).toThrow(/publicKeys must be a non-empty list/);
    expect(() => leadConnectorWebhooks({ publicKeys: ['not a pem'] })).toThrow(
      /publicKeys\[0\] is not a public key/,
    );
    expect(() => leadConnectorWebhooks({ legacyRsa: { publicKeys: [] } })).toThrow(
      /legacyRsa.publicKeys must be a non-empty list/,
    );
    expect(() => leadConnectorWebhooks({ legacyRsa: { until: new Date('nope') } })).toThrow(
      /until is not a valid Date/,
    );
    expect(() => leadConnectorWebhooks({ toleranceMs: -1 })).toThrow(/toleranceMs/);
    try {
      leadConnectorWebhooks({ publicKeys: [] });
    } catch (error) {
      expect((error as PaymentsError).code).toBe('configuration');
    }
    expect(() => leadConnectorWebhooks({ legacyRsa: true })).not.toThrow();
  });

  it('answers a configuration error when a key is not Ed25519', async () => {
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    await expectRefused(
      leadConnectorWebhooks({ publicKeys: [LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY] }).unwrap(body, headers, {
        nowMs: now,
      }),
      'configuration',
      /publicKeys\[0\] is not an Ed25519 public key/,
    );
  });
});

describe('unwrapLeadConnectorWebhook', () => {
  it('verifies one delivery; dedupe only with a store', async () => {
    const { body, headers } = await signer.sign({ ...order, ...fresh() });
    const options = { publicKeys: [signer.publicKeyPem], nowMs: now };
    expect((await expectEvent(unwrapLeadConnectorWebhook(body, headers, options))).type).toBe('OrderCreate');
    expect((await expectEvent(unwrapLeadConnectorWebhook(body, headers, options))).type).toBe('OrderCreate');
    const store = memoryDedupeStore();
    await expectEvent(unwrapLeadConnectorWebhook(body, headers, { ...options, dedupe: store }));
    await expectRefused(
      unwrapLeadConnectorWebhook(body, headers, { ...options, dedupe: store }),
      'webhook_duplicate',
    );
    await expectRefused(unwrapLeadConnectorWebhook(body, headers, { publicKeys: [] }), 'configuration');
  });
});

// Signs bytes that are not text (the test signer takes strings) with a key pair of its own.
async function signRawBytes(bytes: Uint8Array): Promise<{ signature: string; publicKeyPem: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const signature = await crypto.subtle.sign('Ed25519', pair.privateKey, bytes as Uint8Array<ArrayBuffer>);
  return {
    signature: bytesToBase64(new Uint8Array(signature)),
    publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${bytesToBase64(spki)}\n-----END PUBLIC KEY-----`,
  };
}
