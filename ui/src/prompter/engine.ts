// The prompter's scroll engine: owns the position. One requestAnimationFrame loop advances the
// motion by the time since the last frame and writes one composited transform; it does no
// layout and changes no style except the class of the emphasised sentence when the eye line
// reaches the next one. It sleeps when nothing moves.

import type { VoiceActivity } from "../lib/bindings";
import type { PrompterCommand, PrompterReport } from "./protocol";
import {
  advance,
  clampPace,
  destination,
  estimateAt,
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
  place,
  placeAtClock,
  previousParagraph,
  previousSection,
  progress,
  rateOf,
  remainingAt,
  sectionAt,
  sectionStart,
  sentenceAt,
  type TextPoint,
  trackTransform,
} from "./scroll";
import { planSlot, type SlotPlan, type SlotTarget } from "./slot";
import {
  advanceByVoice,
  hear,
  type VoiceFollow,
  type VoicePlan,
  voiceFollow,
  voicePlan,
} from "./voice";

export interface EngineView {
  track: HTMLElement;
  /** Scaled along its length to show progress (a transform, not a width). */
  progressBar: HTMLElement | null;
}

/** The engine's state: what the prompter reports, and the scroll position in pixels. */
export type EngineSnapshot = Omit<
  PrompterReport,
  "draftId" | "revision" | "rehearsalsSaved" | "at"
> & {
  position: number;
};

export interface EngineOptions {
  /** The reading pace chosen, in the estimate's unit a minute (拍/分 or 字/分). */
  pace: number;
  /** The estimate's own pace, in the same unit: at it, each sentence takes its estimate. */
  estimatePace: number;
  /** The limits of a pace in this unit (the settings'). */
  paceMin: number;
  paceMax: number;
  stepMode: boolean;
  countdownSeconds: number;
  estimateSeconds: number;
  targetSeconds: number | null;
  /** Script indices of the sections with a heading (for "jump to section n"). */
  titled: number[];
  sectionCount: number;
}

export class PrompterEngine {
  private m: Motion;
  private geometry: Geometry = {
    blocks: [],
    sections: [],
    length: 0,
    timeline: { clock: [], estimate: [], position: [], slope: [], sentences: [], speaking: [] },
  };
  private sentences: HTMLElement[] = [];
  private current = -1;
  private eyeLine = 0;
  private vertical = false;
  private frameRequest = 0;
  private last = 0;
  private elapsed = 0;
  /** The clock runs from the first start until Esc (in step mode too, between steps). */
  private running = false;
  private countdownLeft: number | null = null;
  private blank = false;
  private rehearsing = false;
  private sectionSeconds: number[] = [];
  private slot: SlotTarget | null = null;
  /** Voice mode (voice.ts): the text moves while the speaker speaks. */
  private voice: VoiceFollow = voiceFollow();
  /** Voice mode's stops and pace of speech in the layout. */
  private plan: VoicePlan = { stops: [], waits: [], stretch: [] };
  private options: EngineOptions;

  constructor(
    private view: EngineView,
    options: EngineOptions,
    /** Called after every command and a few times a second while anything runs. */
    private changed: (snapshot: EngineSnapshot) => void,
    /** A rehearsal that reached its end, or was finished: seconds per section. */
    private rehearsed: (sectionSeconds: number[]) => void,
    /** The wall clock (epoch ms), for the broadcast slot. */
    private wallClock: () => number = Date.now,
  ) {
    this.options = { ...options, pace: clampPace(options.pace, options.paceMin, options.paceMax) };
    this.m = motion(rateOf(this.options.pace, options.estimatePace));
  }

  /**
   * New measurements. The position keeps its place in the text: the same script time (the
   * same point of the same sentence in any layout), or `at` (pixels of the new layout: the
   * same text after an edit, whose script times differ). Playing goes on, the clock with it.
   */
  setLayout(
    geometry: Geometry,
    sentences: HTMLElement[],
    eyeLine: number,
    vertical: boolean,
    at: number | null,
  ): void {
    const measured = this.geometry.timeline.clock.length > 0;
    this.geometry = geometry;
    this.plan = voicePlan(geometry);
    this.sentences = sentences;
    this.eyeLine = eyeLine;
    this.vertical = vertical;
    this.current = -1;
    this.drawn = "";
    if (at !== null) {
      place(this.m, Math.min(geometry.length, Math.max(0, at)), geometry.timeline);
    } else if (measured) {
      // A glide in progress stops where it is.
      placeAtClock(this.m, this.m.clock, geometry.timeline);
    } else {
      place(this.m, 0, geometry.timeline);
    }
    this.draw();
    this.report();
  }

  setOptions(options: EngineOptions): void {
    this.options = { ...options, pace: clampPace(options.pace, options.paceMin, options.paceMax) };
    // A section added by an edit during a rehearsal has its place in the run.
    while (this.rehearsing && this.sectionSeconds.length < options.sectionCount) {
      this.sectionSeconds.push(0);
    }
    this.m.speed = rateOf(this.options.pace, options.estimatePace);
    this.report();
  }

  point(): TextPoint {
    return locate(this.geometry, this.m.position);
  }

  /** Where the text is (pixels of the current layout). */
  position(): number {
    return this.m.position;
  }

  /** The slot's plan now: from the estimate's seconds left at the eye line and the pace. */
  private slotPlan(remaining: number): SlotPlan | null {
    if (!this.slot) return null;
    const { pace, estimatePace, paceMin, paceMax } = this.options;
    return planSlot(this.slot, {
      now: this.wallClock(),
      elapsed: this.elapsed,
      remaining,
      pace,
      estimatePace,
      paceMin,
      paceMax,
    });
  }

  snapshot(): EngineSnapshot {
    const g = this.geometry;
    const position = this.m.position;
    const estimated = estimateAt(g.timeline, this.m.clock);
    const { estimateSeconds, targetSeconds } = this.options;
    const remaining = remainingAt(estimated, estimateSeconds);
    return {
      point: this.point(),
      clock: this.m.clock,
      position,
      playing: this.m.playing,
      pace: this.options.pace,
      stepMode: this.options.stepMode,
      section: sectionAt(g, position),
      elapsed: this.elapsed,
      remaining,
      lag: lag(estimated, this.elapsed, estimateSeconds, targetSeconds),
      progress: progress(g, position),
      countdown: this.countdownLeft === null ? null : Math.ceil(this.countdownLeft),
      blank: this.blank,
      rehearsing: this.rehearsing,
      slot: this.slotPlan(remaining),
      voice: { on: this.voice.on, speaking: this.voice.speaking, problem: this.voice.problem },
    };
  }

  command(command: PrompterCommand): void {
    const g = this.geometry;
    const m = this.m;
    const glide = (to: number) => {
      glideTo(m, to, g.length);
      if (this.options.stepMode) this.running = true;
    };
    switch (command.action) {
      case "toggle":
        if (this.options.stepMode) glide(nextParagraph(g, destination(m)));
        else if (m.playing || this.countdownLeft !== null) this.pause();
        // The run is over: Space (pressed again by habit, or a clicker) starts no countdown
        // on the last line; Home goes back to the start, F5 starts a new run.
        else if (!this.atEnd()) this.play();
        break;
      case "pause":
        this.pause();
        break;
      case "start":
        if (this.options.stepMode) this.running = true;
        else if (!m.playing) {
          // F5 at the end is a new run: from the start.
          if (this.atEnd()) this.restart();
          this.play();
        }
        break;
      case "stop":
        this.pause();
        this.running = false;
        if (this.rehearsing) this.finishRehearsal();
        break;
      case "faster":
      case "slower": {
        const { pace, paceMin, paceMax } = this.options;
        this.setPace(nextPace(pace, command.action === "faster" ? 1 : -1, paceMin, paceMax));
        break;
      }
      case "slot":
        this.slot = command.slot;
        break;
      case "fitSlot": {
        const plan = this.snapshot().slot;
        if (plan) this.setPace(plan.proposed);
        break;
      }
      case "nextParagraph":
        glide(nextParagraph(g, destination(m)));
        break;
      case "previousParagraph":
        glide(previousParagraph(g, destination(m)));
        break;
      case "nextSection":
        glide(nextSection(g, destination(m)));
        break;
      case "previousSection":
        glide(previousSection(g, destination(m)));
        break;
      case "section": {
        const index = this.options.titled[command.n - 1];
        const start = index === undefined ? null : sectionStart(g, index + 1);
        if (start !== null) glide(start);
        break;
      }
      case "home":
        this.pause();
        this.restart();
        break;
      case "blank":
        this.blank = !this.blank;
        if (this.blank) this.pause();
        break;
      case "nudge":
        nudge(m, command.by, g.timeline);
        break;
      case "rehearse":
        if (command.on) {
          this.rehearsing = true;
          this.sectionSeconds = new Array(this.options.sectionCount).fill(0);
        } else if (this.rehearsing) this.finishRehearsal();
        break;
      case "voice":
        this.voice = { ...voiceFollow(), on: command.on ?? !this.voice.on };
        break;
      case "settings":
      case "script":
        // Applied by the window (it re-measures, then calls setLayout and setOptions).
        break;
    }
    this.wake();
    this.report();
  }

  /** A report of the voice pipeline (about 21 a second while voice mode hears). */
  hear(activity: VoiceActivity): void {
    if (!this.voice.on) return;
    const was = this.voice.speaking;
    hear(this.voice, activity);
    if (was !== activity.speaking) this.report();
    this.wake();
  }

  /** Voice mode could not start (no microphone …): off, with the reason. */
  voiceFailed(problem: string): void {
    this.voice = { ...voiceFollow(), problem };
    this.report();
  }

  /** A new pace: the motion ramps to it. */
  private setPace(pace: number): void {
    this.options = { ...this.options, pace };
    this.m.speed = rateOf(pace, this.options.estimatePace);
  }

  /** At the end of the text, nothing left to read (and no glide on its way back). */
  private atEnd(): boolean {
    return this.m.position >= this.geometry.length - 0.5 && !this.m.glide;
  }

  private restart(): void {
    glideTo(this.m, 0, this.geometry.length);
    this.elapsed = 0;
    this.running = false;
  }

  private play(): void {
    if (this.countdownLeft !== null) return;
    if (this.options.countdownSeconds > 0) this.countdownLeft = this.options.countdownSeconds;
    else this.go();
  }

  private go(): void {
    this.countdownLeft = null;
    this.m.playing = true;
    this.running = true;
  }

  private pause(): void {
    this.countdownLeft = null;
    this.m.playing = false;
  }

  private finishRehearsal(): void {
    this.rehearsing = false;
    this.rehearsed(this.sectionSeconds);
  }

  private wake(): void {
    if (this.frameRequest === 0) {
      this.last = performance.now();
      this.frameRequest = requestAnimationFrame(this.frame);
    }
  }

  /** Stops the loop (the window is closing). */
  stop(): void {
    if (this.frameRequest !== 0) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
  }

  private lastReport = 0;

  private frame = (now: number): void => {
    const dt = Math.max(0, (now - this.last) / 1000);
    this.last = now;
    if (this.countdownLeft !== null) {
      this.countdownLeft -= dt;
      if (this.countdownLeft <= 0) this.go();
    }
    const moving = this.voice.on
      ? advanceByVoice(this.m, dt, this.geometry.timeline, this.voice, this.plan)
      : advance(this.m, dt, this.geometry.timeline);
    if (this.running) {
      this.elapsed += Math.min(dt, 0.25);
      if (this.rehearsing) {
        const section = sectionAt(this.geometry, this.m.position);
        this.sectionSeconds[section] = (this.sectionSeconds[section] ?? 0) + Math.min(dt, 0.25);
      }
    }
    this.draw();
    const atEnd = this.m.position >= this.geometry.length && !this.m.glide;
    if (atEnd && this.running && !this.options.stepMode) {
      this.running = false;
      if (this.rehearsing) this.finishRehearsal();
    }
    if (now - this.lastReport >= 250) this.report();
    const alive = moving || this.countdownLeft !== null || this.running;
    this.frameRequest = alive ? requestAnimationFrame(this.frame) : 0;
    if (!alive) this.report();
  };

  private report(): void {
    this.lastReport = performance.now();
    this.changed(this.snapshot());
  }

  /** Writes the frame: the transform, the progress bar, the emphasised sentence. */
  private drawn = "";

  private draw(): void {
    const g = this.geometry;
    const transform = trackTransform(this.m.position, this.eyeLine, this.vertical);
    if (transform === this.drawn) return;
    this.drawn = transform;
    this.view.track.style.transform = transform;
    if (this.view.progressBar) {
      this.view.progressBar.style.transform = `scaleX(${progress(g, this.m.position).toFixed(4)})`;
    }
    const current = sentenceAt(g.timeline, this.m.clock);
    if (current !== this.current) {
      this.sentences[this.current]?.classList.remove("current");
      this.sentences[current]?.classList.add("current");
      this.current = current;
    }
  }
}
