import {
  buildError,
  defineOperation,
  Err,
  Ok,
  type PageIterator,
  PaymentsError,
  type Result,
} from '@payweave/core';
import type * as z from 'zod/mini';
import { type ListPage, payaPaging } from '../shared/paya-paging.js';
import {
  listLocationInfosInput,
  locationInfoListEnvelope,
  type PayaLocationDefaults,
  type PayaLocationInfo,
  toLocationDefaults,
} from './location-info-schemas.js';

/** Lists the locations the user can reach, with their product transactions; pages through all. */
export const listLocationInfos = defineOperation({
  id: 'paya.locationInfos.list',
  method: 'GET',
  path: '/v2/locationinfos',
  summary:
    'List the locations of the user with their card and ACH product transactions (how location_id is discovered).',
  input: listLocationInfosInput,
  output: locationInfoListEnvelope,
  retry: 'safe',
  docsUrl: 'https://developers.payaconnect.com/docs/location-info',
  fromResponse: (body): ListPage<PayaLocationInfo> => ({ items: body.locationinfos, meta: body.meta }),
  paging: payaPaging<z.output<typeof listLocationInfosInput>, PayaLocationInfo>(),
});

/**
 * The location info operations, by method name (`paya.locationInfos.*`).
 *
 * @example
 * ```ts
 * for await (const location of paya.locationInfos.list({ relationship: 'all' })) console.log(location.id);
 * ```
 */
export const locationInfoOperations = { list: listLocationInfos } as const;

/**
 * Finds a location (the given one, else the first the user has) and its default card and
 * ACH product transactions, walking the location list. An unknown location is `not_found`.
 * The walk is the list's own, so it is bounded like every list (`maxPages`) and a provider
 * that repeats a page or announces an absurd `pageCount` gets an `invalid_response` error.
 * Never rejects.
 */
export async function findLocationDefaults(
  locations: PageIterator<PayaLocationInfo>,
  locationId?: string,
): Promise<Result<PayaLocationDefaults, PaymentsError>> {
  try {
    for await (const location of locations) {
      if (locationId === undefined || location.id === locationId) return Ok(toLocationDefaults(location));
    }
  } catch (error) {
    if (error instanceof PaymentsError) return Err(error);
    return Err(
      buildError(
        { provider: 'paya', operation: 'paya.locationInfos.list' },
        { code: 'provider_error', detail: 'the location walk failed unexpectedly.', cause: error },
      ),
    );
  }
  return Err(
    new PaymentsError({
      code: 'not_found',
      provider: 'paya',
      operation: 'paya.locationInfos.list',
      message:
        locationId === undefined
          ? 'paya: the user has no location.'
          : `paya: location ${locationId} was not found among the user's locations.`,
    }),
  );
}
