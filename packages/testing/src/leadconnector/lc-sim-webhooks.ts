import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  createWebhookOutbox,
  type DeliveryAttempt,
  type DeliveryPlan,
  type WebhookOutbox,
} from '../simulator/webhook-outbox.js';
import {
  createLeadConnectorTestSigner,
  type LeadConnectorTestSigner,
} from '../webhooks/leadconnector-signer.js';
import { leadConnectorSimDefaults } from './lc-sim-seed.js';
import type { LcSimOrder } from './lc-sim-state.js';

/**
 * The simulator's signed webhooks: register a receiver, change state through the API, then
 * `await settled()` and look at what arrived.
 */
export interface LeadConnectorSimWebhooks {
  /**
   * Registers a receiver URL; every event from now on is posted to it, signed, retried on non-2xx
   * and copied `plan.duplicates` times (the same body and signature each time). Returns a function
   * that unregisters it.
   */
  register(url: string, plan?: DeliveryPlan): () => void;
  /** Resolves when every queued delivery (retries and duplicates included) is done. */
  settled(): Promise<void>;
  /** Every delivery attempt so far, in order. */
  readonly attempts: readonly DeliveryAttempt[];
  /**
   * The simulator's Ed25519 public key (SPKI PEM), fresh per simulator:
   * `leadConnectorWebhooks({ publicKeys: [simulator.webhooks.publicKeyPem] })`.
   */
  readonly publicKeyPem: string;
  /** Forgets the receivers and the attempt log (`simulator.reset()` leaves them alone). */
  reset(): void;
}

/** The simulator's side of its webhooks: what the routes call when state changes. */
export interface LcSimEventSink {
  /** Queues an event (a body of HighLevel's documented shape) for every registered receiver. */
  emit(event: string, payload: Record<string, unknown>): void;
}

/** The webhooks of one simulator: the public half and the sink its routes emit to. */
export interface LcSimWebhookChannel {
  /** What tests use. */
  readonly webhooks: LeadConnectorSimWebhooks;
  /** What the routes use. */
  readonly sink: LcSimEventSink;
}

/**
 * The webhooks of one simulator. The Ed25519 key is made with `node:crypto` at once (the
 * simulator is created synchronously and tests read `publicKeyPem` right away); the signer built
 * on it is made once, on the first event anyone is registered for.
 */
export function createLcSimWebhooks(outbox: WebhookOutbox = createWebhookOutbox()): LcSimWebhookChannel {
  const pair = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  let signer: Promise<LeadConnectorTestSigner> | undefined;
  let receivers = 0;

  const webhooks: LeadConnectorSimWebhooks = {
    register(url, plan) {
      const unregister = outbox.register(url, plan);
      receivers += 1;
      let registered = true;
      return () => {
        if (registered) receivers -= 1;
        registered = false;
        unregister();
      };
    },
    settled: () => outbox.settled(),
    get attempts() {
      return outbox.attempts;
    },
    publicKeyPem: pair.publicKey,
    reset() {
      outbox.reset();
      receivers = 0;
    },
  };

  const sink: LcSimEventSink = {
    emit(event, payload) {
      if (receivers === 0) return;
      // Stamped once: retries and duplicates carry the same body, as HighLevel's do.
      const body = { ...payload, timestamp: new Date().toISOString(), webhookId: randomUUID() };
      signer ??= createLeadConnectorTestSigner({
        ed25519: { privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey },
      });
      outbox.send(
        signer.then(async (current) => {
          const signed = await current.sign(body);
          return { event, body: signed.body, headers: signed.headers };
        }),
      );
    },
  };
  return { webhooks, sink };
}

/** The `OrderCreate` / `OrderStatusUpdate` body of a simulated order (docs/webhook events/Order*.md). */
export function orderEventPayload(
  order: LcSimOrder,
  type: 'OrderCreate' | 'OrderStatusUpdate',
): Record<string, unknown> {
  const [firstName, ...rest] = order.contactName.split(' ');
  return {
    type,
    locationId: order.altId,
    altId: order.altId,
    altType: 'location',
    _id: order._id,
    contactId: order.contactId,
    contactSnapshot: {
      id: order.contactId,
      locationId: order.altId,
      name: order.contactName,
      firstName,
      lastName: rest.join(' '),
      email: order.contactEmail,
    },
    status: order.status,
    fulfillmentStatus: order.fulfillmentStatus,
    currency: order.currency,
    amount: order.amount,
    liveMode: order.liveMode,
    items: order.items.map((line) => ({
      name: line.name,
      qty: line.qty,
      product: line.product,
      price: line.price,
    })),
    amountSummary: { subtotal: order.amount, discount: 0, tax: 0, shipping: 0 },
    source: {
      type: order.sourceType,
      subType: order.sourceSubType,
      id: order.sourceId,
      name: order.sourceName,
    },
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

/** The `INSTALL` body of the simulated marketplace app on a location (docs/webhook events/AppInstall.md). */
export function installEventPayload(locationId: string, companyId: string): Record<string, unknown> {
  return {
    type: 'INSTALL',
    appId: leadConnectorSimDefaults.marketplaceAppId,
    versionId: leadConnectorSimDefaults.marketplaceAppId,
    installType: 'Location',
    locationId,
    companyId,
    userId: 'l1C08ntBrFjLS0elLIYU',
    companyName: 'Simulated Agency',
    isWhitelabelCompany: false,
    whitelabelDetails: {},
  };
}
