// What the operator view (main window) and the prompter window say to each other. The prompter
// owns the position: the operator sends it commands and shows what it reports.

import type { PrompterSettings } from "../lib/bindings";
import type { TextPoint } from "./scroll";

/** What a key, a clicker, a pedal or an operator's button asks of the prompter. */
export type PrompterCommand =
  | { action: "toggle" }
  | { action: "pause" }
  | { action: "faster" }
  | { action: "slower" }
  | { action: "nextParagraph" }
  | { action: "previousParagraph" }
  | { action: "nextSection" }
  | { action: "previousSection" }
  | { action: "section"; n: number }
  | { action: "home" }
  | { action: "start" }
  | { action: "stop" }
  | { action: "blank" }
  | { action: "nudge"; by: number }
  | { action: "settings"; settings: PrompterSettings }
  | { action: "rehearse"; on: boolean };

/** The prompter's state, reported a few times a second and at once after a change. */
export interface PrompterReport {
  draftId: number;
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
  /** Bumped each time a rehearsal was saved. */
  rehearsalsSaved: number;
  /** performance.now() of the prompter when the report was made. */
  at: number;
}

export const COMMAND_EVENT = "prompter:command";
export const REPORT_EVENT = "prompter:report";
/** Reports while nothing changes; more often would only cost the main window frames. */
export const REPORT_INTERVAL_MS = 250;
