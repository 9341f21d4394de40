// The prompter's scroll math: pure functions over numbers, the same for horizontal writing
// (the text moves up) and 縦書き (the text moves right). Positions are pixels along the
// scroll axis, measured from the start of the text (the top, or the right edge in vertical
// writing); the position is the point of the text that sits at the eye line.
//
// Time-based: each frame advances the motion by the time since the last frame, so a late
// frame moves further rather than slowing the text down. Speed changes ramp; steps and jumps
// glide with an ease-in-out curve. Nothing here reads the DOM.

/** One block (paragraph, heading, note) of the laid-out text, along the scroll axis. */
export interface BlockExtent {
  start: number;
  end: number;
  section: number;
  /** Read-aloud paragraphs are the stops of paragraph steps. */
  paragraph: boolean;
  /** The estimate of the block, seconds (pauses included). */
  seconds: number;
  /** The estimate of everything before the block, seconds. */
  secondsBefore: number;
}

/** Where the text is laid out: measured once per layout (resize, font, settings). */
export interface Geometry {
  blocks: BlockExtent[];
  /** Start of each section (its heading, or its first block). */
  sections: number[];
  /** Sentence starts, in order (the sentence at the eye line is emphasised). */
  sentences: number[];
  /** The scrollable length: the position of the end of the text. */
  length: number;
}

export interface Motion {
  position: number;
  /** Current speed, px/s (ramps towards `speed` while playing, towards 0 when paused). */
  velocity: number;
  /** The speed chosen, px/s. */
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

export const MIN_SPEED = 5;
export const MAX_SPEED = 600;
/** A speed change reaches the new speed within about this long. */
export const RAMP_SECONDS = 0.6;
/** Frames later than this (a suspended window) advance by this much only. */
export const MAX_FRAME_SECONDS = 0.25;

export function motion(speed: number, position = 0): Motion {
  return { position, velocity: 0, speed: clampSpeed(speed), playing: false, glide: null };
}

export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, Math.round(speed)));
}

/** The next speed up or down: steps of ~12 %, at least 1 px/s. */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  const step = Math.max(1, Math.round(speed * 0.12));
  return clampSpeed(speed + direction * step);
}

const clamp = (value: number, length: number) => Math.min(length, Math.max(0, value));

/** Smooth start and stop (cubic ease-in-out), 0 → 1. */
export function ease(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** How long a glide over `distance` px takes: short hops quickly, long jumps at most 0.9 s. */
export function glideSeconds(distance: number): number {
  return Math.min(0.9, Math.max(0.35, Math.abs(distance) / 2000));
}

/** Advances the motion by `dt` seconds, in place. Returns true while anything still moves. */
export function advance(m: Motion, dt: number, length: number): boolean {
  const step = Math.min(MAX_FRAME_SECONDS, Math.max(0, dt));
  if (m.glide) {
    const g = m.glide;
    g.elapsed += step;
    const t = g.elapsed / g.duration;
    m.position = clamp(g.from + (g.to - g.from) * ease(t), length);
    if (t >= 1) m.glide = null;
    return true;
  }
  const target = m.playing ? m.speed : 0;
  // Linear ramp: the whole speed (or 20 px/s, whichever is more) in RAMP_SECONDS.
  const rate = Math.max(20, m.speed) / RAMP_SECONDS;
  const change = target - m.velocity;
  m.velocity += Math.sign(change) * Math.min(Math.abs(change), rate * step);
  m.position = clamp(m.position + m.velocity * step, length);
  if (m.position >= length && m.velocity > 0) {
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

/** Moves at once (the wheel's nudges): no glide, the speed kept. */
export function nudge(m: Motion, by: number, length: number): void {
  if (m.glide) m.glide = { ...m.glide, to: clamp(m.glide.to + by, length) };
  else m.position = clamp(m.position + by, length);
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

/** The index of the last of `count` sorted starts (`startOf(i)`) at or before `position`. */
export function lastAtOrBefore(
  count: number,
  startOf: (index: number) => number,
  position: number,
): number {
  let [low, high] = [0, count - 1];
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (startOf(mid) <= position + 0.5) {
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
  const { block, fraction } = locate(g, position);
  const b = g.blocks[block];
  return b ? b.secondsBefore + b.seconds * fraction : 0;
}

/** Seconds of the estimate left after `position`. */
export function remainingAt(g: Geometry, position: number, totalSeconds: number): number {
  return Math.max(0, totalSeconds - estimatedAt(g, position));
}

/**
 * Behind (+) or ahead (−) of the plan, seconds: the time spent against the time the plan
 * gives to the text read so far. The plan is the target duration when there is one (the
 * estimate scaled to it), else the estimate.
 */
export function lag(
  g: Geometry,
  position: number,
  elapsed: number,
  estimateSeconds: number,
  targetSeconds: number | null,
): number {
  const scale = targetSeconds && estimateSeconds > 0 ? targetSeconds / estimateSeconds : 1;
  return elapsed - estimatedAt(g, position) * scale;
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
