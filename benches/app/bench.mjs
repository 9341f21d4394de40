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
//   RUNS        start-ups to time (default 5)
//
// Start-up: process start (from /proc/<pid>/stat, clock ticks since boot + btime, 10 ms
// resolution) → first-contentful-paint of the page (performance.timeOrigin + the paint entry,
// wall clock). The draft is in the database, so the app opens it in the editor on start; the
// editor's own paint is bounded from above by the first time WebDriver sees `.cm-line` drawn.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const driver = await startDriver({
  PODIUM_DB: db,
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
  XDG_CACHE_HOME: join(home, "cache"),
});
/**
 * One start-up of `binary`: times from process start, and the PSS of its processes (the app
 * and WebKit's) 2 s after the editor shows when `measureMemory`.
 * @param {string} binary
 * @param {boolean} measureMemory
 */
async function startUp(binary, measureMemory) {
  const name = basename(binary).slice(0, 15); // /proc/<pid>/comm keeps 15 bytes
  const session = await driver.session(binary);
  try {
    const pid = descendants(driver.pid).find((p) => processName(p) === name);
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

const apps = [{ label: "Podium", binary: app }];
if (emptyApp) apps.push({ label: "empty Tauri window", binary: emptyApp });
const seconds = (value) => `${value.toFixed(3)} s`;
try {
  console.log(`draft: ${[...body].length} characters; ${runs} start-ups each, interleaved`);
  for (const { label, binary } of apps) console.log(`${label}: ${binary}`);
  /** @type {Map<string, Awaited<ReturnType<typeof startUp>>[]>} */
  const results = new Map(apps.map(({ label }) => [label, []]));
  for (let run = 0; run < runs; run++) {
    for (const { label, binary } of apps) {
      const result = await startUp(binary, run === runs - 1);
      results.get(label)?.push(result);
      console.log(
        `${label} run ${run + 1}: first-contentful-paint ${seconds(result.fcp)} ` +
          `(process → page ${seconds(result.page)}, page → paint ` +
          `${seconds(result.fcp - result.page)}), editor seen by WebDriver ≤ ${seconds(result.editor)}`,
      );
    }
  }
  /** @type {Map<string, { fcp: number, pss: number, private: number }>} */
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
    summary.set(label, { fcp, pss: pssMb, private: privateMb });
    console.log(
      `${label}: start-up to first-contentful-paint, median ${seconds(fcp)} (target ≤ 0.6 s); ` +
        `editor seen by WebDriver, median ${seconds(median(all.map((r) => r.editor)))}; ` +
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
  const podium = summary.get("Podium");
  const floor = summary.get("empty Tauri window");
  if (podium && floor) {
    console.log(
      `Podium over the empty window: +${seconds(podium.fcp - floor.fcp)} to first paint, ` +
        `+${(podium.pss - floor.pss).toFixed(1)} MB PSS, ` +
        `+${(podium.private - floor.private).toFixed(1)} MB private`,
    );
  }
} finally {
  await driver.stop();
  rmSync(home, { recursive: true, force: true });
}
