// The prompter on the day, in Chromium on the test backend: the broadcast slot (the pace that
// ends on time, proposed by the operator's panel and applied with T; the quiet warning on the
// prompter when the reading will run over; the core's pace limits), a clicker's keys reaching
// the prompter from the editor without stealing typing, and edits saved while it scrolls
// (before and after the eye line): the text at the eye line stays there, nothing jumps, the
// clock goes on; opening the prompter again brings it forward as it is. Screenshots of the
// operator's slot panel and of the prompter's warning go to ui/test-results/.

import assert from "node:assert/strict";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile } from "./browser.mjs";
import { SPEECH, showInPrompter } from "./prompter-fixtures.mjs";

const session = sessionPerFile();

/**
 * The main window on SPEECH (draft 1) in `language`, the operator view open and the prompter
 * window opened from it.
 * @param {{ width?: number, height?: number, language?: "ja" | "en",
 *   prompter?: Record<string, unknown> }} [options]
 */
async function openLive({ width = 1280, height = 800, language = "ja", prompter = {} } = {}) {
  await showInPrompter(session, SPEECH, { countdownSeconds: 0, ...prompter });
  const { page: main, problems } = await openMainWindow(session, { width, height, language });
  await main
    .getByRole("button", { name: language === "ja" ? "プロンプター" : "Prompter", exact: true })
    .click();
  const operator = main.getByTestId("operator");
  const [page] = await Promise.all([
    main.waitForEvent("popup"),
    operator.getByTestId("open-prompter").click(),
  ]);
  await page.getByTestId("hud").waitFor();
  await page.waitForFunction(
    () =>
      /** @type {HTMLElement | null} */ (document.querySelector(".track"))?.style.transform !== "",
  );
  await operator.getByTestId("clock-panel").waitFor();
  await main.evaluate(() => document.fonts.ready);
  return { main, operator, page, problems };
}

test("the slot: the pace that ends on time, applied with T; the warning when it runs over", async () => {
  const { main, operator, page, problems } = await openLive();
  const script = await session.command("prompter_script", { id: 1 });
  assert.equal(script.pacePerMinute, 420);
  assert.match(
    (await operator.getByTestId("wall-clock").textContent()) ?? "",
    /^時計 \d{1,2}:\d\d:\d\d$/,
  );

  // A one-minute slot from the start, at the top of the text: what is left is the whole
  // estimate, so the pace that ends on time is 420 × estimate ÷ 60 s.
  const expected = Math.round((420 * script.seconds) / 60);
  assert.ok(expected > 60 && expected < 1500, `a pace within the limits (${expected})`);
  await operator.getByTestId("slot-mode").selectOption("duration");
  await operator.getByTestId("slot-input").fill("1");
  await operator.getByTestId("slot-set").click();
  await operator
    .getByTestId("slot-proposed")
    .filter({ hasText: `時間どおりに終わる速さ：${expected} 拍/分` })
    .waitFor();
  assert.match(
    (await operator.getByTestId("slot-end").textContent()) ?? "",
    /までに終える（あと 1分00秒）|あと 0分5\d秒/,
  );
  const overAtEstimate = script.seconds - 60;
  if (overAtEstimate >= 2) {
    // At the estimate's pace it runs over: said quietly on the prompter, and to the operator.
    await page.getByTestId("slot-over").waitFor();
    assert.match(
      (await page.getByTestId("slot-over").textContent()) ?? "",
      /^このままでは放送枠を(\d+分)?\d+秒超えます$/,
    );
    assert.match((await operator.getByTestId("slot-finish").textContent()) ?? "", /遅れ）$/);
  }

  // One key: T, here pressed in the main window (no field has the focus).
  await main.locator("body").click({ position: { x: 5, y: 5 } });
  await main.keyboard.press("t");
  await page
    .getByTestId("pace")
    .filter({ hasText: `${expected} 拍/分` })
    .waitFor();
  await operator.getByTestId("slot-fitted").waitFor();
  await page.getByTestId("slot-over").waitFor({ state: "detached" });

  // A slot no pace can meet: ten seconds. The proposal stops at the core's limit and says so.
  await operator.getByTestId("slot-input").fill("0:10");
  await operator.getByTestId("slot-set").click();
  const limit = operator.getByTestId("slot-limit");
  await limit.waitFor();
  assert.match(
    (await limit.textContent()) ?? "",
    /^\s*上限の 1500 拍\/分 でも (\d+分)?\d+秒超えます/,
  );
  await operator.getByTestId("slot-proposed").filter({ hasText: "1500 拍/分" }).waitFor();
  await operator.getByTestId("slot-fit").click();
  await page.getByTestId("pace").filter({ hasText: "1500 拍/分" }).waitFor();
  // Still over at the limit: the warning stays.
  await page.getByTestId("slot-over").waitFor();
  await page.screenshot({ path: screenshotPath("prompter-slot-over.png") });
  await main.screenshot({ path: screenshotPath("operator-slot-ja-1280x800.png") });

  // An end on the wall clock: the next such time today, written back as the clock says it.
  const soon = new Date(Date.now() + 5 * 60_000);
  await operator.getByTestId("slot-mode").selectOption("end");
  await operator
    .getByTestId("slot-input")
    .fill(`${soon.getHours()}:${String(soon.getMinutes()).padStart(2, "0")}`);
  await operator.getByTestId("slot-set").click();
  await operator
    .getByTestId("slot-end")
    .filter({
      hasText: `${soon.getHours()}時${String(soon.getMinutes()).padStart(2, "0")}分までに終える`,
    })
    .waitFor();
  // Not a time: said beside the field, and the slot stays as it was.
  await operator.getByTestId("slot-input").fill("あとで");
  await operator.getByTestId("slot-set").click();
  await operator.getByRole("alert").filter({ hasText: "時刻は 8:45" }).waitFor();
  await operator.getByTestId("slot-clear").click();
  await operator.getByTestId("slot-plan").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("slot-over").count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
  await main.close();
});

for (const [language, width, height] of /** @type {const} */ ([
  ["ja", 1024, 700],
  ["ja", 1920, 1080],
  ["en", 1024, 700],
  ["en", 1920, 1080],
])) {
  test(`${language} ${width}×${height}: the operator's slot panel and the prompter's warning fit`, async () => {
    const { main, operator, page, problems } = await openLive({ width, height, language });
    await operator.getByTestId("slot-mode").selectOption("duration");
    await operator.getByTestId("slot-input").fill("0:10");
    await operator.getByTestId("slot-set").click();
    await operator.getByTestId("slot-limit").waitFor();
    await page.getByTestId("slot-over").waitFor();
    await operator.getByTestId("clock-panel").scrollIntoViewIfNeeded();
    // Nothing of the panel is cut: every line within the operator's width.
    const cut = await operator.getByTestId("clock-panel").evaluate((panel) => {
      const box = panel.getBoundingClientRect();
      return [...panel.querySelectorAll("p, span, button, input, select")]
        .filter((element) => {
          const r = element.getBoundingClientRect();
          const overflows =
            element.scrollWidth > element.clientWidth + 1 && element.tagName === "BUTTON";
          return r.right > box.right + 1 || r.left < box.left - 1 || overflows;
        })
        .map((element) => element.textContent);
    });
    assert.deepEqual(cut, []);
    await main.screenshot({
      path: screenshotPath(`operator-slot-${language}-${width}x${height}.png`),
    });
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({
      path: screenshotPath(`prompter-slot-over-${language}-${width}x${height}.png`),
    });
    assert.deepEqual(problems, []);
    await page.close();
    await main.close();
  });
}

/**
 * Records, each frame, where the sentence `text` is (its first line's top, px from the top of
 * the screen) and whether `mark` is in the script yet.
 * @param {import("playwright-core").Page} page @param {string} text @param {string} mark
 */
const startSampling = (page, text, mark) =>
  page.evaluate(
    ([target, marker]) => {
      const w = /** @type {any} */ (window);
      w.__samples = [];
      w.__sampling = true;
      const sample = (/** @type {number} */ time) => {
        const sentence = [...document.querySelectorAll(".sentence")].find(
          (element) => element.textContent === target,
        );
        const script = document.querySelector(".script")?.textContent ?? "";
        w.__samples.push({
          time,
          top: sentence ? (sentence.getClientRects()[0]?.top ?? null) : null,
          edited: script.includes(marker),
        });
        if (w.__sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    },
    [text, mark],
  );

/** @param {import("playwright-core").Page} page
 * @returns {Promise<{ time: number, top: number | null, edited: boolean }[]>} */
const stopSampling = (page) =>
  page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__sampling = false;
    return w.__samples;
  });

/**
 * How far the sentence moved when the edit arrived, beyond the motion of the frames around it
 * (px), and the largest step of any frame.
 * @param {{ time: number, top: number | null, edited: boolean }[]} samples
 */
function shiftAtEdit(samples) {
  const at = samples.findIndex((sample) => sample.edited);
  assert.ok(at > 3, `the edit arrived while sampling (frame ${at} of ${samples.length})`);
  assert.ok(
    samples.every((sample) => sample.top !== null),
    "the sentence at the eye line is there in every frame",
  );
  const tops = samples.map((sample) => /** @type {number} */ (sample.top));
  const steps = tops.slice(1).map((top, i) => top - tops[i]);
  // The motion per frame around the edit (the text scrolls up: negative steps).
  const around = [...steps.slice(Math.max(0, at - 6), at - 1), ...steps.slice(at, at + 5)];
  const usual = around.sort((a, b) => a - b)[Math.floor(around.length / 2)] ?? 0;
  return { shift: steps[at - 1] - usual, largest: Math.max(...steps.map(Math.abs)) };
}

test("edits saved while it scrolls: the eye line's text stays, nothing jumps, the clock goes on", async () => {
  const { main, operator, page, problems } = await openLive();
  const editor = main.locator(".cm-content");

  // A clicker's PageDown with the cursor in the editor steps the prompter, not the editor.
  await editor.getByText("市民の皆さんの声を").click();
  // Home, in the editor, is the editor's: the cursor to the start of the line.
  await main.keyboard.press("Home");
  const text = await main.evaluate(() => document.querySelector(".cm-content")?.textContent);
  for (let i = 0; i < 3; i += 1) await main.keyboard.press("PageDown");
  await page.waitForFunction(() => {
    const p = document.querySelectorAll(".paragraph")[2].getBoundingClientRect();
    return Math.abs(p.top - window.innerHeight * 0.25) < 1.5;
  });
  // … and typing still types: B, a period and Space are the editor's (they would blank or
  // play the prompter from anywhere else).
  await main.keyboard.type("b. ");
  await editor.getByText("b. 市民の皆さんの声を").waitFor();
  for (let i = 0; i < 3; i += 1) await main.keyboard.press("Backspace");
  assert.equal(await page.getByTestId("blank").count(), 0, "the prompter was not blanked");
  assert.equal(await page.getByTestId("play-state").textContent(), "停止中");
  assert.equal(
    await main.evaluate(() => document.querySelector(".cm-content")?.textContent),
    text,
    "the editor's text is back as it was",
  );

  // Play (Space, from the prompter's own window), then edit while it scrolls.
  await page.keyboard.press("Space");
  await page.getByTestId("play-state").filter({ hasText: "再生中" }).waitFor();
  await page.waitForTimeout(1500);
  const current = await page.evaluate(
    () => document.querySelector(".sentence.current")?.textContent ?? "",
  );
  assert.ok(current.length > 0, "a sentence at the eye line");
  const elapsedBefore = await page.getByTestId("elapsed").textContent();

  /** @type {Record<string, { shift: number, largest: number }>} */
  const figures = {};
  for (const [where, line, insert] of /** @type {const} */ ([
    // Before the eye line: a sentence that adds lines above it.
    ["before", "年末年始も", "追加した一文をここに書き足しました。"],
    // After it: a word in the closing.
    ["after", "今年が災害のない", "そして"],
  ])) {
    await startSampling(page, current, insert);
    await page.waitForFunction(() => /** @type {any} */ (window).__samples.length > 10, null, {
      polling: 50,
    });
    await editor.getByText(line).click({ position: { x: 2, y: 8 } });
    await main.keyboard.press("Home");
    await main.keyboard.insertText(insert);
    await page.locator(".script").filter({ hasText: insert }).waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    figures[where] = shiftAtEdit(await stopSampling(page));
    // The operator's copy reads the new text too.
    await operator.getByTestId("operator-copy").filter({ hasText: insert }).waitFor();
  }
  console.log(`the eye line's sentence at each edit: ${JSON.stringify(figures)}`);
  for (const [where, { shift, largest }] of Object.entries(figures)) {
    assert.ok(Math.abs(shift) < 3, `no jump at the edit ${where} the eye line: ${shift} px`);
    assert.ok(largest < 20, `every frame glides (${where}): ${largest} px`);
  }
  // Still playing, at the same sentence or the one after; the clock was not reset.
  assert.equal(await page.getByTestId("play-state").textContent(), "再生中");
  const now = await page.evaluate(
    () => document.querySelector(".sentence.current")?.textContent ?? "",
  );
  const sentences = await page.evaluate(() =>
    [...document.querySelectorAll(".sentence")].map((s) => s.textContent),
  );
  assert.ok(sentences.indexOf(now) - sentences.indexOf(current) <= 1, `${current} → ${now}`);
  const seconds = (/** @type {string | null} */ t) => {
    const [, m, s] = (t ?? "").match(/(\d+)分(\d+)秒/) ?? [];
    return Number(m) * 60 + Number(s);
  };
  assert.ok(seconds(await page.getByTestId("elapsed").textContent()) >= seconds(elapsedBefore));

  // Opening the prompter again for the same draft brings it forward as it is.
  await page.evaluate(() => {
    /** @type {any} */ (window).__stillHere = true;
  });
  await operator.getByTestId("open-prompter").click();
  await page.waitForTimeout(800);
  assert.equal(
    await page.evaluate(() => /** @type {any} */ (window).__stillHere),
    true,
    "not reloaded",
  );
  assert.equal(await page.getByTestId("play-state").textContent(), "再生中");
  assert.ok(seconds(await page.getByTestId("elapsed").textContent()) >= seconds(elapsedBefore));
  assert.deepEqual(problems, []);
  await page.close();
  await main.close();
});
