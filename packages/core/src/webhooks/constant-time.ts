const encoder = new TextEncoder();

/**
 * Compares two strings in time that depends only on their lengths, never on where they differ:
 * a secret compared with `===` leaks, one byte at a time, how much of a guess was right. Pure
 * JavaScript so it runs on every runtime (no `node:crypto`).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  const length = Math.max(left.length, right.length);
  let difference = left.length ^ right.length;
  for (let index = 0; index < length; index += 1) {
    difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  }
  return difference === 0;
}
