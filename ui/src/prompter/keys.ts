// The prompter's key map: keyboards, presenter clickers (PageUp/PageDown, B or period to
// blank, F5 and Esc) and foot pedals (which send PageUp/PageDown or arrows); and which of
// those keys reach a live prompter from the main window, wherever its focus is.

import { CLICKER_KEYS } from "../lib/bindings";
import type { PrompterCommand } from "./protocol";

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/** The command for a key, or null when the key is not the prompter's. */
export function commandForKey(press: KeyPress): PrompterCommand | null {
  if (press.ctrlKey || press.altKey || press.metaKey) return null;
  const shift = press.shiftKey === true;
  switch (press.key) {
    case " ":
    case "Spacebar":
      return { action: "toggle" };
    case "ArrowUp":
      return { action: "faster" };
    case "ArrowDown":
      return { action: "slower" };
    case "ArrowRight":
    case "PageDown":
      return { action: shift ? "nextSection" : "nextParagraph" };
    case "ArrowLeft":
    case "PageUp":
      return { action: shift ? "previousSection" : "previousParagraph" };
    case "Home":
      return { action: "home" };
    case "F5":
      return { action: "start" };
    case "Escape":
      return { action: "stop" };
    case "b":
    case "B":
    case ".":
      return { action: "blank" };
    case "t":
    case "T":
      return { action: "fitSlot" };
    case "v":
    case "V":
      return { action: "voice" };
    default:
      if (/^[1-9]$/.test(press.key)) return { action: "section", n: Number(press.key) };
      return null;
  }
}

/** Pixels a wheel event nudges the text by (lines and pages turned into pixels). */
export function wheelNudge(deltaY: number, deltaMode: number, lineHeightPx: number): number {
  if (deltaMode === 1) return deltaY * lineHeightPx;
  if (deltaMode === 2) return deltaY * lineHeightPx * 10;
  return deltaY;
}

/**
 * Where the main window's keyboard focus is, for a live prompter's keys: in a field that takes
 * typing (the editor, an input, a select) or in a modal dialog; on the operator's live copy
 * (which sends every key itself); anywhere else (a button, the library, nothing).
 */
export type Focus = "typing" | "copy" | "elsewhere";

/**
 * What a presenter clicker sends and no typing needs (`CLICKER_KEYS`, the app layer's list):
 * PageUp/PageDown (Shift for sections) and F5 (Shift+F5 too, "start from here"). These reach a
 * live prompter from anywhere in the main window, and from the whole desktop when the operator
 * turns that on (src-tauri/src/clicker.rs).
 */
export function isClickerKey(press: KeyPress): boolean {
  return (CLICKER_KEYS as readonly string[]).includes(press.key);
}

/**
 * The command a key in the main window sends to a live prompter, or null when the key stays
 * where it is. The rule: never steal typing. From a field that takes typing (the editor
 * first) or a dialog, only the clicker's own keys (PageUp/PageDown, F5) go to the prompter:
 * Space, the arrows, B, the period, digits, Home and Esc type or move the cursor as usual.
 * Elsewhere every prompter key goes (a pedal's Space too; Enter still presses a button).
 */
export function routedCommand(press: KeyPress, focus: Focus): PrompterCommand | null {
  if (focus === "copy") return null;
  if (focus === "typing" && !isClickerKey(press)) return null;
  return commandForKey(press);
}
