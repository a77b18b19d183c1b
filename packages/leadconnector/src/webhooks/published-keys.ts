/**
 * HighLevel's published Ed25519 public key for the `x-ghl-signature` header (SPKI PEM), as printed
 * in the marketplace Webhook Integration Guide. HighLevel publishes no key id or JWKS endpoint and
 * announces rotations by email and in the developer Slack: pass the new key in `publicKeys` (with
 * this one, until the switch is over) when it changes.
 *
 * @example
 * ```ts
 * const receiver = leadConnectorWebhooks({
 *   publicKeys: [LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY, process.env.HIGHLEVEL_NEXT_WEBHOOK_KEY!],
 * });
 * ```
 */
export const LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

/**
 * HighLevel's published RSA-4096 public key for the legacy `x-wh-signature` header (SPKI PEM), as
 * in `docs/oauth/WebhookAuthentication.md`. Used only when `legacyRsa` is turned on.
 *
 * @example
 * ```ts
 * const receiver = leadConnectorWebhooks({
 *   legacyRsa: { publicKeys: [LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY], until: new Date('2026-12-31') },
 * });
 * ```
 */
export const LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;

/**
 * The day HighLevel stopped sending the legacy `x-wh-signature` (RSA) header: 2026-09-01, per the
 * Webhook Integration Guide of 2026-08-30 (earlier copies said 2026-07-01). Legacy RSA is off by
 * default for that reason.
 */
export const LEADCONNECTOR_RSA_SIGNATURE_CUTOFF = '2026-09-01';
