// Voice mode on a recording: the engine, with a fake clock, driven by what the app layer's voice
// pipeline heard in tests/data/voice/reading.wav (reading.heard.json, a golden that
// `app/src/tests/voice.rs` holds to the pipeline's current output), against the recording's
// ground truth (truth.json, written by make-recordings.py with the recording).
//
// A line is a line of the prompter at its default settings (72 px gothic, line height 160 %,
// margins 8 % a side) full screen on a 1920-px-wide display: 22 characters, 115.2 px; and, to be
// strict, on a 1280-px one: 14 characters. The text is laid out in such lines here (no DOM), and
// the engine's timeline is built from them as geometry.ts builds it from the measured lines.

import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { PrompterInline, PrompterScript, VoiceActivity } from "../lib/bindings";
import { PrompterEngine } from "./engine";
import { layout } from "./model";
import {
  type BlockExtent,
  type Geometry,
  positionAt,
  type SentenceExtent,
  timeline,
} from "./scroll";
import { meterFraction, VOICE_RAMP_SECONDS, type VoicePlan, voicePlan } from "./voice";

const folder = new URL("../../../tests/data/voice/", import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, folder), "utf8"));

interface Heard {
  reportSeconds: number;
  speaking: [number, number][];
  script: PrompterScript;
}
interface Truth {
  seconds: number;
  speech: { sentence: number; start: number; end: number; reading: string }[];
  pauses: { kind: string; start: number; end: number }[];
}
const heard: Heard = read("reading.heard.json");
const truth: Truth = read("truth.json");

const FONT_PX = 72;
const LINE_PX = FONT_PX * 1.6;
const FRAME_MS = 1000 / 60;
/** From the audio to the prompter window: the sound card's buffer and the event (a guess on
 * the safe side; the pipeline's own delay is in the recording's timeline already). */
const DELIVERY_MS = 30;

const sentenceText = (inlines: PrompterInline[]) =>
  inlines
    .map((part) => (part.kind === "text" ? part.text : part.kind === "ruby" ? part.base : ""))
    .join("");

/** The script laid out in lines of `perLine` characters, and each sentence's text. */
function laidOut(script: PrompterScript, perLine: number) {
  const laid = layout(script, "dimmed");
  const blocks: BlockExtent[] = [];
  const sentences: SentenceExtent[] = [];
  const texts: string[] = [];
  let y = 150; // the title
  laid.blocks.forEach((block, index) => {
    const start = y;
    if (block.kind === "paragraph") {
      let column = 0;
      for (const sentence of block.sentences) {
        const text = sentenceText(sentence.inlines);
        texts.push(text);
        const lines = [];
        let left = [...text].length;
        while (left > 0) {
          const take = Math.min(left, perLine - column);
          lines.push({ start: y, end: y + LINE_PX, size: take * FONT_PX });
          left -= take;
          column += take;
          if (column === perLine) {
            y += LINE_PX;
            column = 0;
          }
        }
        sentences.push({
          block: index,
          seconds: sentence.seconds,
          speaking: sentence.spokenSeconds,
          lines,
        });
      }
      if (column > 0) y += LINE_PX;
    } else y += LINE_PX * 1.4;
    blocks.push({ start, end: y, section: block.section, paragraph: block.kind === "paragraph" });
    y += FONT_PX * 0.6;
  });
  const length = blocks.at(-1)?.end ?? 0;
  const sections = [...new Set(blocks.map((b) => b.section))].map(
    (s) => blocks.find((b) => b.section === s)?.start ?? 0,
  );
  const geometry: Geometry = {
    blocks,
    sections,
    length,
    timeline: timeline(sentences, laid.pauses, length),
  };
  return { laid, geometry, texts, sentences };
}

/** Where the reading truly is at `t` seconds into the recording: an interval of script time
 * (a point while a sentence is spoken; from where the speaker stopped to where the next
 * sentence starts during a pause), the text read so far taken as spoken evenly. */
function trueClock(t: number, starts: number[], sentences: SentenceExtent[], texts: string[]) {
  const spokenEnd = (index: number) => {
    const piece = truth.speech[index];
    const total = [...texts[piece.sentence]].length;
    // A sentence spoken in two parts is split at its first 、 (make-recordings.py).
    const parts = truth.speech.filter((p) => p.sentence === piece.sentence);
    const first = [...texts[piece.sentence]].indexOf("、") + 1;
    const to = parts.length === 1 || parts.indexOf(piece) === 1 ? 1 : first / total;
    const from = parts.length === 1 || parts.indexOf(piece) === 0 ? 0 : first / total;
    return { from, to };
  };
  const at = (sentence: number, fraction: number) =>
    starts[sentence] + sentences[sentence].seconds * fraction;
  for (const [index, piece] of truth.speech.entries()) {
    const { from, to } = spokenEnd(index);
    if (t < piece.start) {
      if (index === 0) return [at(0, 0), at(0, 0)];
      const before = truth.speech[index - 1];
      const end = at(before.sentence, spokenEnd(index - 1).to);
      return [Math.min(end, at(piece.sentence, from)), at(piece.sentence, from)];
    }
    if (t <= piece.end) {
      const clock = at(
        piece.sentence,
        from + ((to - from) * (t - piece.start)) / (piece.end - piece.start),
      );
      return [clock, clock];
    }
  }
  const last = truth.speech.at(-1);
  const end = last ? at(last.sentence, 1) : 0;
  return [end, end];
}

let now = 0;
let frame: ((time: number) => void) | null = null;

beforeEach(() => {
  now = 0;
  frame = null;
  vi.stubGlobal("requestAnimationFrame", (callback: (time: number) => void) => {
    frame = callback;
    return 1;
  });
  vi.stubGlobal("cancelAnimationFrame", () => {
    frame = null;
  });
  vi.spyOn(performance, "now").mockImplementation(() => now);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Runs the fake clock to `until` ms, frame by frame; `each` after every frame. */
function runTo(until: number, each: () => void = () => {}) {
  while (now + FRAME_MS <= until) {
    now += FRAME_MS;
    const callback = frame;
    frame = null;
    callback?.(now);
    each();
  }
}

function engineFor(script: PrompterScript, geometry: Geometry, pace: number) {
  const laid = layout(script, "dimmed");
  const track = { style: { transform: "" } } as unknown as HTMLElement;
  const engine = new PrompterEngine(
    { track, progressBar: null },
    {
      pace,
      estimatePace: script.pacePerMinute,
      paceMin: script.paceMin,
      paceMax: script.paceMax,
      stepMode: false,
      countdownSeconds: 0,
      estimateSeconds: script.seconds,
      targetSeconds: null,
      titled: laid.titled,
      sectionCount: laid.sections,
    },
    () => {},
    () => {},
  );
  engine.setLayout(geometry, [], 0, false, null);
  return engine;
}

/** The pipeline's reports as the window receives them: every reportSeconds, and at each
 * change, DELIVERY_MS later. */
function reports(): { at: number; activity: VoiceActivity }[] {
  const speakingAt = (t: number) => heard.speaking.some(([a, b]) => t >= a && t < b);
  const times = new Set<number>();
  for (let t = heard.reportSeconds; t <= truth.seconds; t += heard.reportSeconds) {
    times.add(Math.round(t * 1000) / 1000);
  }
  for (const [a, b] of heard.speaking) times.add(a).add(b);
  return [...times]
    .sort((a, b) => a - b)
    .map((t) => ({
      at: t * 1000 + DELIVERY_MS,
      activity: { seconds: t, speaking: speakingAt(t), level: -20, peak: -10 },
    }));
}

/** A frame's mean rate from `from` to `to` (clock), over the pace of speech there. */
function relativeRate(plan: VoicePlan, from: number, to: number, speed: number): number {
  const index = plan.stops.filter((stop) => stop <= from + 1e-6).length - 1;
  return (to - from) / (FRAME_MS / 1000) / (speed * (plan.stretch[index] ?? 1));
}

function readWithVoice(perLine: number) {
  const { script } = heard;
  const { geometry, texts, sentences } = laidOut(script, perLine);
  const tl = geometry.timeline;
  const starts = tl.sentences;
  // The speaker's pace while speaking (what voice mode's pace should be, and what a rehearsal
  // measures): their sentences' speaking time at the estimate's pace over the time they took.
  const spoken = truth.speech.reduce((sum, piece) => sum + piece.end - piece.start, 0);
  const speaking = sentences.reduce((sum, s) => sum + s.speaking, 0);
  const pace = Math.round((script.pacePerMinute * speaking) / spoken);
  const engine = engineFor(script, geometry, pace);
  const speed = pace / script.pacePerMinute;
  const plan = voicePlan(geometry);
  // The operator steps to the first paragraph, turns voice mode on and starts (F5).
  engine.command({ action: "nextParagraph" });
  runTo(1000);
  engine.command({ action: "voice", on: true });
  engine.command({ action: "start" });
  const events = reports();
  const samples: { t: number; clock: number; position: number; lo: number; hi: number }[] = [];
  let next = 0;
  const startAt = now;
  let fastest = 0;
  let lastClock = engine.snapshot().clock;
  runTo(startAt + truth.seconds * 1000, () => {
    const t = (now - startAt) / 1000;
    while (next < events.length && events[next].at <= now - startAt) {
      engine.hear(events[next].activity);
      next += 1;
    }
    const { clock, position } = engine.snapshot();
    fastest = Math.max(fastest, relativeRate(plan, lastClock, clock, speed));
    lastClock = clock;
    const [lo, hi] = trueClock(t, starts, sentences, texts);
    samples.push({ t, clock, position, lo, hi });
  });
  return { samples, tl, speed, pace, fastest };
}

function figures(perLine: number) {
  const { samples, tl, speed, pace, fastest } = readWithVoice(perLine);
  const off = (value: number, lo: number, hi: number) =>
    value < lo ? lo - value : value > hi ? value - hi : 0;
  const errors = samples.map((s) => ({
    seconds: off(s.clock, s.lo, s.hi),
    lines: off(s.position, positionAt(tl, s.lo), positionAt(tl, s.hi)) / LINE_PX,
  }));
  const max = (values: number[]) => Math.max(...values);

  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  // Latency: from each onset of speech after a pause the engine stopped in, to 90 % of pace.
  const latencies: number[] = [];
  const starts: number[] = [];
  for (const pause of truth.pauses) {
    const onset = pause.end;
    const stopped = samples.find((s) => s.t > pause.start && s.t < onset && isStill(samples, s.t));
    if (!stopped) continue;
    const moving = samples.find(
      (s, i) =>
        s.t > onset && i > 0 && (s.clock - samples[i - 1].clock) / (FRAME_MS / 1000) >= 0.9 * speed,
    );
    if (moving) latencies.push(moving.t - onset);
    const first = samples.find((s, i) => s.t > onset && i > 0 && s.clock > samples[i - 1].clock);
    if (first) starts.push(first.t - onset);
  }
  // Holding: in each pause, when the text came to rest for good (nothing moves from then to
  // the next speech), how often it set off again after stopping, and how far it moved after
  // its first stop.
  const holds = truth.pauses.map((pause) => {
    const inside = samples.filter((s) => s.t >= pause.start && s.t < pause.end);
    let rest: number | null = null;
    for (
      let i = inside.length - 1;
      i > 0 && inside[i - 1].position === inside[i].position;
      i -= 1
    ) {
      rest = inside[i - 1].t;
    }
    let restarts = 0;
    let stoppedAt: number | null = null;
    for (let i = 1; i < inside.length; i += 1) {
      const moved = inside[i].position !== inside[i - 1].position;
      if (!moved && stoppedAt === null) stoppedAt = inside[i].position;
      if (moved && stoppedAt !== null && inside[i - 1].position === stoppedAt) restarts += 1;
    }
    const last = inside.at(-1);
    return {
      kind: pause.kind,
      seconds: pause.end - pause.start,
      toRest: rest === null ? null : rest - pause.start,
      held: rest === null ? 0 : pause.end - rest,
      restarts,
      settled: stoppedAt === null || !last ? 0 : Math.abs(last.position - stoppedAt),
      /** How far the text moved in the whole pause, pixels. */
      moved: last && inside[0] ? last.position - inside[0].position : 0,
    };
  });
  return {
    perLine,
    pace,
    speed,
    fastest,
    maxLines: max(errors.map((e) => e.lines)),
    meanLines: mean(errors.map((e) => e.lines)),
    maxSeconds: max(errors.map((e) => e.seconds)),
    meanSeconds: mean(errors.map((e) => e.seconds)),
    latencies,
    starts,
    holds,
  };
}

/** The text stands still from `t` on for at least 0.1 s (six frames): stopped in a pause. */
function isStill(samples: { t: number; position: number }[], t: number): boolean {
  const from = samples.findIndex((s) => s.t >= t);
  const window = samples.slice(from, from + 7);
  return window.length === 7 && window.every((s) => s.position === window[0].position);
}

test("the recording's script is the speech the recording reads", () => {
  const { texts } = laidOut(heard.script, 22);
  expect(texts.length).toBe(new Set(truth.speech.map((p) => p.sentence)).size);
  expect(heard.script.paceUnit).toBe("mora");
});

for (const perLine of [22, 14]) {
  test(`voice mode keeps within a line of the reading and holds through pauses (${perLine} characters a line)`, () => {
    const f = figures(perLine);
    const r = (x: number, digits = 2) => x.toFixed(digits);
    console.log(
      [
        `voice mode on reading.wav, ${perLine} characters a line (${r(LINE_PX, 1)} px), pace ${f.pace} 拍/分 (estimate ${heard.script.pacePerMinute}):`,
        `  position error: max ${r(f.maxLines)} lines / ${r(f.maxSeconds)} s of script, mean ${r(f.meanLines, 3)} lines / ${r(f.meanSeconds, 3)} s`,
        `  latency from speech onset to 90 % of pace: ${f.latencies.map((l) => r(l)).join(", ")} s (mean ${r(f.latencies.reduce((a, b) => a + b, 0) / f.latencies.length)} s)`,
        `  latency from speech onset to the first motion: ${f.starts.map((l) => r(l)).join(", ")} s`,
        `  fastest: ${r(f.fastest, 3)} × the pace of speech`,
        "  pauses (kind, length, at rest for good after, held still, moved after the first stop):",
        ...f.holds.map(
          (h) =>
            `    ${h.kind.padEnd(13)} ${r(h.seconds, 1)} s  rest after ${h.toRest === null ? "—" : `${r(h.toRest)} s`}  held ${r(h.held)} s  set off again ${h.restarts}×, ${r(h.settled / LINE_PX)} lines  moved ${r(h.moved / LINE_PX)} lines in all`,
        ),
      ].join("\n"),
    );
    expect(f.maxLines).toBeLessThan(1);
    // Never faster than the pace (a frame's mean rate; the ramp never overshoots).
    expect(f.fastest).toBeLessThanOrEqual(1.0001);
    // In every pause the detector can hear (all but the 0.3-s breath, shorter than its
    // hangover) the text comes to rest once and holds still to the pause's end: at a sentence's
    // or a paragraph's end within 0.9 s (it reaches the next sentence as the speaker finishes
    // the words, give or take the sentence's own pace), mid-sentence within 0.9 s too (the
    // detector's hangover and the report's way, 0.43 s, and the ease to a stop); for at least
    // half of every pause.
    // A pause shorter than the detector's hangover (a breath) is not heard: the text goes on
    // through it at the pace of speech, a small fraction of a line.
    for (const hold of f.holds.filter((h) => h.kind === "breath")) {
      expect(hold.moved / LINE_PX, hold.kind).toBeLessThan(0.2);
    }
    for (const hold of f.holds.filter((h) => h.kind !== "breath")) {
      expect(hold.restarts, hold.kind).toBe(0);
      expect(hold.toRest ?? 99, hold.kind).toBeLessThan(0.9);
      expect(hold.held, hold.kind).toBeGreaterThan(hold.seconds / 2);
    }
    expect(f.latencies.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...f.latencies)).toBeLessThan(
      0.1 + 0.06 + DELIVERY_MS / 1000 + VOICE_RAMP_SECONDS,
    );
  });
}

test("a chattering detector never makes the text run away or jump", () => {
  const { geometry } = laidOut(heard.script, 22);
  const engine = engineFor(heard.script, geometry, 420);
  engine.command({ action: "nextParagraph" });
  runTo(1000);
  engine.command({ action: "voice", on: true });
  engine.command({ action: "start" });
  const plan = voicePlan(geometry);
  let last = engine.snapshot();
  let fastest = 0;
  let step = 0;
  let speaking = false;
  runTo(now + 10_000, () => {
    // Speech flickering every 50 ms (a detector that chatters).
    if ((Math.floor(now / 50) % 2 === 0) !== speaking) {
      speaking = !speaking;
      engine.hear({ seconds: now / 1000, speaking, level: -30, peak: -20 });
    }
    const snapshot = engine.snapshot();
    fastest = Math.max(fastest, relativeRate(plan, last.clock, snapshot.clock, 1));
    step = Math.max(step, Math.abs(snapshot.position - last.position));
    expect(snapshot.clock).toBeGreaterThanOrEqual(last.clock);
    last = snapshot;
  });
  expect(fastest).toBeLessThanOrEqual(1.0001);
  // At most a frame's worth of motion at full pace: no jump.
  expect(step).toBeLessThan(geometry.length / 100);
  expect(last.clock).toBeGreaterThan(0);
});

test("the operator wins: a pause stops the text while the speaker speaks, a step glides at once", () => {
  const { geometry } = laidOut(heard.script, 22);
  const engine = engineFor(heard.script, geometry, 420);
  engine.command({ action: "voice", on: true });
  engine.command({ action: "start" });
  engine.hear({ seconds: 0, speaking: true, level: -20, peak: -10 });
  runTo(now + 2000);
  expect(engine.snapshot().voice).toEqual({ on: true, speaking: true, problem: null });
  engine.command({ action: "pause" });
  runTo(now + 1000);
  const paused = engine.snapshot().position;
  runTo(now + 1000);
  expect(engine.snapshot().position).toBe(paused);
  const before = engine.snapshot().position;
  engine.command({ action: "nextParagraph" });
  runTo(now + 50);
  expect(engine.snapshot().position).toBeGreaterThan(before);
  // Voice mode off: the engine plays at its pace as before.
  engine.command({ action: "voice", on: false });
  expect(engine.snapshot().voice.on).toBe(false);
  // A microphone that cannot open turns voice mode off with the reason.
  engine.command({ action: "voice" });
  engine.voiceFailed("マイクが見つかりません");
  expect(engine.snapshot().voice).toEqual({
    on: false,
    speaking: false,
    problem: "マイクが見つかりません",
  });
});

test("the meter spans −60 to 0 dBFS", () => {
  expect(meterFraction(-90)).toBe(0);
  expect(meterFraction(-60)).toBe(0);
  expect(meterFraction(-30)).toBe(0.5);
  expect(meterFraction(0)).toBe(1);
  expect(meterFraction(Number.NEGATIVE_INFINITY)).toBe(0);
});
