// The prompter's key map: keyboards, presenter clickers (PageUp/PageDown, B or period to
// blank, F5 and Esc) and foot pedals (which send PageUp/PageDown or arrows).

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
