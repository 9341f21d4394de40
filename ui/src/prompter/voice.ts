// Voice mode, pure: the motion advances at the chosen pace while the speaker speaks and eases
// to a stop while they are silent (src-tauri/src/microphone.rs hears them; the app layer's
// pipeline says who speaks). The rules:
//
// - Never faster than the pace: the rate ramps between 0 and the chosen one (VOICE_RAMP_SECONDS
//   each way), so speech that starts and stops (or a detector that chatters) only ever slows
//   the text down; it never jumps and never runs away.
// - A stop comes to rest at the next sentence's start when that is nearer than the ease would
//   run: the text waits there for the next sentence rather than sliding into it.
// - While the speaker speaks, the text waits at the first line of the next paragraph until they
//   pause (or have gone on for GATE_SECONDS): a text running ahead never shows the next
//   paragraph while the last one is being finished.
// - A silence longer than a sentence's end (SETTLE_AFTER_SECONDS), or any silence at the end of
//   a paragraph's text, settles the text at the start of the next sentence when it is near
//   (SETTLE_REACH_SECONDS of script time ahead; never further, never back), at the pace: the
//   speaker finished the sentence ahead of the text.
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
export const VOICE_RAMP_SECONDS = 0.4;
/** A silence this long is more than a sentence's end: the text settles at the next sentence. */
export const SETTLE_AFTER_SECONDS = 1.2;
/** …when the next sentence starts within this much script time. */
export const SETTLE_REACH_SECONDS = 2;
/** The text waits at a paragraph's first line this long at most while the speaker goes on
 * (seconds of speech): a speaker who runs paragraphs together is followed again. */
export const GATE_SECONDS = 1.5;
/** The meter's range: from this level (dBFS) up to full scale. */
export const METER_FLOOR_DB = -60;

export interface VoiceFollow {
  /** Voice mode is on (the operator turned it on, and the microphone opened). */
  on: boolean;
  /** The latest report says someone speaks. */
  speaking: boolean;
  /** Seconds of the present silence. */
  silence: number;
  /** The present silence has had its settling (or needs none). */
  settled: boolean;
  /** A long silence's settling: the text moves on to this sentence start (script time). */
  settleTo: number | null;
  /** The paragraph start the text waits at while the speaker finishes the paragraph before,
   * and the seconds of speech it has waited there. */
  holdAt: number | null;
  waited: number;
  /** Why voice mode could not start (no microphone …), until it is turned on again. */
  problem: string | null;
}

export function voiceFollow(): VoiceFollow {
  return {
    on: false,
    speaking: false,
    silence: 0,
    settled: true,
    settleTo: null,
    holdAt: null,
    waited: 0,
    problem: null,
  };
}

/** A report of the voice pipeline. */
export function hear(v: VoiceFollow, activity: VoiceActivity): void {
  if (v.speaking && !activity.speaking) {
    // A pause: the paragraph waited for has ended; the next speech starts the next one.
    v.silence = 0;
    v.settled = false;
    v.holdAt = null;
  }
  if (activity.speaking) v.settleTo = null;
  v.speaking = activity.speaking;
}

/** The clock at the start of the first sentence after `clock`, or null. */
export function nextSentenceStart(tl: Timeline, clock: number): number | null {
  return tl.sentences.find((start) => start > clock + 1e-6) ?? null;
}

/** The clock is at a sentence's start (waiting for it). */
function atSentenceStart(tl: Timeline, clock: number): boolean {
  return tl.sentences.some((start) => Math.abs(start - clock) < 0.05);
}

/**
 * The script time at the end of each paragraph's text (before the pause after it): where the
 * text waits while the speaker is still finishing the paragraph. Its last line and the gap
 * after it pass in one stretch, which a text running ahead would show as the next paragraph
 * too soon. `pauses[b]`: the estimate's pause after block `b` (model.ts).
 */
export function paragraphGates(g: Geometry, pauses: number[]): number[] {
  const starts = g.timeline.sentences;
  if (starts.length === 0) return [];
  const gates: number[] = [];
  let before: number | null = null;
  g.blocks.forEach((block, index) => {
    if (!block.paragraph) return;
    if (before !== null) {
      const clock = clockAt(g.timeline, block.start);
      const first = starts.reduce((best, s) =>
        Math.abs(s - clock) < Math.abs(best - clock) ? s : best,
      );
      gates.push(first - Math.max(0, pauses[before] ?? 0));
    }
    before = index;
  });
  return gates;
}

/** Where the text must come to rest next, if anywhere (script time). */
function restAt(m: Motion, tl: Timeline, v: VoiceFollow, gates: number[]): number | null {
  if (v.settleTo !== null) return v.settleTo;
  if (!v.speaking) return nextSentenceStart(tl, m.clock);
  return gates.find((gate) => gate > m.clock + 1e-6) ?? null;
}

/**
 * Advances the motion by `dt` seconds in voice mode, in place (what `advance` does otherwise):
 * a glide as usual; else the rate ramps towards the pace while someone speaks and the text
 * plays, towards 0 otherwise, braking to rest exactly at the next stop (`restAt`) when the
 * ease would run past it. Returns true while anything may still move.
 */
export function advanceByVoice(
  m: Motion,
  dt: number,
  tl: Timeline,
  v: VoiceFollow,
  gates: number[],
): boolean {
  const step = Math.min(MAX_FRAME_SECONDS, Math.max(0, dt));
  if (!v.speaking) v.silence += step;
  if (m.glide) return advance(m, dt, tl);
  if (v.holdAt !== null && v.speaking) {
    v.waited += step;
    if (v.waited >= GATE_SECONDS) v.holdAt = null;
  }
  const going = m.playing && (v.speaking || v.settleTo !== null) && v.holdAt === null;
  const target = going ? m.speed : 0;
  const rate = Math.max(0.25, m.speed) / VOICE_RAMP_SECONDS;
  const before = m.velocity;
  const end = endClock(tl);
  const rest = before > 0 ? restAt(m, tl, v, gates) : null;
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
    else if (v.speaking && gates.includes(rest)) {
      v.holdAt = rest;
      v.waited = 0;
    }
  }
  m.clock = Math.min(end, Math.max(0, clock));
  m.position = positionAt(tl, m.clock);
  if (m.clock >= end && m.velocity > 0) {
    m.velocity = 0;
    m.playing = false;
  }
  // The speaker finished a paragraph (silent at its end): the next one comes to the eye line.
  const atGate = gates.some((gate) => Math.abs(gate - m.clock) < 1e-3);
  const longSilence = !v.speaking && (atGate || v.silence >= SETTLE_AFTER_SECONDS);
  if (m.playing && longSilence && !v.settled && m.velocity === 0) settle(m, tl, v);
  return m.playing || m.velocity !== 0;
}

/** A long silence: the text moves on to the next sentence's start when it is near. */
function settle(m: Motion, tl: Timeline, v: VoiceFollow): void {
  v.settled = true;
  if (atSentenceStart(tl, m.clock)) return;
  const next = nextSentenceStart(tl, m.clock);
  if (next !== null && next - m.clock <= SETTLE_REACH_SECONDS) v.settleTo = next;
}

/** How full the meter is for a level in dBFS: 0 at METER_FLOOR_DB and below, 1 at 0 dBFS. */
export function meterFraction(levelDb: number): number {
  if (!Number.isFinite(levelDb)) return 0;
  return Math.min(1, Math.max(0, (levelDb - METER_FLOOR_DB) / -METER_FLOOR_DB));
}
