import type { SentenceReading } from "./bindings";

/**
 * The index of the sentence the cursor is in, or the last one before it (the cursor on a
 * heading or between paragraphs shows the sentence just read); the first sentence when the
 * cursor is before every sentence; `null` without readings. Readings are in text order.
 */
export function readingAt(readings: readonly SentenceReading[], cursor: number): number | null {
  if (readings.length === 0) return null;
  let low = 0;
  let high = readings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (readings[middle].from <= cursor) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
}
