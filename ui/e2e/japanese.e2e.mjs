// Japanese depth in the real app window (Tauri + WebKitGTK under Xvfb, through tauri-driver):
// with the morphological dictionary loaded, the live panel times the draft in morae, shows
// the sentence at the cursor as read (numbers and dates read by rule), suggests furigana for a
// word outside the 常用漢字, and its fix inserts the ruby into the draft.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { appPath, DOC_TEXT, startDriverInTempHome, waitFor } from "./webdriver.mjs";

const EDITOR = ".cm-content";
const TYPED = "1月4日、躊躇なく2,000人が集まりました。";

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;

before(async () => {
  isolated = await startDriverInTempHome("e2e-japanese");
});

after(async () => {
  await isolated?.stop();
});

test("readings, morae and a furigana suggestion with the dictionary", async () => {
  const session = await isolated.driver.session(appPath());
  try {
    await session.waitFor("//li[contains(., '原稿はまだありません。')]");
    await (await session.find("//nav//button[normalize-space(.)='新規作成']")).click();
    await session.waitFor("//dialog[@open]//h2[normalize-space(.)='テンプレートから新規作成']");
    await waitFor(
      () => session.execute("return document.querySelector('dialog[open] select')?.value !== ''"),
      "the templates to load",
    );
    await session.execute(
      `const select = document.querySelector("dialog[open] select");
       select.value = [...select.options].find((o) => o.textContent.includes("空の原稿")).value;
       select.dispatchEvent(new Event("change", { bubbles: true }));`,
    );
    await (await session.find("//dialog[@open]//button[@type='submit']")).click();
    const editor = await session.waitFor(EDITOR);
    await editor.click();
    // Ctrl+End, two Enters, then the sentence.
    await editor.sendKeys("\uE009\uE010\uE000\uE007\uE007");
    await editor.sendKeys(TYPED);
    await waitFor(
      async () => (await session.execute(DOC_TEXT))?.endsWith(TYPED),
      "the typed sentence",
    );

    // The dictionary is loaded in the background (built the first time: up to a minute).
    const morae = await waitFor(
      () => session.textOf("[data-testid=morae]"),
      "the draft timed in morae",
      120_000,
    );
    assert.match(morae, /\d+拍・\d+拍\/分/);
    const current = await waitFor(async () => {
      const text = await session.textOf("[data-testid=current-reading]");
      return text.includes("イチガツヨッカ") && text;
    }, "the sentence at the cursor as read");
    assert.ok(current.includes("ニセンニンガアツマリマシタ"), current);

    // 躊躇 is outside the 常用漢字: a furigana finding whose fix inserts the ruby.
    const fix = await session.waitFor(
      "//li[.//*[contains(., 'ふりがな「ちゅうちょ」')]]//button[contains(@class, 'fix')]",
    );
    await session.screenshot("e2e-japanese.png");
    await fix.click();
    const text = await waitFor(async () => {
      const body = await session.execute(DOC_TEXT);
      return body?.includes("{躊躇|ちゅうちょ}") && body;
    }, "the ruby in the draft");
    assert.ok(text.endsWith("1月4日、{躊躇|ちゅうちょ}なく2,000人が集まりました。"), text);
    // Read from the ruby now: the finding is gone, the reading stays.
    await waitFor(
      async () =>
        !(await session.execute(
          "return document.body.innerText.includes('ふりがな「ちゅうちょ」')",
        )),
      "the furigana finding to go",
    );
    await waitFor(
      async () => (await session.textOf("[data-testid=current-reading]")).includes("チュウチョ"),
      "the reading from the ruby",
    );
  } catch (error) {
    await session.screenshot("e2e-japanese-failure.png").catch(() => {});
    throw error;
  } finally {
    await session.quit();
  }
});
