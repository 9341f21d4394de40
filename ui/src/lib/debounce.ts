/** A call that waits until `ms` have passed without another `schedule()`, or at most
 * `maxWaitMs` after the first `schedule()` it has not run for yet. */
export interface Debounced {
  schedule(): void;
  cancel(): void;
}

export function debounce(
  task: () => void,
  ms: number,
  maxWaitMs = Number.POSITIVE_INFINITY,
): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstScheduledAt: number | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    firstScheduledAt = null;
  };
  const fire = () => {
    cancel();
    task();
  };
  return {
    schedule() {
      const now = Date.now();
      firstScheduledAt ??= now;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(ms, firstScheduledAt + maxWaitMs - now)));
    },
    cancel,
  };
}
