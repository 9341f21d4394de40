// While an input method composes (Japanese かな→漢字 conversion), the editor must not save,
// re-analyse, redraw decorations from a new analysis or move the cursor: any of these can
// break or commit the composition. Work that comes due meanwhile waits here, one task per
// key (the latest wins), and runs when the composition ends.

export class CompositionGate {
  #composing = false;
  #waiting = new Map<string, () => void>();

  start(): void {
    this.#composing = true;
  }

  /** The composition is over: run what waited, in the order it first came due. */
  end(): void {
    this.#composing = false;
    const tasks = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const task of tasks) task();
  }

  /** Runs `task` now, or after the composition when one is under way. */
  run(key: string, task: () => void): void {
    if (this.#composing) this.#waiting.set(key, task);
    else task();
  }
}
