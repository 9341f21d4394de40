// The second screen in Chromium on the test backend: opened from the operator view beside the
// prompter, in a window of another size and mirrored on its own, it shows at its eye line the
// text the prompter shows at its own while the prompter reads — the figure printed is the
// largest gap seen, in sentences — and it blanks with the prompter. Screenshots of both and of
// the operator's panel go to ui/test-results/.

import assert from "node:assert/strict";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile } from "./browser.mjs";
import { SPEECH, showInPrompter } from "./prompter-fixtures.mjs";

const session = sessionPerFile();

/**
 * Where the text at the eye line is, in characters of the script from its first sentence: the
 * first character of the line there, plus how far down that line the eye line is, in that
 * line's characters. The same in any layout, size or mirroring, to a fraction of a line.
 * Also the number of characters of that line (to say a gap in lines).
 */
const AT_EYE_LINE = () => {
  const eye = document.querySelector(".eye-line")?.getBoundingClientRect();
  if (!eye) return null;
  const y = eye.top + eye.height / 2;
  let before = 0;
  for (const sentence of document.querySelectorAll(".sentence")) {
    const box = sentence.getBoundingClientRect();
    const length = sentence.textContent?.length ?? 0;
    if (y < box.top || y >= box.bottom) {
      before += length;
      continue;
    }
    // The characters of the line nearest the eye line (it may pass between two lines' boxes,
    // in their leading), ruby readings left out.
    const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    /** @type {{ offset: number, top: number, bottom: number, distance: number }[]} */
    const chars = [];
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const inRuby = node.parentElement?.closest("rt") !== null;
      for (let i = 0; i < (node.textContent?.length ?? 0); i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (!inRuby && r.height > 0) {
          const distance = y < r.top ? r.top - y : y > r.bottom ? y - r.bottom : 0;
          chars.push({ offset, top: r.top, bottom: r.bottom, distance });
        }
        offset += 1;
      }
    }
    if (chars.length === 0) return { at: before, line: 1 };
    const nearest = Math.min(...chars.map((c) => c.distance));
    const line = chars.filter((c) => c.distance === nearest);
    const { top, bottom } = line[0];
    const down = Math.min(1, Math.max(0, (y - top) / (bottom - top)));
    return { at: before + line[0].offset + down * line.length, line: line.length };
  }
  return null;
};

for (const language of /** @type {const} */ (["ja", "en"])) {
  test(`${language}: the second screen follows the prompter, mirrored on its own, and blanks with it`, async () => {
    await showInPrompter(session, SPEECH, { countdownSeconds: 0 });
    const { page: main, problems } = await openMainWindow(session, {
      width: 1024,
      height: 700,
      language,
    });
    const ja = language === "ja";
    await main.getByRole("button", { name: ja ? "プロンプター" : "Prompter", exact: true }).click();
    const operator = main.getByTestId("operator");
    const [prompter] = await Promise.all([
      main.waitForEvent("popup"),
      operator.getByTestId("open-prompter").click(),
    ]);
    await prompter.setViewportSize({ width: 1280, height: 720 });
    await prompter.getByTestId("hud").waitFor();

    const panel = operator.getByTestId("second-screen-panel");
    await panel.locator("summary").click();
    await panel.getByTestId("second-mirror").check();
    // Stored before the second screen opens and reads it.
    for (let i = 0; i < 50; i += 1) {
      if ((await session.command("get_prompter_settings")).secondMirrorHorizontal) break;
      await main.waitForTimeout(100);
    }
    const [second] = await Promise.all([
      main.waitForEvent("popup"),
      panel.getByTestId("open-second-screen").click(),
    ]);
    // Another size than the prompter's: the lines break elsewhere, the text is the same.
    await second.setViewportSize({ width: 800, height: 450 });
    await second.getByTestId("second-screen").waitFor();
    await second.waitForFunction(() => document.querySelectorAll(".sentence").length > 0);
    // Mirrored, once its settings are read.
    await second.waitForFunction(
      () =>
        /** @type {HTMLElement | null} */ (document.querySelector("[data-testid=second-stage]"))
          ?.style.transform === "scale(-1, 1)",
    );
    assert.equal(
      await prompter.getByTestId("stage").evaluate((stage) => stage.style.transform),
      "scale(1, 1)",
      "the prompter is not",
    );
    await operator.scrollIntoViewIfNeeded();
    await main.screenshot({ path: screenshotPath(`second-screen-operator-${language}.png`) });

    // Play, and compare where the two are, many times over 6 seconds.
    await prompter.keyboard.press("Space");
    await prompter
      .getByTestId("play-state")
      .filter({ hasText: ja ? "再生中" : "Playing" })
      .waitFor();
    await prompter.waitForTimeout(1500);
    /** The largest gap in characters, and the prompter's longest line (its line's length). */
    let gap = 0;
    let line = 1;
    let moved = 0;
    let first = null;
    for (let i = 0; i < 30; i += 1) {
      const [a, b] = await Promise.all([
        prompter.evaluate(AT_EYE_LINE),
        second.evaluate(AT_EYE_LINE),
      ]);
      if (a && b) {
        gap = Math.max(gap, Math.abs(a.at - b.at));
        line = Math.max(line, a.line);
        first ??= a.at;
        moved = a.at - first;
      }
      await prompter.waitForTimeout(200);
    }
    const largest = gap / line;
    console.log(
      `second screen (${language}): the prompter read ${moved.toFixed(0)} characters on; the ` +
        `largest gap between the two eye lines was ${gap.toFixed(1)} characters, ` +
        `${largest.toFixed(2)} of the prompter's lines (${line} characters)`,
    );
    assert.ok(moved > 5, `the prompter read on (${moved} characters)`);
    assert.ok(largest < 1, `within a line of the prompter's eye line (largest gap ${largest})`);
    await second.screenshot({ path: screenshotPath(`second-screen-${language}.png`) });
    await prompter.screenshot({ path: screenshotPath(`second-screen-prompter-${language}.png`) });

    // Blanked on the prompter: blank here too.
    await prompter.keyboard.press("b");
    await second.getByTestId("second-blank").waitFor();
    assert.deepEqual(problems, []);
    // The next test's windows must hear only their own prompter.
    for (const page of [second, prompter, main]) await page.close();
  });
}
