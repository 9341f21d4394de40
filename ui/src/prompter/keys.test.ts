import { expect, test } from "vitest";
import { commandForKey, wheelNudge } from "./keys";

test("the key map of keyboards, clickers and pedals", () => {
  const action = (key: string, shiftKey = false) => commandForKey({ key, shiftKey })?.action;
  expect(action(" ")).toBe("toggle");
  expect(action("ArrowUp")).toBe("faster");
  expect(action("ArrowDown")).toBe("slower");
  expect(action("PageDown")).toBe("nextParagraph");
  expect(action("ArrowRight")).toBe("nextParagraph");
  expect(action("PageUp")).toBe("previousParagraph");
  expect(action("PageDown", true)).toBe("nextSection");
  expect(action("PageUp", true)).toBe("previousSection");
  expect(action("Home")).toBe("home");
  expect(action("F5")).toBe("start");
  expect(action("Escape")).toBe("stop");
  expect(action("b")).toBe("blank");
  expect(action(".")).toBe("blank");
  expect(commandForKey({ key: "3" })).toEqual({ action: "section", n: 3 });
  expect(commandForKey({ key: "0" })).toBeNull();
  expect(commandForKey({ key: "s", ctrlKey: true })).toBeNull();
  expect(commandForKey({ key: " ", altKey: true })).toBeNull();
});

test("the wheel nudges by pixels, lines or pages", () => {
  expect(wheelNudge(53, 0, 100)).toBe(53);
  expect(wheelNudge(-3, 1, 100)).toBe(-300);
  expect(wheelNudge(1, 2, 100)).toBe(1000);
});
