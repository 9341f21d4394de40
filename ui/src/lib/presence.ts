// Who else has the draft open: while a draft is open the editor says so every few seconds
// (`present`, which answers with the others seen within the store's 15 s window) and says it
// closed it (`absent`) when the writer switches drafts or the window goes.

import type { Backend } from "./backend-contract";

/** How often an open draft says it is open: well inside the store's 15 s window. */
export const PRESENCE_EVERY_MS = 5000;

export class Presence {
  #timer: ReturnType<typeof setInterval> | undefined;
  #stopped = false;
  /** The sign on its way: `absent` waits for it, so that it is not the last word. */
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly backend: Pick<Backend, "present" | "absent">,
    private readonly draftId: number,
    /** The others' names after each sign (never called after `stop`). */
    private readonly others: (names: string[]) => void,
    private readonly everyMs = PRESENCE_EVERY_MS,
  ) {}

  /** Says it now, then every `everyMs`. */
  start(): void {
    if (this.#stopped || this.#timer !== undefined) return;
    this.#sign();
    this.#timer = setInterval(() => this.#sign(), this.everyMs);
  }

  /** Stops the signs and says the draft is closed; once. */
  stop(): Promise<void> {
    if (this.#stopped) return this.#pending;
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#pending = this.#pending.then(() => this.backend.absent(this.draftId)).catch(() => {});
    return this.#pending;
  }

  #sign(): void {
    this.#pending = this.#pending
      .then(() => this.backend.present(this.draftId))
      .then((names) => {
        if (!this.#stopped) this.others(names);
      })
      // A sign that fails (the server away a moment) is not worth a message: the next one
      // tries again, and the others simply see this editor a little later.
      .catch(() => {});
  }
}
