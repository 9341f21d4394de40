import { describe, expect, it } from "vitest";
import { movesText } from "./geometry";
import { defaultPrompterSettings } from "./settings.fixture";

describe("movesText", () => {
  const base = defaultPrompterSettings();

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
