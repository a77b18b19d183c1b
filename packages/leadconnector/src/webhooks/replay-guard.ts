import { sha256Hex, timestampProblem } from '@payweave/core';

/** The replay settings of a receiver, resolved. */
export interface ReplayWindow {
  /** How far the body's `timestamp` may be from now, either way; `false` skips the check. */
  readonly toleranceMs: number | false;
  /** Refuse a body without `timestamp` (HighLevel's per-event docs do not list it, so off by default). */
  readonly requireTimestamp: boolean;
}

// A webhookId is a UUID; anything far longer is not HighLevel's and must not become a store key.
const maxWebhookIdLength = 200;

/**
 * Why the body's `timestamp` makes the delivery stale, or `undefined` when it is fresh enough
 * (or the window is off, or it is absent and not required).
 */
export function staleProblem(
  body: Readonly<Record<string, unknown>>,
  window: ReplayWindow,
  nowMs: number,
): string | undefined {
  if (window.toleranceMs === false) return undefined;
  const timestamp = body.timestamp;
  if (timestamp === undefined || timestamp === null) {
    return window.requireTimestamp
      ? 'the body has no timestamp, and requireTimestamp is set: its freshness cannot be checked'
      : undefined;
  }
  return timestampProblem(timestamp, window.toleranceMs, nowMs);
}

/** The body's `webhookId` when it is a usable one. */
export function webhookIdOf(body: Readonly<Record<string, unknown>>): string | undefined {
  const id = body.webhookId;
  return typeof id === 'string' && id.trim() !== '' && id.length <= maxWebhookIdLength ? id : undefined;
}

/**
 * The dedupe key: the body's `webhookId`, else `sha256:<hex>` of the bytes, so a redelivery of an
 * id-less body (the documented payloads show none) is still caught.
 */
export async function deliveryIdOf(
  body: Readonly<Record<string, unknown>>,
  bytes: Uint8Array,
): Promise<string> {
  return webhookIdOf(body) ?? `sha256:${await sha256Hex(bytes)}`;
}
