// The prompter's scroll engine: owns the position. One requestAnimationFrame loop advances the
// motion by the time since the last frame and writes one composited transform; it does no
// layout and changes no style except the class of the emphasised sentence when the eye line
// reaches the next one. It sleeps when nothing moves.

import type { PrompterCommand, PrompterReport } from "./protocol";
import {
  advance,
  clampSpeed,
  destination,
  type Geometry,
  glideTo,
  lag,
  lastAtOrBefore,
  locate,
  type Motion,
  motion,
  nextParagraph,
  nextSection,
  nextSpeed,
  nudge,
  previousParagraph,
  previousSection,
  progress,
  remainingAt,
  sectionAt,
  sectionStart,
  type TextPoint,
  trackTransform,
} from "./scroll";

export interface EngineView {
  track: HTMLElement;
  /** Scaled along its length to show progress (a transform, not a width). */
  progressBar: HTMLElement | null;
}

/** The engine's state: what the prompter reports, and the scroll position in pixels. */
export type EngineSnapshot = Omit<PrompterReport, "draftId" | "rehearsalsSaved" | "at"> & {
  position: number;
};

export interface EngineOptions {
  speedPx: number;
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
  private geometry: Geometry = { blocks: [], sections: [], sentences: [], length: 0 };
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
  private options: EngineOptions;

  constructor(
    private view: EngineView,
    options: EngineOptions,
    /** Called after every command and a few times a second while anything runs. */
    private changed: (snapshot: EngineSnapshot) => void,
    /** A rehearsal that reached its end, or was finished: seconds per section. */
    private rehearsed: (sectionSeconds: number[]) => void,
  ) {
    this.options = options;
    this.m = motion(options.speedPx);
  }

  /** New measurements (the position keeps its place in the text). */
  setLayout(
    geometry: Geometry,
    sentences: HTMLElement[],
    eyeLine: number,
    vertical: boolean,
    keep: TextPoint | null,
  ): void {
    const point = keep ?? (this.geometry.blocks.length > 0 ? this.point() : null);
    this.geometry = geometry;
    this.sentences = sentences;
    this.eyeLine = eyeLine;
    this.vertical = vertical;
    this.current = -1;
    this.drawn = "";
    if (point) {
      const b = geometry.blocks[point.block];
      this.m.position = b ? b.start + (b.end - b.start) * point.fraction : 0;
    }
    this.m.glide = null;
    this.draw();
    this.report();
  }

  setOptions(options: EngineOptions): void {
    this.options = options;
    this.m.speed = clampSpeed(options.speedPx);
    this.report();
  }

  point(): TextPoint {
    return locate(this.geometry, this.m.position);
  }

  snapshot(): EngineSnapshot {
    const g = this.geometry;
    const position = this.m.position;
    return {
      point: this.point(),
      position,
      playing: this.m.playing,
      speedPx: this.m.speed,
      stepMode: this.options.stepMode,
      section: sectionAt(g, position),
      elapsed: this.elapsed,
      remaining: remainingAt(g, position, this.options.estimateSeconds),
      lag: lag(g, position, this.elapsed, this.options.estimateSeconds, this.options.targetSeconds),
      progress: progress(g, position),
      countdown: this.countdownLeft === null ? null : Math.ceil(this.countdownLeft),
      blank: this.blank,
      rehearsing: this.rehearsing,
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
        else this.play();
        break;
      case "pause":
        this.pause();
        break;
      case "start":
        if (this.options.stepMode) this.running = true;
        else if (!m.playing) this.play();
        break;
      case "stop":
        this.pause();
        this.running = false;
        if (this.rehearsing) this.finishRehearsal();
        break;
      case "faster":
      case "slower":
        m.speed = nextSpeed(m.speed, command.action === "faster" ? 1 : -1);
        this.options = { ...this.options, speedPx: m.speed };
        break;
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
        glideTo(m, 0, g.length);
        this.elapsed = 0;
        this.running = false;
        break;
      case "blank":
        this.blank = !this.blank;
        if (this.blank) this.pause();
        break;
      case "nudge":
        nudge(m, command.by, g.length);
        break;
      case "rehearse":
        if (command.on) {
          this.rehearsing = true;
          this.sectionSeconds = new Array(this.options.sectionCount).fill(0);
        } else if (this.rehearsing) this.finishRehearsal();
        break;
      case "settings":
        // Applied by the window (it re-measures, then calls setLayout and setOptions).
        break;
    }
    this.wake();
    this.report();
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
    const moving = advance(this.m, dt, this.geometry.length);
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
    const current = lastAtOrBefore(g.sentences.length, (i) => g.sentences[i], this.m.position);
    if (current !== this.current) {
      this.sentences[this.current]?.classList.remove("current");
      this.sentences[current]?.classList.add("current");
      this.current = current;
    }
  }
}
