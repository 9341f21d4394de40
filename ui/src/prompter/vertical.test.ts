import { expect, test } from "vitest";
import { verticalRuns } from "./vertical";

test("one or two digits share a square; longer numbers stand upright", () => {
  expect(verticalRuns("令和9年1月12日、2027年")).toEqual([
    { text: "令和", kind: "plain" },
    { text: "9", kind: "combined" },
    { text: "年", kind: "plain" },
    { text: "1", kind: "combined" },
    { text: "月", kind: "plain" },
    { text: "12", kind: "combined" },
    { text: "日、", kind: "plain" },
    { text: "2027", kind: "upright" },
    { text: "年", kind: "plain" },
  ]);
  expect(verticalRuns("数字なし")).toEqual([{ text: "数字なし", kind: "plain" }]);
});
