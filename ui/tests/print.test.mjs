// 印刷: the reading script for the lectern, in Chromium with the app's CSP. Ctrl+P opens the
// print dialog; its preview is the core's print page (`print_document`) in a frame without a
// source, styled by a constructed stylesheet (no CSP change, nothing runs in it): ruby, a
// page break before each long section, the notes and 縦書き options, the size; 印刷… calls
// the frame's print(). The same page printed to PDF by Chromium has a page per section at
// least.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";

const address = readFileSync(
  join(import.meta.dirname, "..", "..", "tests", "data", "address.md"),
  "utf8",
);
const session = sessionPerFile();

/** What the print frame shows, read in the page. */
function framed() {
  const frame = /** @type {HTMLIFrameElement | null} */ (
    document.querySelector("[data-testid=print-preview]")
  );
  const doc = frame?.contentDocument;
  if (!doc?.body.firstChild) return null;
  const html = doc.documentElement;
  const newPage = doc.querySelector(".podium-new-page");
  return {
    sandbox: frame?.getAttribute("sandbox"),
    src: frame?.hasAttribute("src") || frame?.hasAttribute("srcdoc"),
    scripts: doc.querySelectorAll("script, style").length,
    sheets: doc.adoptedStyleSheets.length,
    title: doc.querySelector("h1")?.textContent,
    ruby: [...doc.querySelectorAll("ruby rt")].map((rt) => rt.textContent),
    sections: doc.querySelectorAll(".podium-section").length,
    newPages: doc.querySelectorAll(".podium-new-page").length,
    breakBefore: newPage ? getComputedStyle(newPage).breakBefore : null,
    cues: doc.querySelectorAll(".podium-cue").length,
    notes: [...doc.querySelectorAll(".podium-note")].map((n) => n.textContent?.trim()),
    breaks: doc.querySelectorAll("p br").length,
    vertical: html.classList.contains("podium-vertical"),
    writingMode: getComputedStyle(html).writingMode,
    fontSize: getComputedStyle(html).fontSize,
  };
}

test("Ctrl+P opens the reading script: ruby, sections on new pages, notes, 縦書き, size", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await session.reset({ drafts: [address] });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(session.baseUrl);
  await page.locator(".cm-content .cm-line").first().waitFor();

  await page.keyboard.press("Control+p");
  const dialog = page.getByRole("dialog", { name: "印刷（読み上げ原稿）" });
  await dialog.waitFor();
  await page.waitForFunction(framed);
  let shown = await page.evaluate(framed);
  assert.ok(shown);
  assert.equal(shown.sandbox, "allow-same-origin allow-modals");
  assert.equal(shown.src, false, "the frame is never navigated");
  assert.equal(shown.scripts, 0, "no script or style element: the stylesheet is constructed");
  assert.equal(shown.sheets, 2);
  assert.equal(shown.title, "令和9年 年頭挨拶");
  assert.deepEqual(shown.ruby, ["りさい", "いしずえ", "きっきん", "あんねい", "まいしん"]);
  assert.equal(shown.sections, 6);
  assert.equal(shown.newPages, 5, "every section after the first starts a page");
  assert.equal(shown.breakBefore, "page");
  assert.equal(shown.cues, 6);
  assert.deepEqual(shown.notes, [], "notes are left out unless asked for");
  assert.equal(shown.breaks, 1, "the line break the writer typed");
  assert.equal(shown.writingMode, "horizontal-tb");
  assert.equal(shown.fontSize, "29.3333px", "22 pt");
  await page.screenshot({ path: screenshotPath("print-dialog.png") });

  await dialog.getByTestId("print-notes").check();
  await page.waitForFunction(() =>
    document
      .querySelector("[data-testid=print-preview]")
      // @ts-expect-error
      ?.contentDocument?.querySelector(".podium-note"),
  );
  shown = await page.evaluate(framed);
  assert.deepEqual(shown?.notes, ["ここで会場を見渡す。"]);

  await dialog.getByTestId("print-vertical").check();
  await dialog.getByTestId("print-size").fill("30");
  await page.waitForFunction(() => {
    const frame = document.querySelector("[data-testid=print-preview]");
    // @ts-expect-error
    const html = frame?.contentDocument?.documentElement;
    return (
      html?.classList.contains("podium-vertical") && getComputedStyle(html).fontSize === "40px"
    );
  });
  shown = await page.evaluate(framed);
  assert.equal(shown?.writingMode, "vertical-rl");
  await page.screenshot({ path: screenshotPath("print-dialog-vertical.png") });

  // 印刷… opens the system's print dialog for the frame's page (stubbed here).
  await page.evaluate(() => {
    const frame = /** @type {HTMLIFrameElement} */ (
      document.querySelector("[data-testid=print-preview]")
    );
    // @ts-expect-error
    frame.contentWindow.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await dialog.getByTestId("print-now").click();
  assert.equal(await page.getAttribute("body", "data-printed"), "yes");

  // From the export dialog too.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await page.keyboard.press("Control+e");
  await page.getByRole("dialog", { name: "書き出し" }).getByTestId("export-print").click();
  await dialog.waitFor();
  assert.deepEqual(problems, []);
});

test("the print page printed to PDF by Chromium: a page per section at least, A4", async () => {
  const html = await session.command("print_document", {
    body: address,
    options: { sizePt: 22, vertical: false, notes: false },
  });
  const page = await session.browser.newPage();
  await page.setContent(html);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  assert.ok(pages >= 6, `${pages} pages`);
  const box = pdf.match(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/);
  assert.ok(box, "a page size");
  assert.deepEqual([Math.round(Number(box[1])), Math.round(Number(box[2]))], [595, 842]);
});
