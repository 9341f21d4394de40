// The prompter's default settings as the core gives them (src/prompter.rs, docs/ipc.md), for
// unit tests of what reads them.

import type { PrompterSettings } from "../lib/bindings";

export function defaultPrompterSettings(): PrompterSettings {
  return {
    fontFamily: "gothic",
    fontPx: 72,
    lineHeightPercent: 160,
    marginPercent: 8,
    foreground: "#ffffff",
    background: "#000000",
    mirrorHorizontal: false,
    mirrorVertical: false,
    eyeLine: "top",
    eyeLinePercent: 33,
    notes: "dimmed",
    vertical: false,
    paceMpm: null,
    paceCpm: null,
    countdownSeconds: 3,
    paragraphStep: false,
    display: null,
    secondDisplay: null,
    secondMirrorHorizontal: false,
  };
}
