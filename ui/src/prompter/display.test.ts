import { expect, test } from "vitest";
import { eyeLineFraction, lagText } from "./display";
import { defaultPrompterSettings } from "./fake-prompter";

test("the eye line: top quarter, middle, custom; off still reads at the top quarter", () => {
  const s = defaultPrompterSettings();
  expect(eyeLineFraction(s)).toBe(0.25);
  expect(eyeLineFraction({ ...s, eyeLine: "middle" })).toBe(0.5);
  expect(eyeLineFraction({ ...s, eyeLine: "custom", eyeLinePercent: 40 })).toBe(0.4);
  expect(eyeLineFraction({ ...s, eyeLine: "off" })).toBe(0.25);
});

test("ahead and behind the plan", () => {
  expect(lagText(12, "ja")).toBe("+0分12秒 遅れ");
  expect(lagText(-65, "ja")).toBe("−1分05秒 先行");
  expect(lagText(1, "ja")).toBe("予定どおり");
  expect(lagText(12, "en")).toBe("+0:12 behind");
});
