import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { httpsUrlSchema, idSchema, openObject, urlSchema } from '../common-schemas.js';

const locationQuery = { locationId: z.optional(idSchema) };

/** Input of `customProviders.create` (`CreateCustomProvidersDto` plus the `locationId` query). */
export const createCustomProviderInput = lazySchema(() =>
  z.strictObject({
    ...locationQuery,
    name: z.string().check(z.minLength(1), z.maxLength(256)),
    description: z.string().check(z.minLength(1), z.maxLength(2048)),
    paymentsUrl: urlSchema,
    queryUrl: urlSchema,
    imageUrl: httpsUrlSchema,
    /** Singular here; `updateCapabilities` takes the plural `supportsSubscriptionSchedules`. */
    supportsSubscriptionSchedule: z.boolean(),
  }),
);

/** Input of the calls that only name the location (`delete`, `getConfig`). */
export const locationOnlyInput = lazySchema(() => z.strictObject(locationQuery));

const keys = lazySchema(() =>
  z.strictObject({
    apiKey: z.string().check(z.minLength(1)),
    publishableKey: z.string().check(z.minLength(1)),
  }),
);

/** Input of `customProviders.connect` (`ConnectCustomProvidersConfigDto`); the keys are redacted from logs. */
export const connectCustomProviderInput = lazySchema(() =>
  z.strictObject({ ...locationQuery, live: keys, test: keys }),
);

/** Input of `customProviders.disconnect`. */
export const disconnectCustomProviderInput = lazySchema(() =>
  z.strictObject({ ...locationQuery, liveMode: z.boolean() }),
);

/** Input of `customProviders.updateCapabilities` (`companyId` or `locationId`). */
export const updateCapabilitiesInput = lazySchema(() =>
  z.strictObject({
    /** Plural here; `create` takes the singular `supportsSubscriptionSchedule`. */
    supportsSubscriptionSchedules: z.boolean(),
    companyId: z.optional(idSchema),
    locationId: z.optional(idSchema),
  }),
);

/** A custom provider integration / config (`GetCustomProvidersResponseSchema`). */
export const customProviderSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    paymentsUrl: z.optional(z.string()),
    queryUrl: z.optional(z.string()),
    imageUrl: z.optional(z.string()),
    locationId: z.optional(z.string()),
    marketplaceAppId: z.optional(z.string()),
    paymentProvider: z.optional(openObject),
    deleted: z.optional(z.boolean()),
    traceId: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** A custom provider integration or config. */
export type CustomProvider = z.infer<typeof customProviderSchema>;
