import { describe, expect, it } from "vitest";
import type { SentenceReading } from "./bindings";
import { readingAt } from "./readings";

const reading = (from: number, to: number): SentenceReading => ({ from, to, kana: "", morae: 0 });

describe("readingAt", () => {
  const readings = [reading(10, 20), reading(20, 35), reading(50, 60)];

  it("finds the sentence that holds the cursor, its start and end included", () => {
    expect(readingAt(readings, 10)).toBe(0);
    expect(readingAt(readings, 15)).toBe(0);
    expect(readingAt(readings, 20)).toBe(1);
    expect(readingAt(readings, 60)).toBe(2);
  });

  it("between sentences shows the one before; before them all, the first", () => {
    expect(readingAt(readings, 40)).toBe(1);
    expect(readingAt(readings, 0)).toBe(0);
    expect(readingAt(readings, 1_000)).toBe(2);
  });

  it("has nothing to show without readings", () => {
    expect(readingAt([], 5)).toBeNull();
  });
});
