/** Collects unhandled rejections for the life of a test file. */
export interface RejectionWatch {
  /** What was rejected without a handler so far. */
  readonly seen: unknown[];
  /** Stops listening. */
  stop(): void;
}

/** Starts collecting `unhandledRejection` events of this process. */
export function watchUnhandledRejections(): RejectionWatch {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
  };
  process.on('unhandledRejection', listener);
  return { seen, stop: () => process.off('unhandledRejection', listener) };
}
