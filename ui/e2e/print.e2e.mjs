// End to end: the reading script printed from the real WebKitGTK window, page numbers
// included. WebKitGTK prints no CSS margin boxes (how the core's page numbers itself for
// Chromium): the print frame lays the pages out itself (print-pages.ts). The address
// (tests/data/address.md) is opened with the app, as a double-click does.
//
// 1. Over WebDriver: Ctrl+P opens 印刷; the preview is in pages numbered 「1 / N」…, none
//    overflowing, the dialog says how many. Screenshot: e2e-print-preview.png.
// 2. Without WebDriver (a WebDriver session shows no print dialog): the app started alone,
//    keys and clicks from xdotool; 印刷… opens GTK's print dialog, whose only printer here is
//    "Print to File" (a PDF in the app's working folder). The PDF has N sheets of A4, each
//    with its number (read back with Ghostscript). Screenshots: e2e-print-{dialog,sheets}.png.
// Run with `make test-e2e`.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  appPath,
  linkBuiltDictionary,
  resultsDir,
  rootDir,
  screenshotScreen,
  sleep,
  startDriverInTempHome,
  waitFor,
} from "./webdriver.mjs";

const address = join(rootDir, "tests", "data", "address.md");

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;

before(async () => {
  isolated = await startDriverInTempHome("e2e-print");
});

after(async () => {
  await isolated?.stop();
});

/** The preview's pages, read in the main window. */
const PAGES = `const doc = document.querySelector("[data-testid=print-preview]")?.contentDocument;
if (!doc?.documentElement.classList.contains("podium-paged")) return null;
const texts = [...doc.querySelectorAll(".podium-page-text")];
return {
  folios: [...doc.querySelectorAll(".podium-folio")].map((f) => f.textContent),
  overflowing: texts.filter((t) => t.scrollHeight > t.clientHeight + 1).length,
  fitted: doc.documentElement.classList.contains("podium-sheet-fitted"),
};`;

/** xdotool on the test's X server. @param {string[]} args */
const xdotool = (args) =>
  execFileSync("xdotool", args, { encoding: "utf8", timeout: 20_000 }).trim();

/**
 * The first visible window of process `pid` whose name matches, or null. (By name alone, the
 * window of the test before, still closing, was found and gone by the next command.)
 * @param {number} pid
 * @param {string} name
 */
function windowNamed(pid, name) {
  try {
    const found = xdotool(["search", "--onlyvisible", "--pid", String(pid), "--name", name]);
    return found.split("\n")[0] || null;
  } catch {
    return null;
  }
}

/**
 * Removes the app's folder once nothing holds it: GTK's print dialog may have started the
 * document portal, which mounts a folder of the cache (`cache/doc`) for a moment after the app
 * is gone.
 * @param {string} folder
 */
async function removeWhenFree(folder) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      rmSync(folder, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      try {
        execFileSync("fusermount", ["-u", "-z", join(folder, "cache", "doc")], { stdio: "ignore" });
      } catch {
        // Not mounted, or no fusermount: wait for the portal to let go.
      }
      await sleep(500);
    }
  }
}

/** Pages in the preview, found by part 1 for part 2. */
let previewPages = 0;

test("the print preview is in numbered pages in the real window", async () => {
  const app = await isolated.driver.session(appPath(), [address]);
  try {
    await app.waitFor(".cm-content .cm-line");
    await app.execute(
      "window.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, bubbles: true }))",
    );
    await app.waitFor("[data-testid=print-preview]");
    /** @type {{ folios: string[], overflowing: number, fitted: boolean }} */
    const shown = await waitFor(() => app.execute(PAGES), "the preview in pages");
    previewPages = shown.folios.length;
    assert.ok(previewPages >= 8, `${previewPages} pages`);
    assert.deepEqual(
      shown.folios,
      shown.folios.map((_, i) => `${i + 1} / ${previewPages}`),
    );
    assert.equal(shown.overflowing, 0, "a page holds more than it shows");
    assert.equal(shown.fitted, true, "WebKitGTK prints no @page margin boxes");
    assert.equal(
      await app.textOf("[data-testid=print-pages]"),
      `${previewPages} ページ（下に「1 / ${previewPages}」のようにページ番号が入ります）`,
    );
    await app.execute(
      `document.querySelector("[data-testid=print-preview]").contentDocument
        .querySelector(".podium-folio").scrollIntoView({ block: "center" })`,
    );
    await sleep(300);
    await Promise.race([app.screenshot("e2e-print-preview.png"), sleep(10_000)]);
  } finally {
    await app.quit();
  }
});

test("printed through GTK's print dialog: one numbered sheet of A4 per page", async () => {
  assert.ok(previewPages > 0, "the preview's pages (the test before)");
  const home = mkdtempSync(join(tmpdir(), "podium-e2e-print-gtk-"));
  linkBuiltDictionary(join(home, "cache"));
  mkdirSync(join(home, "config"), { recursive: true });
  const app = spawn(appPath(), [address], {
    cwd: home,
    env: {
      ...process.env,
      PODIUM_SAMPLE: "0",
      PODIUM_DB: join(home, "e2e.db"),
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      XDG_CACHE_HOME: join(home, "cache"),
    },
    stdio: "ignore",
  });
  const pid = /** @type {number} */ (app.pid);
  try {
    const main = await waitFor(() => windowNamed(pid, "^Podium"), "the app's window", 30_000);
    xdotool(["windowsize", "--sync", main, "1200", "800"]);
    xdotool(["windowmove", "--sync", main, "0", "0"]);
    await sleep(4000);
    xdotool(["windowfocus", "--sync", main]);
    xdotool(["key", "ctrl+p"]);
    await sleep(4000);
    // 印刷… at the dialog's lower right (the dialog's layout at 1200×800).
    xdotool(["mousemove", "1049", "696", "click", "1"]);
    const dialog = await waitFor(() => windowNamed(pid, "^(Print|印刷)$"), "GTK's print dialog");
    await sleep(1000);
    xdotool(["windowfocus", "--sync", dialog]);
    xdotool(["key", "Down"]);
    await sleep(500);
    screenshotScreen("e2e-print-dialog.png");
    xdotool(["key", "Return"]);
    const printed = join(home, "output.pdf");
    const pdf = await waitFor(
      () => {
        if (!existsSync(printed)) return null;
        const bytes = readFileSync(printed, "latin1");
        return bytes.trimEnd().endsWith("%%EOF") ? bytes : null;
      },
      "the printed PDF",
      30_000,
    );
    const sheets = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    // The sheets' text, and the first two as an image.
    const text = execFileSync(
      "gs",
      ["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", "-sOutputFile=-", printed],
      { encoding: "utf8", timeout: 60_000 },
    );
    execFileSync("gs", [
      "-q",
      "-dNOPAUSE",
      "-dBATCH",
      "-sDEVICE=png16m",
      "-r40",
      "-dFirstPage=1",
      "-dLastPage=2",
      `-sOutputFile=${join(home, "sheet-%d.png")}`,
      printed,
    ]);
    execFileSync("convert", [
      join(home, "sheet-1.png"),
      join(home, "sheet-2.png"),
      "+append",
      join(resultsDir, "e2e-print-sheets.png"),
    ]);
    const folios = [...text.matchAll(/(\d+) \/ (\d+)/g)].map((m) => `${m[1]} / ${m[2]}`);
    console.log(
      `print e2e: ${previewPages} pages in the preview, ${sheets} sheets printed by WebKitGTK, numbered ${folios[0]} … ${folios.at(-1)}`,
    );
    assert.equal(sheets, previewPages, "one sheet per page");
    assert.ok(box, "a page size");
    assert.deepEqual([Math.round(Number(box[1])), Math.round(Number(box[2]))], [595, 842]);
    assert.deepEqual(
      folios,
      Array.from({ length: previewPages }, (_, i) => `${i + 1} / ${previewPages}`),
    );
  } finally {
    app.kill();
    await removeWhenFree(home);
  }
});
