/**
 * The parts of zod/mini payweave's packages use, bundled into core's dist so that every
 * payweave package loads one module instead of zod's ~120 ESM files (most of an import's time
 * on Node 20; issue 19). Each package's build points its runtime `zod/mini` imports here
 * (scripts/tsup/zod-from-core.ts); types still come from `zod`. The names are listed, not
 * `export *`, because zod/mini's namespace carries all ~40 locales, which nothing here uses;
 * `zod.test.ts` fails when a package starts using a zod function missing from this list.
 * Apps keep using their own `zod`, which is unaffected.
 *
 * @example
 * ```ts
 * import * as z from '@payweave/core/zod';
 *
 * const amount = z.string().check(z.regex(/^\d+\.\d{2}$/));
 * ```
 *
 * @module
 */

export type * from 'zod/mini';
export {
  array,
  boolean,
  catch,
  catchall,
  date,
  email,
  enum,
  extend,
  gte,
  int,
  literal,
  looseObject,
  lte,
  maximum,
  maxLength,
  minimum,
  minLength,
  never,
  nullable,
  number,
  object,
  optional,
  parse,
  positive,
  record,
  refine,
  regex,
  safeParse,
  strictObject,
  string,
  superRefine,
  toJSONSchema,
  union,
  unknown,
  ZodMiniNumber,
  ZodMiniObject,
  ZodMiniString,
  ZodMiniType,
  ZodMiniUnion,
} from 'zod/mini';
