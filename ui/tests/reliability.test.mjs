// The app's side of reliability, in Chromium on the fake backend: a second window saving the
// same draft (a conflict, never a silent overwrite), a corrupt database (moved aside only when
// the writer chooses; the newest backup restored), a database error that stays on screen, and
// "export all drafts" with its progress.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { screenshotPath, startBrowser, watchProblems } from "./browser.mjs";

/** @type {Awaited<ReturnType<typeof startBrowser>>} */
let session;

before(async () => {
  session = await startBrowser();
});

after(async () => {
  await session?.close();
});

/**
 * A page whose fake backend is set up by `setup` (run in the page before the UI starts; it
 * may keep the backend as `window.podiumBackend`).
 * @param {(arg: any) => void} setup
 * @param {unknown} [arg]
 */
async function open(setup, arg) {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.addInitScript(setup, arg);
  await page.goto(session.baseUrl);
  return { page, problems };
}

test("a save from another window is a conflict: nothing is overwritten, both texts are kept", async () => {
  const { page, problems } = await open(() => {
    window.podiumFake = {
      drafts: ["# 年頭挨拶\n\n本文です。\n"],
      created: (backend) => {
        window.podiumBackend = backend;
      },
    };
  });
  const editor = page.locator(".cm-content");
  await editor.getByText("本文です。").waitFor();

  // Another window saves the draft first, on the revision this one also started from.
  await page.evaluate(() =>
    window.podiumBackend.saveDraft(1, "# 年頭挨拶\n\n別の窓の文章。\n", 1, { kind: "autosave" }),
  );
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("この窓の文章。");
  const conflict = page.getByRole("dialog", { name: "ほかの場所で原稿が更新されました" });
  await conflict.waitFor();
  await page.screenshot({ path: screenshotPath("conflict.png") });
  const stored = await page.evaluate(() => window.podiumBackend.getDraft(1));
  assert.equal(stored.body, "# 年頭挨拶\n\n別の窓の文章。\n", "the other window's save stands");
  const kept = await page.evaluate(async () => {
    const [latest] = await window.podiumBackend.listRevisions(1);
    return { kind: latest.kind, body: (await window.podiumBackend.getRevision(latest.id)).body };
  });
  assert.equal(kept.kind, "conflict");
  assert.ok(kept.body.includes("この窓の文章。"), "the losing text is kept as a revision");

  await conflict.getByRole("button", { name: "自分の文章を新しく保存する" }).click();
  await page.getByTestId("save-status").filter({ hasText: "保存済み" }).waitFor();
  const mine = await page.evaluate(() => window.podiumBackend.getDraft(1));
  assert.ok(mine.body.includes("この窓の文章。"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a corrupt database: nothing happens until the writer chooses; the backup comes back", async () => {
  const { page, problems } = await open(() => {
    window.podiumFake = {
      drafts: ["# 式辞\n\n本文。\n"],
      databaseError: {
        code: "database_corrupt",
        message: "データベースファイルが壊れているか、データベースではありません",
      },
    };
  });
  const dialog = page.getByRole("dialog", { name: "データベースが壊れています" });
  await dialog
    .getByText("壊れたファイルは消さずに別の名前で残します。", { exact: false })
    .waitFor();
  await page.screenshot({ path: screenshotPath("recover.png") });
  const library = page.getByRole("navigation", { name: "原稿の一覧" });
  assert.equal(await library.getByRole("button", { name: /式辞/ }).count(), 0);

  await dialog.getByRole("button", { name: "最新のバックアップ（2027-01-03）から戻す" }).click();
  await page
    .getByText(/バックアップ .* から戻しました。壊れたファイルは .* に残してあります。/)
    .waitFor();
  await library.getByRole("button", { name: /式辞/ }).waitFor();
  await page.locator(".cm-content").getByText("本文。").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("a database error stays on screen until dismissed", async () => {
  const page = await session.browser.newPage();
  await page.clock.install();
  await page.addInitScript(() => {
    window.podiumFake = {
      databaseError: { code: "database_read_only", message: "データベースに書き込めません" },
    };
  });
  await page.goto(session.baseUrl);
  const alert = page.getByRole("alert").filter({ hasText: "データベースに書き込めません" });
  await alert.waitFor();
  await page.clock.fastForward(60_000);
  assert.equal(await alert.count(), 1, "still there a minute later");
  await alert.getByRole("button", { name: "閉じる" }).click();
  assert.equal(await alert.count(), 0);
  await page.close();
});

test("the daily check's findings are shown in the settings and repaired there", async () => {
  const { page, problems } = await open(() => {
    window.podiumFake = {
      drafts: ["# 年頭挨拶\n\n本文。\n"],
      damage: ["row 1 missing from index drafts_live"],
    };
  });
  await page.locator(".cm-content .cm-line").first().waitFor();
  await page.getByRole("button", { name: "設定" }).click();
  const settings = page.getByRole("dialog", { name: "設定" });
  await settings
    .getByText("今日の点検でデータベースに問題が見つかりました（1件", { exact: false })
    .waitFor();
  await settings.getByRole("button", { name: "データベースを修復する" }).click();
  await settings.getByText("修復しました（索引を作り直しました）。").waitFor();
  assert.equal(await settings.getByRole("button", { name: "データベースを修復する" }).count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("export all drafts into a folder, with progress, from the settings", async () => {
  const { page, problems } = await open(() => {
    window.podiumFake = {
      drafts: ["# 年頭挨拶\n\n本文。\n", "# 式辞\n\n本文。\n", "# 年頭挨拶\n\n二つ目。\n"],
      created: (backend) => {
        window.podiumBackend = backend;
      },
    };
  });
  await page.locator(".cm-content .cm-line").first().waitFor();
  await page.getByRole("button", { name: "設定" }).click();
  const settings = page.getByRole("dialog", { name: "設定" });
  await settings
    .getByText("毎日のバックアップ：1件（最新 2027-01-03）", { exact: false })
    .waitFor();
  await settings.getByRole("button", { name: "すべての原稿を書き出す…" }).click();
  await settings.getByText("3件の原稿を /fake/書き出し に書き出しました").waitFor();
  await page.screenshot({ path: screenshotPath("export-all.png") });
  const files = await page.evaluate(() => [...window.podiumBackend.files.keys()].sort());
  assert.deepEqual(files, [
    "/fake/書き出し/年頭挨拶 (2).md",
    "/fake/書き出し/年頭挨拶.md",
    "/fake/書き出し/式辞.md",
  ]);
  assert.deepEqual(problems, []);
  await page.close();
});
