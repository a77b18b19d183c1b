/** Parses a response body: empty is `undefined`, JSON is parsed, anything else is malformed. */
export function parseBody(text: string, contentType: string | null): { body: unknown; malformed: boolean } {
  if (text.trim() === '') return { body: undefined, malformed: false };
  const looksJson = contentType?.includes('json') || /^\s*[[{"]/.test(text);
  if (!looksJson) return { body: text, malformed: !contentType?.startsWith('text/') };
  try {
    return { body: JSON.parse(text), malformed: false };
  } catch {
    return { body: text, malformed: true };
  }
}
