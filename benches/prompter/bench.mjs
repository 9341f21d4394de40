// Prompter frame pacing (`make bench-prompter`, under Xvfb): a 60-second scroll of a
// 50,000-character script with an operator's speed changes, in headless Chromium (the built
// UI on its test backend: the test-only server of podium-app) and in the real app window
// (WebKitGTK, through tauri-driver). Prints figures; not a test.
//
// The schedule (seconds into the run; scaled to BENCH_SECONDS). Each step is a keydown
// dispatched in the page at its time by a timer of the page itself (the window's key handler,
// the path of a keyboard, clicker or pedal, without a WebDriver round trip during the run);
// "held" is a first keydown and key repeats (`repeat: true`) every 40 ms, as a held key sends:
//    0.0  Space             play (no countdown)
//    8.0  ↑ ↑ ↑             faster three times, 250 ms apart (5 % each; each one is kept in
//                           the prompter settings: `set_prompter_settings`)
//   15.0  ↓ ↓ ↓ ↓ ↓         slower five times, 250 ms apart
//   22.0  Space             pause (the text ramps down)
//   25.0  Space             resume (ramps up)
//   31.0  Shift+→           the next section (a glide of up to 0.9 s)
//   37.0  →                 a step to the next paragraph (a short glide)
//   41.0  ↑ held 1 s        faster on every repeat (26 steps)
//   48.0  ↓ held 1 s        slower on every repeat
//   51.0  operator: 380     the operator types a pace in the 「表示」 form: a `settings` command
//                           with the pace changed (in the app, emitted to the prompter window
//                           as the main window does; in Chromium, over the test backend's
//                           BroadcastChannel)
//   54.0  ←                 a step back to the paragraph before
//   57.0  ↑                 faster once (the HUD then shows 399: printed as a check)
//
// Measured from outside the engine: requestAnimationFrame is wrapped in the page before the
// run, recording each frame's timestamp, the callback's time (the engine's whole frame work,
// wall clock), the callback with the microtasks it queued (Svelte's update of the HUD after a
// report), and the frame's main-thread span: from the callback to a task posted from it (a
// MessageChannel message runs after the frame's style, layout and paint). Against a 60 Hz
// display, an interval of n × 16.7 ms counts n − 1 dropped frames; frames over 25 and over
// 50 ms are counted with the worst interval. Each interval over 50 ms is listed with what the
// page did around it (the schedule's step within 300 ms before it, the frame's callback and
// span, whether the emphasised sentence changed). The wall-clock figures include any time the
// renderer's thread was not running (this machine's two CPUs are shared), so in Chromium a
// trace also gives each callback's thread (CPU) time (`FireAnimationFrame`, tdur), and the
// main-thread events during each interval over 50 ms (style, layout, paint, GC, script).
//
// The floors (FLOORS=1, the default), each as long as the run, with the same instrumented
// rAF: what they show over 25 or 50 ms is the platform's (Xvfb, WebKitGTK or Chromium, the
// machine's load), not Podium's work.
//   idle     a no-op rAF loop (nothing changes): the scheduler's floor (Chromium: a blank page;
//            the real app: its main window)
//   motion   a bare rAF loop moving a small page of text at 100 px/s (100 paragraphs of one
//            sentence, 4,000 characters at 72 px; same pages): the floor of a whole window of
//            text moving every frame
//   content  in the prompter page, the script laid out, a bare rAF loop moving the track at
//            100 px/s with the engine paused: the script's own rendering, without the engine
//            (no clock, no class toggles, no reports, no HUD updates)
// In the real app each phase also gives the CPU time of the app's processes (the web
// process, the UI process, Xvfb; from /proc), per second of the phase, and how long each
// one's main thread waited for a CPU while ready to run (other processes had both): where
// rendering costs go, which the page cannot time, and how much the machine's load took.
//
//   BENCH_SECONDS   run length (default 60)
//   PACE_MPM        the prompter's reading pace in 拍/分 (default 420, the estimate's own)
//   PACE_CPM        the same in 字/分, when the script is timed in characters (default 300)
//   WEBKIT_VARIANTS also run WebKitGTK with its compositing / DMA-BUF switches (default 1)
//   FLOORS          also run the floors (default 1)
//   PODIUM_APP      the app binary (default target/debug/podium-desktop)
//   ONLY            chromium or webkit: run one of the two
//   VERBOSE         1: list every interval over 25 ms, not only those over 50 ms
//   TRACE_OUT       a file to write Chromium's trace events to (JSON)
//   TRACE_CATEGORIES  Chromium's trace categories (default devtools.timeline,blink.user_timing,v8)
//
// Figures (debug build, 60 s, 50,243 characters, 420 拍/分, this schedule; 2 shared CPUs):
// see docs/status.md (Issue 4 — prompter).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPath, descendants, sleep, startDriver, waitFor } from "../../ui/e2e/webdriver.mjs";
import { startBrowser } from "../../ui/tests/browser.mjs";
import { longSpeech, showInPrompter } from "../../ui/tests/prompter-fixtures.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const paceMpm = Number(process.env.PACE_MPM ?? 420);
const paceCpm = Number(process.env.PACE_CPM ?? 300);
const floors = (process.env.FLOORS ?? "1") !== "0";
const verbose = process.env.VERBOSE === "1";
const paced = { paceMpm, paceCpm };
const body = longSpeech(50_000);

/**
 * The operator's schedule: [seconds into a 60 s run, label, keys]. A key is
 * [key, shift, repeat].
 * @typedef {[string, boolean, boolean]} Key
 * @type {[number, string, Key[]][]}
 */
const SCHEDULE = (() => {
  /** @param {string} key @param {number} n @returns {Key[]} */
  const times = (key, n) => Array.from({ length: n }, () => [key, false, false]);
  /** @param {string} key @returns {Key[]} */
  const held = (key) => [
    [key, false, false],
    ...Array.from({ length: 25 }, () => /** @type {Key} */ ([key, false, true])),
  ];
  return [
    [0, "Space (play)", [[" ", false, false]]],
    [8, "↑ ×3", times("ArrowUp", 3)],
    [15, "↓ ×5", times("ArrowDown", 5)],
    [22, "Space (pause)", [[" ", false, false]]],
    [25, "Space (resume)", [[" ", false, false]]],
    [31, "Shift+→ (next section)", [["ArrowRight", true, false]]],
    [37, "→ (next paragraph)", [["ArrowRight", false, false]]],
    [41, "↑ held", held("ArrowUp")],
    [48, "↓ held", held("ArrowDown")],
    [51, "operator: pace 380 in the form", [["operator:380", false, false]]],
    [54, "← (previous paragraph)", [["ArrowLeft", false, false]]],
    [57, "↑", [["ArrowUp", false, false]]],
  ];
})();

/**
 * Wraps rAF (the engine's callbacks are timed from now on) and, with `schedule`, starts the
 * operator's schedule: `window.__bench` holds the figures.
 */
const INSTRUMENT = `(schedule, scale) => {
  window.__raf ??= window.requestAnimationFrame.bind(window);
  const original = window.__raf;
  window.__stopLoop = false;
  const bench = {
    stamps: [], callbacks: [], withMicrotasks: [], spans: [], sentence: [], steps: [],
    t0: performance.now(),
  };
  window.__bench = bench;
  const channel = new MessageChannel();
  let pending = [];
  channel.port1.onmessage = () => {
    const now = performance.now();
    for (const [index, start] of pending) bench.spans[index] = now - start;
    pending = [];
  };
  const emphasised = document.getElementsByClassName("current");
  let current = emphasised[0] ?? null;
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      const start = performance.now();
      callback(time);
      const index = bench.stamps.length;
      bench.callbacks.push(performance.now() - start);
      bench.stamps.push(time);
      bench.withMicrotasks.push(0);
      bench.spans.push(0);
      const now = emphasised[0] ?? null;
      bench.sentence.push(now !== current ? 1 : 0);
      current = now;
      queueMicrotask(() => { bench.withMicrotasks[index] = performance.now() - start; });
      pending.push([index, start]);
      channel.port2.postMessage(0);
    });
  performance.mark("bench-sync");
  bench.sync = performance.now();
  if (schedule) {
    const target = () => document.activeElement ?? document.body;
    for (const [at, label, keys] of schedule) {
      keys.forEach(([key, shiftKey, repeat], index) => {
        // Presses 250 ms apart; a held key repeats after 500 ms, every 40 ms.
        const after = index === 0 ? 0 : repeat ? 500 + (index - 1) * 40 : index * 250;
        setTimeout(() => {
          bench.steps.push([performance.now(), label]);
          if (key.startsWith("operator:")) return void window.__operator(Number(key.slice(9)));
          target().dispatchEvent(new KeyboardEvent("keydown", {
            key, shiftKey, repeat, bubbles: true, cancelable: true,
          }));
        }, at * 1000 * scale + after);
      });
    }
  }
}`;

/** The long script's sentence: the motion floor's page has 100 of them (4,000 characters). */
const SENTENCE = "市民の皆さんとともに、地域の未来を担う人材を育て、新しい市政を進めてまいります。";

/**
 * The operator's pace form, as the main window sends it: the prompter settings with the pace
 * changed, as a `settings` command. On the fake backend, over its BroadcastChannel (the
 * settings the prompter page stored: the first ↑ stores them all).
 */
const OPERATOR_TEST = `window.__operator = async (paceMpm) => {
  const answer = await fetch("http://ipc.localhost/get_prompter_settings", { method: "POST", body: "{}" });
  const settings = await answer.json();
  new BroadcastChannel("podium-test-prompter").postMessage({
    type: "command", payload: { action: "settings", settings: { ...settings, paceMpm } },
  });
}`;

/** The same in the app: the stored settings, emitted to the prompter window as a command. */
const OPERATOR_APP = `window.__operator = async (paceMpm) => {
  const invoke = window.__TAURI_INTERNALS__.invoke;
  const settings = await invoke("get_prompter_settings");
  await invoke("plugin:event|emit_to", {
    target: { kind: "AnyLabel", label: "prompter" },
    event: "prompter:command",
    payload: { action: "settings", settings: { ...settings, paceMpm } },
  });
}`;

/** The figures of a run, with the pace the HUD shows at its end. */
const FIGURES = `({ ...window.__bench, pace: document.querySelector("[data-testid=pace]")?.textContent })`;

/** A requestAnimationFrame loop that does nothing (the idle floor). */
const IDLE_LOOP = `(() => {
  const loop = () => { if (!window.__stopLoop) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`;

/**
 * A bare rAF loop moving an element at 100 px/s with a composited transform, as the engine
 * moves the track: the prompter's track (the content floor), or a full-window striped block
 * added for it (the motion floor).
 * @param {string | null} selector
 */
const MOVE_LOOP = (selector) => `(() => {
  let element = ${selector === null ? "null" : JSON.stringify(selector)};
  if (element === null) {
    element = document.createElement("div");
    element.style.cssText = "position: fixed; inset: 0 0 auto; z-index: 9; padding: 0 8vw;" +
      "font: 72px/1.6 'BIZ UDPGothic', sans-serif; color: #ccc; background: #000;" +
      "will-change: transform";
    for (let i = 0; i < 100; i += 1) {
      const p = document.createElement("p");
      p.textContent = ${JSON.stringify(SENTENCE)};
      element.append(p);
    }
    document.body.append(element);
  } else {
    element = document.querySelector(element);
    window.__restore = element.style.transform;
  }
  const start = performance.now();
  const loop = (now) => {
    if (window.__stopLoop) return;
    element.style.transform = "translate3d(0px, " + (-((now - start) / 10) % 1000).toFixed(3) + "px, 0px)";
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})()`;

/** Stops the content floor's loop: the track back where the engine left it. */
const STOP_CONTENT_LOOP = `window.__stopLoop = true;
  document.querySelector(".track").style.transform = window.__restore;`;

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const FRAME_MS = 1000 / 60;
const fmt = (/** @type {number} */ ms) => `${ms.toFixed(2)} ms`;

/** @param {number[]} values */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${fmt(percentile(sorted, 50))}, p99 ${fmt(percentile(sorted, 99))}, max ${fmt(sorted[sorted.length - 1] ?? 0)}`;
}

/**
 * @typedef {{ stamps: number[], callbacks: number[], withMicrotasks: number[], spans: number[],
 *   sentence: number[], steps: [number, string][], t0: number, sync: number, pace?: string }} Bench
 * @typedef {{ name: string, ts: number, dur: number, tdur: number | undefined }} Slice
 */

/**
 * Prints the run's figures; `trace` (Chromium) explains each interval over 50 ms.
 * @param {string} name
 * @param {Bench} b
 * @param {{ cpu: number[], slices: Slice[], offset: number } | null} [trace]
 * @param {string} [processes] the app's processes' CPU time during the phase
 */
function summarise(name, b, trace = null, processes = "") {
  const intervals = b.stamps.slice(1).map((t, i) => t - b.stamps[i]);
  const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  const over = (/** @type {number} */ ms) => intervals.filter((d) => d > ms);
  const worst = (/** @type {number[]} */ list) =>
    list.length > 0 ? ` (worst ${Math.max(...list).toFixed(1)} ms)` : "";
  const span = (b.stamps[b.stamps.length - 1] - b.stamps[0]) / 1000;
  const lines = [
    `${name}: ${b.stamps.length} frames in ${span.toFixed(1)} s (${(b.stamps.length / span).toFixed(1)} fps), load average ${load()}`,
    `  rAF callback (wall)            ${spread(b.callbacks)}`,
    `  callback + its microtasks      ${spread(b.withMicrotasks)}`,
    `  frame's main-thread span       ${spread(b.spans.filter((s) => s > 0))}`,
  ];
  if (b.pace) lines.push(`  the pace shown at the end: ${b.pace}`);
  if (processes) lines.push(`  CPU time a second: ${processes}`);
  if (trace && trace.cpu.length > 0) {
    lines.push(`  rAF callback (thread CPU, ${trace.cpu.length} traced) ${spread(trace.cpu)}`);
  }
  lines.push(
    `  dropped frames (60 Hz) ${((100 * dropped) / (intervals.length + dropped)).toFixed(2)} % (${dropped}); over 25 ms: ${over(25).length}${worst(over(25))}; over 50 ms: ${over(50).length}${worst(over(50))}`,
  );
  const limit = verbose ? 25 : 50;
  intervals.forEach((interval, i) => {
    if (interval <= limit) return;
    const at = b.stamps[i + 1];
    const step = b.steps.filter(([t]) => t <= at && t > at - interval - 300).at(-1);
    const parts = [
      `    ${((at - b.t0) / 1000).toFixed(2).padStart(6)} s: ${interval.toFixed(1)} ms`,
      `callback ${b.callbacks[i + 1].toFixed(1)}`,
      `+µtasks ${b.withMicrotasks[i + 1].toFixed(1)}`,
      `span before ${b.spans[i].toFixed(1)}`,
    ];
    if (b.sentence[i + 1] || b.sentence[i]) parts.push("sentence changed");
    if (step) parts.push(`after "${step[1]}" (${(at - step[0]).toFixed(0)} ms)`);
    if (trace) {
      // The renderer's main-thread work between the two frames, longest first.
      const from = (b.stamps[i] - b.sync) * 1000 + trace.offset;
      const to = (at - b.sync) * 1000 + trace.offset;
      const inside = trace.slices
        .filter((s) => s.ts < to && s.ts + s.dur > from && s.dur >= 1000)
        .sort((x, y) => y.dur - x.dur)
        .slice(0, 5)
        .map(
          (s) =>
            `${s.name} ${(s.dur / 1000).toFixed(1)}${s.tdur === undefined ? "" : `/${(s.tdur / 1000).toFixed(1)}cpu`}`,
        );
      parts.push(`trace: ${inside.length > 0 ? inside.join(", ") : "no main-thread work ≥ 1 ms"}`);
    }
    lines.push(parts.join(", "));
  });
  console.log(lines.join("\n"));
}

/** Main-thread events worth naming in a long frame (Chromium's devtools.timeline). */
const TRACED = new Set([
  "FireAnimationFrame",
  "FunctionCall",
  "EventDispatch",
  "TimerFire",
  "RunMicrotasks",
  "UpdateLayoutTree",
  "Layout",
  "PrePaint",
  "Paint",
  "Layerize",
  "UpdateLayer",
  "CompositeLayers",
  "Commit",
  "MinorGC",
  "MajorGC",
  "V8.GC_SCAVENGER",
  "BlinkGC.AtomicPauseMarkTransitiveClosure",
  "ParseHTML",
  "EvaluateScript",
  "HitTest",
]);

/**
 * Runs `body` with a trace of the page's renderer, then returns its callbacks' CPU times and
 * main-thread slices aligned to the page's clock (the `bench-sync` mark).
 * @param {import("playwright-core").Page} page
 * @param {() => Promise<void>} during
 */
async function traced(page, during) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {any[]} */
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", {
    categories: process.env.TRACE_CATEGORIES ?? "devtools.timeline,blink.user_timing,v8",
    transferMode: "ReportEvents",
  });
  await during();
  await cdp.send("Tracing.end");
  await done;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify(events));
  const sync = events.find((e) => e.name === "bench-sync");
  const animation = events.filter((e) => e.name === "FireAnimationFrame" && e.ph === "X");
  const main = animation[0]?.tid;
  /** @type {Slice[]} */
  const slices = events
    .filter((e) => e.tid === main && e.ph === "X" && TRACED.has(e.name))
    .map((e) => ({ name: e.name, ts: e.ts, dur: e.dur ?? 0, tdur: e.tdur }));
  return {
    cpu: animation.filter((e) => e.tdur !== undefined).map((e) => e.tdur / 1000),
    slices,
    offset: sync ? sync.ts : Number.NaN,
  };
}

async function chromium() {
  const session = await startBrowser();
  try {
    if (floors) {
      for (const [floor, loop] of [
        ["idle: a blank page, a no-op rAF loop", IDLE_LOOP],
        ["motion: a blank page, 4,000 characters moved at 100 px/s", MOVE_LOOP(null)],
      ]) {
        const blank = await session.browser.newPage();
        await blank.setContent("<!doctype html><title>floor</title><body style='margin: 0'>");
        await blank.evaluate(`(${INSTRUMENT})(null, 1)`);
        await blank.evaluate(loop);
        await blank.waitForTimeout(seconds * 1000);
        summarise(`Chromium floor, ${floor}`, await blank.evaluate("window.__bench"));
        await blank.close();
      }
    }
    await showInPrompter(session, body, { countdownSeconds: 0, ...paced });
    const page = await session.browser.newPage();
    await page.goto(`${session.baseUrl}prompter.html?draft=1`);
    await page.getByTestId("hud").waitFor();
    await page.waitForFunction(() => document.querySelector(".paragraph") !== null);
    await page.waitForTimeout(1000);
    const chars = await page.evaluate(() => document.querySelector(".script")?.textContent?.length);
    if (floors) {
      await page.evaluate(`(${INSTRUMENT})(null, 1)`);
      await page.evaluate(MOVE_LOOP(".track"));
      await page.waitForTimeout(seconds * 1000);
      summarise(
        "Chromium floor, content: the prompter's track moved at 100 px/s by a bare loop",
        await page.evaluate("window.__bench"),
      );
      await page.evaluate(STOP_CONTENT_LOOP);
      await page.waitForTimeout(1000);
    }
    /** @type {Bench | null} */
    let stats = null;
    await page.evaluate(OPERATOR_TEST);
    const trace = await traced(page, async () => {
      await page.evaluate(`(${INSTRUMENT})(${JSON.stringify(SCHEDULE)}, ${seconds / 60})`);
      await page.waitForTimeout(seconds * 1000);
      stats = await page.evaluate(FIGURES);
    });
    if (!stats) throw new Error("no figures");
    summarise(
      `Chromium (headless, ${chars} characters, ${paceMpm} 拍/分, the schedule)`,
      stats,
      trace,
    );
  } finally {
    await session.close();
  }
}

/** The X server this run draws on: the Xvfb that xvfb-run started beside this process. */
const xvfb = readdirSync("/proc")
  .filter((entry) => /^\d+$/.test(entry))
  .map(Number)
  .filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      return stat.includes("(Xvfb)") && ppid === process.ppid;
    } catch {
      return false;
    }
  });

/**
 * CPU seconds (user + system) of each process, by its name: the app's and Xvfb; and the
 * seconds its main thread was ready to run but waited for a CPU (the scheduler's run queue,
 * /proc/PID/schedstat: the other processes of this shared machine).
 * @param {number} root
 */
function cpuSeconds(root) {
  /** @type {Map<string, [number, number]>} */
  const by = new Map();
  for (const pid of [...descendants(root), ...xvfb]) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const waited = Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e9;
      by.set(`${name}:${pid}`, [ticks / 100, waited]);
    } catch {
      // gone meanwhile
    }
  }
  return by;
}

/**
 * Starts counting the CPU time of the app's processes; the function returned says how much
 * each used a second since (those over 1 %).
 * @param {number} root the driver's pid (the app runs below it)
 */
function processTime(root) {
  const before = cpuSeconds(root);
  const start = performance.now();
  return () => {
    const wall = (performance.now() - start) / 1000;
    return [...cpuSeconds(root)]
      .map(([name, [used, waited]]) => {
        const [used0, waited0] = before.get(name) ?? [used, waited];
        return /** @type {[string, number, number]} */ ([
          name,
          (used - used0) / wall,
          (waited - waited0) / wall,
        ]);
      })
      .filter(([, share]) => share >= 0.01)
      .sort((a, b) => b[1] - a[1])
      .map(
        ([name, share, waited]) =>
          `${name.replace(/:\d+$/, "")} ${(share * 1000).toFixed(0)} ms (main thread waited for a CPU ${(waited * 1000).toFixed(0)} ms)`,
      )
      .join(", ");
  };
}

const INVOKE = `const done = arguments[arguments.length - 1];
  window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
    .then((value) => done({ value }), (error) => done({ error }));`;

/**
 * @param {string} name
 * @param {Record<string, string>} env
 * @param {boolean} withFloors
 */
async function webkit(name, env, withFloors) {
  const home = mkdtempSync(join(tmpdir(), "podium-bench-prompter-"));
  const driver = await startDriver({
    // An empty library (no sample address), as the bench's first wait expects.
    PODIUM_SAMPLE: "0",
    PODIUM_DB: join(home, "bench.db"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_CACHE_HOME: join(home, "cache"),
    ...env,
  });
  const app = await driver.session(appPath());
  try {
    /** @param {string} command @param {Record<string, unknown>} args */
    const invoke = async (command, args) => {
      const { value, error } = await app.executeAsync(INVOKE, [command, args]);
      if (error) throw new Error(`${command}: ${JSON.stringify(error)}`);
      return value;
    };
    await app.waitFor("//li[contains(., '原稿はまだありません。')]");
    // The app builds its morphological dictionary in the background at start (this run's
    // cache folder is new): measuring meanwhile would time that, and the script would be
    // timed in characters.
    const started = performance.now();
    await waitFor(
      async () => (await invoke("analyse", { body: "あ" })).dictionary !== "preparing",
      "the dictionary",
      180_000,
    );
    console.log(
      `  (the app's dictionary was ready after ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (withFloors) {
      for (const [floor, loop] of [
        ["idle: the main window, a no-op rAF loop", IDLE_LOOP],
        ["motion: the main window, 4,000 characters moved at 100 px/s", MOVE_LOOP(null)],
      ]) {
        await app.execute(`(${INSTRUMENT})(null, 1)`);
        await app.execute(loop);
        const cpu = processTime(driver.pid);
        await sleep(seconds * 1000);
        summarise(
          `${name} floor, ${floor}`,
          await app.execute("return window.__bench"),
          null,
          cpu(),
        );
        // The loop's last frame must pass before the next phase's INSTRUMENT clears the flag.
        await app.execute("window.__stopLoop = true");
        await sleep(500);
      }
      await app.execute("location.reload()");
      await sleep(2000);
      await app.waitFor("//li[contains(., '原稿はまだありません。')]");
    }
    const draft = await invoke("create_draft", {
      values: { templateId: null, date: "2027-01-04", event: "", speaker: "", city: "" },
    });
    await invoke("save_draft", {
      id: draft.id,
      body,
      baseRevision: draft.revision,
      kind: { kind: "autosave" },
    });
    const settings = await invoke("get_prompter_settings", {});
    await invoke("set_prompter_settings", {
      settings: { ...settings, countdownSeconds: 0, ...paced },
    });
    const [main] = await app.windows();
    await invoke("open_prompter", { id: draft.id, display: null });
    const prompter = await waitFor(async () => {
      const handles = await app.windows();
      return handles.find((handle) => handle !== main);
    }, "the prompter window");
    await app.switchTo(prompter);
    await app.waitFor("[data-testid=hud]");
    await waitFor(
      () => app.execute("return document.querySelector('.track').style.transform !== ''"),
      "the first layout",
    );
    await sleep(1000);
    const chars = await app.execute("return document.querySelector('.script').textContent.length");
    if (withFloors) {
      await app.execute(`(${INSTRUMENT})(null, 1)`);
      await app.execute(MOVE_LOOP(".track"));
      const cpu = processTime(driver.pid);
      await sleep(seconds * 1000);
      summarise(
        `${name} floor, content: the prompter's track moved at 100 px/s by a bare loop`,
        await app.execute("return window.__bench"),
        null,
        cpu(),
      );
      await app.execute(STOP_CONTENT_LOOP);
      await sleep(1000);
    }
    await app.execute(OPERATOR_APP);
    await app.execute(`(${INSTRUMENT})(arguments[0], arguments[1])`, [SCHEDULE, seconds / 60]);
    const cpu = processTime(driver.pid);
    await sleep(seconds * 1000);
    summarise(
      `${name} (${chars} characters, ${paceMpm} 拍/分 or ${paceCpm} 字/分, the schedule)`,
      await app.execute(`return ${FIGURES}`),
      null,
      cpu(),
    );
  } finally {
    await app.quit().catch(() => {});
    await driver.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The machine's load: the figures depend on it (the runs share the CPU with everything else). */
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

console.log(`load average before: ${load()}`);
const only = process.env.ONLY;
if (only !== "webkit") await chromium();
if (only !== "chromium") {
  console.log(`load average: ${load()}`);
  // The app turns WebKitGTK's DMA-BUF renderer off (src-tauri/src/webview.rs); the variants
  // show WebKitGTK's own default and its non-composited mode.
  await webkit(
    "WebKitGTK (real window, Xvfb, the app's default: DMA-BUF renderer off)",
    {},
    floors,
  );
  if ((process.env.WEBKIT_VARIANTS ?? "1") !== "0") {
    await webkit(
      "WebKitGTK, WEBKIT_DISABLE_DMABUF_RENDERER=0 (WebKitGTK's default)",
      { WEBKIT_DISABLE_DMABUF_RENDERER: "0" },
      false,
    );
    await webkit(
      "WebKitGTK, WEBKIT_DISABLE_COMPOSITING_MODE=1",
      { WEBKIT_DISABLE_COMPOSITING_MODE: "1" },
      false,
    );
  }
}
console.log(`load average after: ${load()}`);
