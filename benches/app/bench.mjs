// App benchmark (`make bench-app`, under Xvfb): start-up time to the editor's first paint and
// memory (PSS over all the app's processes) with a 10,000-character draft open. Prints figures;
// not a test. Drives the real window through tauri-driver (ui/e2e/webdriver.mjs).
//
//   PODIUM_APP  the binary (default target/debug/podium-desktop; set it to the release build)
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
import { join } from "node:path";
import {
  appPath,
  descendants,
  processName,
  rootDir,
  sleep,
  startDriver,
  waitFor,
} from "../../ui/e2e/webdriver.mjs";

const runs = Number(process.env.RUNS ?? 5);
const app = appPath();
const cli = process.env.PODIUM_CLI ?? join(rootDir, "target", "debug", "podium");
const home = mkdtempSync(join(tmpdir(), "podium-bench-"));

/** Wall-clock ms at which a process started. @param {number} pid */
function startedAt(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  const btime = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
  return btime * 1000 + ticks * 10; // CLK_TCK is 100 on Linux
}

/** PSS in kB of one process. @param {number} pid */
function pss(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    return Number(/^Pss:\s+(\d+) kB$/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
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

const driver = await startDriver({
  PODIUM_DB: db,
  XDG_CONFIG_HOME: join(home, "config"),
  XDG_DATA_HOME: join(home, "data"),
  XDG_CACHE_HOME: join(home, "cache"),
});
try {
  console.log(`app: ${app}`);
  console.log(`draft: ${[...body].length} characters`);
  const fcp = [];
  const editor = [];
  for (let run = 0; run < runs; run++) {
    const session = await driver.session(app);
    const pid = descendants(driver.pid).find((p) => processName(p) === "podium-desktop");
    if (!pid) throw new Error("podium-desktop not found among the driver's children");
    const start = startedAt(pid);
    await waitFor(
      () => session.execute("return document.querySelector('.cm-line') !== null"),
      "the editor",
    );
    const seen = Date.now();
    const painted = await waitFor(
      () =>
        session.execute(
          "const p = performance.getEntriesByName('first-contentful-paint')[0];" +
            "return p ? performance.timeOrigin + p.startTime : null",
        ),
      "first-contentful-paint",
    );
    fcp.push((painted - start) / 1000);
    editor.push((seen - start) / 1000);
    console.log(
      `run ${run + 1}: first-contentful-paint ${((painted - start) / 1000).toFixed(3)} s, ` +
        `editor seen by WebDriver ≤ ${((seen - start) / 1000).toFixed(3)} s`,
    );
    if (run === runs - 1) {
      // Memory with the draft open: the app and every process under it (WebKit's).
      await sleep(2_000);
      const pids = [pid, ...descendants(pid)];
      let total = 0;
      console.log("PSS with the 10,000-character draft open:");
      for (const p of pids) {
        const kb = pss(p);
        total += kb;
        console.log(
          `  ${String(p).padStart(7)} ${(processName(p) ?? "?").padEnd(22)} ${(kb / 1024).toFixed(1)} MB`,
        );
      }
      console.log(`  total PSS: ${(total / 1024).toFixed(1)} MB (target ≤ 350 MB)`);
    }
    await session.quit();
  }
  console.log(
    `start-up to first-contentful-paint, median of ${runs}: ${median(fcp).toFixed(3)} s ` +
      `(target ≤ 0.6 s); editor seen by WebDriver, median: ${median(editor).toFixed(3)} s`,
  );
} finally {
  await driver.stop();
  rmSync(home, { recursive: true, force: true });
}
