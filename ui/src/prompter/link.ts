// The main window's link with a live prompter, whichever view is open (the editor's panel or
// the operator's): whether a prompter window reported lately and on which draft, so that an
// edit saved in the editor reaches it (it reads the script again, the text at the eye line
// kept there), and its keys reach it from anywhere in the main window without stealing typing
// (keys.ts: `routedCommand`).

import type { PrompterBackend } from "../lib/backend-contract";
import { commandForKey, type Focus, routedCommand } from "./keys";
import { SILENT_MS } from "./protocol";

/** Where the focus of a key event is (keys.ts's `Focus`). */
export function focusOf(target: EventTarget | null): Focus {
  if (!(target instanceof Element)) return "elsewhere";
  if (target.closest("[data-prompter-keys]")) return "copy";
  if (
    target.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog, [role="dialog"]',
    )
  ) {
    return "typing";
  }
  return "elsewhere";
}

export class PrompterLink {
  #heardAt = Number.NEGATIVE_INFINITY;
  #draftId: number | null = null;

  constructor(
    private readonly prompter: Pick<PrompterBackend, "onReport" | "send" | "onClickerKey">,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Hears the prompter's reports (until the returned function is called). */
  listen(): Promise<() => void> {
    return this.prompter.onReport((report) => {
      this.#heardAt = this.now();
      this.#draftId = report.draftId;
    });
  }

  /**
   * Hears the clicker's keys pressed while another app had the focus (when the operator turned
   * that on: src-tauri/src/clicker.rs), until the returned function is called: each is the
   * prompter's command, as for the key pressed here.
   */
  listenToClicker(): Promise<() => void> {
    return this.prompter.onClickerKey((press) => {
      const command = commandForKey(press);
      if (command && this.live()) void this.prompter.send(command);
    });
  }

  /** A prompter window reported lately (on `draftId`, when given). */
  live(draftId?: number): boolean {
    const heard = this.now() - this.#heardAt < SILENT_MS;
    return heard && (draftId === undefined || draftId === this.#draftId);
  }

  /** The draft was saved at `revision`: a live prompter on it reads it again. */
  saved(draftId: number, revision: number): void {
    if (this.live(draftId)) void this.prompter.send({ action: "script", draftId, revision });
  }

  /**
   * A key anywhere in the main window (listened to in the capture phase, before the editor
   * acts on it): sent to a live prompter when it is the prompter's and steals no typing.
   */
  keydown = (event: KeyboardEvent): void => {
    if (!this.live()) return;
    const command = routedCommand(event, focusOf(event.target));
    if (!command) return;
    event.preventDefault();
    event.stopPropagation();
    // A held key repeats only the pace (as in the prompter window).
    if (event.repeat && command.action !== "faster" && command.action !== "slower") return;
    void this.prompter.send(command);
  };
}
