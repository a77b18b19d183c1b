/**
 * Fills `{name}` placeholders of a path template from `input`, URL-encoding each value,
 * and returns the names used so the default request leaves them out of query and body.
 */
export function fillPath(template: string, input: unknown): { path: string; used: Set<string> } {
  const used = new Set<string>();
  const record = (input ?? {}) as Record<string, unknown>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    used.add(name);
    const value = record[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`Path parameter "${name}" is missing; the input schema should have required it.`);
    }
    return encodeURIComponent(String(value));
  });
  return { path, used };
}
