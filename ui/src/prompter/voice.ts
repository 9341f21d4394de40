// Voice mode, pure: the text advances at the speaker's pace while they speak and holds still
// while they are silent (src-tauri/src/microphone.rs hears them; the app layer's pipeline says
// who speaks). The rules:
//
// - The pace is a pace of speech. The estimate's pauses (at commas, at a sentence's end, between
//   paragraphs) are the speaker's silences, which voice mode waits out rather than times: each
//   sentence passes in its speaking time at the chosen pace, the pauses up to the next sentence
//   spread over it (VoicePlan.stretch). The text so reaches the next sentence as the speaker
//   finishes the words, and holds still there through the silence the detector hears a moment
//   later.
// - Every sentence's start is a stop. The text comes to rest there while the speaker speaks and
//   waits for them to pause, at most SENTENCE_WAIT_SECONDS of speech (PARAGRAPH_WAIT_SECONDS at
//   a paragraph's first sentence): a speaker who runs sentences together is followed again.
// - Never faster than the pace: the rate ramps between 0 and the pace (VOICE_RAMP_SECONDS each
//   way), so speech that starts and stops (or a detector that chatters) only ever slows the
//   text down; it never jumps and never runs away.
// - A silence stops the text: it eases to rest, at the next sentence's start when that is
//   nearer than the ease would run. When the speaker has gone silent with the next sentence
//   near (SETTLE_REACH_SECONDS of speech ahead), they finished it ahead of the text: the text
//   goes on to it at the pace and waits there.
// - The operator's keys and buttons always win: a pause stops the text whatever the voice
//   says, a step or jump glides there at once, and voice mode goes on from there.

import type { VoiceActivity } from "../lib/bindings";
import {
  advance,
  clockAt,
  endClock,
  type Geometry,
  MAX_FRAME_SECONDS,
  type Motion,
  positionAt,
  type Timeline,
} from "./scroll";

/** Speech's start and end reach the pace, or a stop, within this long. */
export const VOICE_RAMP_SECONDS = 0.25;
/** The text waits at a sentence's start this long at most while the speaker goes on (seconds of
 * speech): the detector's hangover (0.35 s) and the report's way to the window, with room for a
 * speaker a little slower than the pace. */
export const SENTENCE_WAIT_SECONDS = 0.8;
/** …and this long at a paragraph's first sentence, where speakers nearly always pause. */
export const PARAGRAPH_WAIT_SECONDS = 1.5;
/** A silence with the next sentence this near (seconds of speech at the pace) settles the text
 * there: the speaker finished the sentence ahead of it. */
export const SETTLE_REACH_SECONDS = 1;
/** A sentence's pauses pass this much faster than its speech at most (a `[[間]]` alone). */
export const MAX_STRETCH = 3;
/** The meter's range: from this level (dBFS) up to full scale. */
export const METER_FLOOR_DB = -60;

/** Voice mode's reading of a layout. */
export interface VoicePlan {
  /** The clock at each sentence's start: where the text comes to rest. */
  stops: number[];
  /** How long the text waits at each stop while the speaker goes on (seconds of speech). */
  waits: number[];
  /** From each stop to the next (the last: to the end): clock seconds per second of speech at
   * the estimate's pace, 1 to MAX_STRETCH. */
  stretch: number[];
}

export function voicePlan(g: Geometry): VoicePlan {
  const tl = g.timeline;
  const stops = tl.sentences;
  const end = endClock(tl);
  const firsts = new Set<number>();
  if (stops.length > 0) {
    for (const block of g.blocks) {
      if (!block.paragraph) continue;
      const clock = clockAt(tl, block.start);
      let nearest = 0;
      stops.forEach((stop, index) => {
        if (Math.abs(stop - clock) < Math.abs(stops[nearest] - clock)) nearest = index;
      });
      firsts.add(nearest);
    }
  }
  return {
    stops,
    waits: stops.map((_, index) =>
      firsts.has(index) ? PARAGRAPH_WAIT_SECONDS : SENTENCE_WAIT_SECONDS,
    ),
    stretch: stops.map((stop, index) => {
      const across = (stops[index + 1] ?? end) - stop;
      const speaking = tl.speaking[index] ?? 0;
      if (across <= 1e-9) return 1;
      return speaking > 1e-9 ? Math.min(MAX_STRETCH, Math.max(1, across / speaking)) : MAX_STRETCH;
    }),
  };
}

export interface VoiceFollow {
  /** Voice mode is on (the operator turned it on, and the microphone opened). */
  on: boolean;
  /** The latest report says someone speaks. */
  speaking: boolean;
  /** The present silence has had its settling (or needs none). */
  settled: boolean;
  /** A silence's settling: the text moves on to this sentence start (script time). */
  settleTo: number | null;
  /** The stop the text waits at while the speaker goes on, the seconds of speech it may wait
   * there and has waited. */
  holdAt: number | null;
  holdFor: number;
  waited: number;
  /** Why voice mode could not start (no microphone …), until it is turned on again. */
  problem: string | null;
}

export function voiceFollow(): VoiceFollow {
  return {
    on: false,
    speaking: false,
    settled: true,
    settleTo: null,
    holdAt: null,
    holdFor: 0,
    waited: 0,
    problem: null,
  };
}

/** A report of the voice pipeline. */
export function hear(v: VoiceFollow, activity: VoiceActivity): void {
  if (v.speaking && !activity.speaking) {
    // A pause: the sentence waited for has ended; the next speech starts the next one.
    v.settled = false;
    v.holdAt = null;
  }
  if (activity.speaking) v.settleTo = null;
  v.speaking = activity.speaking;
}

/** The index of the stretch `clock` is in (the last stop at or before it), or -1. */
function stretchAt(plan: VoicePlan, clock: number): number {
  let index = -1;
  while (index + 1 < plan.stops.length && plan.stops[index + 1] <= clock + 1e-6) index += 1;
  return index;
}

/**
 * Advances the motion by `dt` seconds in voice mode, in place (what `advance` does otherwise):
 * a glide as usual; else the rate ramps towards the pace of speech while someone speaks and the
 * text plays, towards 0 otherwise, braking to rest exactly at the next stop when the ease would
 * run past it. Returns true while anything may still move.
 */
export function advanceByVoice(
  m: Motion,
  dt: number,
  tl: Timeline,
  v: VoiceFollow,
  plan: VoicePlan,
): boolean {
  const step = Math.min(MAX_FRAME_SECONDS, Math.max(0, dt));
  if (m.glide) return advance(m, dt, tl);
  const index = stretchAt(plan, m.clock);
  const pace = m.speed * (plan.stretch[index] ?? 1);
  if (v.holdAt !== null && v.speaking) {
    v.waited += step;
    if (v.waited >= v.holdFor) v.holdAt = null;
  }
  if (!v.speaking && !v.settled) {
    // The speaker has just gone silent: the sentence they finished ahead of the text.
    v.settled = true;
    const next = plan.stops[index + 1];
    const reach = SETTLE_REACH_SECONDS * pace;
    if (m.playing && next !== undefined && next - m.clock <= reach) v.settleTo = next;
  }
  const going = m.playing && (v.speaking || v.settleTo !== null) && v.holdAt === null;
  const target = going ? pace : 0;
  const rate = Math.max(0.25, pace) / VOICE_RAMP_SECONDS;
  const before = m.velocity;
  const end = endClock(tl);
  const rest = before > 0 ? (v.settleTo ?? plan.stops[index + 1] ?? null) : null;
  const room = rest === null ? Number.POSITIVE_INFINITY : rest - m.clock;
  const needed = (before * before) / (2 * Math.max(room, 1e-9));
  const braking = rest !== null && needed >= rate;
  if (braking || target < before) {
    m.velocity = Math.max(braking ? 0 : target, before - Math.max(rate, needed) * step);
  } else {
    m.velocity = Math.min(target, before + rate * step);
  }
  let clock = m.clock + ((before + m.velocity) / 2) * step;
  if (rest !== null && (clock >= rest - 1e-6 || (braking && m.velocity === 0))) {
    clock = rest;
    m.velocity = 0;
    if (rest === v.settleTo) v.settleTo = null;
    else if (v.speaking) {
      v.holdAt = rest;
      v.holdFor = plan.waits[index + 1] ?? SENTENCE_WAIT_SECONDS;
      v.waited = 0;
    }
  }
  m.clock = Math.min(end, Math.max(0, clock));
  m.position = positionAt(tl, m.clock);
  if (m.clock >= end && m.velocity > 0) {
    m.velocity = 0;
    m.playing = false;
  }
  return m.playing || m.velocity !== 0;
}

/** How full the meter is for a level in dBFS: 0 at METER_FLOOR_DB and below, 1 at 0 dBFS. */
export function meterFraction(levelDb: number): number {
  if (!Number.isFinite(levelDb)) return 0;
  return Math.min(1, Math.max(0, (levelDb - METER_FLOOR_DB) / -METER_FLOOR_DB));
}
