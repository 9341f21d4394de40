// App benchmark (`make bench-app`, under Xvfb): start-up time to the editor's first paint and
// memory (PSS over all the app's processes) with a 10,000-character draft open, and the
// keystroke: 200 keystrokes into a 20,000-character speech sent from the page as the editor
// sends them (`analyse_edits`, IPC both ways, the update applied), once the dictionary is
// ready; the whole text each time (`analyse`) beside it.
// Prints figures; not a test. Drives the real window through tauri-driver (ui/e2e/webdriver.mjs).
//
//   PODIUM_APP  the binary (default target/debug/podium-desktop; `make bench-app` passes the
//               release build)
//   PODIUM_EMPTY_APP  the floor, timed in turn with the app under the same load: the empty
//               window of src-tauri/examples/empty_window.rs (same tauri/wry/WebKitGTK, a
//               one-line page whose <p> is a `.cm-line`)
//   PODIUM_CLI  the `podium` CLI used to import the draft (default target/debug/podium)
//   PODIUM_INSTALLED_FONTS  a folder of BIZ UDPGothic as a system has it installed (one file a
//               weight: benches/app/installed_font.py): the app is also timed with it in the
//               fonts folder of its data home, where fontconfig finds it (as Windows 10 1809
//               and later have it), so its faces come from `local()` instead of the subsets
//   RUNS        start-ups to time (default 5)
//
// Start-up: process start (from /proc/<pid>/stat, clock ticks since boot + btime, 10 ms
// resolution) → first-contentful-paint of the page (performance.timeOrigin + the paint entry,
// wall clock). The draft is in the database, so the app opens it in the editor on start; the
// editor is shown at the app's mark `podium:editor-shown` (the first frame with its text in its
// typeface, Editor.svelte), and WebDriver's first sight of `.cm-line` is printed beside it.

import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import {
  appPath,
  descendants,
  linkBuiltDictionary,
  processName,
  rootDir,
  sleep,
  startDriver,
  waitFor,
} from "../../ui/e2e/webdriver.mjs";

const runs = Number(process.env.RUNS ?? 5);
const app = appPath();
const emptyApp = process.env.PODIUM_EMPTY_APP;
const installedFonts = process.env.PODIUM_INSTALLED_FONTS;
const cli = process.env.PODIUM_CLI ?? join(rootDir, "target", "debug", "podium");
const home = mkdtempSync(join(tmpdir(), "podium-bench-"));

/** Wall-clock ms at which a process started. @param {number} pid */
function startedAt(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  const btime = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
  return btime * 1000 + ticks * 10; // CLK_TCK is 100 on Linux
}

/**
 * Memory in kB of one process: PSS (shared pages divided among the processes that map them,
 * so it drops when other WebKit processes run on the machine) and private (USS: its own).
 * @param {number} pid
 */
function memoryOf(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const field = (name) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, "m").exec(rollup)?.[1] ?? 0);
    return { pss: field("Pss"), private: field("Private_Clean") + field("Private_Dirty") };
  } catch {
    return { pss: 0, private: 0 };
  }
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A 10,000-character draft (headings, paragraphs of Japanese), imported with the CLI.
const paragraph =
  "市民の皆さんとともに、安心して暮らせるまちをつくるため、私たちは一歩ずつ取り組みを進めてまいります。";
let body = "# 一万字の原稿\n";
for (let section = 1; [...body].length < 10_000; section++) {
  body += `\n## 第${section}の柱\n\n`;
  for (let i = 0; i < 4; i++) body += `${paragraph}\n\n`;
}
body = [...body].slice(0, 10_000).join("");
const file = join(home, "long.md");
writeFileSync(file, body);
const db = join(home, "bench.db");
execFileSync(cli, ["import", file, "--db", db], { stdio: "ignore" });

// As after the first start on a user's machine: the dictionary is built (the Rust tests' copy).
linkBuiltDictionary(join(home, "cache"));
const env = {
  PODIUM_DB: db,
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
  XDG_CACHE_HOME: join(home, "cache"),
};
const driver = await startDriver(env);
/** The same, with the typeface installed in the data home's fonts folder. */
let installedDriver = null;
if (installedFonts) {
  const fonts = join(home, "data-installed", "fonts");
  mkdirSync(fonts, { recursive: true });
  for (const font of readdirSync(installedFonts)) {
    copyFileSync(join(installedFonts, font), join(fonts, font));
  }
  installedDriver = await startDriver({ ...env, XDG_DATA_HOME: join(home, "data-installed") });
}
/**
 * One start-up of `binary` through `through` (a driver): times from process start, and the
 * PSS of its processes (the app and WebKit's) 2 s after the editor shows when `measureMemory`.
 * @param {typeof driver} through
 * @param {string} binary
 * @param {boolean} measureMemory
 */
async function startUp(through, binary, measureMemory) {
  const name = basename(binary).slice(0, 15); // /proc/<pid>/comm keeps 15 bytes
  const session = await through.session(binary);
  try {
    const pid = descendants(through.pid).find((p) => processName(p) === name);
    if (!pid) throw new Error(`${name} not found among the driver's children`);
    const start = startedAt(pid);
    await waitFor(
      () => session.execute("return document.querySelector('.cm-line') !== null"),
      "the editor",
    );
    const seen = Date.now();
    const [origin, painted] = await waitFor(
      () =>
        session.execute(
          "const p = performance.getEntriesByName('first-contentful-paint')[0];" +
            "return p ? [performance.timeOrigin, performance.timeOrigin + p.startTime] : null",
        ),
      "first-contentful-paint",
    );
    // The app marks the frame that shows the editor's text in its typeface (Editor.svelte);
    // the empty window's line is there at its first paint.
    const shown =
      binary === emptyApp
        ? painted
        : await waitFor(
            () =>
              session.execute(
                "const m = performance.getEntriesByName('podium:editor-shown')[0];" +
                  "return m ? performance.timeOrigin + m.startTime : null",
              ),
            "the editor's mark",
          );
    /** @type {{ name: string, pss: number, private: number }[]} */
    const memory = [];
    if (measureMemory) {
      await sleep(2_000);
      for (const p of [pid, ...descendants(pid)]) {
        memory.push({ name: processName(p) ?? "?", ...memoryOf(p) });
      }
    }
    return {
      fcp: (painted - start) / 1000,
      page: (origin - start) / 1000,
      editor: (seen - start) / 1000,
      shown: (shown - start) / 1000,
      memory,
    };
  } finally {
    await session.quit();
  }
}

// The speech of benches/japanese.rs: the address's sections repeated to 20,000 characters,
// each copy's paragraphs made different.
const address = readFileSync(join(rootDir, "tests", "data", "address.md"), "utf8");
const addressBody = address.slice(address.indexOf("\n## ") + 4);
let speech = "# 長い施政方針演説\n";
for (let copy = 1; [...speech].length < 20_000; copy++) {
  speech += "\n## ";
  for (const line of addressBody.replace(/\n$/, "").split("\n")) {
    if (line !== "" && !/^[#>\-|]/.test(line)) speech += `その${copy}、`;
    speech += `${line}\n`;
  }
}

/**
 * Keystrokes in the real window, as the editor sends them: the whole speech once (`analyse`),
 * then each keystroke as its edit (`analyse_edits`: one character typed into one sentence)
 * and the update applied to the analysis held in the page, as live-analysis.ts applies it.
 * Milliseconds per keystroke, the answer's size, and the old way (the whole text each time)
 * beside it.
 * @param {string} binary
 * @param {number} count
 */
async function keystrokes(binary, count) {
  const session = await driver.session(binary);
  const invoke = "window.__TAURI_INTERNALS__.invoke('analyse', { body: arguments[0] })";
  try {
    await waitFor(
      () =>
        session.executeAsync(
          `const done = arguments[arguments.length - 1];
           ${invoke}.then((a) => done(a.dictionary === "ready"), () => done(false));`,
          [speech],
        ),
      "the dictionary",
      120_000,
    );
    return await session.executeAsync(
      `const [speech, at, count] = arguments;
       const done = arguments[arguments.length - 1];
       const invoke = window.__TAURI_INTERNALS__.invoke;
       const spliced = (held, s, move) => [
         ...held.slice(0, s.start), ...s.inserted,
         ...held.slice(s.start + s.deleted).map((item) => move(item, s.by, s.lines)),
       ];
       (async () => {
         const edits = [];
         const whole = [];
         const floor = [];
         let editBytes = 0;
         let wholeBytes = 0;
         // The window's own editor analyses its draft as it opens: let it finish first.
         await new Promise((resolve) => setTimeout(resolve, 2000));
         let held = await invoke("analyse", { body: speech });
         for (let i = 0; i < count; i++) {
           const start = performance.now();
           const update = await invoke("analyse_edits", {
             version: held.version,
             edits: [{ from: at + i, to: at + i, insert: "あ" }],
           });
           const { findings, readings, ...figures } = update;
           held = {
             ...held,
             ...figures,
             findings: spliced(held.findings, findings, (f, by, lines) => ({
               ...f, from: f.from + by, to: f.to + by, line: f.line + lines,
             })),
             readings: spliced(held.readings, readings, (r, by) => ({
               ...r, from: r.from + by, to: r.to + by,
             })),
           };
           edits.push(performance.now() - start);
           editBytes = Math.max(editBytes, JSON.stringify(update).length);
         }
         // The old way, beside it: the whole text sent, the whole analysis back.
         for (let i = 0; i < Math.min(count, 60); i++) {
           const body = speech.slice(0, at) + "い".repeat(i + 1) + speech.slice(at);
           let start = performance.now();
           const analysis = await invoke("analyse", { body });
           whole.push(performance.now() - start);
           wholeBytes = JSON.stringify(analysis).length;
           // The IPC's floor: a command that does nothing with its argument's size.
           start = performance.now();
           await invoke("get_settings");
           floor.push(performance.now() - start);
         }
         return { edits, whole, floor, editBytes, wholeBytes };
       })().then(done, (error) => done(JSON.stringify(error)));`,
      [speech, speech.indexOf("職員の皆さん、"), count],
    );
  } finally {
    await session.quit();
  }
}

const apps = [{ label: "Podium", binary: app, through: driver }];
if (installedDriver) {
  apps.push({ label: "Podium, BIZ UDPGothic installed", binary: app, through: installedDriver });
}
if (emptyApp) apps.push({ label: "empty Tauri window", binary: emptyApp, through: driver });
const seconds = (value) => `${value.toFixed(3)} s`;
try {
  console.log(`draft: ${[...body].length} characters; ${runs} start-ups each, interleaved`);
  for (const { label, binary } of apps) console.log(`${label}: ${binary}`);
  /** @type {Map<string, Awaited<ReturnType<typeof startUp>>[]>} */
  const results = new Map(apps.map(({ label }) => [label, []]));
  for (let run = 0; run < runs; run++) {
    for (const { label, binary, through } of apps) {
      const result = await startUp(through, binary, run === runs - 1);
      results.get(label)?.push(result);
      console.log(
        `${label} run ${run + 1}: first-contentful-paint ${seconds(result.fcp)} ` +
          `(process → page ${seconds(result.page)}, page → paint ` +
          `${seconds(result.fcp - result.page)}), editor shown ${seconds(result.shown)} ` +
          `(seen by WebDriver ≤ ${seconds(result.editor)})`,
      );
    }
  }
  /** @type {Map<string, { fcp: number, shown: number, pss: number, private: number }>} */
  const summary = new Map();
  for (const { label } of apps) {
    const all = results.get(label) ?? [];
    const memory = all.at(-1)?.memory ?? [];
    const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;
    console.log(`${label}: memory with the 10,000-character draft open (PSS, private):`);
    for (const m of memory) console.log(`    ${m.name.padEnd(22)} ${mb(m.pss)}, ${mb(m.private)}`);
    const pssMb = memory.reduce((sum, m) => sum + m.pss, 0) / 1024;
    const privateMb = memory.reduce((sum, m) => sum + m.private, 0) / 1024;
    const fcp = median(all.map((r) => r.fcp));
    const shown = median(all.map((r) => r.shown));
    summary.set(label, { fcp, shown, pss: pssMb, private: privateMb });
    console.log(
      `${label}: start-up to first-contentful-paint, median ${seconds(fcp)} (target ≤ 0.6 s); ` +
        `editor shown, median ${seconds(shown)}; ` +
        `total PSS ${pssMb.toFixed(1)} MB (target ≤ 350 MB), private ${privateMb.toFixed(1)} MB`,
    );
  }
  const keys = await keystrokes(app, 200);
  if (typeof keys !== "object" || !Array.isArray(keys.edits))
    throw new Error(`keystrokes: ${JSON.stringify(keys)}`);
  /** @param {number[]} times */
  const spread = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`;
  };
  console.log(
    `Podium keystroke, ${[...speech].length} characters, ${keys.edits.length} keystrokes sent ` +
      `as edits (analyse_edits, the update applied; answer at most ` +
      `${(keys.editBytes / 1024).toFixed(1)} KiB of JSON): ${spread(keys.edits)} ` +
      `(target p95 ≤ 16 ms, max ≤ 50 ms)`,
  );
  console.log(
    `  the whole text each time instead (analyse, ${keys.whole.length} times, answer ` +
      `${(keys.wholeBytes / 1024).toFixed(0)} KiB): ${spread(keys.whole)}; get_settings ` +
      `beside it: ${spread(keys.floor)}`,
  );
  const floor = summary.get("empty Tauri window");
  for (const label of ["Podium", "Podium, BIZ UDPGothic installed"]) {
    const podium = summary.get(label);
    if (!podium || !floor) continue;
    console.log(
      `${label} over the empty window: +${seconds(podium.fcp - floor.fcp)} to first paint ` +
        `(target ≤ 0.1 s), +${seconds(podium.shown - floor.fcp)} to the editor shown over its ` +
        `first paint (target ≤ 0.2 s), ` +
        `+${(podium.pss - floor.pss).toFixed(1)} MB PSS (target ≤ 40 MB), ` +
        `+${(podium.private - floor.private).toFixed(1)} MB private`,
    );
  }
} finally {
  await driver.stop();
  await installedDriver?.stop();
  rmSync(home, { recursive: true, force: true });
}
