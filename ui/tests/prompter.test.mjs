// The prompter window in Chromium on the test backend: the key map (play, pause, reading pace,
// steps, sections, start, blank, wheel, countdown, paragraph-step mode), mirroring, 縦書き, the
// pace (the same sentence at the eye line at any font size), a hostile draft that must not run,
// and the operator view in the main window driving the prompter and following it. Screenshots
// go to ui/test-results/.

import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";
import { HOSTILE, SPEECH, showInPrompter } from "./prompter-fixtures.mjs";

const session = sessionPerFile();

/**
 * The prompter page on SPEECH (or `body`) with these settings.
 * @param {Record<string, unknown>} settings
 * @param {string} [body]
 */
async function openPrompter(settings, body = SPEECH) {
  await showInPrompter(session, body, { countdownSeconds: 0, ...settings }, 120);
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${session.baseUrl}prompter.html?draft=1`);
  await page.getByTestId("hud").waitFor();
  // The first measurement happens after the fonts load.
  await page.waitForFunction(
    () =>
      /** @type {HTMLElement | null} */ (document.querySelector(".track"))?.style.transform !== "",
  );
  return { page, problems };
}

/** The track's translation (x, y) in px. @param {import("playwright-core").Page} page */
const offset = (page) =>
  page.evaluate(() => {
    const matrix = new DOMMatrix(
      getComputedStyle(/** @type {HTMLElement} */ (document.querySelector(".track"))).transform,
    );
    return { x: matrix.m41, y: matrix.m42 };
  });

/** Waits until the track stops moving (a glide ended). @param {import("playwright-core").Page} page */
async function settled(page) {
  let last = await offset(page);
  for (let i = 0; i < 40; i += 1) {
    await page.waitForTimeout(100);
    const now = await offset(page);
    if (Math.abs(now.x - last.x) < 0.01 && Math.abs(now.y - last.y) < 0.01) return now;
    last = now;
  }
  throw new Error("the text kept moving");
}

/**
 * The screen rectangle of the nth element matching `selector`.
 * @param {import("playwright-core").Page} page
 * @param {string} selector
 * @param {number} n
 */
const rect = (page, selector, n = 0) =>
  page.evaluate(
    ([s, i]) => {
      const r = document.querySelectorAll(s)[i].getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    },
    /** @type {[string, number]} */ ([selector, n]),
  );

const viewport = { width: 1280, height: 800 };

test("the key map: play and pause, pace, steps, sections, start, blank, wheel", async () => {
  const { page, problems } = await openPrompter({});
  const state = page.getByTestId("play-state");
  assert.equal(await state.textContent(), "停止中");

  // Space plays: the text moves up, by fractions of a pixel.
  const start = await offset(page);
  await page.keyboard.press("Space");
  await state.filter({ hasText: "再生中" }).waitFor();
  await page.waitForTimeout(700);
  const moving = await offset(page);
  assert.ok(moving.y < start.y - 5, `the text moved up (${start.y} → ${moving.y})`);
  assert.equal(moving.x, 0);
  const transform = await page.evaluate(
    () => /** @type {HTMLElement} */ (document.querySelector(".track")).style.transform,
  );
  assert.match(transform, /^translate3d\(0px, -?\d+(\.\d{1,3})?px, 0px\)$/);
  await page.keyboard.press("Space");
  await state.filter({ hasText: "停止中" }).waitFor();
  await settled(page);

  // The reading pace: the estimate's (the core times in morae at 420 拍/分), 5 % a step.
  const pace = page.getByTestId("pace");
  assert.equal(await pace.textContent(), "420 拍/分");
  await page.keyboard.press("ArrowUp");
  assert.equal(await pace.textContent(), "441 拍/分");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await pace.textContent(), "400 拍/分");

  // Home, then PageDown: each paragraph glides to the eye line (a quarter down the screen).
  await page.keyboard.press("Home");
  await settled(page);
  const eyeLine = viewport.height * 0.25;
  await page.keyboard.press("PageDown");
  await settled(page);
  const first = await rect(page, ".paragraph", 0);
  assert.ok(Math.abs(first.top - eyeLine) < 1.5, `paragraph 1 at the eye line (${first.top})`);
  const emphasised = await page.evaluate(
    () =>
      document.querySelector(".sentence.current") ===
      document.querySelectorAll(".paragraph")[0].querySelector(".sentence"),
  );
  assert.ok(emphasised, "the sentence at the eye line is emphasised");
  await page.keyboard.press("PageDown");
  await settled(page);
  assert.ok(Math.abs((await rect(page, ".paragraph", 1)).top - eyeLine) < 1.5);
  await page.keyboard.press("ArrowLeft");
  await settled(page);
  assert.ok(Math.abs((await rect(page, ".paragraph", 0)).top - eyeLine) < 1.5);

  // Sections: Shift+PageDown, and a digit jumps to that section (3 = ②).
  await page.keyboard.press("Shift+PageDown");
  await settled(page);
  assert.equal(
    await page.getByTestId("section-name").textContent(),
    "① 地域の未来を担う人材を育てる",
  );
  await page.keyboard.press("3");
  await settled(page);
  assert.equal(await page.getByTestId("section-name").textContent(), "② 市民とともにつくる市政");
  const heading = await rect(page, ".section-heading", 2);
  assert.ok(Math.abs(heading.top - eyeLine) < 1.5, `section 3 at the eye line (${heading.top})`);
  await page.keyboard.press("Shift+PageUp");
  await settled(page);
  assert.equal(
    await page.getByTestId("section-name").textContent(),
    "① 地域の未来を担う人材を育てる",
  );

  // The wheel nudges.
  const before = await offset(page);
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 120);
  await page.waitForTimeout(100);
  assert.ok(Math.abs((await offset(page)).y - (before.y - 120)) < 0.5, "the wheel moved 120 px");

  // B and period blank the screen (and pause); again shows it.
  await page.keyboard.press("b");
  await page.getByTestId("blank").waitFor();
  await page.keyboard.press(".");
  await page.getByTestId("blank").waitFor({ state: "detached" });

  // F5 starts, Esc stops; the elapsed clock ran.
  await page.keyboard.press("F5");
  await state.filter({ hasText: "再生中" }).waitFor();
  await page.waitForTimeout(1100);
  await page.keyboard.press("Escape");
  await state.filter({ hasText: "停止中" }).waitFor();
  assert.match((await page.getByTestId("elapsed").textContent()) ?? "", /経過 0分0[1-9]秒/);
  assert.match((await page.getByTestId("remaining").textContent()) ?? "", /残り \d+分\d\d秒/);
  assert.equal(await page.getByTestId("target").textContent(), "目標 2分00秒");
  await page.screenshot({ path: screenshotPath("prompter-horizontal.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the countdown runs before the text moves; paragraph-step mode glides one paragraph a press", async () => {
  const { page } = await openPrompter({ countdownSeconds: 2 });
  const start = await offset(page);
  await page.keyboard.press("Space");
  await page.getByTestId("countdown").filter({ hasText: "2" }).waitFor();
  assert.deepEqual(await offset(page), start, "nothing moves during the countdown");
  await page.getByTestId("countdown").filter({ hasText: "1" }).waitFor();
  await page.getByTestId("countdown").waitFor({ state: "detached", timeout: 3000 });
  await page.getByTestId("play-state").filter({ hasText: "再生中" }).waitFor();
  await page.close();

  const step = await openPrompter({ paragraphStep: true });
  assert.equal(await step.page.getByTestId("play-state").textContent(), "段落送り");
  for (const n of [0, 1, 2]) {
    await step.page.keyboard.press("Space");
    await settled(step.page);
    const top = (await rect(step.page, ".paragraph", n)).top;
    assert.ok(Math.abs(top - viewport.height * 0.25) < 1.5, `paragraph ${n + 1}: ${top}`);
  }
  await step.page.close();
});

test("at the end of a run, Space starts no new countdown; F5 starts again from the top", async () => {
  const { page, problems } = await openPrompter({ countdownSeconds: 2 });
  const start = await offset(page);
  // To the end with the wheel, then as the speaker would: Space again.
  for (let i = 0; i < 30; i += 1) await page.mouse.wheel(0, 2000);
  const end = await settled(page);
  assert.ok(end.y < start.y - 200, `at the end (${start.y} → ${end.y})`);
  await page.keyboard.press("Space");
  await page.waitForTimeout(600);
  assert.equal(await page.getByTestId("countdown").count(), 0, "no countdown at the end");
  assert.equal(await page.getByTestId("play-state").textContent(), "停止中");
  assert.deepEqual(await offset(page), end, "the text stays at its end");
  // F5 is a new run: back to the start, with its countdown.
  await page.keyboard.press("F5");
  await page.getByTestId("countdown").waitFor();
  const back = await settled(page);
  assert.ok(Math.abs(back.y - start.y) < 1, `back at the start (${back.y})`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("mirrored horizontally and vertically, the steps still land on the eye line", async () => {
  const { page } = await openPrompter({ mirrorHorizontal: true });
  const matrix = await page.evaluate(
    () =>
      new DOMMatrix(
        getComputedStyle(/** @type {HTMLElement} */ (document.querySelector(".stage"))).transform,
      ).a,
  );
  assert.equal(matrix, -1, "the stage is flipped left to right");
  await page.keyboard.press("PageDown");
  await settled(page);
  const text = await rect(page, ".paragraph", 0);
  assert.ok(Math.abs(text.top - viewport.height * 0.25) < 1.5);
  // Mirrored, the text starts at the right margin.
  assert.ok(text.right > viewport.width * 0.85, `right-aligned when mirrored (${text.right})`);
  await page.screenshot({ path: screenshotPath("prompter-mirrored.png") });
  await page.close();

  const upside = await openPrompter({ mirrorVertical: true });
  await upside.page.keyboard.press("PageDown");
  await settled(upside.page);
  const flipped = await rect(upside.page, ".paragraph", 0);
  // Upside down, the eye line is a quarter from the bottom and the text runs upwards.
  assert.ok(Math.abs(flipped.bottom - viewport.height * 0.75) < 1.5, `${flipped.bottom}`);
  // Played upside down, the text moves down the screen.
  await upside.page.keyboard.press("Space");
  await upside.page.waitForTimeout(600);
  await upside.page.keyboard.press("Space");
  const moved = await rect(upside.page, ".paragraph", 0);
  assert.ok(moved.bottom > flipped.bottom + 5, `${flipped.bottom} → ${moved.bottom}`);
  await upside.page.screenshot({ path: screenshotPath("prompter-mirrored-vertical.png") });
  await upside.page.close();
});

test("縦書き: right to left, ruby on the right, upright digits, every control works", async () => {
  const { page, problems } = await openPrompter({ vertical: true });
  assert.equal(
    await page.evaluate(
      () =>
        getComputedStyle(/** @type {HTMLElement} */ (document.querySelector(".script")))
          .writingMode,
    ),
    "vertical-rl",
  );
  // Ruby on the right of its kanji.
  const [base, reading] = await page.evaluate(() => {
    const ruby = /** @type {HTMLElement} */ (document.querySelector("ruby"));
    const rt = /** @type {HTMLElement} */ (ruby.querySelector("rt")).getBoundingClientRect();
    const all = ruby.getBoundingClientRect();
    return [all.left + all.width / 2, rt.left];
  });
  assert.ok(reading > base - 1, "the reading is on the right");
  // 令和9年: the digit stands upright (縦中横).
  assert.equal(
    await page.evaluate(
      () =>
        getComputedStyle(/** @type {HTMLElement} */ (document.querySelector(".combined")))
          .textCombineUpright,
    ),
    "all",
  );

  // Steps: each paragraph's right edge glides to the eye line, a quarter in from the right.
  const eyeLine = viewport.width * 0.75;
  await page.keyboard.press("PageDown");
  await settled(page);
  const first = await rect(page, ".paragraph", 0);
  assert.ok(Math.abs(first.right - eyeLine) < 1.5, `paragraph 1 at the eye line (${first.right})`);
  await page.keyboard.press("4");
  await settled(page);
  assert.equal(await page.getByTestId("section-name").textContent(), "③ 働き方を変える");
  await page.keyboard.press("Home");
  await settled(page);

  // Playing moves the text to the right.
  const start = await offset(page);
  await page.keyboard.press("Space");
  await page.waitForTimeout(700);
  const moving = await offset(page);
  assert.ok(moving.x > start.x + 5, `the text moved right (${start.x} → ${moving.x})`);
  assert.equal(moving.y, 0);
  await page.keyboard.press("Space");
  await page.keyboard.press("PageDown");
  await settled(page);
  await page.screenshot({ path: screenshotPath("prompter-vertical.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

/**
 * Sentences of plain kana, which the core times exactly: morae × 60 / 420 + 0.6 s. After the
 * title and the heading, the first paragraph's sentences take 1.6, 3.6, 2.6 and 4.6 s.
 */
const PACED = `# 速さ

## 一

${["あいうえおかき。", "さしすせそたちつてとなにぬねのはひふへほま。", "みむめもやゆよらりるれろわを。", "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふ。"].join("")}

${"かきくけこさしすせそたちつてと。".repeat(6)}
`;

test("the pace: the same sentence reaches the eye line at the same time at any size or direction", async () => {
  /** @type {{ name: string, sentence: number, onEyeLine: boolean }[]} */
  const seen = [];
  for (const [name, settings] of /** @type {[string, Record<string, unknown>][]} */ ([
    ["48 px", { fontPx: 48 }],
    ["112 px", { fontPx: 112, lineHeightPercent: 200 }],
    ["縦書き 80 px", { fontPx: 80, vertical: true }],
  ])) {
    const { page, problems } = await openPrompter(settings, PACED);
    assert.equal(await page.getByTestId("pace").textContent(), "420 拍/分");
    // From the first paragraph: play for 3 s (0.3 s of it lost to the ramp): 2.7 s of the
    // estimate, in the second sentence (1.6–5.2 s).
    await page.keyboard.press("PageDown");
    await settled(page);
    await page.keyboard.press("Space");
    await page.waitForTimeout(3000);
    const at = await page.evaluate((vertical) => {
      const sentences = [...document.querySelectorAll(".sentence")];
      const current = document.querySelector(".sentence.current");
      const rects = current ? [...current.getClientRects()] : [];
      const style = current ? getComputedStyle(current) : null;
      const leading = style
        ? (Number.parseFloat(style.lineHeight) - Number.parseFloat(style.fontSize)) / 2
        : 0;
      // Is the eye line on the sentence's lines (within a line of its first and last)?
      const eye = vertical ? window.innerWidth * 0.75 : window.innerHeight * 0.25;
      const [low, high] = vertical
        ? [Math.min(...rects.map((r) => r.left)), Math.max(...rects.map((r) => r.right))]
        : [Math.min(...rects.map((r) => r.top)), Math.max(...rects.map((r) => r.bottom))];
      return {
        sentence: current ? sentences.indexOf(current) : -1,
        onEyeLine: eye >= low - leading - 1 && eye <= high + leading + 1,
      };
    }, settings.vertical === true);
    await page.keyboard.press("Space");
    seen.push({ name, ...at });
    assert.deepEqual(problems, []);
    await page.close();
  }
  for (const { name, sentence, onEyeLine } of seen) {
    assert.ok(Math.abs(sentence - 1) <= 1, `${name}: sentence ${sentence} after 3 s (expected 1)`);
    assert.ok(onEyeLine, `${name}: the emphasised sentence is at the eye line`);
  }
  const indices = seen.map((s) => s.sentence);
  assert.ok(
    Math.max(...indices) - Math.min(...indices) <= 1,
    `the same sentence at every size: ${JSON.stringify(seen)}`,
  );
});

test("a hostile draft is shown as text and runs nothing in the prompter", async () => {
  const { page, problems } = await openPrompter({}, HOSTILE);
  await page.keyboard.press("End");
  await page.waitForTimeout(300);
  await page.mouse.move(400, 300);
  await page.mouse.move(500, 500);
  assert.equal(
    await page.evaluate(() => /** @type {any} */ (window).__pwned),
    undefined,
    "no script ran",
  );
  const elements = await page.evaluate(
    () =>
      document.querySelectorAll(
        ".script script, .script img, .script iframe, .script svg, .script b, .script a, .script i",
      ).length,
  );
  assert.equal(elements, 0, "no element of the draft's markup exists");
  const text = (await page.locator(".script").textContent()) ?? "";
  assert.ok(text.includes("<img src=x onerror="), "escaped markup shows as text");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the operator view drives the prompter and follows its position", async () => {
  const main = await session.browser.newPage();
  const problems = watchProblems(main);
  await main.goto(session.baseUrl);
  await main.getByRole("button", { name: "新規作成" }).click();
  const dialog = main.getByRole("dialog", { name: "テンプレートから新規作成" });
  // The first address is chosen once the templates are listed.
  await dialog.locator("option", { hasText: "年頭挨拶" }).waitFor({ state: "attached" });
  await dialog.getByLabel("行事").fill("仕事始め式");
  // Every field the template asks for (a placeholder left would hold the prompter back).
  await dialog.getByLabel("話し手").fill("市長　山田太郎");
  await dialog.getByLabel("市の名前").fill("みなと市");
  await dialog.getByRole("button", { name: "作成" }).click();
  await main.locator(".cm-content").getByText("年頭挨拶").first().waitFor();

  await main.getByRole("button", { name: "プロンプター", exact: true }).click();
  const operator = main.getByTestId("operator");
  await operator.getByText("プロンプターは開いていません").waitFor();
  const [prompter] = await Promise.all([
    main.waitForEvent("popup"),
    operator.getByTestId("open-prompter").click(),
  ]);
  await prompter.getByTestId("hud").waitFor();
  await operator.getByTestId("operator-state").filter({ hasText: "停止中" }).waitFor();

  // Play from the operator: the prompter plays, the operator copy follows smoothly.
  await operator.getByRole("button", { name: "再生／一時停止" }).click();
  await prompter.getByTestId("play-state").filter({ hasText: "再生中" }).waitFor();
  await operator.getByTestId("operator-state").filter({ hasText: "再生中" }).waitFor();
  const copy = await main.evaluate(async () => {
    const track = /** @type {HTMLElement} */ (document.querySelector(".copy-track"));
    const seen = [];
    for (let i = 0; i < 90; i += 1) {
      const time = await new Promise((resolve) => requestAnimationFrame(resolve));
      seen.push([time, new DOMMatrix(getComputedStyle(track).transform).m42]);
    }
    return seen;
  });
  assert.ok(copy[copy.length - 1][1] < copy[0][1] - 2, "the copy moves with the prompter");
  // No jumps: frame to frame the copy glides (a line of the copy is 24 px), even when a frame
  // comes late on this shared machine.
  const steps = copy.slice(1).map(([, y], i) => Math.abs(y - copy[i][1]));
  assert.ok(Math.max(...steps) < 12, `no jumps in the copy: ${Math.max(...steps)} px`);
  assert.equal(
    await prompter.evaluate(() => document.visibilityState),
    "visible",
    "the prompter is a window of its own",
  );

  // Steps and sections from the operator's buttons.
  await operator.getByRole("button", { name: "再生／一時停止" }).click();
  await prompter.getByTestId("play-state").filter({ hasText: "停止中" }).waitFor();
  // The section buttons name their sections (not 「3章へ」); the key and number are in the title.
  const third = operator.getByRole("button", { name: /^①/ });
  assert.match((await third.getAttribute("title")) ?? "", /^3章「①.*」へ（キー 3）$/);
  await third.click();
  await prompter.getByTestId("section-name").filter({ hasText: "①" }).waitFor();
  await operator.getByRole("button", { name: "速く" }).click();
  await prompter.getByTestId("pace").filter({ hasText: "441 拍/分" }).waitFor();
  await operator.getByTestId("operator-pace").filter({ hasText: "441 拍/分" }).waitFor();

  // A display setting reaches the prompter at once and is remembered.
  await operator.getByText("表示", { exact: true }).click();
  await operator.getByLabel("左右反転", { exact: true }).check();
  await prompter.waitForFunction(
    () =>
      new DOMMatrix(
        getComputedStyle(/** @type {HTMLElement} */ (document.querySelector(".stage"))).transform,
      ).a === -1,
  );
  await operator.getByLabel("左右反転", { exact: true }).uncheck();
  // (Saved through the backend first: wait until it arrived, or it would undo the key below.)
  await prompter.waitForFunction(
    () =>
      new DOMMatrix(
        getComputedStyle(/** @type {HTMLElement} */ (document.querySelector(".stage"))).transform,
      ).a === 1,
  );

  // Keys typed on the operator's live copy act on the prompter.
  await operator.getByTestId("operator-copy").focus();
  await main.keyboard.press("ArrowUp");
  await prompter.getByTestId("pace").filter({ hasText: "463 拍/分" }).waitFor();
  // The pace chosen is the prompter's setting, shown in the operator's form, which can set
  // it back to the estimate's (the 「表示」 section is open since the mirroring above).
  assert.equal(await operator.getByTestId("prompter-pace").inputValue(), "463");
  await operator.getByRole("button", { name: "見積もりの速さに戻す（420）" }).click();
  await prompter.getByTestId("pace").filter({ hasText: "420 拍/分" }).waitFor();
  await operator.getByTestId("operator-pace").filter({ hasText: "420 拍/分" }).waitFor();

  // A rehearsal: recorded in the prompter, saved, the measured pace shown here.
  await operator.getByTestId("rehearse").click();
  await prompter.getByText("● 記録中").waitFor();
  await operator.getByRole("button", { name: "再生／一時停止" }).click();
  // Long enough for the core to measure a pace: a section counts once it had 3 s of speaking
  // beyond the estimate's pauses (7.5 s in ①, which plays now).
  await main.waitForTimeout(12_000);
  await operator.getByRole("button", { name: "記録を終えて保存" }).click();
  await operator.getByTestId("rehearsal-runs").filter({ hasText: "記録 1 回" }).waitFor();
  // The report: per section the estimate, the measured time and the difference in words.
  const report = operator.getByTestId("rehearsal-report");
  await report.waitFor();
  const rows = await report
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? "")),
    );
  // The run read ① only (it started there): its estimate, the time measured, how far ahead.
  assert.ok(
    rows.some(([title]) => title.startsWith("①")),
    JSON.stringify(rows),
  );
  for (const [, estimated, measured, difference] of rows) {
    assert.match(estimated, /^\d+分\d\d秒$/);
    assert.match(measured, /^\d+分\d\d秒$/);
    assert.match(difference, /^(\d+分)?\d+秒(遅れ|早い)$|^予定どおり$/);
  }
  assert.match(
    (await report.locator("caption").textContent()) ?? "",
    /^最新の記録（\d{4}年\d{1,2}月\d{1,2}日（.）\s\d{1,2}時\d\d分）$/,
  );
  // The speaker's pace in morae and in characters; adopting it sets both in the settings.
  const measured = (await operator.getByTestId("measured-pace").textContent()) ?? "";
  const [, mpm, cpm] = measured.match(/話し手の速さ：(\d+) 拍\/分・(\d+) 字\/分/) ?? [];
  assert.ok(mpm && cpm, measured);
  await main.screenshot({ path: screenshotPath("operator.png") });
  await operator.getByTestId("use-pace").click();
  await operator.getByTestId("use-pace").waitFor({ state: "detached" });
  await main.getByRole("button", { name: "設定" }).click();
  const settings = main.getByRole("dialog", { name: "設定" });
  assert.equal(await settings.getByLabel("読む速さ（拍/分）").inputValue(), mpm);
  assert.equal(await settings.getByLabel("読む速さ（字/分）").inputValue(), cpm);
  await settings.getByRole("button", { name: "キャンセル" }).click();
  assert.deepEqual(problems, []);
  await prompter.close();
  await main.close();
});

test("the library's server going away mid-read puts nothing on the reader's screen", async () => {
  const { page, problems } = await openPrompter({});
  // From now on every save of the prompter's settings finds the server out of reach.
  let refused = 0;
  await page.route("http://ipc.localhost/set_prompter_settings", (route) => {
    refused += 1;
    return route.fulfill({
      status: 200,
      headers: { "Tauri-Response": "error", "Content-Type": "application/json" },
      body: JSON.stringify({
        code: "server_unreachable",
        message: "データベースサーバーに接続できません",
      }),
    });
  });
  const state = page.getByTestId("play-state");
  await page.keyboard.press("Space");
  await state.filter({ hasText: "再生中" }).waitFor();
  // The operator raises the pace while the mayor reads: applied at once, its save refused.
  await page.keyboard.press("ArrowUp");
  assert.equal(await page.getByTestId("pace").textContent(), "441 拍/分");
  const before = await offset(page);
  await page.waitForTimeout(1500);
  assert.ok(refused > 0, "the pace was offered to the server");
  assert.equal(await page.getByRole("alert").count(), 0, "no message on the reader's screen");
  const after = await offset(page);
  assert.ok(after.y < before.y - 5, "the text goes on moving");
  assert.deepEqual(problems, [], `console errors: ${problems.join("\n")}`);
  await page.close();
});
