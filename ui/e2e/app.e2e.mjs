// End to end in the real app window (Tauri + WebKitGTK under Xvfb, through tauri-driver): a new
// draft from a template, Japanese typed into the editor, autosaved; the app quits and starts
// again on the same database, and the draft and the text are there; a file the desktop asks
// Podium to open becomes a draft. Run with `make test-e2e`
// (builds the app, installs tauri-driver when missing, provides the X server).

import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appPath, DOC_TEXT, startDriverInTempHome, waitFor } from "./webdriver.mjs";

const TYPED = "本日は晴天なり。市民の皆さんとともに、未来を語ります。";
const EDITOR = ".cm-content";
const STATUS = "[data-testid=save-status]";
const DURATION = "[data-testid=total-duration]";

/** An input of the open dialog, by the text of its label. @param {string} label */
const field = (label) => `//dialog[@open]//label[contains(normalize-space(.), '${label}')]//input`;

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;

before(async () => {
  // Everything the app writes goes to a temp folder: the database, window state, caches.
  isolated = await startDriverInTempHome("e2e");
});

after(async () => {
  await isolated?.stop();
});

test("a draft from a template, typed in Japanese, is there after a restart", async () => {
  let title = "";
  const first = await isolated.driver.session(appPath());
  try {
    await first.waitFor("//li[contains(., '原稿はまだありません。')]");
    await (await first.find("//nav//button[normalize-space(.)='新規作成']")).click();
    await first.waitFor("//dialog[@open]//h2[normalize-space(.)='テンプレートから新規作成']");
    // The first whole-address template is chosen by default; fill its placeholders.
    await waitFor(
      () => first.execute("return document.querySelector('dialog[open] select')?.value !== ''"),
      "the templates to load",
    );
    await (await first.find(field("行事"))).sendKeys("仕事始め式");
    await (await first.find(field("話し手"))).sendKeys("市長　山田太郎");
    await (await first.find(field("市の名前"))).sendKeys("みなと市");
    // No screenshot here: WebKitWebDriver's snapshot of a page with a modal <dialog> open came
    // out blank (no text, no dialog), though the window is fine.
    await (await first.find("//dialog[@open]//button[@type='submit']")).click();

    const editor = await first.waitFor(EDITOR);
    /** @returns {Promise<string>} */
    const docText = async () => {
      const text = await first.execute(DOC_TEXT);
      assert.equal(typeof text, "string", "the EditorView is found from .cm-content");
      return text;
    };
    await waitFor(async () => (await docText()).includes("みなと市"), "the template's text");
    title = await waitFor(
      async () => first.textOf(".toolbar h2.title"),
      "the draft's title in the toolbar",
    );

    // Type at the end of the text: Ctrl+End, two Enters, then Japanese characters.
    await editor.click();
    await editor.sendKeys("\uE009\uE010\uE000\uE007\uE007");
    await editor.sendKeys(TYPED);
    await waitFor(async () => (await docText()).endsWith(TYPED), "the typed text at the end");
    // Autosave runs ≤ 1 s after typing stops: wait to see it leave 保存済み, then come back.
    await waitFor(
      async () => (await first.textOf(STATUS)) !== "保存済み",
      "the status to show the unsaved change",
      3_000,
    ).catch(() => {}); // it may already have saved
    await waitFor(
      async () => (await first.textOf(STATUS)) === "保存済み",
      "the autosave (保存済み)",
    );
    const duration = await waitFor(async () => {
      const text = await first.textOf(DURATION);
      return /[1-9]/.test(text) && text;
    }, "a non-zero duration");
    assert.match(duration, /\d+分\d+秒/);
    await first.screenshot("e2e-typed.png");
  } catch (error) {
    await first.screenshot("e2e-failure-first.png").catch(() => {});
    throw error;
  } finally {
    await first.quit();
  }

  // A new process on the same database: the newest draft opens with the text.
  const second = await isolated.driver.session(appPath());
  try {
    const item = await waitFor(() => second.textOf("nav button.item"), "the library's draft");
    assert.match(item, /仕事始め式/);
    assert.ok(item.includes(title), `the library lists 「${title}」`);
    const editor = await second.waitFor(EDITOR);
    const text = await waitFor(() => second.execute(DOC_TEXT), "the editor's text");
    assert.ok(text.endsWith(`\n\n${TYPED}`), "the typed Japanese text was saved");
    assert.ok(text.includes("みなと市"), "the template's text is kept");
    // Show the end of the text in the screenshot.
    await editor.click();
    await editor.sendKeys("\uE009\uE010\uE000");
    assert.equal(await second.textOf(STATUS), "保存済み");
    // The start-up made today's backup beside the database.
    const backups = await waitFor(() => {
      const names = existsSync(join(isolated.home, "backups"))
        ? readdirSync(join(isolated.home, "backups"))
        : [];
      return names.some((name) => /^podium-\d{4}-\d{2}-\d{2}\.db$/.test(name)) && names;
    }, "the daily backup");
    assert.equal(backups.length, 1, "one backup a day");
    const duration = await waitFor(async () => {
      const text = await second.textOf(DURATION);
      return /[1-9]/.test(text) && text;
    }, "a non-zero duration after the restart");
    assert.match(duration, /[1-9]/, `the duration panel shows ${duration}`);
    await second.screenshot("e2e-restarted.png");
  } catch (error) {
    await second.screenshot("e2e-failure-second.png").catch(() => {});
    throw error;
  } finally {
    await second.quit();
  }
});

test("a new library opens on the sample address, once", async () => {
  const home = await startDriverInTempHome("e2e-sample", { sample: true });
  try {
    const first = await home.driver.session(appPath());
    try {
      const title = await waitFor(
        async () => first.textOf(".toolbar h2.title"),
        "the sample's title in the toolbar",
      );
      assert.equal(title, "見本：Podium での原稿の書き方");
      const text = await waitFor(() => first.execute(DOC_TEXT), "the editor's text");
      for (const marked of ["> [!note]", "> [!summary]", "> [!spoken]", "> [!sign]"]) {
        assert.ok(String(text).includes(marked), `the sample shows ${marked}`);
      }
      const duration = await waitFor(async () => {
        const shown = await first.textOf(DURATION);
        return /[1-9]/.test(shown) && shown;
      }, "the sample's duration");
      assert.match(duration, /\d+分\d+秒/);
      // Made while the dictionary loaded, it is listed with the panel's time all the same.
      await waitFor(
        async () => (await first.textOf("nav button.item")).includes(duration),
        `the library's line to show ${duration}`,
      );
      await first.screenshot("e2e-first-start.png");
    } finally {
      await first.quit();
    }
    // The next start opens the same library: still the one sample.
    const second = await home.driver.session(appPath());
    try {
      await second.waitFor(EDITOR);
      const items = await waitFor(
        () => second.execute("return document.querySelectorAll('nav button.item').length"),
        "the library's list",
      );
      assert.equal(items, 1, "the sample is made once");
    } finally {
      await second.quit();
    }
  } finally {
    await home.stop();
  }
});

test("a .md file the desktop asks Podium to open becomes a draft, opened", async () => {
  const home = await startDriverInTempHome("e2e-open-with");
  const file = join(home.home, "仕事始め 式辞.md");
  writeFileSync(file, "# 仕事始め式辞\n\n職員の皆さん、明けましておめでとうございます。\n");
  try {
    // As Explorer starts it for an associated .md ("Open with"): the file's path as argument.
    const session = await home.driver.session(appPath(), [file]);
    try {
      const title = await waitFor(
        async () => session.textOf(".toolbar h2.title"),
        "the opened file's title in the toolbar",
      );
      assert.equal(title, "仕事始め式辞");
      const text = await waitFor(() => session.execute(DOC_TEXT), "the editor's text");
      assert.match(String(text), /明けましておめでとうございます/);
      await session.screenshot("e2e-open-with.png");
    } finally {
      await session.quit();
    }
  } finally {
    await home.stop();
  }
});
