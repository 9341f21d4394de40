// 印刷: the reading script for the lectern, in Chromium with the app's CSP. Ctrl+P opens the
// print dialog; its preview is the core's print page (`print_document`) in a frame without a
// source, styled by constructed stylesheets (no CSP change, nothing runs in it) and laid out
// in numbered pages (print-pages.ts): ruby, each long section on a new page, paragraphs split
// between lines, no page overflowing, every character kept, 「n / N」 on each page; the notes
// and 縦書き options, the size; 印刷… calls the frame's print(). The frame's pages printed to
// PDF by Chromium are as many sheets of A4, and the core's page alone (`podium print`) has a
// page per section at least.

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
  if (!html.classList.contains("podium-paged")) return null;
  const pages = [...doc.querySelectorAll(".podium-page")];
  const vertical = html.classList.contains("podium-vertical");
  const texts = pages.map((page) => /** @type {HTMLElement} */ (page.firstElementChild));
  return {
    sandbox: frame?.getAttribute("sandbox"),
    src: frame?.hasAttribute("src") || frame?.hasAttribute("srcdoc"),
    scripts: doc.querySelectorAll("script, style").length,
    sheets: doc.adoptedStyleSheets.length,
    title: doc.querySelector("h1")?.textContent,
    ruby: [...doc.querySelectorAll("ruby rt")].map((rt) => rt.textContent),
    sections: doc.querySelectorAll(".podium-section:not(.podium-continued)").length,
    cues: doc.querySelectorAll(".podium-cue").length,
    notes: [...doc.querySelectorAll(".podium-note")].map((n) => n.textContent?.trim()),
    breaks: doc.querySelectorAll("p br").length,
    vertical,
    writingMode: getComputedStyle(texts[0]).writingMode,
    fontSize: getComputedStyle(html).fontSize,
    pages: pages.length,
    folios: pages.map((page) => page.querySelector(".podium-folio")?.textContent),
    // Pages that start with a section (its heading) rather than the one before going on.
    sectionStarts: texts.filter((text) =>
      text.firstElementChild?.matches(".podium-section:not(.podium-continued)"),
    ).length,
    splitParagraphs: doc.querySelectorAll("p.podium-continued").length,
    overflowing: texts.filter((text) =>
      vertical
        ? text.scrollWidth > text.clientWidth + 1
        : text.scrollHeight > text.clientHeight + 1,
    ).length,
    text: texts.map((text) => text.textContent).join(""),
  };
}

/** Scrolls the preview to the foot of page `n` (its number, and the next page's top). */
async function showPageFoot(/** @type {import("playwright-core").Page} */ page, n = 1) {
  await page.evaluate((index) => {
    const frame = /** @type {HTMLIFrameElement} */ (
      document.querySelector("[data-testid=print-preview]")
    );
    const foot = frame.contentDocument?.querySelectorAll(".podium-folio")[index - 1];
    foot?.scrollIntoView({ block: "center" });
  }, n);
}

/** The characters of an HTML page's body, without white space. */
const characters = (/** @type {string} */ text) => text.replace(/\s+/g, "");

/** The core's print page for the address, and its body's characters as the page reads them. */
async function printed(
  /** @type {import("playwright-core").Page} */ page,
  /** @type {{ sizePt: number, vertical: boolean, notes: boolean }} */ options,
  body = address,
) {
  const html = await session.command("print_document", { body, options });
  // (Without its <style>, which the app's CSP would report even in an inert document.)
  const markup = html.replace(/<style>[\s\S]*<\/style>/, "");
  const text = await page.evaluate(
    (body) => new DOMParser().parseFromString(body, "text/html").body.textContent ?? "",
    markup,
  );
  return characters(text);
}

/** The preview's pages are numbered 1 / N … N / N, none overflows, no character is lost. */
async function assertPaged(
  /** @type {import("playwright-core").Page} */ page,
  /** @type {NonNullable<ReturnType<typeof framed>>} */ shown,
  /** @type {{ sizePt: number, vertical: boolean, notes: boolean }} */ options,
  body = address,
) {
  assert.deepEqual(
    shown.folios,
    shown.folios.map((_, i) => `${i + 1} / ${shown.folios.length}`),
  );
  assert.equal(shown.overflowing, 0, "a page holds more than it shows");
  assert.equal(
    characters(shown.text),
    await printed(page, options, body),
    "the text, every character",
  );
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
  assert.equal(shown.sectionStarts, 5, "every section after the first starts a page");
  assert.ok(shown.pages >= 8, `${shown.pages} pages`);
  assert.ok(shown.splitParagraphs >= 1, "a paragraph goes on over a page");
  await assertPaged(page, shown, { sizePt: 22, vertical: false, notes: false });
  await dialog
    .getByTestId("print-pages")
    .filter({ hasText: `${shown.pages} ページ（下に「1 / ${shown.pages}」` })
    .waitFor();
  assert.equal(shown.cues, 6);
  assert.deepEqual(shown.notes, [], "notes are left out unless asked for");
  assert.equal(shown.breaks, 1, "the line break the writer typed");
  assert.equal(shown.writingMode, "horizontal-tb");
  assert.equal(shown.fontSize, "29.3333px", "22 pt");
  await page.screenshot({ path: screenshotPath("print-dialog.png") });
  await showPageFoot(page, 1);
  await page.screenshot({ path: screenshotPath("print-dialog-pages.png") });
  // The frame's pages, printed by Chromium (as WebView2 prints them): one sheet of A4 each.
  const standalone = await page.evaluate(() => {
    const frame = /** @type {HTMLIFrameElement} */ (
      document.querySelector("[data-testid=print-preview]")
    );
    const doc = /** @type {Document} */ (frame.contentDocument);
    const css = doc.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join("\n");
    const root = doc.documentElement;
    return `<!DOCTYPE html><html lang="ja" class="${root.className}"><head><style>${css}</style></head><body>${doc.body.innerHTML}</body></html>`;
  });
  const sheets = await session.browser.newPage();
  await sheets.setContent(standalone);
  await sheets.evaluate(() => document.fonts.ready);
  const pdf = (await sheets.pdf({ preferCSSPageSize: true })).toString("latin1");
  assert.equal(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, shown.pages, "sheets printed");
  await sheets.close();

  await dialog.getByTestId("print-notes").check();
  await page.waitForFunction(() =>
    document
      .querySelector("[data-testid=print-preview]")
      // @ts-expect-error
      ?.contentDocument?.querySelector(".podium-note"),
  );
  await page.waitForFunction(framed);
  shown = await page.evaluate(framed);
  assert.deepEqual(shown?.notes, ["ここで会場を見渡す。"]);
  assert.ok(shown);
  await assertPaged(page, shown, { sizePt: 22, vertical: false, notes: true });

  await dialog.getByTestId("print-vertical").check();
  await dialog.getByTestId("print-size").fill("30");
  await page.waitForFunction(() => {
    const frame = document.querySelector("[data-testid=print-preview]");
    // @ts-expect-error
    const html = frame?.contentDocument?.documentElement;
    return (
      html?.classList.contains("podium-vertical") &&
      html?.classList.contains("podium-paged") &&
      getComputedStyle(html).fontSize === "40px"
    );
  });
  shown = await page.evaluate(framed);
  assert.equal(shown?.writingMode, "vertical-rl");
  assert.ok(shown);
  await assertPaged(page, shown, { sizePt: 30, vertical: true, notes: true });
  await page.screenshot({ path: screenshotPath("print-dialog-vertical.png") });
  await showPageFoot(page, 1);
  await page.screenshot({ path: screenshotPath("print-dialog-vertical-pages.png") });

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
  // A closed <dialog> leaves the accessibility tree before its close event has run and the
  // app has dropped it: wait until it is gone from the page, or Ctrl+E may come in between.
  await page.waitForFunction(() => document.querySelector("dialog") === null);
  await page.keyboard.press("Control+e");
  await page.getByRole("dialog", { name: "書き出し" }).getByTestId("export-print").click();
  await dialog.waitFor();
  assert.deepEqual(problems, []);
});

test("a speech pasted one sentence a line, one paragraph longer than a page, goes on over pages", async () => {
  const pasted = readFileSync(
    join(
      import.meta.dirname,
      "..",
      "..",
      "tests",
      "data",
      "corpus",
      "speeches",
      "08-maibara-shigotohajime.txt",
    ),
    "utf8",
  );
  const page = await session.browser.newPage();
  await session.reset({ drafts: [pasted] });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(session.baseUrl);
  await page.locator(".cm-content .cm-line").first().waitFor();
  await page.keyboard.press("Control+p");
  await page.waitForFunction(framed);
  const shown = await page.evaluate(framed);
  assert.ok(shown);
  assert.ok(shown.pages >= 2, `${shown.pages} pages`);
  assert.ok(shown.splitParagraphs >= 1, "the paragraph goes on over a page");
  await assertPaged(page, shown, { sizePt: 22, vertical: false, notes: false }, pasted);
  await showPageFoot(page, 1);
  await page.screenshot({ path: screenshotPath("print-dialog-pasted.png") });
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
