import type * as z from 'zod/mini';
import {
  installPayloadSchema,
  invoicePayloadSchema,
  orderPayloadSchema,
  pricePayloadSchema,
  productPayloadSchema,
  uninstallPayloadSchema,
} from './event-payloads.js';
import {
  type LeadConnectorEvent,
  type LeadConnectorEventEnvelope,
  type LeadConnectorEventType,
  leadConnectorEventTypes,
  leadConnectorInvoiceEventTypes,
  leadConnectorOrderEventTypes,
  leadConnectorPriceEventTypes,
  leadConnectorProductEventTypes,
} from './event-types.js';

const known = new Set<string>(leadConnectorEventTypes);

// The values price bodies put in `type`: never an event name, whatever else the body holds.
const priceKinds = new Set(['one_time', 'recurring']);

const schemaOf = (type: LeadConnectorEventType): z.ZodMiniType => {
  if ((leadConnectorOrderEventTypes as readonly string[]).includes(type)) return orderPayloadSchema;
  if ((leadConnectorInvoiceEventTypes as readonly string[]).includes(type)) return invoicePayloadSchema;
  if ((leadConnectorProductEventTypes as readonly string[]).includes(type)) return productPayloadSchema;
  if ((leadConnectorPriceEventTypes as readonly string[]).includes(type)) return pricePayloadSchema;
  return type === 'INSTALL' ? installPayloadSchema : uninstallPayloadSchema;
};

/**
 * Parses a JSON body into fresh objects without `__proto__` keys. `JSON.parse` makes `__proto__`
 * an own property, harmless until some code copies it with an assignment and so swaps the copy's
 * prototype; dropping it here means no later copy can. `constructor` stays an ordinary own field.
 */
export function parseJsonBody(text: string): unknown {
  return JSON.parse(text, (key, value) => (key === '__proto__' ? undefined : value));
}

/** True for `one_time` / `recurring`, the price kinds price bodies put in `type`. */
export function isPriceKind(value: unknown): boolean {
  return typeof value === 'string' && priceKinds.has(value);
}

/**
 * Which event a body is. The body's `type` decides when it names a known event (the body is
 * signed; a URL setting is not). Price bodies put the price kind in `type`, so `one_time` and
 * `recurring` are never taken for an event name. Otherwise the receiver's `eventType` (the event
 * the URL was subscribed to) decides; without it the body's `type`, if any, is only reported.
 */
export function resolveEventType(
  body: Readonly<Record<string, unknown>>,
  hint: string | undefined,
): { readonly known: LeadConnectorEventType } | { readonly other: string | undefined } {
  const named = typeof body.type === 'string' && !isPriceKind(body.type) ? body.type : undefined;
  if (named !== undefined && known.has(named)) return { known: named as LeadConnectorEventType };
  if (hint !== undefined)
    return known.has(hint) ? { known: hint as LeadConnectorEventType } : { other: hint };
  return { other: named };
}

/** Builds the typed event of a verified body; never throws (every field is parsed leniently). */
export function toEvent(
  body: Readonly<Record<string, unknown>>,
  envelope: LeadConnectorEventEnvelope,
  hint: string | undefined,
): LeadConnectorEvent {
  const resolved = resolveEventType(body, hint);
  if ('other' in resolved) {
    return { ...envelope, type: 'other', eventType: resolved.other, data: body };
  }
  const parsed = schemaOf(resolved.known).safeParse(body);
  // The schemas are objects of lenient fields, so only a non-object body fails; the caller has
  // already refused those, but a typed event must still never carry an unparsed body.
  const data = parsed.success ? parsed.data : {};
  return { ...envelope, type: resolved.known, data } as LeadConnectorEvent;
}
