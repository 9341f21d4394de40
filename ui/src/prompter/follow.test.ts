import { expect, test } from "vitest";
import { follow, follower, reportArrived } from "./follow";

test("between reports the view carries on at the reported speed: no steps at each report", () => {
  const f = follower(0);
  reportArrived(f, 0, 0, true);
  reportArrived(f, 15, 0.25, true); // 60 px/s
  let shown = f.shown;
  const steps: number[] = [];
  for (let frame = 1; frame <= 60; frame += 1) {
    const now = 0.25 + frame / 60;
    // A report every quarter second, from a prompter moving at 60 px/s.
    if (frame % 15 === 0) reportArrived(f, 60 * now, now, true);
    const next = follow(f, now, 1 / 60);
    steps.push(next - shown);
    shown = next;
  }
  // After half a second of catching up, every frame moves about 1 px (60 px/s), no jolts.
  for (const step of steps.slice(40)) expect(step).toBeCloseTo(1, 1);
});

test("a jump is eased over a few frames, never drawn at once", () => {
  const f = follower(100);
  reportArrived(f, 100, 0, false);
  reportArrived(f, 900, 0.1, false);
  expect(f.velocity).toBe(0);
  const first = follow(f, 0.1 + 1 / 60, 1 / 60);
  expect(first).toBeGreaterThan(100);
  expect(first).toBeLessThan(300);
  let shown = first;
  for (let frame = 2; frame < 60; frame += 1) shown = follow(f, 0.1 + frame / 60, 1 / 60);
  expect(shown).toBeCloseTo(900, 0);
});

test("a silent prompter is not extrapolated for ever", () => {
  const f = follower(0);
  reportArrived(f, 0, 0, true);
  reportArrived(f, 30, 0.5, true);
  for (let frame = 1; frame < 600; frame += 1) follow(f, 0.5 + frame / 60, 1 / 60);
  expect(f.shown).toBeCloseTo(30 + 60 * 0.6, 0);
});
