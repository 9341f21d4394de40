import { expect, test } from "vitest";
import { chosenPace, estimatePace, withPace } from "./pace";
import { defaultPrompterSettings } from "./settings.fixture";

const morae = { pacePerMinute: 420, paceUnit: "mora", paceMin: 60, paceMax: 1500 } as const;
const chars = { pacePerMinute: 300, paceUnit: "char", paceMin: 30, paceMax: 2000 } as const;

test("by default the prompter reads at the estimate's own pace, in its unit", () => {
  const s = defaultPrompterSettings();
  expect(chosenPace(s, morae)).toBe(420);
  expect(chosenPace(s, chars)).toBe(300);
  expect(estimatePace({ ...morae, pacePerMinute: 380.4 })).toBe(380);
});

test("a pace chosen is kept for its unit only, and only when it differs from the estimate's", () => {
  const s = withPace(defaultPrompterSettings(), morae, 441);
  expect([s.paceMpm, s.paceCpm]).toEqual([441, null]);
  expect(chosenPace(s, morae)).toBe(441);
  // A script timed in characters (no dictionary) reads at its own pace.
  expect(chosenPace(s, chars)).toBe(300);
  expect(withPace(s, morae, 420).paceMpm).toBeNull();
  expect(withPace(s, chars, 330)).toMatchObject({ paceMpm: 441, paceCpm: 330 });
  // Out of the limits the script brings (the core's), it is held at them.
  expect(chosenPace({ ...s, paceMpm: 4000 }, morae)).toBe(1500);
});
