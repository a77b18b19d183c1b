import { lazySchema } from '@payweave/core';
import * as z from 'zod/mini';
import { altIdSchema, altTypeSchema, httpsUrlSchema, limitSchema, offsetSchema } from '../common-schemas.js';

/** Gateways a white-label provider can be built on. */
export const whiteLabelGateways = ['authorize-net', 'nmi'] as const;

/** Input of `whiteLabelProviders.create` (`CreateWhiteLabelIntegrationProviderDto`). */
export const createWhiteLabelProviderInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    /** Lowercase letters and hyphens, starting and ending with a letter. */
    uniqueName: z
      .string()
      .check(
        z.maxLength(128),
        z.regex(
          /^[a-z](?:[a-z-]*[a-z])?$/,
          'lowercase letters and hyphens only, starting and ending with a letter',
        ),
      ),
    title: z.string().check(z.minLength(1), z.maxLength(256)),
    provider: z.enum(whiteLabelGateways),
    description: z.string().check(z.minLength(1), z.maxLength(2048)),
    imageUrl: httpsUrlSchema,
  }),
);

/** Input of `whiteLabelProviders.list`. */
export const listWhiteLabelProvidersInput = lazySchema(() =>
  z.strictObject({
    altId: z.optional(altIdSchema),
    altType: z.optional(altTypeSchema),
    limit: z.optional(limitSchema),
    offset: z.optional(offsetSchema),
  }),
);

/** A white-label integration provider (`IntegrationProviderSchema`). */
export const whiteLabelProviderSchema = lazySchema(() =>
  z.looseObject({
    _id: z.string(),
    altId: z.optional(z.string()),
    altType: z.optional(z.string()),
    title: z.optional(z.string()),
    route: z.optional(z.string()),
    provider: z.optional(z.string()),
    description: z.optional(z.string()),
    imageUrl: z.optional(z.string()),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
  }),
);

/** `ListWhitelabelIntegrationProviderResponseDto`: the spec types `providers` as one object; a list is also accepted. */
export const whiteLabelProviderListSchema = lazySchema(() =>
  z.looseObject({
    providers: z.union([z.array(whiteLabelProviderSchema), whiteLabelProviderSchema]),
  }),
);

/** A white-label provider. */
export type WhiteLabelProvider = z.infer<typeof whiteLabelProviderSchema>;
/** A page of white-label providers. */
export type WhiteLabelProviderList = z.infer<typeof whiteLabelProviderListSchema>;
