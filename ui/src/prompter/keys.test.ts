import { expect, test } from "vitest";
import { commandForKey, routedCommand, wheelNudge } from "./keys";

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
  expect(action("t")).toBe("fitSlot");
  expect(commandForKey({ key: "v" })).toEqual({ action: "voice" });
  expect(commandForKey({ key: "V" })).toEqual({ action: "voice" });
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

test("from the main window, a live prompter's keys never steal typing", () => {
  const routed = (key: string, focus: "typing" | "copy" | "elsewhere", shiftKey = false) =>
    routedCommand({ key, shiftKey }, focus)?.action ?? null;
  // In the editor: only what a clicker sends.
  expect(routed("PageDown", "typing")).toBe("nextParagraph");
  expect(routed("PageUp", "typing", true)).toBe("previousSection");
  expect(routed("F5", "typing")).toBe("start");
  expect(routed("F5", "typing", true)).toBe("start");
  for (const key of [
    " ",
    "b",
    "B",
    ".",
    "t",
    "3",
    "Home",
    "Escape",
    "ArrowUp",
    "ArrowRight",
    "a",
  ]) {
    expect(routed(key, "typing"), key).toBeNull();
  }
  // Elsewhere: every prompter key, a pedal's Space included; not Ctrl shortcuts.
  expect(routed(" ", "elsewhere")).toBe("toggle");
  expect(routed("b", "elsewhere")).toBe("blank");
  expect(routed("Escape", "elsewhere")).toBe("stop");
  expect(routed("a", "elsewhere")).toBeNull();
  expect(routedCommand({ key: "PageDown", ctrlKey: true }, "elsewhere")).toBeNull();
  // The operator's copy sends its keys itself.
  expect(routed("PageDown", "copy")).toBeNull();
});
