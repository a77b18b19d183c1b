/** Every primitive leaf of a value, with its path. */
export function leafValues(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ path, value }];
  return Object.entries(value).flatMap(([key, field]) => leafValues(field, [...path, key]));
}

/** Every primitive found anywhere in a parsed body. */
export function primitivesOf(value: unknown): unknown[] {
  return leafValues(value).map((leaf) => leaf.value);
}
