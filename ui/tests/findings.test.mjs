// Findings a writer can act on, in the main window on the test backend (the real application
// layer and store): a finding dismissed is gone and listed as checked (after a reload too),
// an edit of its passage brings it back, a rule is turned off for this draft and on again,
// and the line a finding names is the editor's line number beside its text.

import assert from "node:assert/strict";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile } from "./browser.mjs";

const session = sessionPerFile();

const PASSAGE = "この一文は、読点が、とても、多くて、読みにくい、文です。";
const TEXT = `# 年頭のごあいさつ

## はじめに

皆さん、明けましておめでとうございます。

${PASSAGE}
`;

/**
 * A page on draft 1 at this size and language, the analysis shown.
 * @param {"ja" | "en"} [language]
 */
async function openPage(width = 1280, height = 800, language = /** @type {"ja" | "en"} */ ("ja")) {
  const opened = await openMainWindow(session, { width, height, language });
  await opened.page.getByTestId("findings-heading").waitFor();
  return opened;
}

/** @param {import("playwright-core").Page} page */
const commas = (page) => page.locator(".findings li").filter({ hasText: "読点が多すぎます" });

test("dismissed, checked, revived by an edit; a rule off for the draft and on again", async () => {
  await session.reset({ drafts: [TEXT] });
  const { page, problems } = await openPage();
  const finding = commas(page);
  await finding.waitFor();

  // The line the finding names is the number beside its text in the editor.
  const named = (await finding.locator(".line").textContent())?.trim();
  assert.equal(named, "7行");
  const line = page.locator(".cm-line").filter({ hasText: "読点が、とても" });
  const lineBox = await line.boundingBox();
  const numbers = page.locator(".cm-lineNumbers .cm-gutterElement");
  const beside = await numbers.evaluateAll(
    (elements, top) =>
      elements
        .filter((e) => Math.abs(e.getBoundingClientRect().top - top) < 2)
        .map((e) => e.textContent),
    lineBox?.y ?? -1,
  );
  assert.deepEqual(beside, ["7"]);

  // Dismissed: gone from the list, counted as checked; still so after a reload.
  await finding.getByRole("button", { name: "確認済みにする" }).click();
  await finding.waitFor({ state: "detached" });
  const checked = page.getByTestId("checked-findings");
  await checked.filter({ hasText: "確認済み 1件" }).waitFor();
  await page.screenshot({ path: screenshotPath("findings-checked-ja-1280x800.png") });
  await page.reload();
  await page.getByTestId("checked-findings").filter({ hasText: "確認済み 1件" }).waitFor();
  assert.equal(await commas(page).count(), 0);

  // Its passage edited: back, and no longer checked.
  await page.locator(".cm-line").filter({ hasText: "読みにくい" }).click();
  await page.keyboard.press("End");
  await page.keyboard.type("本当に。");
  await commas(page).waitFor();
  await page.getByTestId("checked-findings").waitFor({ state: "detached" });

  // Undone from the checked list: dismissed, then 指摘に戻す.
  await commas(page).getByRole("button", { name: "確認済みにする" }).click();
  await page.getByTestId("checked-findings").locator("summary").click();
  await page.getByRole("button", { name: "指摘に戻す" }).click();
  await commas(page).waitFor();
  await page.getByTestId("checked-findings").waitFor({ state: "detached" });

  // Off for this draft, listed, and on again.
  await commas(page).getByRole("button", { name: "この原稿ではこの規則を使わない" }).click();
  const off = page.getByTestId("draft-rules-off");
  await off.filter({ hasText: "読点の数" }).waitFor();
  assert.equal(await commas(page).count(), 0);
  await off.getByRole("button", { name: "使う" }).click();
  await commas(page).waitFor();
  await off.waitFor({ state: "detached" });
  await page.close();
  assert.deepEqual(problems, []);
});

for (const language of /** @type {const} */ (["ja", "en"])) {
  for (const [width, height] of [
    [1024, 700],
    [1920, 1080],
  ]) {
    test(`${language} ${width}×${height}: the line numbers and the checked findings`, async () => {
      await session.reset({ drafts: [TEXT] });
      const { page, problems } = await openPage(width, height, language);
      const finding = commas(page);
      await finding.waitFor();
      const dismiss = language === "ja" ? "確認済みにする" : "Mark as checked";
      await finding.getByRole("button", { name: dismiss }).click();
      await page.getByTestId("checked-findings").locator("summary").click();
      await page.getByTestId("checked-findings").locator("li").waitFor();
      await page.screenshot({
        path: screenshotPath(`findings-${language}-${width}x${height}.png`),
      });
      await page.close();
      assert.deepEqual(problems, []);
    });
  }
}
