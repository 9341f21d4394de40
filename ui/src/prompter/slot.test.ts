import { expect, test } from "vitest";
import {
  parseClock,
  parseDuration,
  planSlot,
  type Reading,
  readingSeconds,
  runsOver,
  slotEnd,
} from "./slot";

/** 8:30:00 local time on 4 January 2027. */
const EIGHT_THIRTY = new Date(2027, 0, 4, 8, 30, 0).getTime();
const at = (hours: number, minutes: number, seconds = 0) =>
  new Date(2027, 0, 4, hours, minutes, seconds).getTime();

/** Ten minutes of the estimate left at 420 拍/分, read at that pace, at 8:30. */
const reading: Reading = {
  now: EIGHT_THIRTY,
  elapsed: 0,
  remaining: 600,
  pace: 420,
  estimatePace: 420,
  paceMin: 60,
  paceMax: 1500,
};

test("what is left takes the estimate's seconds scaled by the pace", () => {
  expect(readingSeconds(600, 420, 420)).toBe(600);
  expect(readingSeconds(600, 840, 420)).toBe(300);
  expect(readingSeconds(-3, 420, 420)).toBe(0);
});

test("an end on the wall clock: the pace that ends on time from the eye line", () => {
  // 8:45 leaves 15 minutes for 10 of the estimate: slower, 280 拍/分; at 420 it ends 5 min early.
  const plan = planSlot({ kind: "end", at: at(8, 45) }, reading);
  expect(plan.available).toBe(900);
  expect(plan.proposed).toBe(280);
  expect(plan.limit).toBeNull();
  expect(plan.over).toBe(-300);
  expect(plan.finish).toBe(at(8, 40));
  expect(runsOver(plan)).toBe(false);
  expect(Math.abs(plan.overAtProposed)).toBeLessThan(1);
  // 8:38 leaves 8 minutes: faster, 525 拍/分; at 420 it runs two minutes over.
  const tight = planSlot({ kind: "end", at: at(8, 38) }, reading);
  expect(tight.proposed).toBe(525);
  expect(tight.over).toBe(120);
  expect(runsOver(tight)).toBe(true);
});

test("a duration counts from the reading's start: the elapsed time is spent already", () => {
  // Five minutes read, 10 of the estimate left, a 12-minute slot: 7 minutes for 10.
  const plan = planSlot(
    { kind: "duration", seconds: 720 },
    { ...reading, elapsed: 300, remaining: 600 },
  );
  expect(plan.available).toBe(420);
  expect(plan.end).toBe(EIGHT_THIRTY + 420_000);
  expect(plan.proposed).toBe(600);
  expect(slotEnd({ kind: "duration", seconds: 720 }, EIGHT_THIRTY, 0)).toBe(EIGHT_THIRTY + 720_000);
  // Before the start, the whole duration is left.
  expect(planSlot({ kind: "duration", seconds: 600 }, reading).proposed).toBe(420);
});

test("a slot that cannot be met: the pace held at the core's limits, and by how much it misses", () => {
  // Ten minutes of text in two: 2100 拍/分 would be needed, 1500 is the limit.
  const fast = planSlot({ kind: "end", at: at(8, 32) }, reading);
  expect(fast.proposed).toBe(1500);
  expect(fast.limit).toBe("max");
  expect(fast.overAtProposed).toBeCloseTo(48, 5);
  // An hour for ten minutes: 70 拍/分 is within the limits (60); three hours is not.
  expect(planSlot({ kind: "end", at: at(9, 30) }, reading)).toMatchObject({
    proposed: 70,
    limit: null,
  });
  const slow = planSlot({ kind: "end", at: at(11, 30) }, reading);
  expect(slow).toMatchObject({ proposed: 60, limit: "min" });
  expect(slow.overAtProposed).toBeLessThan(0);
  // The slot is over already: no pace can meet it.
  const late = planSlot({ kind: "end", at: at(8, 29) }, reading);
  expect(late).toMatchObject({ proposed: 1500, limit: "max", available: -60 });
  expect(runsOver(late)).toBe(true);
});

test("with nothing left to read, the slot is met and the pace stays", () => {
  const plan = planSlot({ kind: "end", at: at(8, 29) }, { ...reading, remaining: 0 });
  expect(plan).toMatchObject({ proposed: 420, limit: null, finish: EIGHT_THIRTY });
  expect(runsOver(plan)).toBe(false);
});

test("a time typed on the wall clock, as the next such moment", () => {
  expect(parseClock("8:45", EIGHT_THIRTY)).toBe(at(8, 45));
  expect(parseClock("08:45", EIGHT_THIRTY)).toBe(at(8, 45));
  expect(parseClock("８：４５", EIGHT_THIRTY)).toBe(at(8, 45));
  expect(parseClock("8時45分", EIGHT_THIRTY)).toBe(at(8, 45));
  expect(parseClock("9時", EIGHT_THIRTY)).toBe(at(9, 0));
  expect(parseClock("845", EIGHT_THIRTY)).toBe(at(8, 45));
  // A little past is still today (the slot is over); long past is tomorrow's.
  expect(parseClock("8:20", EIGHT_THIRTY)).toBe(at(8, 20));
  expect(parseClock("7:00", at(23, 0))).toBe(new Date(2027, 0, 5, 7, 0).getTime());
  for (const wrong of ["", "25:00", "8:75", "あと", "8:4:5"]) {
    expect(parseClock(wrong, EIGHT_THIRTY)).toBeNull();
  }
});

test("a duration typed: minutes, m:ss, 分 and 秒", () => {
  expect(parseDuration("10")).toBe(600);
  expect(parseDuration("9:30")).toBe(570);
  expect(parseDuration("9分30秒")).toBe(570);
  expect(parseDuration("９分")).toBe(540);
  expect(parseDuration("90秒")).toBe(90);
  expect(parseDuration("1.5")).toBe(90);
  for (const wrong of ["", "0", "9:75", "分", "abc"]) expect(parseDuration(wrong)).toBeNull();
});
