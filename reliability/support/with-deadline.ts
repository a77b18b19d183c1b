/** What {@link withDeadline} resolves when the work did not end in time. */
export const HUNG = Symbol('hung');

/**
 * Races `work` against a watchdog, so a call that never ends fails its test instead of
 * hanging the suite. The watchdog is cleared as soon as the work ends.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof HUNG> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<typeof HUNG>((resolve) => {
    timer = setTimeout(() => resolve(HUNG), ms);
  });
  try {
    return await Promise.race([work, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}
