import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';

// Webhook payloads are parsed tolerantly: HighLevel adds fields without notice and its docs are
// loose about types, so an event must never be refused (and redelivered for hours) over one odd
// field. Every documented field is optional; a field of the wrong type reads as `undefined` (the
// event's `raw` keeps what was sent); unknown fields are kept.
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

const text = lenient(z.string());
const number = lenient(z.number());
const flag = lenient(z.boolean());
const openRecord = lazySchema(() => z.record(z.string(), z.unknown()));
const strings = lenient(z.array(z.string()));

// Not listed on the per-event pages, but sent in the body and covered by the signature.
const deliveryFields = { timestamp: text, webhookId: text };

/** `contactSnapshot` of an order event. */
const contactSnapshotSchema = lazySchema(() =>
  z.looseObject({
    locationId: text,
    id: text,
    address1: text,
    city: text,
    companyName: text,
    country: text,
    source: text,
    dateAdded: text,
    dateOfBirth: text,
    dnd: flag,
    name: text,
    firstName: text,
    lastName: text,
    email: text,
    phone: text,
    postalCode: text,
    state: text,
    website: text,
    assignedTo: text,
    tags: lenient(z.array(z.unknown())),
    attachments: lenient(z.array(z.unknown())),
  }),
);

const orderItemSchema = lazySchema(() =>
  z.looseObject({
    name: text,
    qty: number,
    product: lenient(z.looseObject({ _id: text, name: text, productType: text })),
    price: lenient(
      z.looseObject({
        _id: text,
        name: text,
        /** `one_time` or `recurring`. */
        type: text,
        currency: text,
        amount: number,
        variantOptionIds: strings,
      }),
    ),
  }),
);

/** Body of `OrderCreate` and `OrderStatusUpdate` (one schema for both). */
export const orderPayloadSchema = lazySchema(() =>
  z.looseObject({
    type: text,
    /** In the doc example, not in its schema; same value as `altId`. */
    locationId: text,
    /** The location id. */
    altId: text,
    /** `location`. */
    altType: text,
    /** The order id. */
    _id: text,
    contactId: text,
    contactSnapshot: lenient(contactSnapshotSchema),
    /** `pending` on create, `completed` once paid in the doc examples. */
    status: text,
    fulfillmentStatus: text,
    currency: text,
    /** Major units (`150.1` is 150.10). */
    amount: number,
    liveMode: flag,
    items: lenient(z.array(orderItemSchema)),
    amountSummary: lenient(
      z.looseObject({ discount: number, shipping: number, subtotal: number, tax: number }),
    ),
    taxSummary: lenient(
      z.array(z.looseObject({ _id: text, amount: number, calculation: text, name: text, rate: number })),
    ),
    source: lenient(
      z.looseObject({ id: text, name: text, type: text, subType: text, meta: lenient(openRecord) }),
    ),
    createdAt: text,
    updatedAt: text,
    ...deliveryFields,
  }),
);

/** Body of every invoice event (`InvoiceCreate` … `InvoiceDelete`: one schema for all seven). */
export const invoicePayloadSchema = lazySchema(() =>
  z.looseObject({
    /** Not in HighLevel's invoice docs; kept when sent. */
    type: text,
    /** The invoice id. */
    _id: text,
    /** `draft`, `sent`, `paid`, `partially_paid`, `void`, `delete` in the doc examples. */
    status: text,
    liveMode: flag,
    /** Major units. */
    amountPaid: number,
    /** The location id (the doc examples wrongly repeat `_id` here: do not rely on it). */
    altId: text,
    altType: text,
    name: text,
    businessDetails: lenient(
      z.looseObject({
        name: text,
        address: text,
        phoneNo: text,
        website: text,
        logoUrl: text,
        customValues: strings,
      }),
    ),
    invoiceNumber: text,
    currency: text,
    contactDetails: lenient(
      z.looseObject({
        id: text,
        phoneNo: text,
        email: text,
        name: text,
        companyName: text,
        customFields: strings,
        address: lenient(
          z.looseObject({
            countryCode: text,
            addressLine1: text,
            addressLine2: text,
            city: text,
            state: text,
            postalCode: text,
          }),
        ),
        additionalEmails: lenient(z.array(z.looseObject({ email: text }))),
      }),
    ),
    /** `YYYY-MM-DD`. */
    issueDate: text,
    /** `YYYY-MM-DD`. */
    dueDate: text,
    discount: lenient(z.looseObject({ type: text, value: number })),
    invoiceItems: lenient(
      z.array(
        z.looseObject({
          taxes: lenient(z.array(z.unknown())),
          _id: text,
          productId: text,
          priceId: text,
          currency: text,
          name: text,
          qty: number,
          amount: number,
        }),
      ),
    ),
    /** Major units. */
    total: number,
    title: text,
    /** Major units. */
    amountDue: number,
    createdAt: text,
    updatedAt: text,
    totalSummary: lenient(z.looseObject({ subTotal: number, discount: number })),
    ...deliveryFields,
  }),
);

/** Body of `INSTALL`. */
export const installPayloadSchema = lazySchema(() =>
  z.looseObject({
    type: text,
    appId: text,
    versionId: text,
    /** `Location` seen; other values not documented. */
    installType: text,
    locationId: text,
    companyId: text,
    userId: text,
    planId: text,
    trial: lenient(z.looseObject({ onTrial: flag, trialDuration: number, trialStartDate: text })),
    isWhitelabelCompany: flag,
    whitelabelDetails: lenient(openRecord),
    companyName: text,
    ...deliveryFields,
  }),
);

/** Body of `UNINSTALL`: `locationId` for a location uninstall, `companyId` for an agency one. */
export const uninstallPayloadSchema = lazySchema(() =>
  z.looseObject({
    type: text,
    appId: text,
    locationId: text,
    companyId: text,
    ...deliveryFields,
  }),
);

/** Body of `ProductCreate`, `ProductUpdate` and `ProductDelete` (one schema for all three). */
export const productPayloadSchema = lazySchema(() =>
  z.looseObject({
    type: text,
    /** The product id. */
    _id: text,
    description: text,
    locationId: text,
    name: text,
    /** `PHYSICAL`, `DIGITAL`, `SERVICE`. */
    productType: text,
    userId: text,
    createdAt: text,
    updatedAt: text,
    statementDescriptor: text,
    image: text,
    availableInStore: flag,
    variants: lenient(
      z.array(
        z.looseObject({
          id: text,
          name: text,
          options: lenient(z.array(z.looseObject({ id: text, name: text }))),
        }),
      ),
    ),
    medias: lenient(
      z.array(z.looseObject({ id: text, title: text, url: text, type: text, isFeatured: flag })),
    ),
    ...deliveryFields,
  }),
);

/**
 * Body of `PriceCreate`, `PriceUpdate` and `PriceDelete`. The price kind (`one_time`,
 * `recurring`) is `priceType` on create but `type` on update and delete, the key other events
 * use for their name; it is kept here as the body sent it.
 */
export const pricePayloadSchema = lazySchema(() =>
  z.looseObject({
    /** On `PriceUpdate` / `PriceDelete`: the price kind (`one_time`, `recurring`), not an event name. */
    type: text,
    /** On `PriceCreate`: the price kind (`one_time`, `recurring`). */
    priceType: text,
    /** The price id. */
    _id: text,
    locationId: text,
    /** The product id. */
    product: text,
    userId: text,
    name: text,
    currency: text,
    /** The unit is not documented (the example has `199999` INR). */
    amount: number,
    compareAtPrice: number,
    availableQuantity: number,
    recurring: lenient(z.looseObject({ interval: text, intervalCount: number })),
    membershipOffers: lenient(z.array(z.looseObject({ label: text, value: text, _id: text }))),
    variantOptionIds: strings,
    allowOutOfStockPurchases: flag,
    /** Typed `null` in the docs. */
    trackInventory: lenient(z.unknown()),
    createdAt: text,
    updatedAt: text,
    ...deliveryFields,
  }),
);

/** The body of `OrderCreate` / `OrderStatusUpdate`; unknown fields are kept. */
export type LeadConnectorOrderPayload = z.infer<typeof orderPayloadSchema>;
/** The body of the seven invoice events; unknown fields are kept. */
export type LeadConnectorInvoicePayload = z.infer<typeof invoicePayloadSchema>;
/** The body of `INSTALL`; unknown fields are kept. */
export type LeadConnectorInstallPayload = z.infer<typeof installPayloadSchema>;
/** The body of `UNINSTALL`; unknown fields are kept. */
export type LeadConnectorUninstallPayload = z.infer<typeof uninstallPayloadSchema>;
/** The body of the three product events; unknown fields are kept. */
export type LeadConnectorProductPayload = z.infer<typeof productPayloadSchema>;
/** The body of the three price events; unknown fields are kept. */
export type LeadConnectorPricePayload = z.infer<typeof pricePayloadSchema>;
