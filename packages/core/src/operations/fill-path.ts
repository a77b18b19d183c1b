import { encodePathSegment } from '../input/path-segment.js';

/**
 * Fills `{name}` placeholders of a path template from `input`, each value checked by the
 * shared path-segment rule and percent-encoded ({@link encodePathSegment}), and returns the
 * names used so the default request leaves them out of query and body. A refused value
 * throws a `PathSegmentError` (`orderId: must not be "." or ".." (it would change the
 * route)`), which the operation layer turns into a `validation` error before anything is sent.
 */
export function fillPath(template: string, input: unknown): { path: string; used: Set<string> } {
  const used = new Set<string>();
  const record = (input ?? {}) as Record<string, unknown>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    used.add(name);
    // Own fields only: an inherited (or polluted) property never fills a path.
    const value = typeof record === 'object' && Object.hasOwn(record, name) ? record[name] : undefined;
    return encodePathSegment(name, value);
  });
  return { path, used };
}
