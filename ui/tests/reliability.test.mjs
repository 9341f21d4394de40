// The app's side of reliability, in Chromium on the test backend: a second window saving the
// same draft (a conflict, never a silent overwrite), a corrupt database (moved aside only when
// the writer chooses; the newest backup restored), a database error that stays on screen, and
// "export all drafts" with its progress. The databases are real files of the test server,
// damaged for real (`session.reset({ fault })`).

import assert from "node:assert/strict";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";

const session = sessionPerFile();

/**
 * A page of the app on a new database (`database`: see `Reset` in browser.mjs), whose folder
 * dialog answers `folder`.
 * @param {import("./browser.mjs").Reset} database
 * @param {string} [folder]
 */
async function open(database, folder) {
  await session.reset(database);
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript((chosen) => {
    window.podiumTest = { folder: chosen };
  }, folder);
  await page.goto(session.baseUrl);
  return { page, problems };
}

test("a save from another window is a conflict: nothing is overwritten, both texts are kept", async () => {
  const { page, problems } = await open({ drafts: ["# 年頭挨拶\n\n本文です。\n"] });
  const editor = page.locator(".cm-content");
  await editor.getByText("本文です。").waitFor();

  // Another window saves the draft first, on the revision this one also started from.
  const theirs = "# 年頭挨拶\n\n別の窓の文章。\n";
  await session.command("save_draft", {
    id: 1,
    body: theirs,
    baseRevision: 1,
    kind: { kind: "autosave" },
  });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("この窓の文章。");
  const conflict = page.getByRole("dialog", { name: "ほかの場所で原稿が更新されました" });
  await conflict.waitFor();
  await page.screenshot({ path: screenshotPath("conflict.png") });
  const stored = await session.command("get_draft", { id: 1 });
  assert.equal(stored.body, theirs, "the other window's save stands");
  const [latest] = await session.command("list_revisions", { id: 1 });
  assert.equal(latest.kind, "conflict");
  const kept = await session.command("get_revision", { revisionId: latest.id });
  assert.ok(kept.body.includes("この窓の文章。"), "the losing text is kept as a revision");

  await conflict.getByRole("button", { name: "自分の文章を新しく保存する" }).click();
  await page.getByTestId("save-status").filter({ hasText: "保存済み" }).waitFor();
  const mine = await session.command("get_draft", { id: 1 });
  assert.ok(mine.body.includes("この窓の文章。"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a corrupt database: nothing happens until the writer chooses; the backup comes back", async () => {
  // Today's backup holds the draft; then the database file is overwritten.
  const { page, problems } = await open({ drafts: ["# 式辞\n\n本文。\n"], fault: "corrupt" });
  const dialog = page.getByRole("dialog", { name: "データベースが壊れています" });
  await dialog
    .getByText("壊れたファイルは消さずに別の名前で残します。", { exact: false })
    .waitFor();
  await page.screenshot({ path: screenshotPath("recover.png") });
  const library = page.getByRole("navigation", { name: "原稿の一覧" });
  assert.equal(await library.getByRole("button", { name: /式辞/ }).count(), 0);

  await dialog
    .getByRole("button", { name: "最新のバックアップ（2027年1月3日（日））から戻す" })
    .click();
  await page
    .getByText(/バックアップ .* から戻しました。壊れたファイルは .* に残してあります。/)
    .waitFor();
  await library.getByRole("button", { name: /式辞/ }).waitFor();
  await page.locator(".cm-content").getByText("本文。").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("a database error stays on screen until dismissed", async () => {
  // A database written by a newer Podium (a read-only file is no error for root, who may run
  // this).
  await session.reset({ fault: "too_new" });
  const page = await session.browser.newPage();
  await page.clock.install();
  await page.goto(session.baseUrl);
  const alert = page
    .getByRole("alert")
    .filter({ hasText: "このデータベースは新しいバージョンの Podium で作られています" });
  await alert.waitFor();
  await page.clock.fastForward(60_000);
  assert.equal(await alert.count(), 1, "still there a minute later");
  await alert.getByRole("button", { name: "閉じる" }).click();
  assert.equal(await alert.count(), 0);
  await page.close();
});

test("the daily check's findings are shown in the settings and repaired there", async () => {
  // An index that disagrees with its table: the daily full check finds it.
  const { page, problems } = await open({
    drafts: ["# 年頭挨拶\n\n本文。\n"],
    fault: "damaged_index",
  });
  await page.locator(".cm-content .cm-line").first().waitFor();
  await page.getByRole("button", { name: "設定" }).click();
  const settings = page.getByRole("dialog", { name: "設定" });
  await settings
    .getByText("今日の点検でデータベースに問題が見つかりました（1件", { exact: false })
    .waitFor();
  await settings.getByRole("button", { name: "データベースを修復する" }).click();
  await settings.getByText("修復しました（索引を作り直しました）。").waitFor();
  // The settings ask for the backups again: the check's findings are gone.
  await settings
    .getByRole("button", { name: "データベースを修復する" })
    .waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await page.close();
});

test("export all drafts into a folder, with progress, from the settings", async () => {
  const folder = join(session.files, "書き出し");
  mkdirSync(folder);
  const { page, problems } = await open(
    {
      drafts: [
        "# 年頭挨拶\n\n本文。\n",
        "# 式辞\n\n{{city}}の本文。{{city}}と{{speaker}}。\n",
        "# 年頭挨拶\n\n二つ目。\n",
      ],
    },
    folder,
  );
  await page.locator(".cm-content .cm-line").first().waitFor();
  await page.getByRole("button", { name: "設定" }).click();
  const settings = page.getByRole("dialog", { name: "設定" });
  await settings
    .getByText("毎日のバックアップ：1件（最新 2027年1月3日（日））", { exact: false })
    .waitFor();
  await settings.getByRole("button", { name: "すべての原稿を書き出す…" }).click();
  await settings.getByText(`3件の原稿を ${folder} に書き出しました`).waitFor();
  // A template's placeholder left in a draft is named, as every export does.
  await settings
    .getByRole("alert")
    .getByText("差し込み欄が空のままの原稿があります", { exact: false })
    .waitFor();
  assert.match(
    (await settings.getByRole("alert").textContent()) ?? "",
    /式辞（\{\{city\}\} \{\{speaker\}\}）/,
  );
  await page.screenshot({ path: screenshotPath("export-all.png") });
  assert.deepEqual(readdirSync(folder).sort(), ["年頭挨拶 (2).md", "年頭挨拶.md", "式辞.md"]);
  assert.deepEqual(problems, []);
  await page.close();
});
