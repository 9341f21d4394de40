// Importing Word documents from the library, in Chromium on the test backend (the real
// application layer reads the files: tests/data/docx/, made by its make.sh): the drafts open
// with their sections and ruby, and the notes on what a document had that its draft leaves out
// stay on screen, a line a file, until the writer dismisses them.

import assert from "node:assert/strict";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";

const session = sessionPerFile();
const fixtures = fileURLToPath(new URL("../../tests/data/docx/", import.meta.url));

/**
 * The fixtures copied where the test's open dialog chooses them.
 * @param {string[]} names
 */
function chosen(...names) {
  return names.map((name) => {
    const path = join(session.files, name);
    copyFileSync(join(fixtures, name), path);
    return path;
  });
}

test("Word documents import with their notes shown until dismissed", async () => {
  await session.reset({ drafts: ["# 仕事始め式\n\n本文です。\n"] });
  const page = await session.browser.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  const problems = watchProblems(page);
  const importFiles = chosen("address.docx", "review.docx", "encrypted.docx");
  await page.addInitScript((paths) => {
    window.podiumTest = { importFiles: paths };
  }, importFiles);
  await page.goto(session.baseUrl);
  await page.locator(".cm-content").getByText("本文です。").waitFor();
  // Below 1120 px the library is a drawer, opened from the header.
  await page.getByRole("button", { name: "原稿の一覧" }).click();
  await page.getByRole("button", { name: "読み込み", exact: true }).click();

  const toast = page.getByRole("status").filter({ hasText: "2件を読み込みました" });
  await toast.waitFor();
  await toast.getByText("パスワードで保護された文書は読み込めません", { exact: false }).waitFor();
  const notes = toast.getByRole("listitem");
  assert.equal(await notes.count(), 1);
  assert.equal(
    await notes.first().textContent(),
    "「教育委員会の取組」：変更履歴は承認した状態で取り込みました（挿入 1 件・削除 1 件）。" +
      "コメント 1 件は取り込んでいません。表 1 個は取り込んでいません。" +
      "図・画像・テキストボックス 1 個は取り込んでいません。",
  );
  // The first imported draft is open: its sections and ruby are the dialect's.
  const editor = page.locator(".cm-content");
  await editor.getByText("## 重点施策").waitFor();
  assert.ok((await editor.textContent())?.includes("{邁進|まいしん}"));
  await page.screenshot({ path: screenshotPath("import-docx.png") });

  // The notes do not go by themselves (a plain notice goes after 8 s).
  await page.waitForTimeout(8500);
  assert.equal(await notes.count(), 1);
  await toast.getByRole("button", { name: "閉じる" }).click();
  await toast.waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await page.close();
});

test("pasting from Word gives the draft the import gives, and says what it left out", async () => {
  await session.reset({ drafts: ["# 仕事始め式\n\n本文です。\n"] });
  const page = await session.browser.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  const problems = watchProblems(page);
  await page.goto(session.baseUrl);
  const editor = page.locator(".cm-content");
  await editor.getByText("本文です。").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  // What Word puts on the clipboard: its HTML, and the plain text (which loses the headings and
  // the ruby).
  const html = readFileSync(join(fixtures, "review.word.html"), "utf8");
  await editor.evaluate((node, html) => {
    const clipboard = new DataTransfer();
    clipboard.setData("text/html", html);
    clipboard.setData("text/plain", "教育委員会の取組\r\n学校施設の整備\r\n");
    node.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true }));
  }, html);
  await editor.getByText("## 学校施設の整備").waitFor();
  const text = await page.evaluate(() => {
    const lines = [...document.querySelectorAll(".cm-line")];
    return lines.map((line) => line.textContent).join("\n");
  });
  assert.ok(text.includes("市内の小中学校の{耐震化|たいしんか}は、昨年度までに"), text);
  assert.ok(text.includes("本年度は新たに三校で") && text.includes("事業費は十億円です。"), text);
  assert.ok(!text.includes("学校名") && !text.includes("[企1]"), text);
  const notes = page.getByRole("status").filter({ hasText: "貼り付けた文書について" });
  assert.deepEqual(await notes.getByRole("listitem").allTextContents(), [
    "変更履歴は承認した状態で取り込みました（挿入 1 件・削除 1 件）",
    "コメント 1 件は取り込んでいません",
    "表 1 個は取り込んでいません",
    "図・画像・テキストボックス 1 個は取り込んでいません",
  ]);
  await page.screenshot({ path: screenshotPath("paste-word.png") });
  // Saved as typed text is.
  await page.getByTestId("save-status").filter({ hasText: "保存済み" }).waitFor();
  const saved = await session.command("get_draft", { id: 1 });
  assert.ok(saved.body.includes("\n## 学校施設の整備\n"), saved.body);
  await notes.getByRole("button", { name: "閉じる" }).click();
  await notes.waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await page.close();
});
