import { describe, expect, it } from "vitest";
import type { SectionTiming } from "./bindings";
import { formatDuration, sectionBarWidths, targetFit, totalBarWidth } from "./duration";

const section = (seconds: number): SectionTiming => ({
  title: "",
  role: "other",
  number: null,
  from: 0,
  to: 0,
  line: 1,
  chars: 0,
  seconds,
});

describe("formatDuration", () => {
  it("writes minutes and zero-padded seconds", () => {
    expect(formatDuration(425, "ja")).toBe("7分05秒");
    expect(formatDuration(425, "en")).toBe("7:05");
    expect(formatDuration(59.6, "ja")).toBe("1分00秒");
    expect(formatDuration(0, "en")).toBe("0:00");
    expect(formatDuration(-3, "ja")).toBe("0分00秒");
  });
});

describe("targetFit and totalBarWidth", () => {
  it("compares the total with the target, 5 % either way counting as on target", () => {
    expect(targetFit(600, null)).toBe("none");
    expect(targetFit(600, 600)).toBe("on");
    expect(targetFit(620, 600)).toBe("on");
    expect(targetFit(640, 600)).toBe("over");
    expect(targetFit(500, 600)).toBe("under");
  });

  it("fills the bar up to the target and no further", () => {
    expect(totalBarWidth(300, 600)).toBe(50);
    expect(totalBarWidth(900, 600)).toBe(100);
    expect(totalBarWidth(300, null)).toBe(100);
    expect(totalBarWidth(0, null)).toBe(0);
  });
});

describe("sectionBarWidths", () => {
  it("measures each section against the longest", () => {
    expect(sectionBarWidths([section(30), section(120), section(60)])).toEqual([25, 100, 50]);
    expect(sectionBarWidths([section(0), section(0)])).toEqual([0, 0]);
    expect(sectionBarWidths([])).toEqual([]);
  });
});
