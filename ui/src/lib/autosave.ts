// Saving a draft while it is written: 700 ms after typing stops, and while typing goes on at
// most 800 ms after the first unsaved keystroke, so a crash loses under a second of typing
// (never in the middle of an IME composition: the gate holds the save until it ends), one save at a time, each on top of the revision the last one returned. A
// `conflict` stops autosaving until the writer chooses (reload theirs / keep mine); so does
// `draft_locked` (someone settled the draft meanwhile: the text typed is kept in its history)
// until the draft is reloaded. When the office's server is out of reach the app keeps the text
// in this PC's journal (`journaled`): the status says `offline`, the base revision stays, and
// the save is tried again every 10 s until the server answers (app/src/journal.rs).

import { asAppError, type Backend } from "./backend-contract";
import type { AppError, Saved, SaveKind } from "./bindings";
import type { CompositionGate } from "./composition";
import { debounce } from "./debounce";

export type SaveStatus =
  | "saved"
  | "saving"
  | "unsaved"
  | "offline"
  | "error"
  | "conflict"
  | "locked";

const AUTOSAVE_DELAY_MS = 700;
const AUTOSAVE_MAX_WAIT_MS = 800;
/** While the server is out of reach, how often the journaled text is offered to it again. */
export const OFFLINE_RETRY_MS = 10_000;

export interface AutosaveHooks {
  status(status: SaveStatus, error: AppError | null): void;
  saved(saved: Saved): void;
}

export class Autosave {
  #body: string;
  #savedBody: string;
  #revision: number;
  /** A save was refused (`conflict`, `draft_locked`): nothing is saved until `reset` or
   * `keepMine`. */
  #halted: "conflict" | "locked" | null = null;
  #queue: Promise<void> = Promise.resolve();
  #timer;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly backend: Pick<Backend, "saveDraft">,
    private readonly draftId: number,
    draft: { body: string; revision: number },
    private readonly gate: CompositionGate,
    private readonly hooks: AutosaveHooks,
    delayMs = AUTOSAVE_DELAY_MS,
    maxWaitMs = AUTOSAVE_MAX_WAIT_MS,
  ) {
    this.#body = this.#savedBody = draft.body;
    this.#revision = draft.revision;
    this.#timer = debounce(
      () => this.gate.run("save", () => void this.#enqueue()),
      delayMs,
      maxWaitMs,
    );
  }

  get revision(): number {
    return this.#revision;
  }

  /** The text changed in the editor. */
  edited(body: string): void {
    this.#body = body;
    if (this.#halted) return;
    this.hooks.status(body === this.#savedBody ? "saved" : "unsaved", null);
    this.#timer.schedule();
  }

  /** Saves what is waiting now (before switching drafts, exporting …). */
  flush(): Promise<void> {
    this.#timer.cancel();
    return this.#enqueue();
  }

  /** A version saved on purpose (Ctrl+S), even when the text did not change. */
  saveNamed(name: string | null): Promise<void> {
    this.#timer.cancel();
    return this.#enqueue({ kind: "named", name });
  }

  /** The draft was replaced from outside (reload, restore, meta change): take it as saved. */
  reset(draft: { body: string; revision: number }): void {
    this.#timer.cancel();
    clearTimeout(this.#retry);
    this.#body = this.#savedBody = draft.body;
    this.#revision = draft.revision;
    this.#halted = null;
    this.hooks.status("saved", null);
  }

  /** Saves what waits, then runs `change`: an edit that moves the draft's revision without
   * touching its text (title, target …) and returns the new revision. Saves queue behind it. */
  metaChange(change: () => Promise<number>): Promise<void> {
    this.#timer.cancel();
    const done = this.#enqueue().then(async () => {
      this.#revision = await change();
    });
    this.#queue = done.catch(() => {});
    return done;
  }

  /** After a conflict: save this text on top of `revision`, the draft's current one. */
  keepMine(revision: number): Promise<void> {
    this.#revision = revision;
    this.#halted = null;
    return this.#enqueue({ kind: "named", name: null });
  }

  #enqueue(kind: SaveKind = { kind: "autosave" }): Promise<void> {
    this.#queue = this.#queue.then(() => this.#save(kind));
    return this.#queue;
  }

  async #save(kind: SaveKind): Promise<void> {
    const body = this.#body;
    if (this.#halted || (kind.kind === "autosave" && body === this.#savedBody)) return;
    this.hooks.status("saving", null);
    try {
      const saved = await this.backend.saveDraft(this.draftId, body, this.#revision, kind);
      if (saved.journaled) {
        // Kept on this PC, not yet on the server: not "saved", and offered again later.
        this.hooks.saved(saved);
        this.hooks.status("offline", null);
        clearTimeout(this.#retry);
        this.#retry = setTimeout(() => void this.#enqueue(kind), OFFLINE_RETRY_MS);
        return;
      }
      clearTimeout(this.#retry);
      this.#revision = saved.revision;
      this.#savedBody = body;
      this.hooks.saved(saved);
      const current = this.#body === body;
      this.hooks.status(current ? "saved" : "unsaved", null);
      if (!current) this.#timer.schedule();
    } catch (caught) {
      const error = asAppError(caught);
      this.#halted =
        error.code === "conflict" ? "conflict" : error.code === "draft_locked" ? "locked" : null;
      this.hooks.status(this.#halted ?? "error", error);
    }
  }
}
