/** Paylink `status_id` values and their names. */
export const paylinkStatuses = { 0: 'unpaid', 1: 'paid' } as const;

/** A decoded paylink `status_id`, or `unknown`. */
export type PaylinkStatusName = (typeof paylinkStatuses)[keyof typeof paylinkStatuses] | 'unknown';

/** Paylink `delivery_method` values and their names. */
export const paylinkDeliveryMethods = { 0: 'none', 1: 'email', 2: 'sms', 3: 'emailAndSms' } as const;

/** A decoded `delivery_method`, or `unknown`. */
export type PaylinkDeliveryName =
  | (typeof paylinkDeliveryMethods)[keyof typeof paylinkDeliveryMethods]
  | 'unknown';

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** Names a paylink `status_id` (`1` -> `paid`). */
export function paylinkStatusName(statusId: unknown): PaylinkStatusName {
  const code = asNumber(statusId);
  return (code !== undefined && paylinkStatuses[code as keyof typeof paylinkStatuses]) || 'unknown';
}

/** Names a `delivery_method` (`3` -> `emailAndSms`). */
export function paylinkDeliveryName(method: unknown): PaylinkDeliveryName {
  const code = asNumber(method);
  return (
    (code !== undefined && paylinkDeliveryMethods[code as keyof typeof paylinkDeliveryMethods]) || 'unknown'
  );
}
