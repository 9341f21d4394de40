import { describe, expect, test } from "vitest";
import {
  advance,
  type BlockExtent,
  clockAt,
  EMPTY_GAP_SECONDS,
  ease,
  endClock,
  estimateAt,
  estimatedAt,
  type Geometry,
  glideTo,
  lag,
  locate,
  type Motion,
  motion,
  nextPace,
  nextParagraph,
  nextSection,
  nudge,
  placeAtClock,
  positionAt,
  positionOf,
  previousParagraph,
  previousSection,
  progress,
  RAMP_SECONDS,
  rateOf,
  remainingAt,
  type SentenceExtent,
  sectionAt,
  sectionStart,
  sentenceAt,
  type Timeline,
  timeline,
  trackTransform,
} from "./scroll";

const FPS = 60;
const FRAME = 1 / FPS;

/** Runs `seconds` of frames at `fps`. */
function run(m: Motion, seconds: number, tl: Timeline, fps = FPS) {
  const frames = Math.round(seconds * fps);
  for (let i = 0; i < frames; i += 1) advance(m, 1 / fps, tl);
}

// ---------------------------------------------------------------------------------------------
// A speech laid out in different ways. Sentences have an estimate and a length in characters
// (not proportional: some text is denser to read than other); the layout flows them into lines
// of `perLine` characters of `fontPx`, `lineHeight` apart, paragraphs `gap` apart, with a
// title before everything and a heading at each section.

interface Speech {
  /** Sections → paragraphs → sentences [characters, seconds]. */
  sections: [number, number][][][];
  /** The estimate's pause after a paragraph, and after a section's last one. */
  paragraphPause: number;
  sectionPause: number;
}

const SPEECH: Speech = {
  sections: [
    [
      [
        [18, 3.2],
        [9, 1.8],
        [31, 4.5],
      ],
      [
        [12, 2.0],
        [40, 5.1],
      ],
    ],
    [
      [
        [22, 3.9],
        [7, 1.3],
        [16, 2.4],
        [28, 4.8],
      ],
      [[35, 6.2]],
      [
        [14, 2.2],
        [19, 3.0],
      ],
    ],
    [
      [
        [25, 4.1],
        [11, 1.9],
        [30, 5.5],
        [21, 3.3],
        [17, 2.6],
        [26, 4.4],
        [13, 2.1],
      ],
    ],
  ],
  paragraphPause: 0.4,
  sectionPause: 1.4,
};

interface Style {
  fontPx: number;
  lineHeight: number;
  perLine: number;
  gap: number;
}

/** The pause after a paragraph: between paragraphs, after a section, none at the very end. */
function pauseAfter(speech: Speech, section: number, paragraph: number): number {
  const last = speech.sections[section].length - 1;
  if (paragraph < last) return speech.paragraphPause;
  return section < speech.sections.length - 1 ? speech.sectionPause : 0;
}

function lay(speech: Speech, style: Style): Geometry {
  const line = style.fontPx * style.lineHeight;
  let y = style.fontPx * 2; // the title
  const blocks: BlockExtent[] = [];
  const sentences: SentenceExtent[] = [];
  const pauses: number[] = [];
  const sections: number[] = [];
  speech.sections.forEach((paragraphs, s) => {
    sections.push(y);
    blocks.push({ start: y, end: y + line * 0.8, section: s, paragraph: false });
    pauses.push(0);
    y += line * 0.8 + style.gap;
    paragraphs.forEach((paragraph, p) => {
      const start = y;
      const block = blocks.length;
      let used = 0;
      for (const [chars, seconds] of paragraph) {
        const lines = [];
        let left = chars;
        while (left > 0) {
          const take = Math.min(left, style.perLine - used);
          lines.push({ start: y, end: y + line, size: take * style.fontPx });
          used += take;
          left -= take;
          if (used === style.perLine) {
            y += line;
            used = 0;
          }
        }
        sentences.push({ block, seconds, speaking: seconds, lines });
      }
      if (used > 0) y += line;
      blocks.push({ start, end: y, section: s, paragraph: true });
      pauses.push(pauseAfter(speech, s, p));
      y += style.gap;
    });
  });
  const length = y - style.gap;
  return { blocks, sections, length, timeline: timeline(sentences, pauses, length) };
}

/** The sentence the estimate is in after `seconds` of reading from the first sentence. */
function expectedSentence(speech: Speech, seconds: number): number {
  let t = 0;
  let index = 0;
  let found = -1;
  speech.sections.forEach((paragraphs, s) => {
    paragraphs.forEach((paragraph, p) => {
      for (const [, d] of paragraph) {
        if (seconds >= t - 1e-9) found = index;
        t += d;
        index += 1;
      }
      t += pauseAfter(speech, s, p);
    });
  });
  return found;
}

const totalEstimate = (speech: Speech) =>
  speech.sections
    .flatMap((paragraphs, s) =>
      paragraphs.map(
        (paragraph, p) => paragraph.reduce((sum, [, d]) => sum + d, 0) + pauseAfter(speech, s, p),
      ),
    )
    .reduce((a, b) => a + b, 0);

/** Three layouts of SPEECH: large and small horizontal, and a 縦書き-like one (tall columns). */
const LAYOUTS: [string, Style][] = [
  ["horizontal 72 px", { fontPx: 72, lineHeight: 1.6, perLine: 14, gap: 43 }],
  ["horizontal 40 px", { fontPx: 40, lineHeight: 1.5, perLine: 30, gap: 24 }],
  ["縦書き 96 px", { fontPx: 96, lineHeight: 1.8, perLine: 9, gap: 58 }],
];

/** A motion already playing at the estimate's pace from the first sentence. */
function readingFromFirstSentence(g: Geometry, speed = 1): Motion {
  const m = motion(speed);
  placeAtClock(m, g.timeline.sentences[0], g.timeline);
  m.playing = true;
  m.velocity = speed;
  return m;
}

/** The extent along the scroll axis of sentence `n` in layout `style`. */
function sentenceExtent(speech: Speech, style: Style, n: number): [number, number] {
  // Rebuilt from the layout: the first line's start and the last line's end.
  const g = lay(speech, style);
  const tl = g.timeline;
  return [positionAt(tl, tl.sentences[n]), positionAt(tl, tl.sentences[n + 1] ?? endClock(tl))];
}

describe("the speed is a reading pace", () => {
  test("at the estimate's pace, N seconds pass exactly the sentences whose estimates sum to N", () => {
    for (const [name, style] of LAYOUTS) {
      const g = lay(SPEECH, style);
      const m = readingFromFirstSentence(g);
      const start = m.clock;
      for (let second = 1; second <= 60; second += 1) {
        run(m, 1, g.timeline);
        // The clock is the estimate's time, to a frame.
        expect(Math.abs(m.clock - start - second), `${name} at ${second} s`).toBeLessThan(
          FRAME + 1e-9,
        );
        const seen = sentenceAt(g.timeline, m.clock);
        const expected = [second - FRAME, second, second + FRAME].map((t) =>
          expectedSentence(SPEECH, t),
        );
        expect(expected, `${name} at ${second} s`).toContain(seen);
        // And the eye line is on that sentence's text (between its start and the next's).
        const [from, to] = sentenceExtent(SPEECH, style, seen);
        expect(m.position).toBeGreaterThanOrEqual(from - 1e-6);
        expect(m.position).toBeLessThanOrEqual(to + 1e-6);
      }
    }
  });

  test("every sentence takes its estimate to pass, in any layout; the whole takes the estimate", () => {
    const seconds = SPEECH.sections.flat(2).map(([, d]) => d);
    for (const [name, style] of LAYOUTS) {
      const tl = lay(SPEECH, style).timeline;
      expect(tl.sentences).toHaveLength(seconds.length);
      // Sentence n starts when the estimate of everything before it has passed (after the
      // glide over the title and the first heading).
      tl.sentences.forEach((clock, n) => {
        let before = 0;
        for (let t = 0; before < 1e9; t += 0.05) {
          if (expectedSentence(SPEECH, t) >= n) {
            before = t;
            break;
          }
        }
        expect(clock - EMPTY_GAP_SECONDS, `${name}: sentence ${n}`).toBeCloseTo(before, 1);
      });
      // The estimate at the end is the speech's; the clock adds the glide over the title and
      // the first heading (nothing follows the last line here).
      expect(estimateAt(tl, endClock(tl))).toBeCloseTo(totalEstimate(SPEECH), 9);
      expect(endClock(tl)).toBeCloseTo(totalEstimate(SPEECH) + EMPTY_GAP_SECONDS, 9);
      // Within a paragraph, sentence n + 1 starts exactly its estimate after sentence n.
      expect(tl.sentences[1] - tl.sentences[0]).toBeCloseTo(3.2, 9);
      expect(tl.sentences[2] - tl.sentences[1]).toBeCloseTo(1.8, 9);
      expect(tl.sentences[8] - tl.sentences[7]).toBeCloseTo(2.4, 9);
    }
  });

  test("two layouts show the same sentence at the same time, all through the speech", () => {
    const [a, b, c] = LAYOUTS.map(([, style]) => lay(SPEECH, style));
    const motions = [a, b, c].map((g) => {
      const m = motion(1);
      m.playing = true;
      return [m, g] as const;
    });
    for (let frame = 0; frame < 100 * FPS; frame += 1) {
      const seen = motions.map(([m, g]) => {
        advance(m, FRAME, g.timeline);
        return sentenceAt(g.timeline, m.clock);
      });
      expect(new Set(seen).size, `frame ${frame}`).toBe(1);
    }
    // Pixels differ widely, the time does not.
    expect(a.length).not.toBeCloseTo(b.length, 0);
  });

  test("a faster pace moves through the text at that rate", () => {
    // 441 拍/分 against an estimate at 420: 5 % faster; 60 s read 63 s of the estimate.
    const g = lay(SPEECH, LAYOUTS[0][1]);
    const m = readingFromFirstSentence(g, rateOf(441, 420));
    const start = m.clock;
    run(m, 60, g.timeline);
    expect(m.clock - start).toBeCloseTo(63, 6);
    expect(sentenceAt(g.timeline, m.clock)).toBe(expectedSentence(SPEECH, 63));
  });

  test("the pace steps by 5 % within the core's limits, and back to where it was", () => {
    expect(nextPace(420, 1, 60, 1500)).toBe(441);
    expect(nextPace(441, 1, 60, 1500)).toBe(463);
    expect(nextPace(463, -1, 60, 1500)).toBe(441);
    expect(nextPace(441, -1, 60, 1500)).toBe(420);
    expect(nextPace(1480, 1, 60, 1500)).toBe(1500);
    expect(nextPace(1500, 1, 60, 1500)).toBe(1500);
    expect(nextPace(62, -1, 60, 1500)).toBe(60);
    expect(nextPace(60, -1, 60, 1500)).toBe(60);
    // A small pace still moves by one.
    expect(nextPace(10, -1, 1, 100)).toBe(9);
    expect(rateOf(420, 420)).toBe(1);
    expect(rateOf(300, 420)).toBeCloseTo(300 / 420, 12);
  });
});

describe("motion", () => {
  const g = lay(SPEECH, LAYOUTS[0][1]);
  const tl = g.timeline;

  test("playing ramps up to the pace; pausing ramps down and then holds", () => {
    const m = motion(1);
    placeAtClock(m, tl.sentences[0], tl);
    m.playing = true;
    run(m, RAMP_SECONDS + FRAME, tl);
    expect(m.velocity).toBe(1);
    // Ramping up costs half the ramp: the clock is behind by RAMP_SECONDS / 2.
    const at = m.clock;
    run(m, 2, tl);
    expect(m.clock - at).toBeCloseTo(2, 9);
    m.playing = false;
    run(m, RAMP_SECONDS / 2, tl);
    expect(m.velocity).toBeGreaterThan(0);
    run(m, RAMP_SECONDS, tl);
    expect(m.velocity).toBe(0);
    const held = [m.clock, m.position];
    expect(advance(m, FRAME, tl)).toBe(false);
    run(m, 3, tl);
    expect([m.clock, m.position]).toEqual(held);
  });

  test("a pace change ramps: no jump in position, the rate continuous", () => {
    const m = readingFromFirstSentence(g);
    run(m, 5, tl);
    m.speed = rateOf(463, 420);
    const rates: number[] = [m.velocity];
    const steps: number[] = [];
    for (let i = 0; i < FPS; i += 1) {
      const [clock, position] = [m.clock, m.position];
      advance(m, FRAME, tl);
      rates.push(m.velocity);
      steps.push(m.position - position);
      expect(m.clock - clock).toBeLessThanOrEqual(m.speed * FRAME + 1e-12);
    }
    // The rate climbs a little every frame and arrives within the ramp.
    for (let i = 1; i < rates.length; i += 1) {
      expect(rates[i] - rates[i - 1]).toBeGreaterThanOrEqual(0);
      expect(rates[i] - rates[i - 1]).toBeLessThanOrEqual((m.speed / RAMP_SECONDS) * FRAME + 1e-12);
    }
    expect(rates.at(-1)).toBeCloseTo(463 / 420, 12);
    // Pixels: frame to frame the step changes little (the speed has no jolt).
    for (let i = 1; i < steps.length; i += 1) {
      expect(Math.abs(steps[i] - steps[i - 1])).toBeLessThan(0.1 * steps[i - 1] + 0.02);
    }
  });

  test("over the whole speech the text never jumps and its speed changes smoothly", () => {
    for (const [name, style] of LAYOUTS) {
      const layout = lay(SPEECH, style);
      const m = motion(1);
      m.playing = true;
      let [last, lastStep] = [0, 0];
      let biggest = 0;
      let jolt = 0;
      while (m.playing) {
        const ramping = m.velocity !== m.speed;
        advance(m, FRAME, layout.timeline);
        const step = m.position - last;
        expect(step, name).toBeGreaterThanOrEqual(-1e-9);
        biggest = Math.max(biggest, step);
        if (!ramping && m.playing) jolt = Math.max(jolt, Math.abs(step - lastStep));
        [last, lastStep] = [m.position, step];
      }
      expect(m.position).toBe(layout.length);
      // Gaps (a heading, the space between paragraphs) glide faster than lines are read, but
      // no frame moves more than a fifth of a line, and the speed changes gently: far less
      // from frame to frame than in a paragraph step's glide over one line.
      expect(biggest, name).toBeLessThan(style.fontPx * style.lineHeight * 0.2);
      const step = motion(1);
      glideTo(step, style.fontPx * style.lineHeight, 1e6);
      let [glided, glideStep, glideJolt] = [0, 0, 0];
      while (step.glide) {
        advance(step, FRAME, layout.timeline);
        glideJolt = Math.max(glideJolt, Math.abs(step.position - glided - glideStep));
        [glided, glideStep] = [step.position, step.position - glided];
      }
      expect(jolt, name).toBeLessThan(glideJolt / 2);
    }
  });

  test("a late frame moves further (time-based), but a suspended window does not jump", () => {
    const [smooth, late] = [readingFromFirstSentence(g), readingFromFirstSentence(g)];
    run(smooth, 0.1, tl);
    advance(late, 0.1, tl);
    expect(late.clock).toBeCloseTo(smooth.clock, 9);
    expect(late.position).toBeCloseTo(smooth.position, 6);
    const before = late.clock;
    advance(late, 30, tl);
    expect(late.clock - before).toBeCloseTo(0.25, 9);
  });

  test("a slow pace moves by sub-pixel steps every frame", () => {
    const m = readingFromFirstSentence(g, rateOf(60, 420));
    run(m, 1, tl);
    for (let i = 0; i < 60; i += 1) {
      const before = m.position;
      advance(m, FRAME, tl);
      expect(m.position - before).toBeGreaterThan(0);
      expect(m.position - before).toBeLessThan(1);
    }
    expect(trackTransform(10.0833333, 200, false)).toBe("translate3d(0px, 189.917px, 0px)");
  });

  test("the end of the text stops playing", () => {
    const m = motion(1);
    placeAtClock(m, endClock(tl) - 0.5, tl);
    m.playing = true;
    m.velocity = 1;
    run(m, 1, tl);
    expect([m.position, m.playing]).toEqual([g.length, false]);
  });

  test("the wheel and glides move in pixels; the clock follows, and playing carries on from there", () => {
    const m = readingFromFirstSentence(g);
    run(m, 3, tl);
    const before = m.position;
    nudge(m, 120, tl);
    expect(m.position).toBeCloseTo(before + 120, 9);
    expect(positionAt(tl, m.clock)).toBeCloseTo(m.position, 6);
    const after = m.position;
    advance(m, FRAME, tl);
    expect(m.position - after).toBeGreaterThan(0);
    expect(m.position - after).toBeLessThan(5);
    glideTo(m, nextParagraph(g, m.position), g.length);
    while (m.glide) advance(m, FRAME, tl);
    expect(m.position).toBe(g.blocks[2].start);
    expect(positionAt(tl, m.clock)).toBeCloseTo(m.position, 6);
    expect(sentenceAt(tl, m.clock)).toBe(3);
  });

  test("clock and position map both ways", () => {
    for (let clock = 0; clock <= endClock(tl); clock += 0.37) {
      expect(clockAt(tl, positionAt(tl, clock))).toBeCloseTo(clock, 6);
    }
    expect(positionAt(tl, -1)).toBe(0);
    expect(positionAt(tl, 1e6)).toBe(g.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Steps, jumps and the operator's copy work on blocks in pixels.

/** Three sections: a heading (not a stop) then paragraphs; each paragraph 10 s, read evenly. */
function blockGeometry(scale = 1): Geometry {
  const spec: [number, number, number, boolean][] = [
    [0, 100, 0, true],
    [120, 300, 0, true],
    [320, 380, 1, false],
    [400, 600, 1, true],
    [620, 700, 2, false],
    [720, 900, 2, true],
  ];
  const blocks: BlockExtent[] = spec.map(([start, end, section, paragraph]) => ({
    start: start * scale,
    end: end * scale,
    section,
    paragraph,
  }));
  const sentences = blocks.flatMap((b, index) =>
    b.paragraph
      ? [
          {
            block: index,
            seconds: 10,
            speaking: 10,
            lines: [{ start: b.start, end: b.end, size: 100 }],
          },
        ]
      : [],
  );
  return {
    blocks,
    sections: [0, 320 * scale, 620 * scale],
    length: 900 * scale,
    timeline: timeline(sentences, [0, 0, 0, 0, 0, 0], 900 * scale),
  };
}

describe("steps and jumps", () => {
  const g = blockGeometry();

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
    const m = motion(1, 0);
    glideTo(m, nextParagraph(g, 0), g.length);
    const seen: number[] = [];
    while (m.glide) {
      advance(m, FRAME, g.timeline);
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
    const m = motion(1, 100);
    nudge(m, 30, g.timeline);
    expect(m.position).toBe(130);
    nudge(m, -500, g.timeline);
    expect(m.position).toBe(0);
    glideTo(m, 400, g.length);
    nudge(m, 20, g.timeline);
    expect(m.glide?.to).toBe(420);
  });
});

describe("the same point of the text in two layouts", () => {
  test("a position in the prompter maps to the same block and fraction in the operator view", () => {
    const [prompter, operator] = [blockGeometry(3), blockGeometry(0.5)];
    const point = locate(prompter, 450 * 3);
    expect(point).toEqual({ block: 3, fraction: 0.25 });
    expect(positionOf(operator, point)).toBe(225);
    expect(locate(prompter, 310 * 3)).toEqual({ block: 1, fraction: 1 });
    // The script time does the same, to the sentence.
    const clock = clockAt(prompter.timeline, 450 * 3);
    expect(positionAt(operator.timeline, clock)).toBeCloseTo(225, 6);
  });

  test("vertical writing moves the text right; horizontal moves it up", () => {
    expect(trackTransform(300, 200, false)).toBe("translate3d(0px, -100.000px, 0px)");
    expect(trackTransform(300, 200, true)).toBe("translate3d(100.000px, 0px, 0px)");
    expect(trackTransform(0, 250.5, true)).toBe("translate3d(-250.500px, 0px, 0px)");
  });
});

describe("timing at the position", () => {
  const g = blockGeometry();

  test("estimate so far, remaining and progress", () => {
    expect(estimatedAt(g, 0)).toBe(0);
    // Each paragraph is 10 s; the paragraphs start at 120, 400 and 720 px.
    expect(estimatedAt(g, 120)).toBeCloseTo(10, 6);
    expect(estimatedAt(g, 400)).toBeCloseTo(20, 6);
    expect(estimatedAt(g, 720)).toBeCloseTo(30, 6);
    expect(estimatedAt(g, 900)).toBeCloseTo(40, 6);
    expect(estimatedAt(g, 228)).toBeGreaterThan(10);
    expect(estimatedAt(g, 228)).toBeLessThan(20);
    expect(remainingAt(16, 30)).toBe(14);
    expect(remainingAt(40, 30)).toBe(0);
    expect(progress(g, 450)).toBe(0.5);
  });

  test("behind or ahead of the plan, against the target when there is one", () => {
    // 20 s spent; the estimate of what was read is 15 s.
    expect(lag(15, 20, 40, null)).toBe(5);
    // A target of 80 s for a 40 s estimate: the plan allows 30 s so far.
    expect(lag(15, 20, 40, 80)).toBe(-10);
  });
});
