// The prompter's scroll math: pure functions over numbers, the same for horizontal writing
// (the text moves up) and 縦書き (the text moves right). Positions are pixels along the
// scroll axis, measured from the start of the text (the top, or the right edge in vertical
// writing); the position is the point of the text that sits at the eye line.
//
// The speed is a reading pace. The motion advances a clock in the estimate's seconds (the
// script time) at rate = chosen pace ÷ the estimate's pace, and the pixel position follows
// from the clock through the timeline: knots at the start of every line of text, placed at
// the time the estimate reaches that line (each sentence's seconds shared over its lines by
// their length), so that at the estimate's pace each sentence passes the eye line in its
// estimated time whatever the font, size, margins or 縦書き. A block's last line and the gap
// after it (the space, a heading, a note) pass together in the line's time and the
// estimate's pause there. Between the knots the position is a monotone cubic (no jolt in
// speed from line to line). Steps, jumps and the wheel move in pixels and set the clock from
// the position.
//
// Time-based: each frame advances the motion by the time since the last frame, so a late
// frame moves further rather than slowing the text down. Pace changes ramp; steps and jumps
// glide with an ease-in-out curve. Nothing here reads the DOM.

/** One block (paragraph, heading, note) of the laid-out text, along the scroll axis. */
export interface BlockExtent {
  start: number;
  end: number;
  section: number;
  /** Read-aloud paragraphs are the stops of paragraph steps. */
  paragraph: boolean;
}

/** One line of a sentence: its extent along the scroll axis, and its length across (px). */
export interface LinePiece {
  start: number;
  end: number;
  size: number;
}

/** A sentence read aloud as laid out: its block, its estimate and its lines, in order. */
export interface SentenceExtent {
  block: number;
  seconds: number;
  /** Of `seconds`, the time spent speaking (the rest: the pauses at its commas and end). */
  speaking: number;
  lines: LinePiece[];
}

/**
 * Script time against pixels, through knots. `clock` is the motion's time (the estimate's
 * seconds, plus a fixed glide over stretches the estimate gives no time); `estimate` the
 * estimate's seconds at each knot; `position` pixels; `slope` px per clock second at each
 * knot (a monotone cubic through the knots).
 */
export interface Timeline {
  clock: number[];
  estimate: number[];
  position: number[];
  slope: number[];
  /** The clock at the start of each sentence (the emphasised one is the last started). */
  sentences: number[];
  /** Each sentence's speaking time (SentenceExtent.speaking), in the order of `sentences`. */
  speaking: number[];
}

/** Where the text is laid out: measured once per layout (resize, font, settings). */
export interface Geometry {
  blocks: BlockExtent[];
  /** Start of each section (its heading, or its first block). */
  sections: number[];
  /** The scrollable length: the position of the end of the text. */
  length: number;
  timeline: Timeline;
}

export interface Motion {
  /** Where the motion is in script time (the timeline's clock), seconds. */
  clock: number;
  /** Pixels: where the clock puts the text (or where a glide or the wheel moved it). */
  position: number;
  /** Current rate, script seconds a second (ramps towards `speed` while playing, to 0 when
   * paused). */
  velocity: number;
  /** The rate chosen: chosen pace ÷ the estimate's pace (1: the estimate's pace). */
  speed: number;
  playing: boolean;
  glide: Glide | null;
}

export interface Glide {
  from: number;
  to: number;
  /** Seconds since the glide began. */
  elapsed: number;
  duration: number;
}

/** A pace change reaches the new pace within about this long. */
export const RAMP_SECONDS = 0.6;
/** Frames later than this (a suspended window) advance by this much only. */
export const MAX_FRAME_SECONDS = 0.25;
/** ↑ and ↓ change the pace by this factor. */
export const PACE_STEP = 1.05;
/**
 * How long the text takes to glide over a stretch the estimate gives no time: before the
 * first sentence (the title, the first heading) and after the last. Gaps between paragraphs
 * and sections take the estimate's pauses.
 */
export const EMPTY_GAP_SECONDS = 1;

export function motion(speed = 1, position = 0, clock = 0): Motion {
  return { clock, position, velocity: 0, speed, playing: false, glide: null };
}

/** The next pace up or down (5 % a step, at least 1), within the pace's limits. */
export function nextPace(pace: number, direction: 1 | -1, min: number, max: number): number {
  const stepped = Math.round(direction > 0 ? pace * PACE_STEP : pace / PACE_STEP);
  const moved = stepped === Math.round(pace) ? Math.round(pace) + direction : stepped;
  return clampPace(moved, min, max);
}

export function clampPace(pace: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(pace)));
}

/** The motion's rate at a pace: 1 at the estimate's own pace. */
export function rateOf(pace: number, estimatePace: number): number {
  return estimatePace > 0 ? pace / estimatePace : 1;
}

const clamp = (value: number, length: number) => Math.min(length, Math.max(0, value));

/**
 * The timeline of a layout. `pauses[b]` is the estimate's time after block `b` (the section's
 * time not in its sentences: paragraph and section pauses), passed while the text glides
 * from the block's last line to the next line read (over any heading or note between).
 */
export function timeline(sentences: SentenceExtent[], pauses: number[], length: number): Timeline {
  const knots: { clock: number; estimate: number; position: number }[] = [
    { clock: 0, estimate: 0, position: 0 },
  ];
  let clock = 0;
  let estimate = 0;
  const knot = (position: number, clockSeconds: number, estimateSeconds: number) => {
    clock += clockSeconds;
    estimate += estimateSeconds;
    knots.push({ clock, estimate, position });
  };
  const starts: number[] = [];
  const speaking = sentences.map((sentence) => Math.max(0, sentence.speaking));
  /** The line being filled: its extent, and the seconds of text placed on it so far. */
  let line = null as { start: number; end: number } | null;
  let onLine = 0;
  let block = -1;
  /** The gap before the next line: clock and estimate seconds. */
  let gap = { clock: EMPTY_GAP_SECONDS, estimate: 0 };
  const gapAfter = (b: number) => {
    const pause = Math.max(0, pauses[b] ?? 0);
    return { clock: pause > 0 ? pause : EMPTY_GAP_SECONDS, estimate: pause };
  };
  for (const sentence of sentences) {
    if (line && sentence.block !== block) {
      // A block's last line and the gap after it pass together: a short last line does not
      // race by, and the next block's first line arrives on time.
      const after = gapAfter(block);
      gap = { clock: onLine + after.clock, estimate: onLine + after.estimate };
      line = null;
    }
    block = sentence.block;
    const seconds = Math.max(0, sentence.seconds);
    const lines = [...sentence.lines].sort((a, b) => a.start - b.start);
    const across = lines.reduce((sum, piece) => sum + Math.max(0, piece.size), 0);
    if (lines.length === 0) {
      // Not laid out (nothing to see): its time goes with the line it would be on.
      starts.push(clock + (line ? onLine : gap.clock));
      if (line) onLine += seconds;
      else gap = { clock: gap.clock + seconds, estimate: gap.estimate + seconds };
      continue;
    }
    for (const [index, piece] of lines.entries()) {
      const share =
        across > 0 ? (seconds * Math.max(0, piece.size)) / across : index === 0 ? seconds : 0;
      if (line && piece.start < line.end - 0.5) {
        // The same line as the text before it.
        if (index === 0) starts.push(clock + onLine);
        line.end = Math.max(line.end, piece.end);
      } else {
        if (line) knot(piece.start, onLine, onLine);
        else if (piece.start > 0 || knots.length > 1) knot(piece.start, gap.clock, gap.estimate);
        else estimate += gap.estimate;
        line = { start: piece.start, end: piece.end };
        onLine = 0;
        if (index === 0) starts.push(clock);
      }
      onLine += share;
    }
  }
  if (line) {
    // The last line, with a glide over anything after it (a note).
    const after = gapAfter(block);
    if (length > line.end + 0.5) knot(length, onLine + after.clock, onLine + after.estimate);
    else knot(Math.max(line.end, length), onLine + after.estimate, onLine + after.estimate);
  } else if (length > 0) knot(length, gap.clock, gap.estimate);
  // Clean up: positions never go back; a knot that takes no time after the one before (a
  // line with nothing timed on it) is left out, so no pixel is passed in no time.
  const kept: typeof knots = [knots[0]];
  for (const k of knots.slice(1)) {
    const previous = kept[kept.length - 1];
    if (k.clock - previous.clock > 1e-9) {
      kept.push({ ...k, position: Math.max(previous.position, k.position) });
    }
  }
  return {
    clock: kept.map((k) => k.clock),
    estimate: kept.map((k) => k.estimate),
    position: kept.map((k) => k.position),
    slope: slopes(
      kept.map((k) => k.clock),
      kept.map((k) => k.position),
    ),
    sentences: starts,
    speaking,
  };
}

/** Fritsch–Carlson slopes: a cubic through the knots that never goes back. */
function slopes(x: number[], y: number[]): number[] {
  const n = x.length;
  if (n < 2) return new Array(n).fill(0);
  const secant = x.slice(1).map((_, k) => (y[k + 1] - y[k]) / (x[k + 1] - x[k]));
  const m = new Array<number>(n);
  m[0] = secant[0];
  m[n - 1] = secant[n - 2];
  for (let k = 1; k < n - 1; k += 1) {
    const [a, b] = [secant[k - 1], secant[k]];
    if (a <= 0 || b <= 0) m[k] = 0;
    else {
      const [h0, h1] = [x[k] - x[k - 1], x[k + 1] - x[k]];
      const [w1, w2] = [2 * h1 + h0, h1 + 2 * h0];
      m[k] = (w1 + w2) / (w1 / a + w2 / b);
    }
  }
  return m;
}

/** The knot segment that holds `value` in the sorted `values` (0 … n − 2). */
function segment(values: number[], value: number): number {
  let [low, high] = [0, values.length - 2];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

function hermite(t: number, y0: number, y1: number, m0: number, m1: number, h: number): number {
  const [t2, t3] = [t * t, t * t * t];
  return (
    (2 * t3 - 3 * t2 + 1) * y0 +
    (t3 - 2 * t2 + t) * h * m0 +
    (-2 * t3 + 3 * t2) * y1 +
    (t3 - t2) * h * m1
  );
}

/** The end of the timeline's clock (the end of the text). */
export function endClock(tl: Timeline): number {
  return tl.clock[tl.clock.length - 1] ?? 0;
}

/** Pixels at a clock time. */
export function positionAt(tl: Timeline, clock: number): number {
  const n = tl.clock.length;
  if (n === 0) return 0;
  if (n === 1 || clock <= tl.clock[0]) return tl.position[0];
  if (clock >= tl.clock[n - 1]) return tl.position[n - 1];
  const k = segment(tl.clock, clock);
  const h = tl.clock[k + 1] - tl.clock[k];
  const t = (clock - tl.clock[k]) / h;
  const p = hermite(t, tl.position[k], tl.position[k + 1], tl.slope[k], tl.slope[k + 1], h);
  return Math.min(tl.position[k + 1], Math.max(tl.position[k], p));
}

/** The clock time at a pixel position (the inverse of `positionAt`). */
export function clockAt(tl: Timeline, position: number): number {
  const n = tl.position.length;
  if (n === 0) return 0;
  if (n === 1 || position <= tl.position[0]) return tl.clock[0];
  if (position >= tl.position[n - 1]) return tl.clock[n - 1];
  const k = segment(tl.position, position);
  let [low, high] = [tl.clock[k], tl.clock[k + 1]];
  if (tl.position[k + 1] <= tl.position[k]) return low;
  for (let i = 0; i < 48 && high - low > 1e-9; i += 1) {
    const mid = (low + high) / 2;
    if (positionAt(tl, mid) < position) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** The estimate's seconds at a clock time. */
export function estimateAt(tl: Timeline, clock: number): number {
  const n = tl.clock.length;
  if (n === 0) return 0;
  if (n === 1 || clock <= tl.clock[0]) return tl.estimate[0];
  if (clock >= tl.clock[n - 1]) return tl.estimate[n - 1];
  const k = segment(tl.clock, clock);
  const t = (clock - tl.clock[k]) / (tl.clock[k + 1] - tl.clock[k]);
  return tl.estimate[k] + (tl.estimate[k + 1] - tl.estimate[k]) * t;
}

/** The sentence the clock is in (the last one started), −1 before the first. */
export function sentenceAt(tl: Timeline, clock: number): number {
  return lastAtOrBefore(tl.sentences.length, (i) => tl.sentences[i], clock, 1e-6);
}

/** Smooth start and stop (cubic ease-in-out), 0 → 1. */
export function ease(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** How long a glide over `distance` px takes: short hops quickly, long jumps at most 0.9 s. */
export function glideSeconds(distance: number): number {
  return Math.min(0.9, Math.max(0.35, Math.abs(distance) / 2000));
}

/**
 * Advances the motion by `dt` seconds, in place: a glide in pixels, else the clock at the
 * current rate (ramping towards the chosen one), the position from the clock. Returns true
 * while anything still moves.
 */
export function advance(m: Motion, dt: number, tl: Timeline): boolean {
  const step = Math.min(MAX_FRAME_SECONDS, Math.max(0, dt));
  const length = tl.position[tl.position.length - 1] ?? 0;
  if (m.glide) {
    const g = m.glide;
    g.elapsed += step;
    const t = g.elapsed / g.duration;
    m.position = clamp(g.from + (g.to - g.from) * ease(t), length);
    m.clock = clockAt(tl, m.position);
    if (t >= 1) m.glide = null;
    return true;
  }
  const target = m.playing ? m.speed : 0;
  // Linear ramp: the whole rate (or a quarter of the estimate's, whichever is more) in
  // RAMP_SECONDS; the clock moves by the mean rate over the frame.
  const rate = Math.max(0.25, m.speed) / RAMP_SECONDS;
  const change = target - m.velocity;
  const before = m.velocity;
  m.velocity += Math.sign(change) * Math.min(Math.abs(change), rate * step);
  const end = endClock(tl);
  m.clock = Math.min(end, Math.max(0, m.clock + ((before + m.velocity) / 2) * step));
  m.position = positionAt(tl, m.clock);
  if (m.clock >= end && m.velocity > 0) {
    m.velocity = 0;
    m.playing = false;
  }
  return m.playing || m.velocity !== 0;
}

/** Starts a glide to `to` (clamped to the text). */
export function glideTo(m: Motion, to: number, length: number): void {
  const target = clamp(to, length);
  m.glide = {
    from: m.position,
    to: target,
    elapsed: 0,
    duration: glideSeconds(target - m.position),
  };
}

/** Moves at once (the wheel's nudges): no glide, the pace kept; the clock follows. */
export function nudge(m: Motion, by: number, tl: Timeline): void {
  const length = tl.position[tl.position.length - 1] ?? 0;
  if (m.glide) m.glide = { ...m.glide, to: clamp(m.glide.to + by, length) };
  else {
    m.position = clamp(m.position + by, length);
    m.clock = clockAt(tl, m.position);
  }
}

/** Puts the motion at a script time at once (a new layout): the position follows. */
export function placeAtClock(m: Motion, clock: number, tl: Timeline): void {
  m.clock = Math.min(endClock(tl), Math.max(0, clock));
  m.position = positionAt(tl, m.clock);
  m.glide = null;
}

/** Puts the motion at a position at once: the clock follows. */
export function place(m: Motion, position: number, tl: Timeline): void {
  m.position = position;
  m.clock = clockAt(tl, position);
  m.glide = null;
}

/** Where a step from `position` lands: the position a glide in progress is heading for. */
export function destination(m: Motion): number {
  return m.glide ? m.glide.to : m.position;
}

/** A little slack so that a stop reached by a glide counts as reached. */
const SLACK = 2;

/** The start of the next read-aloud paragraph after `position`; the end of the text if none. */
export function nextParagraph(g: Geometry, position: number): number {
  const next = g.blocks.find((b) => b.paragraph && b.start > position + SLACK);
  return next ? next.start : g.length;
}

/** The start of the read-aloud paragraph before the one at `position`; 0 if none. */
export function previousParagraph(g: Geometry, position: number): number {
  const before = g.blocks.filter((b) => b.paragraph && b.start < position - SLACK);
  return before.at(-1)?.start ?? 0;
}

export function nextSection(g: Geometry, position: number): number {
  return g.sections.find((start) => start > position + SLACK) ?? g.length;
}

export function previousSection(g: Geometry, position: number): number {
  return g.sections.filter((start) => start < position - SLACK).at(-1) ?? 0;
}

/** The start of section `n` (1-based), or null when there is no such section. */
export function sectionStart(g: Geometry, n: number): number | null {
  return g.sections[n - 1] ?? null;
}

/**
 * The index of the last of `count` sorted starts (`startOf(i)`) at or before `position`
 * (within `slack`: half a pixel by default).
 */
export function lastAtOrBefore(
  count: number,
  startOf: (index: number) => number,
  position: number,
  slack = 0.5,
): number {
  let [low, high] = [0, count - 1];
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (startOf(mid) <= position + slack) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** A position in terms of the text, the same in any layout: block index and fraction. */
export interface TextPoint {
  block: number;
  fraction: number;
}

export function locate(g: Geometry, position: number): TextPoint {
  const block = Math.max(
    0,
    lastAtOrBefore(g.blocks.length, (i) => g.blocks[i].start, position),
  );
  const b = g.blocks[block];
  if (!b) return { block: 0, fraction: 0 };
  // Between this block and the next counts as the end of this one.
  const size = b.end - b.start;
  const fraction = size > 0 ? Math.min(1, Math.max(0, (position - b.start) / size)) : 0;
  return { block, fraction };
}

/** The inverse of `locate` in another layout of the same text. */
export function positionOf(g: Geometry, point: TextPoint): number {
  const b = g.blocks[point.block];
  if (!b) return point.block <= 0 ? 0 : g.length;
  return b.start + (b.end - b.start) * point.fraction;
}

/** The section at `position` (0-based). */
export function sectionAt(g: Geometry, position: number): number {
  return Math.max(
    0,
    lastAtOrBefore(g.sections.length, (i) => g.sections[i], position),
  );
}

/** How far through the text, 0–1. */
export function progress(g: Geometry, position: number): number {
  return g.length > 0 ? Math.min(1, Math.max(0, position / g.length)) : 0;
}

/** The estimate of the text up to `position`, seconds. */
export function estimatedAt(g: Geometry, position: number): number {
  return estimateAt(g.timeline, clockAt(g.timeline, position));
}

/** Seconds of the estimate left after `estimated` seconds of it. */
export function remainingAt(estimated: number, totalSeconds: number): number {
  return Math.max(0, totalSeconds - estimated);
}

/**
 * Behind (+) or ahead (−) of the plan, seconds: the time spent against the time the plan
 * gives to the text read so far (`estimated` seconds of the estimate). The plan is the
 * target duration when there is one (the estimate scaled to it), else the estimate.
 */
export function lag(
  estimated: number,
  elapsed: number,
  estimateSeconds: number,
  targetSeconds: number | null,
): number {
  const scale = targetSeconds && estimateSeconds > 0 ? targetSeconds / estimateSeconds : 1;
  return elapsed - estimated * scale;
}

/**
 * The track's transform: the point `position` of the text at the eye line, `eyeLine` px from
 * the leading edge of the screen (the top; the right edge in vertical writing, where the text
 * moves right as the position grows). Sub-pixel fractions are kept: a composited translate
 * moves by fractions of a pixel, which is what keeps 5 px/s smooth.
 */
export function trackTransform(position: number, eyeLine: number, vertical: boolean): string {
  return vertical
    ? `translate3d(${(position - eyeLine).toFixed(3)}px, 0px, 0px)`
    : `translate3d(0px, ${(eyeLine - position).toFixed(3)}px, 0px)`;
}
