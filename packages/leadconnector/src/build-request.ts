import { encodePathSegment, type HttpMethod, type RequestParts } from '@payweave/core';

/** How {@link buildRequest} places the input fields. */
export interface RequestLayout {
  /** HTTP method (GET and body-less DELETE send the fields as query). */
  method: HttpMethod;
  /** Path template with `{field}` segments. */
  path: string;
  /** Fields that must be present after client defaults were filled. */
  required?: readonly string[];
  /** Fields sent as query parameters even when the rest goes in the body. */
  queryKeys?: readonly string[];
  /** Send the remaining fields as a JSON body even for a DELETE (coupon delete). */
  jsonBody?: boolean;
}

/**
 * Turns an operation input (with client defaults already filled) into request parts.
 * Throws when a required field is still missing; the core turns that into a `validation`
 * error, so nothing is sent.
 */
export function buildRequest(input: Record<string, unknown>, layout: RequestLayout): RequestParts {
  for (const field of layout.required ?? []) {
    if (input[field] === undefined || input[field] === '') {
      throw new Error(`${field} is required (pass it, or create the client with locationId so it defaults).`);
    }
  }
  const used = new Set<string>();
  const path = layout.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    used.add(name);
    // The shared path-segment rule: no `.`/`..`, no control characters, not empty; percent-encoded.
    return encodePathSegment(name, Object.hasOwn(input, name) ? input[name] : undefined);
  });
  const query: Record<string, string | number | boolean> = {};
  const body: Record<string, unknown> = {};
  const bodyless = !layout.jsonBody && (layout.method === 'GET' || layout.method === 'DELETE');
  for (const [key, value] of Object.entries(input)) {
    if (used.has(key) || value === undefined) continue;
    if (bodyless || layout.queryKeys?.includes(key)) query[key] = value as string | number | boolean;
    else body[key] = value;
  }
  return { path, query, ...(bodyless ? {} : { json: body }) };
}
