// Voice mode in Chromium on the test backend, at 1024×700 in Japanese and English: V in the
// prompter turns it on, the operator view's switch follows, and the pipeline's reports (played
// on the test prompter's channel, as the shell's VOICE_EVENT would bring them) light both
// meters. Screenshots: ui/test-results/voice-{operator,prompter}-{ja,en}.png.

import assert from "node:assert/strict";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile } from "./browser.mjs";
import { SPEECH, showInPrompter } from "./prompter-fixtures.mjs";

const session = sessionPerFile();
const size = { width: 1024, height: 700 };

/**
 * A report of the voice pipeline, to every window.
 * @param {import("playwright-core").Page} page
 * @param {boolean} speaking
 * @param {number} level dBFS
 */
const hear = (page, speaking, level) =>
  page.evaluate(
    ({ speaking, level }) =>
      new BroadcastChannel("podium-test-prompter").postMessage({
        type: "voice",
        payload: { seconds: 1, speaking, level, peak: level + 8 },
      }),
    { speaking, level },
  );

for (const [language, words] of /** @type {const} */ ([
  [
    "ja",
    {
      prompter: "プロンプター",
      mode: "声に合わせて進める（V）",
      speaking: "話している",
      silent: "無音",
      playing: "声に合わせて進行中",
    },
  ],
  [
    "en",
    {
      prompter: "Prompter",
      mode: "Follow the speaker's voice (V)",
      speaking: "speaking",
      silent: "silent",
      playing: "Following the voice",
    },
  ],
])) {
  test(`voice mode's switch and meters (${language}, 1024×700)`, async () => {
    await showInPrompter(session, SPEECH, { countdownSeconds: 0 });
    const { page: main, problems } = await openMainWindow(session, { ...size, language });
    await main.getByRole("button", { name: words.prompter, exact: true }).click();
    const operator = main.getByTestId("operator");
    const [prompter] = await Promise.all([
      main.waitForEvent("popup"),
      operator.getByTestId("open-prompter").click(),
    ]);
    await prompter.setViewportSize(size);
    await prompter.getByTestId("hud").waitFor();
    const toggle = operator.getByLabel(words.mode);
    assert.equal(await toggle.isChecked(), false, "off by default");

    // V in the prompter: on; the operator's switch follows its report.
    await prompter.keyboard.press("v");
    await prompter.keyboard.press("Space");
    await prompter.getByTestId("play-state").filter({ hasText: words.playing }).waitFor();
    await main.waitForFunction(
      () =>
        /** @type {HTMLInputElement} */ (document.querySelector("[data-testid=voice-mode]"))
          ?.checked,
    );
    await hear(main, true, -18);
    await prompter.getByTestId("voice-meter").getByText(words.speaking).waitFor();
    await operator.getByTestId("voice-meter").getByText(words.speaking).waitFor();
    // The panel fits the operator view: nothing wider than it.
    const overflow = await main.evaluate(() => {
      const panel = /** @type {HTMLElement} */ (
        document.querySelector("[data-testid=voice-panel]")
      );
      return panel.scrollWidth - panel.clientWidth;
    });
    assert.ok(overflow <= 0, `the voice panel overflows by ${overflow} px`);
    await operator.getByTestId("voice-panel").scrollIntoViewIfNeeded();
    await main.screenshot({ path: screenshotPath(`voice-operator-${language}.png`) });
    await prompter.screenshot({ path: screenshotPath(`voice-prompter-${language}.png`) });

    // Silence: the meters say so; the operator's switch turns voice mode off.
    await hear(main, false, -70);
    await prompter.getByTestId("voice-meter").getByText(words.silent).waitFor();
    // (The switch shows what the prompter reports: it turns once the prompter has acted.)
    await toggle.click();
    await prompter.getByTestId("voice-meter").waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    // This test's windows go: the next test's operator hears its own prompter only.
    await prompter.close();
    await main.close();
  });
}
