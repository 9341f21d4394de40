// What the operator view (main window) and the prompter window say to each other. The prompter
// owns the position: the operator sends it commands and shows what it reports.

import type { PrompterSettings, RemoteCommand } from "../lib/bindings";
import type { TextPoint } from "./scroll";
import type { SlotPlan, SlotTarget } from "./slot";

/**
 * What a key, a clicker, a pedal, an operator's button or a phone (the remote) asks of the
 * prompter: the commands a phone may send too (`RemoteCommand`, declared in Rust:
 * app/src/wire/remote.rs) and those only the operator view sends.
 */
export type PrompterCommand =
  | RemoteCommand
  | { action: "pause" }
  | { action: "start" }
  | { action: "stop" }
  | { action: "nudge"; by: number }
  | { action: "settings"; settings: PrompterSettings }
  | { action: "rehearse"; on: boolean }
  /** The broadcast slot the reading must end in (null: none). */
  | { action: "slot"; slot: SlotTarget | null }
  /** Read at the pace that ends on time (the slot's proposal). */
  | { action: "fitSlot" }
  /** The draft was saved at `revision` (an edit while live): read the script again, the text
   * at the eye line kept there, the clock and the scroll going on. */
  | { action: "script"; draftId: number; revision: number };

/** The prompter's state, reported a few times a second and at once after a change. */
export interface PrompterReport {
  draftId: number;
  /** The draft's revision the prompter shows. */
  revision: number;
  /** Where the eye line is, in terms of the text (the same in any layout). */
  point: TextPoint;
  /** The script time at the eye line (the estimate's seconds, with the glides over what it
   * does not time): the same sentence in any layout. */
  clock: number;
  playing: boolean;
  /** The reading pace, in the unit of the script's estimate a minute (拍/分 or 字/分). */
  pace: number;
  stepMode: boolean;
  section: number;
  elapsed: number;
  remaining: number;
  /** Behind (+) or ahead (−) of the plan, seconds. */
  lag: number;
  progress: number;
  /** Seconds left of the countdown, null when none runs. */
  countdown: number | null;
  blank: boolean;
  rehearsing: boolean;
  /** The broadcast slot's plan at this moment (null: no slot set). */
  slot: SlotPlan | null;
  /** Bumped each time a rehearsal was saved. */
  rehearsalsSaved: number;
  /** performance.now() of the prompter when the report was made. */
  at: number;
}

/** Reports while nothing changes; more often would only cost the main window frames. */
export const REPORT_INTERVAL_MS = 250;
/** Without a report for this long, the prompter counts as closed (it reports every second). */
export const SILENT_MS = 2500;
