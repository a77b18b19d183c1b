/**
 * A schema built on first use instead of at import: a provider package declares about 2,000
 * zod schemas, and building them all when the package loads was the larger part of its import
 * time (issue 19). The value stands in for the schema everywhere a schema goes — parsing,
 * composition into other schemas, JSON Schema — and builds it once, on the first look inside.
 *
 * @example
 * ```ts
 * const saleInput = lazySchema(() => z.strictObject({ transaction_amount: z.string() }));
 * z.safeParse(saleInput, { transaction_amount: '10.00' }); // built here, once
 * ```
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // The proxy's own target is empty, so every property must be reported configurable.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
  });
}
