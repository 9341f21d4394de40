// Prompter frame pacing (`make bench-prompter`, under Xvfb): a 60-second scroll of a
// 50,000-character script with an operator's speed changes, in headless Chromium (the built
// UI on its fake backend) and in the real app window (WebKitGTK, through tauri-driver). Prints
// figures; not a test.
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
//   54.0  ←                 a step back to the paragraph before
//   57.0  ↑                 faster once
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
// The floors (FLOORS=1, the default): the same instrumented loop doing nothing (a no-op
// requestAnimationFrame callback), for as long as the run, on a blank page in the same
// Chromium, and in the real app: in its main window (the library), and in the prompter window
// with the script laid out but still. What a floor shows over 25 or 50 ms is the platform's
// (Xvfb, WebKitGTK or Chromium, the machine's load), not Podium's work.
//
//   BENCH_SECONDS   run length (default 60)
//   PACE_MPM        the prompter's reading pace in 拍/分 (default 420, the estimate's own)
//   PACE_CPM        the same in 字/分, when the script is timed in characters (default 300)
//   WEBKIT_VARIANTS also run WebKitGTK with its compositing / DMA-BUF switches (default 1)
//   FLOORS          also run the no-op floors (default 1)
//   PODIUM_APP      the app binary (default target/debug/podium-desktop)
//   ONLY            chromium or webkit: run one of the two
//   VERBOSE         1: list every interval over 25 ms, not only those over 50 ms
//   TRACE_OUT       a file to write Chromium's trace events to (JSON)
//   TRACE_CATEGORIES  Chromium's trace categories (default devtools.timeline,blink.user_timing,v8)
//
// Figures (debug build, 60 s, 50,243 characters, 420 拍/分, this schedule; 2 shared CPUs):
// see docs/status.md (Issue 4 — prompter).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPath, sleep, startDriver, waitFor } from "../../ui/e2e/webdriver.mjs";
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
          target().dispatchEvent(new KeyboardEvent("keydown", {
            key, shiftKey, repeat, bubbles: true, cancelable: true,
          }));
        }, at * 1000 * scale + after);
      });
    }
  }
}`;

/** A requestAnimationFrame loop that does nothing (the floors). */
const NO_OP_LOOP = `(() => {
  const loop = () => { if (!window.__stopLoop) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`;

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
 *   sentence: number[], steps: [number, string][], t0: number, sync: number }} Bench
 * @typedef {{ name: string, ts: number, dur: number, tdur: number | undefined }} Slice
 */

/**
 * Prints the run's figures; `trace` (Chromium) explains each interval over 50 ms.
 * @param {string} name
 * @param {Bench} b
 * @param {{ cpu: number[], slices: Slice[], offset: number } | null} [trace]
 */
function summarise(name, b, trace = null) {
  const intervals = b.stamps.slice(1).map((t, i) => t - b.stamps[i]);
  const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  const over = (/** @type {number} */ ms) => intervals.filter((d) => d > ms);
  const worst = (/** @type {number[]} */ list) =>
    list.length > 0 ? ` (worst ${Math.max(...list).toFixed(1)} ms)` : "";
  const span = (b.stamps[b.stamps.length - 1] - b.stamps[0]) / 1000;
  const lines = [
    `${name}: ${b.stamps.length} frames in ${span.toFixed(1)} s (${(b.stamps.length / span).toFixed(1)} fps)`,
    `  rAF callback (wall)            ${spread(b.callbacks)}`,
    `  callback + its microtasks      ${spread(b.withMicrotasks)}`,
    `  frame's main-thread span       ${spread(b.spans.filter((s) => s > 0))}`,
  ];
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
      const blank = await session.browser.newPage();
      await blank.setContent("<!doctype html><title>floor</title><p>floor</p>");
      await blank.evaluate(`(${INSTRUMENT})(null, 1)`);
      await blank.evaluate(NO_OP_LOOP);
      await blank.waitForTimeout(seconds * 1000);
      summarise("Chromium floor: a blank page, a no-op rAF loop", await blank.evaluate("window.__bench"));
      await blank.close();
    }
    const page = await session.browser.newPage();
    await showInPrompter(page, body, { countdownSeconds: 0, ...paced });
    await page.goto(`${session.baseUrl}prompter.html?draft=1`);
    await page.getByTestId("hud").waitFor();
    await page.waitForFunction(() => document.querySelector(".paragraph") !== null);
    await page.waitForTimeout(1000);
    const chars = await page.evaluate(() => document.querySelector(".script")?.textContent?.length);
    /** @type {Bench | null} */
    let stats = null;
    const trace = await traced(page, async () => {
      await page.evaluate(`(${INSTRUMENT})(${JSON.stringify(SCHEDULE)}, ${seconds / 60})`);
      await page.waitForTimeout(seconds * 1000);
      stats = await page.evaluate("window.__bench");
    });
    if (!stats) throw new Error("no figures");
    summarise(`Chromium (headless, ${chars} characters, ${paceMpm} 拍/分, the schedule)`, stats, trace);
  } finally {
    await session.close();
  }
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
    if (withFloors) {
      await app.execute(`(${INSTRUMENT})(null, 1)`);
      await app.execute(NO_OP_LOOP);
      await sleep(seconds * 1000);
      summarise(`${name} floor: the main window, a no-op rAF loop`, await app.execute("return window.__bench"));
      await app.execute("window.__stopLoop = true");
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
      await app.execute(NO_OP_LOOP);
      await sleep(seconds * 1000);
      summarise(
        `${name} floor: the prompter window at rest, a no-op rAF loop`,
        await app.execute("return window.__bench"),
      );
      await app.execute("window.__stopLoop = true");
      await sleep(200);
    }
    await app.execute(`(${INSTRUMENT})(arguments[0], arguments[1])`, [SCHEDULE, seconds / 60]);
    await sleep(seconds * 1000);
    summarise(
      `${name} (${chars} characters, ${paceMpm} 拍/分 or ${paceCpm} 字/分, the schedule)`,
      await app.execute("return window.__bench"),
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
  await webkit("WebKitGTK (real window, Xvfb, the app's default: DMA-BUF renderer off)", {}, floors);
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
