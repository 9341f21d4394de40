import { describe, expect, it } from "vitest";
import type { PrompterSettings } from "../lib/bindings";
import { movesText } from "./geometry";

describe("movesText", () => {
  const base: PrompterSettings = {
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
  };

  it("is false for the pace, colours, countdown, steps and display", () => {
    for (const change of [
      { paceMpm: 400 },
      { paceCpm: 280 },
      { foreground: "#ffff00" },
      { background: "#202020" },
      { countdownSeconds: 5 },
      { paragraphStep: true },
      { display: "HDMI-1" },
    ]) {
      expect(movesText(base, { ...base, ...change })).toBe(false);
    }
  });

  it("is true for anything that lays the text out or places it", () => {
    for (const change of [
      { fontFamily: "mincho" as const },
      { fontPx: 96 },
      { lineHeightPercent: 180 },
      { marginPercent: 12 },
      { vertical: true },
      { mirrorHorizontal: true },
      { mirrorVertical: true },
      { eyeLine: "middle" as const },
      { eyeLinePercent: 40 },
      { notes: "hidden" as const },
    ]) {
      expect(movesText(base, { ...base, ...change })).toBe(true);
    }
  });
});
