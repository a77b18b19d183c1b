/**
 * Parses a response body: empty is `undefined`, JSON is parsed, anything else is malformed.
 * The content type is asked for only when the text does not already look like JSON (reading
 * it may build a `Headers`).
 */
export function parseBody(
  text: string,
  contentType: () => string | null,
): { body: unknown; malformed: boolean } {
  if (text.trim() === '') return { body: undefined, malformed: false };
  const looksJson = /^\s*[[{"]/.test(text) || contentType()?.includes('json');
  if (!looksJson) return { body: text, malformed: !contentType()?.startsWith('text/') };
  try {
    return { body: JSON.parse(text), malformed: false };
  } catch {
    return { body: text, malformed: true };
  }
}
