/** Where a secret was found. */
export interface SecretHit {
  /** The source that showed it (`logger`, `error JSON`, ...). */
  readonly source: string;
  /** The secret, masked to its first two characters for the report. */
  readonly secret: string;
  /** Text around the hit. */
  readonly context: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds `secrets` in `text`. A secret counts only as a whole token (not inside a longer id,
 * so a short CVV does not match inside a hex record id), and a long digit secret (card,
 * bank account) also counts when written with spaces or dashes between its digits.
 */
export function scanSecrets(source: string, text: string, secrets: readonly string[]): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const secret of new Set(secrets)) {
    if (secret.length < 3) continue;
    const digits = /^\d{12,}$/.test(secret);
    const body = digits ? secret.split('').map(escapeRegExp).join('[ -]?') : escapeRegExp(secret);
    const pattern = new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`);
    const match = pattern.exec(text);
    if (match) {
      hits.push({
        source,
        secret: `${secret.slice(0, 2)}…`,
        context: text
          .slice(Math.max(0, match.index - 60), match.index + match[0].length + 20)
          .replace(secret, '<SECRET>'),
      });
    }
  }
  return hits;
}
