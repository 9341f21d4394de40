// End to end in the real windows: voice mode on a recording. The app hears
// tests/data/voice/reading.wav (PODIUM_VOICE_FILE) in real time through the microphone's
// pipeline; V in the prompter turns voice mode on; the text moves while the recording speaks
// (its first sentence) and stands still through the applause after it, then moves again; the
// HUD's meter says who speaks and the operator view shows the switch on with its own meter.
// Screenshots: ui/test-results/e2e-voice-prompter.png (the HUD's meter while the recording
// speaks), e2e-voice-operator.png. Without a microphone (ALSA given an empty configuration),
// voice mode says so in Japanese and English and the prompter plays as before
// (e2e-voice-no-microphone.png). Run with `make test-e2e`.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  appPath,
  invoker,
  openPrompterWindow,
  reloadWindow,
  screenshotScreen,
  showNewYearAddress,
  sleep,
  startDriverInTempHome,
  waitFor,
} from "./webdriver.mjs";

const VOICE = new URL("../../tests/data/voice/", import.meta.url);
const SPACE = "\uE00D";
const PAGE_DOWN = "\uE00F";

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;

before(async () => {
  isolated = await startDriverInTempHome("e2e-voice", {
    env: { PODIUM_VOICE_FILE: fileURLToPath(new URL("reading.wav", VOICE)) },
  });
});

after(async () => {
  await isolated?.stop();
});

test("voice mode: the prompter moves while the recording speaks and holds in its applause", async () => {
  const app = await isolated.driver.session(appPath());
  const invoke = invoker(app);
  try {
    await app.waitFor("//li[contains(., '原稿はまだありません。')]");
    const draft = await invoke("create_draft", {
      values: { templateId: null, date: "2027-01-04", event: "", speaker: "", city: "" },
    });
    const body = readFileSync(new URL("speech.md", VOICE), "utf8");
    await invoke("save_draft", {
      id: draft.id,
      body,
      baseRevision: draft.revision,
      kind: { kind: "autosave" },
    });
    // Playing starts at once (no countdown): the recording runs in real time.
    const settings = await invoke("get_prompter_settings", {});
    await invoke("set_prompter_settings", { settings: { ...settings, countdownSeconds: 0 } });
    await reloadWindow(app);
    const [main] = await app.windows();
    const prompter = await openPrompterWindow(app, main);
    await waitFor(() => app.execute("return document.fonts.status === 'loaded'"), "the fonts");
    const offset = () =>
      app.execute(
        "return new DOMMatrix(getComputedStyle(document.querySelector('.track')).transform).m42",
      );
    // The first paragraph at the eye line, as an operator would put it.
    await app.press([PAGE_DOWN]);
    await sleep(1200);

    // V: voice mode on (the recording starts), Space: play.
    await app.press(["v"]);
    const started = Date.now();
    await app.press([SPACE]);
    await waitFor(
      () => app.execute("return document.querySelector('[data-testid=voice-meter]') !== null"),
      "voice mode on",
    ).catch(async (error) => {
      throw new Error(`${error.message}: the HUD says ${await app.textOf("[data-testid=hud]")}`);
    });
    assert.equal(await app.textOf("[data-testid=play-state]"), "声に合わせて進行中");
    /** @type {{ t: number, y: number, word: string }[]} */
    const samples = [];
    let shot = false;
    while (Date.now() - started < 12_500) {
      const t = (Date.now() - started) / 1000;
      samples.push({
        t,
        y: await offset(),
        word: await app.textOf("[data-testid=voice-meter] .word"),
      });
      if (!shot && t > 2.5) {
        screenshotScreen("e2e-voice-prompter.png");
        shot = true;
      }
      await sleep(80);
    }
    // Times in the recording: the machine may take a moment to start it after V, so the
    // samples are placed by the first report of speech, which the pipeline makes 1.09 s into
    // the file (tests/data/voice/reading.heard.json).
    const heardAt = samples.find((s) => s.word === "話している")?.t;
    const trace = samples.map((s) => `${s.t.toFixed(2)} ${s.y.toFixed(1)} ${s.word}`).join("\n");
    assert.ok(heardAt !== undefined && heardAt < 4, `the recording heard\n${trace}`);
    const file = (/** @type {number} */ t) => t - heardAt + 1.09;
    const moved = (/** @type {number} */ from, /** @type {number} */ to) => {
      const inside = samples.filter((s) => file(s.t) >= from && file(s.t) <= to);
      assert.ok(inside.length >= 3, `samples between ${from} and ${to} s\n${trace}`);
      return Math.max(...inside.map((s) => s.y)) - Math.min(...inside.map((s) => s.y));
    };
    // Before the voice (room noise): still. The first sentence (1.0–4.1 s): moving.
    assert.ok(moved(file(0.2), 1.0) < 0.5, `still before the voice\n${trace}`);
    assert.ok(moved(1.6, 4.0) > 20, `moving while it speaks\n${trace}`);
    // The applause (4.1–7.6 s; heard as silence from 4.56 s): the text eases to a stop,
    // settles at the next sentence's start after 1.2 s of silence (a few pixels here), then
    // holds still until the next sentence (heard at 7.71 s).
    assert.ok(moved(6.7, 7.6) < 0.5, `still through the applause\n${trace}`);
    const silent = samples.filter((s) => file(s.t) > 5.5 && file(s.t) < 7.4);
    assert.ok(silent.length > 0 && silent.every((s) => s.word === "無音"), trace);
    // The next sentence: moving again.
    assert.ok(moved(8.4, 10.0) > 20, `moving again\n${trace}`);
    console.log(
      `voice e2e: moved ${moved(1.6, 4.0).toFixed(0)} px in the first sentence, ` +
        `${moved(4.6, 7.6).toFixed(1)} px in the applause (easing to a stop and settling), ` +
        `${moved(6.7, 7.6).toFixed(2)} px once at rest`,
    );

    // The operator view: the switch on, its meter, what stays on this PC.
    await app.switchTo(main);
    await waitFor(
      () => app.execute("return document.querySelector('[data-testid=voice-mode]')?.checked"),
      "the operator's switch on",
    );
    await app.waitFor("[data-testid=voice-panel] [data-testid=voice-meter]");
    await app.execute(
      "document.querySelector('[data-testid=voice-panel]').scrollIntoView({ block: 'center' })",
    );
    await app.screenshot("e2e-voice-operator.png");

    // V again: voice mode off (the microphone closed), the switch follows.
    await app.switchTo(prompter);
    await app.press(["v"]);
    await app.switchTo(main);
    await waitFor(
      () => app.execute("return !document.querySelector('[data-testid=voice-mode]').checked"),
      "the operator's switch off",
    );
  } catch (error) {
    screenshotScreen("e2e-voice-failure.png");
    throw error;
  } finally {
    await app.quit();
  }
});

test("without a microphone, voice mode says so and the prompter plays as before", async () => {
  // ALSA with an empty configuration has no devices at all: the same on any Linux machine.
  const alsa = join(isolated.home, "empty-alsa.conf");
  writeFileSync(alsa, "");
  const deaf = await startDriverInTempHome("e2e-voice-deaf", { env: { ALSA_CONFIG_PATH: alsa } });
  const app = await deaf.driver.session(appPath());
  const invoke = invoker(app);
  try {
    const settings = await invoke("get_prompter_settings", {});
    await invoke("set_prompter_settings", { settings: { ...settings, countdownSeconds: 0 } });
    await showNewYearAddress(app);
    const [main] = await app.windows();
    await openPrompterWindow(app, main);
    await app.press(["v"]);
    // The reader's screen says it in a few words; the operator view gives the reason.
    await waitFor(
      async () =>
        (await app.textOf("[data-testid=hud] [data-testid=voice-problem]")) ===
        "マイクを使えません（声に合わせて進めるはオフ）",
      "voice mode off on the prompter",
    );
    // The prompter runs as before: Space plays at the pace.
    await app.press([SPACE]);
    await waitFor(
      async () => (await app.textOf("[data-testid=play-state]")) === "再生中",
      "playing",
    );
    screenshotScreen("e2e-voice-no-microphone.png");
    await app.switchTo(main);
    const problem = await waitFor(
      () => app.textOf("[data-testid=voice-panel] [data-testid=voice-problem]"),
      "the reason in the operator view",
    );
    assert.match(problem, /^マイクが見つかりません.*no microphone found/);
    assert.equal(
      await app.execute("return document.querySelector('[data-testid=voice-mode]').checked"),
      false,
    );
  } finally {
    await app.quit();
    await deaf.stop();
  }
});
