import { describe, expect, it } from "vitest";
import type { RehearsalRun } from "../lib/bindings";
import { changeText, differenceText, rehearsalReport } from "./rehearsal-report";

const run = (
  id: number,
  seconds: number[][],
  titles = ["", "はじめに", "① 人づくり"],
): RehearsalRun => ({
  id,
  revision: 1,
  recordedAt: `2027-01-0${id}T09:00:00Z`,
  seconds: seconds.reduce((sum, [, measured]) => sum + measured, 0),
  sections: seconds.map(([estimated, measured], position) => ({
    position,
    title: titles[position],
    estimatedSeconds: estimated,
    seconds: measured,
  })),
});

describe("rehearsalReport", () => {
  it("puts each section's measured time beside its estimate, with the trend over the runs", () => {
    // Newest first, as the backend lists them.
    const runs = [
      run(3, [
        [2, 2],
        [60, 72],
        [90, 78],
      ]),
      run(2, [
        [2, 2],
        [60, 80],
        [90, 85],
      ]),
      run(1, [
        [2, 3],
        [60, 90],
      ]),
    ];
    const report = rehearsalReport(runs);
    expect(
      report?.sections.map(({ title, estimated, measured, difference, trend }) => [
        title,
        estimated,
        measured,
        difference,
        trend,
      ]),
    ).toEqual([
      ["", 2, 2, 0, [3, 2, 2]],
      ["はじめに", 60, 72, 12, [90, 80, 72]],
      // Not in the first run (the draft had no ① then).
      ["① 人づくり", 90, 78, -12, [85, 78]],
    ]);
    expect(report?.totals).toEqual([93, 167, 152]);
    expect([report?.measured, report?.estimated]).toEqual([152, 152]);
  });

  it("has nothing to report without a run", () => {
    expect(rehearsalReport([])).toBeNull();
  });
});

describe("the report's words", () => {
  it("says the difference with one word and no sign", () => {
    expect(differenceText(12, "ja")).toBe("12秒遅れ");
    expect(differenceText(-12, "ja")).toBe("12秒早い");
    expect(differenceText(-65, "ja")).toBe("1分05秒早い");
    expect(differenceText(1, "ja")).toBe("予定どおり");
    expect(differenceText(-12, "en")).toBe("12 s ahead");
    for (const text of [differenceText(-34, "ja"), differenceText(-34, "en")]) {
      expect(text).not.toMatch(/[-−]/);
    }
  });

  it("says the change since the run before", () => {
    expect(changeText([90, 80, 72], "ja")).toBe("前回より8秒短い");
    expect(changeText([70, 95], "ja")).toBe("前回より25秒長い");
    expect(changeText([70, 71], "ja")).toBe("前回と同じ");
    expect(changeText([70, 62], "en")).toBe("8 s shorter than last run");
    expect(changeText([70], "ja")).toBeNull();
  });
});
