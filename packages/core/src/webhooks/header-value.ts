import type { WebhookHeaders } from './webhook-types.js';

/** A header's one value, `absent`, or `repeated` (sent twice with different values). */
export type HeaderRead =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'repeated' };

/**
 * Reads one header by name, in any case. A header sent twice with different values is
 * `repeated`: a verifier must not pick one, since an attacker may have added the other.
 */
export function readHeader(headers: WebhookHeaders, name: string): HeaderRead {
  const wanted = name.toLowerCase();
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    const value = headers.get(wanted);
    if (value === null) return { kind: 'absent' };
    // fetch joins repeats with ", "; signature and basic-auth values never hold one.
    return value.includes(', ') ? { kind: 'repeated' } : { kind: 'value', value };
  }
  const values: string[] = [];
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const raw = (headers as Record<string, unknown>)[key];
    if (typeof raw === 'string') values.push(raw);
    else if (Array.isArray(raw)) for (const item of raw) if (typeof item === 'string') values.push(item);
  }
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return { kind: 'absent' };
  // Node joins a repeated custom header with ", " into one string, as fetch does.
  if (distinct.length > 1 || (distinct[0] as string).includes(', ')) return { kind: 'repeated' };
  return { kind: 'value', value: distinct[0] as string };
}
