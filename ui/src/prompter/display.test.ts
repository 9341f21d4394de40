import { expect, test } from "vitest";
import { eyeLineFraction, lagText, paceText } from "./display";
import { defaultPrompterSettings } from "./settings.fixture";

test("the eye line: top quarter, middle, custom; off still reads at the top quarter", () => {
  const s = defaultPrompterSettings();
  expect(eyeLineFraction(s)).toBe(0.25);
  expect(eyeLineFraction({ ...s, eyeLine: "middle" })).toBe(0.5);
  expect(eyeLineFraction({ ...s, eyeLine: "custom", eyeLinePercent: 40 })).toBe(0.4);
  expect(eyeLineFraction({ ...s, eyeLine: "off" })).toBe(0.25);
});

test("ahead and behind the plan, plainly: a time and one word, no sign", () => {
  expect(lagText(12, "ja")).toBe("12秒遅れ");
  expect(lagText(-12, "ja")).toBe("12秒早い");
  expect(lagText(-65, "ja")).toBe("1分05秒早い");
  expect(lagText(1, "ja")).toBe("予定どおり");
  expect(lagText(12, "en")).toBe("12 s behind");
  expect(lagText(-12, "en")).toBe("12 s ahead");
  expect(lagText(125, "en")).toBe("2 min 5 s behind");
});

test("the pace in the estimate's unit", () => {
  expect(paceText(420, "mora", "ja")).toBe("420 拍/分");
  expect(paceText(300.4, "char", "ja")).toBe("300 字/分");
  expect(paceText(441, "mora", "en")).toBe("441 morae/min");
  expect(paceText(300, "char", "en")).toBe("300 chars/min");
});
