/** How a registered receiver gets its deliveries. */
export interface DeliveryPlan {
  /** Extra copies of each delivery sent after the first answered 2xx (a provider's at-least-once). Default 0. */
  readonly duplicates?: number | undefined;
  /** Wait before the first attempt, in ms (a slow provider). Default 0. */
  readonly delayMs?: number | undefined;
  /** Attempts while the receiver answers non-2xx or cannot be reached. Default 3. */
  readonly maxAttempts?: number | undefined;
  /** Wait between attempts, in ms. Default 10. */
  readonly retryDelayMs?: number | undefined;
}

/** One attempt to deliver an event, as the outbox recorded it. */
export interface DeliveryAttempt {
  /** Where it went. */
  readonly url: string;
  /** The event name it carried (for assertions). */
  readonly event: string;
  /** The body sent. */
  readonly body: string;
  /** The headers sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** 1 for the first attempt of a delivery to this receiver; retries and duplicates count on. */
  readonly attempt: number;
  /** The receiver's status, or `undefined` when it could not be reached. */
  readonly status: number | undefined;
}

/** A delivery to send: its body, and the headers (signature, auth) made for it. */
export interface OutgoingDelivery {
  /** Event name, for the log. */
  readonly event: string;
  /** The body exactly as sent. */
  readonly body: string;
  /** Headers; computed per delivery so a signature covers the body sent. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Sends a simulator's events to the URLs registered with it. */
export interface WebhookOutbox {
  /** Registers a receiver; returns a function that unregisters it. */
  register(url: string, plan?: DeliveryPlan): () => void;
  /** Queues one delivery to every registered receiver (returns at once). */
  send(delivery: OutgoingDelivery | Promise<OutgoingDelivery>): void;
  /** Resolves when every queued delivery (retries and duplicates included) is done. */
  settled(): Promise<void>;
  /** Every attempt so far, in order. */
  readonly attempts: readonly DeliveryAttempt[];
  /** Forgets the receivers and the attempt log. */
  reset(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A simulator's outbox: at-least-once delivery with retries on non-2xx, plus duplicates and
 * delays on demand, so a receiver's dedupe and ordering assumptions meet what real providers do.
 */
export function createWebhookOutbox(send: typeof fetch = (...args) => fetch(...args)): WebhookOutbox {
  const receivers = new Map<number, { url: string; plan: DeliveryPlan }>();
  const attempts: DeliveryAttempt[] = [];
  const pending = new Set<Promise<void>>();
  let nextId = 0;

  async function deliver(url: string, plan: DeliveryPlan, delivery: OutgoingDelivery): Promise<void> {
    if ((plan.delayMs ?? 0) > 0) await sleep(plan.delayMs ?? 0);
    const maxAttempts = Math.max(1, plan.maxAttempts ?? 3);
    const copies = 1 + Math.max(0, plan.duplicates ?? 0);
    let sent = 0;
    for (let copy = 0; copy < copies; copy += 1) {
      let delivered = false;
      for (let attempt = 1; attempt <= maxAttempts && !delivered; attempt += 1) {
        sent += 1;
        let status: number | undefined;
        try {
          const response = await send(url, {
            method: 'POST',
            headers: delivery.headers as Record<string, string>,
            body: delivery.body,
          });
          status = response.status;
          await response.arrayBuffer().catch(() => undefined);
        } catch {
          status = undefined;
        }
        attempts.push({
          url,
          event: delivery.event,
          body: delivery.body,
          headers: delivery.headers,
          attempt: sent,
          status,
        });
        delivered = status !== undefined && status >= 200 && status < 300;
        if (!delivered && attempt < maxAttempts) await sleep(plan.retryDelayMs ?? 10);
      }
      // A provider gives up after its attempts; a copy never follows a delivery that failed.
      if (!delivered) return;
      if (copy + 1 < copies) await sleep(plan.retryDelayMs ?? 10);
    }
  }

  return {
    register(url, plan = {}) {
      const id = nextId++;
      receivers.set(id, { url, plan });
      return () => {
        receivers.delete(id);
      };
    },
    send(delivery) {
      const targets = [...receivers.values()];
      if (targets.length === 0) return;
      const job = Promise.resolve(delivery).then((resolved) =>
        Promise.all(targets.map((target) => deliver(target.url, target.plan, resolved))).then(
          () => undefined,
        ),
      );
      const tracked = job.catch(() => undefined).finally(() => pending.delete(tracked));
      pending.add(tracked);
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    get attempts() {
      return attempts;
    },
    reset() {
      receivers.clear();
      attempts.length = 0;
    },
  };
}
