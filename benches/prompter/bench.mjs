// Prompter frame pacing (`make bench-prompter`, under Xvfb): a 60-second scroll of a
// 50,000-character script, in headless Chromium (the built UI on its test backend) and in the
// real app window (WebKitGTK, through tauri-driver). Prints figures; not a test.
//
// Measured from outside the engine: requestAnimationFrame is wrapped in the page before the
// scroll starts, timing each callback (the engine's whole frame work, wall clock) and recording
// each frame's timestamp. Against a 60 Hz display, an interval of n × 16.7 ms counts n − 1
// dropped frames; a long frame is an interval over 25 ms. The wall-clock callback time includes
// any time the renderer's thread was not running (this machine's two CPUs are shared), so in
// Chromium a trace also gives each callback's thread (CPU) time (`FireAnimationFrame`, tdur).
//
//   BENCH_SECONDS   scroll length (default 60)
//   PACE_MPM        the prompter's reading pace in 拍/分 (default 420, the estimate's own)
//   PACE_CPM        the same in 字/分, when the script is timed in characters (default 300)
//   WEBKIT_VARIANTS also run WebKitGTK with its compositing / DMA-BUF switches (default 1)
//   PODIUM_APP      the app binary (default target/debug/podium-desktop)
//   ONLY            chromium or webkit: run one of the two

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appPath, sleep, startDriver, waitFor } from "../../ui/e2e/webdriver.mjs";
import { startBrowser } from "../../ui/tests/browser.mjs";
import { longSpeech, showInPrompter } from "../../ui/tests/prompter-fixtures.mjs";

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const paceMpm = Number(process.env.PACE_MPM ?? 420);
const paceCpm = Number(process.env.PACE_CPM ?? 300);
const paced = { paceMpm, paceCpm };
const body = longSpeech(50_000);

/** Wraps rAF: the engine's callbacks are timed from now on. */
const INSTRUMENT = `(() => {
  const original = window.requestAnimationFrame.bind(window);
  const stats = { callbacks: [], stamps: [] };
  window.__frames = stats;
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      const start = performance.now();
      callback(time);
      stats.callbacks.push(performance.now() - start);
      stats.stamps.push(time);
    });
})()`;

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const FRAME_MS = 1000 / 60;

/**
 * @param {string} name
 * @param {{ callbacks: number[], stamps: number[] }} stats
 * @param {number[]} [cpu] thread time of each callback, ms (Chromium's trace)
 */
function summarise(name, stats, cpu = []) {
  const callbacks = [...stats.callbacks].sort((a, b) => a - b);
  const intervals = stats.stamps.slice(1).map((t, i) => t - stats.stamps[i]);
  const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  const long = intervals.filter((d) => d > 25).length;
  const worst = Math.max(...intervals);
  const span = (stats.stamps[stats.stamps.length - 1] - stats.stamps[0]) / 1000;
  const fmt = (/** @type {number} */ ms) => `${ms.toFixed(3)} ms`;
  const lines = [
    `${name}: ${stats.stamps.length} frames in ${span.toFixed(1)} s (${(stats.stamps.length / span).toFixed(1)} fps)`,
    `  rAF callback (wall) p50 ${fmt(percentile(callbacks, 50))}, p99 ${fmt(percentile(callbacks, 99))}, max ${fmt(callbacks[callbacks.length - 1] ?? 0)}`,
  ];
  if (cpu.length > 0) {
    const sorted = [...cpu].sort((a, b) => a - b);
    lines.push(
      `  rAF callback (thread CPU, ${cpu.length} traced) p50 ${fmt(percentile(sorted, 50))}, p99 ${fmt(percentile(sorted, 99))}, max ${fmt(sorted[sorted.length - 1])}`,
    );
  }
  lines.push(
    `  dropped frames (60 Hz) ${((100 * dropped) / (intervals.length + dropped)).toFixed(2)} % (${dropped}), long frames (> 25 ms) ${long}, longest ${worst.toFixed(1)} ms`,
  );
  console.log(lines.join("\n"));
}

async function chromium() {
  const session = await startBrowser();
  try {
    await showInPrompter(session, body, { countdownSeconds: 0, ...paced });
    const page = await session.browser.newPage();
    await page.goto(`${session.baseUrl}prompter.html?draft=1`);
    await page.getByTestId("hud").waitFor();
    await page.waitForFunction(() => document.querySelector(".paragraph") !== null);
    await page.waitForTimeout(1000);
    const chars = await page.evaluate(() => document.querySelector(".script")?.textContent?.length);
    await page.evaluate(INSTRUMENT);
    const cdp = await page.context().newCDPSession(page);
    /** @type {any[]} */
    const events = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
    const traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline",
      transferMode: "ReportEvents",
    });
    await page.keyboard.press("Space");
    await page.waitForTimeout(seconds * 1000);
    const stats = await page.evaluate("window.__frames");
    await cdp.send("Tracing.end");
    await traced;
    const cpu = events
      .filter((e) => e.name === "FireAnimationFrame" && e.ph === "X" && e.tdur !== undefined)
      .map((e) => e.tdur / 1000);
    summarise(`Chromium (headless, ${chars} characters, ${paceMpm} 拍/分)`, stats, cpu);
  } finally {
    await session.close();
  }
}

const INVOKE = `const done = arguments[arguments.length - 1];
  window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
    .then((value) => done({ value }), (error) => done({ error }));`;

/** @param {string} name @param {Record<string, string>} env */
async function webkit(name, env) {
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
    await app.execute(INSTRUMENT);
    await app.press(["\uE00D"]);
    await sleep(seconds * 1000);
    summarise(
      `${name} (${chars} characters, ${paceMpm} 拍/分 or ${paceCpm} 字/分)`,
      await app.execute("return window.__frames"),
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
if (only === "chromium") process.exit(0);
// The app turns WebKitGTK's DMA-BUF renderer off (src-tauri/src/webview.rs); the variants show
// WebKitGTK's own default and its non-composited mode.
await webkit("WebKitGTK (real window, Xvfb, the app's default: DMA-BUF renderer off)", {});
if ((process.env.WEBKIT_VARIANTS ?? "1") !== "0") {
  await webkit("WebKitGTK, WEBKIT_DISABLE_DMABUF_RENDERER=0 (WebKitGTK's default)", {
    WEBKIT_DISABLE_DMABUF_RENDERER: "0",
  });
  await webkit("WebKitGTK, WEBKIT_DISABLE_COMPOSITING_MODE=1", {
    WEBKIT_DISABLE_COMPOSITING_MODE: "1",
  });
}
console.log(`load average after: ${load()}`);
