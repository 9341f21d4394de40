// Word (.docx): the export dialog saves the published text and the print dialog the reading
// script, each through the save dialog (answered by the test) into the chosen file, made and
// written by Rust from the draft's text (the page sends the text and the options, never the
// file's bytes). What is inside the documents is tested in Rust (tests/word.rs).

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

/**
 * A .docx: a zip holding the document's parts.
 * @param {string} path
 */
function assertWordDocument(path) {
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\x03\x04", path);
  for (const part of ["[Content_Types].xml", "word/document.xml", "word/footer1.xml"]) {
    assert.ok(bytes.includes(part), `${path}: ${part}`);
  }
}

for (const [language, texts] of /** @type {const} */ ([
  [
    "ja",
    {
      exportDialog: "書き出し",
      printDialog: "印刷（読み上げ原稿）",
      saved: "Word 文書を",
      script: "年頭挨拶（読み上げ原稿）.docx",
    },
  ],
  [
    "en",
    {
      exportDialog: "Export",
      printDialog: "Print (reading script)",
      saved: "Saved the Word document to",
      script: "年頭挨拶 (reading script).docx",
    },
  ],
])) {
  test(`Word documents from the export and print dialogs (${language})`, async () => {
    await session.reset({ drafts: [address] });
    const settings = await session.command("get_settings");
    await session.command("set_settings", { settings: { ...settings, language } });
    const published = join(session.files, "年頭挨拶.docx");
    const script = join(session.files, texts.script);
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.addInitScript((path) => {
      window.podiumTest = { exportPath: path };
    }, published);
    await page.goto(session.baseUrl);
    await page.locator(".cm-content .cm-line").first().waitFor();

    await page.keyboard.press("Control+e");
    const exporting = page.getByRole("dialog", { name: texts.exportDialog });
    await exporting.waitFor();
    await exporting.getByTestId("export-word").click();
    await exporting.getByRole("status").filter({ hasText: texts.saved }).waitFor();
    assertWordDocument(published);
    await page.screenshot({ path: screenshotPath(`word-export-dialog-${language}.png`) });

    await exporting.getByTestId("export-print").click();
    const printing = page.getByRole("dialog", { name: texts.printDialog });
    await printing.waitFor();
    await printing.getByTestId("print-vertical").check();
    await page.evaluate((path) => {
      if (window.podiumTest) window.podiumTest.exportPath = path;
    }, script);
    await printing.getByTestId("print-word").click();
    await printing.getByRole("status").filter({ hasText: texts.saved }).waitFor();
    assertWordDocument(script);
    await page.screenshot({ path: screenshotPath(`word-print-dialog-${language}.png`) });
    assert.deepEqual(problems, []);
    await page.close();
  });
}
