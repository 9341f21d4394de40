// The readings in the live panel, read by the core with the dictionary (through the test
// server): each sentence as read, a word added to the office's reading dictionary changes the
// reading, the sentence at the cursor first; a proofreading rule switched off; the pace in
// morae from the settings. Screenshots go to ui/test-results/.

import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";

const session = sessionPerFile();

/**
 * A new empty draft with `text` typed at its end.
 * @param {import("playwright-core").Page} page
 * @param {string} text
 */
async function typeIntoNewDraft(page, text) {
  await page.goto(session.baseUrl);
  await page.getByRole("button", { name: "新規作成" }).click();
  const dialog = page.getByRole("dialog", { name: "テンプレートから新規作成" });
  // Once the templates are listed: their arrival selects the first address.
  await dialog.locator("option", { hasText: "年頭挨拶" }).waitFor({ state: "attached" });
  await dialog.getByLabel("テンプレート").selectOption({ label: "空の原稿" });
  await dialog.getByRole("button", { name: "作成" }).click();
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(text);
}

test("readings follow the draft and the office's reading dictionary", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await typeIntoNewDraft(page, "\n\nしちょうの白井亨です。\n");

  const readings = page.getByTestId("readings");
  await readings.locator("summary").click();
  // The dictionary's reading of 白井亨: シライトール.
  await readings.getByText("シチョーノシライトールデス。").waitFor();
  await page.getByTestId("morae").waitFor();

  // The office's reading dictionary: add 白井亨, the reading follows.
  const dictionary = page.getByTestId("reading-dictionary");
  await dictionary.locator("summary").click();
  await dictionary.getByLabel("語", { exact: true }).fill("白井亨");
  await dictionary.getByLabel("読み", { exact: true }).fill("しらいとおる");
  await dictionary.getByRole("button", { name: "登録" }).click();
  await dictionary.getByText("白井亨 → シライトオル").waitFor();
  await readings.getByText("シチョーノシライトオルデス。").waitFor();
  await page.screenshot({ path: screenshotPath("readings.png") });

  // A reading that is not kana is refused with the reason.
  await dictionary.getByLabel("語", { exact: true }).fill("市長");
  await dictionary.getByLabel("読み", { exact: true }).fill("shicho");
  await dictionary.getByRole("button", { name: "登録" }).click();
  await dictionary.getByRole("alert").waitFor();

  // Removed again: the reading goes back.
  await dictionary.getByRole("button", { name: "「白井亨」の読みを削除" }).click();
  await readings.getByText("シチョーノシライトールデス。").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("the reading shown first is the sentence at the cursor", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await typeIntoNewDraft(page, "\n\nはじめの文です。\n\nつぎの文です。\n\nおわりの文です。");
  const current = page.getByTestId("current-reading");
  // Typing leaves the cursor in the last sentence.
  await current.getByText("オワリノブンデス。").waitFor();
  await current.getByText("(3/3)").or(current.getByText("（3/3）")).waitFor();

  // Clicking into the first sentence: the reading follows the cursor.
  await page.getByText("はじめの文です。").click();
  await current.getByText("ハジメノブンデス。").waitFor();
  await current.getByText("カーソル位置の文（1/3）").waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await current.getByText("ツギノブンデス。").waitFor();
  await page.screenshot({ path: screenshotPath("readings-cursor.png") });

  // Its button selects the sentence in the editor.
  await current.getByRole("button").click();
  const selected = await page.evaluate(() => String(window.getSelection()));
  assert.equal(selected, "つぎの文です。");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a proofreading rule switched off in the settings finds nothing", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await typeIntoNewDraft(
    page,
    "# 挨拶\n\nこの一文は、読点が、とても、多くて、聞きにくい、文です。\n",
  );
  await page.getByText("読点が多すぎます", { exact: false }).first().waitFor();
  await page.getByRole("button", { name: "設定" }).click();
  const settings = page.getByRole("dialog", { name: "設定" });
  const commas = settings.getByRole("checkbox", { name: "読点の数" });
  assert.equal(await commas.isChecked(), true);
  await commas.uncheck();
  await page.screenshot({ path: screenshotPath("settings-rules.png") });
  await settings.getByRole("button", { name: "保存" }).click();
  await page.waitForFunction(() => !document.body.textContent?.includes("読点が多すぎます"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("the pace in morae is a setting: the live panel and the library time the draft with it", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await typeIntoNewDraft(page, "# 挨拶\n\n皆さん、おはようございます。しちょうの白井です。\n");
  await page
    .getByTestId("morae")
    .filter({ hasText: /[1-9]\d*字・[1-9]\d*拍・420拍\/分/ })
    .waitFor();

  await page.getByRole("button", { name: "設定" }).click();
  const settings = page.getByRole("dialog", { name: "設定" });
  const morae = settings.getByLabel("読む速さ（拍/分）");
  assert.equal(await morae.inputValue(), "420");
  assert.equal(await settings.getByLabel("読む速さ（字/分）").inputValue(), "300");
  await morae.fill("480");
  await settings.getByText("辞書が使えるときは拍で").waitFor();
  await page.screenshot({ path: screenshotPath("settings-pace.png") });
  await settings.getByRole("button", { name: "保存" }).click();
  await page
    .getByTestId("morae")
    .filter({ hasText: /[1-9]\d*拍・480拍\/分/ })
    .waitFor();

  // The next save keeps the panel's time for the library.
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("以上です。");
  await page.getByTestId("save-status").filter({ hasText: "保存済み" }).waitFor();
  await page.waitForFunction(() => {
    const total = document.querySelector("[data-testid='total-duration']")?.textContent;
    const item = document.querySelector("nav [aria-current='true']")?.textContent;
    return total && item?.includes(total);
  });
  assert.deepEqual(problems, []);
  await page.close();
});
