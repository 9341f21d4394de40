/** A call that waits until `ms` have passed without another `schedule()`. */
export interface Debounced {
  schedule(): void;
  cancel(): void;
}

export function debounce(task: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    task();
  };
  return {
    schedule() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
