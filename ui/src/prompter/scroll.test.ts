import { describe, expect, test } from "vitest";
import {
  advance,
  type BlockExtent,
  ease,
  estimatedAt,
  type Geometry,
  glideTo,
  lag,
  locate,
  motion,
  nextParagraph,
  nextSection,
  nextSpeed,
  nudge,
  positionOf,
  previousParagraph,
  previousSection,
  progress,
  remainingAt,
  sectionAt,
  sectionStart,
  trackTransform,
} from "./scroll";

/** Three sections: a heading (not a stop) then paragraphs; each paragraph 10 s. */
function geometry(scale = 1): Geometry {
  const spec: [number, number, number, boolean][] = [
    [0, 100, 0, true],
    [120, 300, 0, true],
    [320, 380, 1, false],
    [400, 600, 1, true],
    [620, 700, 2, false],
    [720, 900, 2, true],
  ];
  let before = 0;
  const blocks: BlockExtent[] = spec.map(([start, end, section, paragraph]) => {
    const seconds = paragraph ? 10 : 0;
    const block = {
      start: start * scale,
      end: end * scale,
      section,
      paragraph,
      seconds,
      secondsBefore: before,
    };
    before += seconds;
    return block;
  });
  return {
    blocks,
    sections: [0, 320 * scale, 620 * scale],
    sentences: [0, 50 * scale, 120 * scale],
    length: 900 * scale,
  };
}

/** Runs `seconds` of frames at `fps`. */
function run(m: ReturnType<typeof motion>, seconds: number, length: number, fps = 60) {
  for (let t = 0; t < seconds - 1e-9; t += 1 / fps) advance(m, 1 / fps, length);
}

describe("position from time and speed", () => {
  test("playing reaches the speed after a ramp, then moves speed × time", () => {
    const m = motion(60);
    m.playing = true;
    run(m, 1, 10_000);
    expect(m.velocity).toBe(60);
    const at = m.position;
    run(m, 2, 10_000);
    expect(m.position - at).toBeCloseTo(120, 6);
  });

  test("a late frame moves further (time-based), but a suspended window does not jump", () => {
    const [smooth, late] = [motion(100), motion(100)];
    for (const m of [smooth, late]) {
      m.playing = true;
      m.velocity = 100;
    }
    run(smooth, 0.1, 10_000);
    advance(late, 0.1, 10_000);
    expect(late.position).toBeCloseTo(smooth.position, 6);
    const before = late.position;
    advance(late, 30, 10_000);
    expect(late.position - before).toBeCloseTo(25, 6);
  });

  test("5 px/s moves by sub-pixel steps every frame, never by whole pixels at once", () => {
    const m = motion(5);
    m.playing = true;
    run(m, 2, 10_000);
    const steps: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const before = m.position;
      advance(m, 1 / 60, 10_000);
      steps.push(m.position - before);
    }
    for (const step of steps) expect(step).toBeCloseTo(5 / 60, 9);
    expect(trackTransform(10.0833333, 200, false)).toBe("translate3d(0px, 189.917px, 0px)");
  });

  test("speed changes ramp, pause slows to a stop, the end stops playing", () => {
    const m = motion(100);
    m.playing = true;
    run(m, 1, 10_000);
    m.speed = 200;
    advance(m, 1 / 60, 10_000);
    expect(m.velocity).toBeGreaterThan(100);
    expect(m.velocity).toBeLessThan(110);
    m.playing = false;
    run(m, 0.2, 10_000);
    expect(m.velocity).toBeGreaterThan(0);
    run(m, 1, 10_000);
    expect(m.velocity).toBe(0);
    const end = motion(100, 890);
    end.playing = true;
    end.velocity = 100;
    run(end, 1, 900);
    expect([end.position, end.playing]).toEqual([900, false]);
  });

  test("speed steps up and down within 5–600 px/s", () => {
    expect(nextSpeed(60, 1)).toBe(67);
    expect(nextSpeed(60, -1)).toBe(53);
    expect(nextSpeed(5, -1)).toBe(5);
    expect(nextSpeed(6, 1)).toBe(7);
    expect(nextSpeed(600, 1)).toBe(600);
  });
});

describe("steps and jumps", () => {
  const g = geometry();

  test("paragraph steps skip headings and stop at the ends", () => {
    expect(nextParagraph(g, 0)).toBe(120);
    expect(nextParagraph(g, 120)).toBe(400);
    expect(nextParagraph(g, 730)).toBe(900);
    expect(previousParagraph(g, 400)).toBe(120);
    expect(previousParagraph(g, 450)).toBe(400);
    expect(previousParagraph(g, 0)).toBe(0);
  });

  test("section steps and jumps to section n", () => {
    expect(nextSection(g, 0)).toBe(320);
    expect(nextSection(g, 700)).toBe(900);
    expect(previousSection(g, 330)).toBe(320);
    expect(previousSection(g, 320)).toBe(0);
    expect(sectionStart(g, 3)).toBe(620);
    expect(sectionStart(g, 9)).toBeNull();
    expect(sectionAt(g, 619)).toBe(1);
  });

  test("a glide eases from where it is to the stop without overshoot", () => {
    const m = motion(60, 0);
    glideTo(m, nextParagraph(g, 0), g.length);
    const seen: number[] = [];
    while (m.glide) {
      advance(m, 1 / 60, g.length);
      seen.push(m.position);
    }
    expect(m.position).toBe(120);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(Math.max(...seen)).toBe(120);
    expect(ease(0)).toBe(0);
    expect(ease(0.5)).toBe(0.5);
    expect(ease(1)).toBe(1);
  });

  test("the wheel nudges at once and moves a glide's target", () => {
    const m = motion(60, 100);
    nudge(m, 30, g.length);
    expect(m.position).toBe(130);
    nudge(m, -500, g.length);
    expect(m.position).toBe(0);
    glideTo(m, 400, g.length);
    nudge(m, 20, g.length);
    expect(m.glide?.to).toBe(420);
  });
});

describe("the same point of the text in two layouts", () => {
  test("a position in the prompter maps to the same block and fraction in the operator view", () => {
    const [prompter, operator] = [geometry(3), geometry(0.5)];
    const point = locate(prompter, 450 * 3);
    expect(point).toEqual({ block: 3, fraction: 0.25 });
    expect(positionOf(operator, point)).toBe(225);
    expect(locate(prompter, 310 * 3)).toEqual({ block: 1, fraction: 1 });
  });

  test("vertical writing moves the text right; horizontal moves it up", () => {
    expect(trackTransform(300, 200, false)).toBe("translate3d(0px, -100.000px, 0px)");
    expect(trackTransform(300, 200, true)).toBe("translate3d(100.000px, 0px, 0px)");
    expect(trackTransform(0, 250.5, true)).toBe("translate3d(-250.500px, 0px, 0px)");
  });
});

describe("timing at the position", () => {
  const g = geometry();

  test("estimate so far, remaining and progress", () => {
    expect(estimatedAt(g, 0)).toBe(0);
    expect(estimatedAt(g, 210)).toBe(15);
    expect(remainingAt(g, 210, 40)).toBe(25);
    expect(progress(g, 450)).toBe(0.5);
  });

  test("behind or ahead of the plan, against the target when there is one", () => {
    // 20 s spent; the estimate up to 210 px is 15 s.
    expect(lag(g, 210, 20, 40, null)).toBe(5);
    // A target of 80 s for a 40 s estimate: the plan allows 30 s so far.
    expect(lag(g, 210, 20, 40, 80)).toBe(-10);
  });
});
