// The office's workflow in the main window, on the test backend (the real application layer):
// the status menu offers exactly the moves the store allows (checked against the store's own
// answers for every pair of statuses), a settled draft is read-only and says why, a draft
// settled from another PC while the page types switches to read-only with the text kept in
// the history, reopening asks for a reason, comments on passages (another writer's too), the
// prompter and the blog export warn before 確定, and who else has the draft open.
//
// The test server runs one app, so "another person" is that app with another name: the test
// sets this PC's author to 佐藤 (set_local_settings), acts as 佐藤 through the server, and sets
// it back to 田中, the page's writer, before the page's next call.

import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";
import { SPEECH } from "./prompter-fixtures.mjs";

const session = sessionPerFile();

const STATUSES = ["draft", "review", "final", "delivered", "published"];
const PASSAGE = "会議を半分にし、紙の書類を減らします。";

/** @param {string} name */
const author = (name) =>
  session.command("set_local_settings", { settings: { library: "", authorName: name } });

/** Runs `act` as 佐藤 (the one app of the test server, renamed), then back as 田中. */
async function asSato(/** @type {() => Promise<any>} */ act) {
  await author("佐藤");
  try {
    return await act();
  } finally {
    await author("田中");
  }
}

/** Moves draft 1 from 下書き forward to `status` through the store. */
async function walkTo(/** @type {string} */ status) {
  for (const step of STATUSES.slice(1, STATUSES.indexOf(status) + 1)) {
    await session.command("set_status", { id: 1, status: step, reason: "" });
  }
}

/** A page on draft 1 as 田中, at this size. */
async function openPage(width = 1280, height = 800) {
  await author("田中");
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.setViewportSize({ width, height });
  await page.goto(session.baseUrl);
  await page.locator(".cm-content").waitFor();
  await page.getByTestId("draft-status").waitFor();
  return { page, problems };
}

/** The statuses the page's status menu offers to move to. */
async function offered(/** @type {import("playwright-core").Page} */ page) {
  await page.getByTestId("draft-status").click();
  const menu = page.getByRole("group", { name: "原稿の状態と、その変更" });
  await menu.waitFor();
  const steps = await menu
    .locator("button[data-step]")
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("data-step")));
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
  return steps;
}

test("the status menu offers what the store allows, for every status", async () => {
  for (const from of STATUSES) {
    await session.reset({ drafts: [SPEECH] });
    await walkTo(from);
    const { page, problems } = await openPage();
    const shown = await offered(page);
    await page.close();
    assert.deepEqual(problems, []);

    // The store's answer for every other status: allowed as it is, only with a reason, or not.
    /** @type {string[]} */
    const allowed = [];
    for (const to of STATUSES.filter((status) => status !== from)) {
      await session.reset({ drafts: [SPEECH] });
      await walkTo(from);
      const plain = await session
        .command("set_status", { id: 1, status: to, reason: "" })
        .then(() => true)
        .catch((/** @type {any} */ error) => {
          assert.equal(error.code, "invalid_input", `${from} → ${to}: ${error.message}`);
          return false;
        });
      const withReason =
        plain ||
        (await session
          .command("set_status", { id: 1, status: to, reason: "市長の指示" })
          .then(() => true)
          .catch(() => false));
      if (withReason) allowed.push(to);
      // A reason is asked for exactly where the menu's step is 確定を解除… (a settled draft).
      const settled = ["final", "delivered", "published"].includes(from);
      if (withReason) assert.equal(!plain, settled && to === "draft", `${from} → ${to}`);
    }
    assert.deepEqual([...shown].sort(), [...allowed].sort(), `the steps offered from ${from}`);
  }
});

test("settled: read-only with one line why, reopened with a reason, the record shows who and why", async () => {
  await session.reset({ drafts: [SPEECH] });
  const { page, problems } = await openPage();
  const badge = page.getByTestId("draft-status");
  assert.equal((await badge.textContent())?.trim(), "下書き▾");
  const library = page.getByRole("navigation", { name: "原稿の一覧" });
  await library.locator("[data-status=draft]").waitFor();

  // 下書き → 確認待ち → 確定 from the menu.
  await badge.click();
  await page.getByRole("button", { name: "確認に回す" }).click();
  await badge.filter({ hasText: "確認待ち" }).waitFor();
  await library.locator("[data-status=review]").waitFor();
  await badge.click();
  await page.getByRole("button", { name: "差し戻す" }).waitFor();
  await page.getByRole("button", { name: "確定する" }).click();
  await badge.filter({ hasText: "確定" }).waitFor();
  await library.locator("[data-status=final]").waitFor();

  // Read-only: one line says why; typing changes nothing and saves nothing.
  const line = page.getByTestId("read-only");
  await line.filter({ hasText: "この原稿は「確定」です。本文は読み取り専用です。" }).waitFor();
  const editor = page.locator(".cm-content");
  assert.equal(await editor.getAttribute("contenteditable"), "false");
  const revisions = (await session.command("list_revisions", { id: 1 })).length;
  const before = await editor.textContent();
  await editor.click();
  await page.keyboard.type("追記");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(1500);
  assert.equal(await editor.textContent(), before);
  assert.equal((await session.command("list_revisions", { id: 1 })).length, revisions);
  assert.equal(await page.getByTestId("save-status").textContent(), "保存済み");
  assert.ok(await page.getByRole("button", { name: "版を保存" }).isDisabled());
  await page.screenshot({ path: screenshotPath("workflow-read-only.png") });

  // Reopening asks for a reason; without one it cannot be confirmed.
  await line.getByRole("button", { name: "確定を解除…" }).click();
  const dialog = page.getByRole("dialog", { name: "確定を解除" });
  assert.ok(await dialog.getByRole("button", { name: "解除する" }).isDisabled());
  await dialog.getByLabel("理由（必須）").fill("市長の指示で結びを差し替え");
  await dialog.getByRole("button", { name: "解除する" }).click();
  await badge.filter({ hasText: "下書き" }).waitFor();
  await line.waitFor({ state: "detached" });
  assert.equal(await editor.getAttribute("contenteditable"), "true");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("新しい結び。");
  await page.getByTestId("save-status").filter({ hasText: "保存済み" }).waitFor();
  assert.match((await session.command("get_draft", { id: 1 })).body, /新しい結び。$/);

  // The record: who moved it, when (the shared date style), why.
  await badge.click();
  const record = page.getByTestId("status-changes");
  await record.waitFor();
  const entries = await record.locator("li").allTextContents();
  assert.equal(entries.length, 3);
  assert.match(entries[0], /^下書きに（田中）/);
  assert.match(entries[0], /\d{4}年\d{1,2}月\d{1,2}日（[日月火水木金土]） \d{1,2}時\d{2}分/);
  assert.match(entries[0], /理由：市長の指示で結びを差し替え/);
  assert.match(entries[1], /^確定に（田中）/);
  assert.match(entries[2], /^確認待ちに（田中）/);
  await page.screenshot({ path: screenshotPath("workflow-status-menu.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("settled from another PC while typing: the save is refused, the text kept, the editor read-only", async () => {
  await session.reset({ drafts: [SPEECH] });
  const { page, problems } = await openPage();
  const editor = page.locator(".cm-content");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("一行目。");
  await page.getByTestId("save-status").filter({ hasText: "保存済み" }).waitFor();

  // 佐藤's PC settles it; the page does not know yet and types on.
  await asSato(() => walkTo("final"));
  await page.keyboard.insertText("確定のあとに打った文。");
  const notice = page.getByTestId("locked-notice");
  await notice.waitFor();
  assert.match(
    (await notice.textContent()) ?? "",
    /ほかの人が「確定」にしたため保存できませんでした。入力した文章は履歴に「競合」の版として残っています。/,
  );
  // The draft as it is now: the settled text, read-only.
  await page.getByTestId("draft-status").filter({ hasText: "確定" }).waitFor();
  assert.equal(await editor.getAttribute("contenteditable"), "false");
  assert.ok(!(await editor.textContent())?.includes("確定のあとに打った文。"));
  const draft = await session.command("get_draft", { id: 1 });
  assert.equal(draft.status, "final");
  assert.ok(!draft.body.includes("確定のあとに打った文。"));
  // What was typed is in the history, as a conflict revision.
  const revisions = await session.command("list_revisions", { id: 1 });
  const conflict = revisions.find((/** @type {any} */ revision) => revision.kind === "conflict");
  assert.ok(conflict, "a conflict revision");
  const kept = await session.command("get_revision", { revisionId: conflict.id });
  assert.match(kept.body, /確定のあとに打った文。/);
  await page.screenshot({ path: screenshotPath("workflow-locked.png") });

  await notice.getByRole("button", { name: "わかりました" }).click();
  await page.getByTestId("read-only").waitFor();
  // The log shows only the refused save the app handled (no uncaught error).
  assert.deepEqual(problems, []);
  await page.close();
});

test("comments on passages: written from a selection, another writer's shown, found, resolved, never exported", async () => {
  await session.reset({ drafts: [SPEECH] });
  const { page, problems } = await openPage();
  const editor = page.locator(".cm-content");

  // The prompter and the blog export warn before 確定 (a line, not a block).
  await page.getByRole("button", { name: "プロンプター", exact: true }).click();
  await page
    .getByTestId("prompter-not-final")
    .filter({ hasText: "この原稿はまだ確定していません（下書き）。" })
    .waitFor();
  assert.ok(await page.getByTestId("open-prompter").isEnabled());
  await page.getByRole("button", { name: "プロンプター", exact: true }).click();

  // Select a passage; 「コメント」 quotes it.
  await editor.locator(".cm-line", { hasText: PASSAGE }).selectText();
  await page.getByRole("button", { name: "コメント", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "コメントを書く" });
  assert.equal(
    await dialog.getByTestId("comment-quote").textContent(),
    `${PASSAGE}浮いた時間は、市民の皆さんと話す時間にします。`,
  );
  assert.ok(await dialog.getByRole("button", { name: "追加" }).isDisabled());
  await dialog.getByLabel("コメント").fill("ここは総務課に確認");
  await dialog.getByRole("button", { name: "追加" }).click();
  const tab = page.getByTestId("comments-tab");
  await tab.filter({ hasText: "コメント（1）" }).waitFor();
  const comments = page.getByTestId("comment");
  await comments.filter({ hasText: "ここは総務課に確認" }).filter({ hasText: "田中" }).waitFor();

  // 佐藤 comments from another PC: on a passage in the text, and on one since rewritten.
  await asSato(async () => {
    await session.command("add_comment", { id: 1, quote: "市民の皆さん", body: "表現を統一" });
    await session.command("add_comment", {
      id: 1,
      quote: "県民の皆さん",
      body: "古い言い方",
    });
  });
  // Shown within the presence's 5 s.
  await tab.filter({ hasText: "コメント（3）" }).waitFor({ timeout: 8000 });
  const sato = comments.filter({ hasText: "表現を統一" });
  assert.match((await sato.textContent()) ?? "", /佐藤/);
  assert.match(
    (await sato.textContent()) ?? "",
    /\d{4}年\d{1,2}月\d{1,2}日（[日月火水木金土]） \d{1,2}時\d{2}分/,
  );

  // A click selects the quote in the text; again, the next place it is quoted.
  await sato.getByRole("button", { name: "市民の皆さん" }).click();
  const selection = () =>
    page.evaluate(() => {
      const selected = window.getSelection();
      const node = selected?.focusNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return {
        text: selected?.toString(),
        line: element?.closest(".cm-line")?.textContent,
      };
    });
  let selected = await selection();
  assert.equal(selected.text, "市民の皆さん");
  const first = selected.line;
  await sato.getByRole("button", { name: "市民の皆さん" }).click();
  selected = await selection();
  assert.equal(selected.text, "市民の皆さん");
  assert.notEqual(selected.line, first, "the next occurrence");
  // A passage no longer in the text: said so.
  const old = comments.filter({ hasText: "古い言い方" });
  await old.getByRole("button", { name: "県民の皆さん" }).click();
  await old.getByText("この箇所は本文に見当たりません（書き換えられたようです）。").waitFor();
  await page.screenshot({ path: screenshotPath("workflow-comments.png") });

  // Resolved: folded away, greyed, counted apart.
  await old.getByRole("button", { name: "解決" }).click();
  await tab.filter({ hasText: "コメント（2）" }).waitFor();
  const folded = page.getByText("解決済み（1件）");
  await folded.waitFor();
  assert.equal(await comments.filter({ hasText: "古い言い方" }).isVisible(), false);
  await folded.click();
  await comments.filter({ hasText: "古い言い方" }).filter({ hasText: "に解決" }).waitFor();
  const stored = await session.command("list_comments", { id: 1 });
  assert.equal(stored.filter((/** @type {any} */ c) => c.resolvedAt !== null).length, 1);

  // The blog export: a warning line before 確定, no comment in it.
  await page.keyboard.press("Control+e");
  const exported = page.getByRole("dialog", { name: "書き出し" });
  await exported.getByTestId("export-preview").locator("p", { hasText: "【全文】" }).waitFor();
  await exported
    .getByTestId("export-not-final")
    .filter({ hasText: "この原稿はまだ確定していません（下書き）。" })
    .waitFor();
  assert.ok(await exported.getByRole("button", { name: "コピー" }).isEnabled());
  const blog = await session.command("export_text", {
    body: (await session.command("get_draft", { id: 1 })).body,
    profile: "blog",
    ruby: "tags",
    blog: { summary: null, leadIn: null },
    accessible: false,
  });
  for (const comment of ["ここは総務課に確認", "表現を統一", "古い言い方"]) {
    assert.ok(!blog.includes(comment), `the blog has no comment: ${comment}`);
    assert.ok(
      !((await exported.getByTestId("export-preview").textContent()) ?? "").includes(comment),
    );
  }
  await exported.getByRole("button", { name: "閉じる" }).click();

  // Settled: no warnings; a reviewer still selects text and comments on it.
  await walkTo("final");
  await page.reload();
  await page.getByTestId("read-only").waitFor();
  await page.keyboard.press("Control+e");
  await exported.getByTestId("export-preview").locator("p", { hasText: "【全文】" }).waitFor();
  assert.equal(await exported.getByTestId("export-not-final").count(), 0);
  await exported.getByRole("button", { name: "閉じる" }).click();
  await page.getByRole("button", { name: "プロンプター", exact: true }).click();
  await page.getByTestId("open-prompter").waitFor();
  assert.equal(await page.getByTestId("prompter-not-final").count(), 0);
  await page.getByRole("button", { name: "プロンプター", exact: true }).click();
  await editor.locator(".cm-line", { hasText: "穏やかな一年" }).selectText();
  await page.getByRole("button", { name: "コメント", exact: true }).click();
  await dialog.getByTestId("comment-quote").filter({ hasText: "穏やかな一年" }).waitFor();
  await dialog.getByLabel("コメント").fill("読み上げの間を確認");
  await dialog.getByRole("button", { name: "追加" }).click();
  await comments.filter({ hasText: "読み上げの間を確認" }).waitFor();
  // Read-only, the editor never has the focus: the passage found is drawn selected.
  await page.getByTestId("comments-tab").click();
  await comments
    .filter({ hasText: "表現を統一" })
    .getByRole("button", { name: "市民の皆さん" })
    .click();
  await page.locator(".cm-read-only .cm-selectionBackground").first().waitFor();
  assert.equal((await session.command("get_draft", { id: 1 })).status, "final");
  assert.deepEqual(problems, []);
  await page.close();
});

test("presence: who else has the draft open is shown, and leaving says so", async () => {
  await session.reset({ drafts: [SPEECH, "# 二つ目の原稿\n\n本文です。\n"] });
  const { page, problems } = await openPage();
  const library = page.getByRole("navigation", { name: "原稿の一覧" });
  await library.getByText("令和9年 年頭挨拶").click();
  await page.locator(".toolbar .title", { hasText: "令和9年 年頭挨拶" }).waitFor();
  const presence = page.getByTestId("presence");
  // 佐藤 opens draft 1 on another PC; the page sees it on its next sign (every 5 s).
  await asSato(() => session.command("present", { id: 1 }));
  await presence.filter({ hasText: "佐藤さんも開いています" }).waitFor({ timeout: 8000 });
  // 佐藤's PC sees 田中, who is the page.
  assert.deepEqual(await asSato(() => session.command("present", { id: 1 })), ["田中"]);
  await page.screenshot({ path: screenshotPath("workflow-presence.png") });

  // 佐藤 closes it: the line goes on the page's next sign.
  await asSato(() => session.command("absent", { id: 1 }));
  await presence.waitFor({ state: "detached", timeout: 8000 });

  // The page switches to draft 2: draft 1 is closed at once (absent), draft 2 open.
  await library.getByText("二つ目の原稿").click();
  await page.locator(".toolbar .title", { hasText: "二つ目の原稿" }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(await asSato(() => session.command("present", { id: 1 })), []);
  assert.deepEqual(await asSato(() => session.command("present", { id: 2 })), ["田中"]);
  await asSato(() => session.command("absent", { id: 1 }));
  await asSato(() => session.command("absent", { id: 2 }));
  assert.deepEqual(problems, []);
  await page.close();
});

test("screens to look at: the workflow at 1024×700 and 1920×1080, Japanese and English", async () => {
  for (const language of ["ja", "en"]) {
    for (const [width, height] of [
      [1024, 700],
      [1920, 1080],
    ]) {
      await session.reset({ drafts: [SPEECH] });
      const settings = await session.command("get_settings");
      await session.command("set_settings", { settings: { ...settings, language } });
      await asSato(async () => {
        await session.command("add_comment", { id: 1, quote: PASSAGE, body: "ここは総務課に確認" });
        await session.command("present", { id: 1 });
      });
      await walkTo("final");
      const { page, problems } = await openPage(width, height);
      await page.getByTestId("read-only").waitFor();
      await page.getByTestId("presence").waitFor({ timeout: 8000 });
      await page.getByTestId("comments-tab").click();
      await page.getByTestId("comment").first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({
        path: screenshotPath(`workflow-${language}-${width}x${height}.png`),
      });
      await page.getByTestId("draft-status").click();
      await page.getByTestId("status-changes").waitFor();
      await page.screenshot({
        path: screenshotPath(`workflow-menu-${language}-${width}x${height}.png`),
      });
      await page.keyboard.press("Escape");
      const prompter = language === "ja" ? "プロンプター" : "Prompter";
      await session.command("set_status", { id: 1, status: "draft", reason: "差し替え" });
      await page.reload();
      await page.getByRole("button", { name: prompter, exact: true }).click();
      await page.getByTestId("prompter-not-final").waitFor();
      await page.screenshot({
        path: screenshotPath(`workflow-operator-${language}-${width}x${height}.png`),
      });
      assert.deepEqual(problems, []);
      await page.close();
    }
  }
});
