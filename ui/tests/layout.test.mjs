// The main window fits the office's screens: at 1024×700 (a city-hall laptop at 125 %),
// 1280×800 and 1920×1080, in Japanese and in English, with the live panel and with the
// prompter's operator view. Measured from the boxes on screen: the regions never overlap,
// every button lies inside the window and its region, no button label breaks onto a second
// line or runs out of its button, the draft's title stays in sight. Then each screen is
// compared with its committed reference (tests/screenshots/, see screenshots.mjs).

import assert from "node:assert/strict";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";
import { SPEECH } from "./prompter-fixtures.mjs";
import { matchesReference } from "./screenshots.mjs";

const session = sessionPerFile();

const SIZES = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
];
/** 1280×800 at 150 % and 1366×768 at 125 %: measured too, without references. */
const SCALED = [
  [853, 533],
  [1093, 614],
];

/**
 * What is wrong with the layout on screen, one sentence each (none: it fits).
 * @param {import("playwright-core").Page} page
 */
function layoutProblems(page) {
  return page.evaluate(() => {
    /** @type {string[]} */
    const problems = [];
    const visible = (/** @type {Element} */ element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
    };
    const name = (/** @type {Element} */ element) =>
      (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 30) ||
      element.className;
    const [width, height] = [innerWidth, innerHeight];

    // The regions of the window: none overlaps another.
    const regions = [
      ["header", document.querySelector(".app > header")],
      ["library", document.querySelector("nav.library")],
      ["editor", document.querySelector(".workspace .main")],
      ["panel", document.querySelector(".workspace > aside")],
    ].filter(([, element]) => element instanceof Element && visible(element));
    for (const [i, [a, first]] of regions.entries()) {
      const p = /** @type {Element} */ (first).getBoundingClientRect();
      if (p.left < -0.5 || p.top < -0.5 || p.right > width + 0.5 || p.bottom > height + 0.5) {
        problems.push(`${a} leaves the window: ${JSON.stringify(p)}`);
      }
      for (const [b, second] of regions.slice(i + 1)) {
        const q = /** @type {Element} */ (second).getBoundingClientRect();
        const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (across > 0.5 && down > 0.5) {
          problems.push(`${a} and ${b} overlap by ${across.toFixed(0)}×${down.toFixed(0)} px`);
        }
      }
    }

    // Every button shown: inside the window and across its region; its label on one line and
    // inside it (a label cut with an ellipsis on purpose is whole in its title).
    for (const button of document.querySelectorAll(".app button")) {
      if (!(button instanceof HTMLButtonElement)) continue;
      if (!visible(button)) continue;
      const box = button.getBoundingClientRect();
      const region = button.closest(
        ".app > header, nav.library, .workspace .main, .workspace > aside",
      );
      const bounds = region?.getBoundingClientRect() ?? { left: 0, right: width };
      if (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5) {
        problems.push(`the button 「${name(button)}」 is cut off at the side of its region`);
      }
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push(`the button 「${name(button)}」 leaves the window`);
      }
      // Entries of lists (drafts, sections, readings, findings) hold text, not a label.
      const label = !button.closest("li, .current");
      const lines = new Set();
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = /** @type {Element} */ (node.parentElement);
        if (!node.textContent?.trim() || parent.closest(".visually-hidden, .label-hidden"))
          continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          if (rect.width > 0) lines.add(Math.round(rect.top + rect.height / 2));
        }
      }
      if (label && lines.size > 1)
        problems.push(`the label 「${name(button)}」 breaks onto ${lines.size} lines`);
      const cut = getComputedStyle(button).textOverflow === "ellipsis" && button.title !== "";
      if (!cut && button.scrollWidth > button.clientWidth + 1) {
        problems.push(`the label 「${name(button)}」 runs out of its button`);
      }
    }

    // The draft's title stays in sight.
    const title = document.querySelector(".toolbar .title");
    if (!title || !visible(title) || title.getBoundingClientRect().width < 64) {
      problems.push(`the title is hidden (${title?.getBoundingClientRect().width ?? 0} px)`);
    }
    return problems;
  });
}

/**
 * The main window on SPEECH at this size and language, the analysis shown.
 * @param {number} width @param {number} height @param {"ja" | "en"} language
 */
async function openMain(width, height, language) {
  await session.reset({
    drafts: [SPEECH.replace("# 令和9年 年頭挨拶", "# 令和9年 仕事始め式 年頭挨拶（市長）")],
  });
  const { page, problems } = await openMainWindow(session, { width, height, language });
  await page.getByTestId("morae").waitFor();
  await page.getByTestId("findings-heading").waitFor();
  await page.evaluate(() => document.fonts.ready);
  return { page, problems };
}

/** @param {import("playwright-core").Page} page */
const screenshot = (page) => page.screenshot({ animations: "disabled", caret: "hide" });

for (const language of /** @type {const} */ (["ja", "en"])) {
  for (const [width, height] of SIZES) {
    test(`${language} ${width}×${height}: editor and panel, then the operator view, fit`, async () => {
      const { page, problems } = await openMain(width, height, language);
      assert.deepEqual(await layoutProblems(page), [], "with the live panel");
      await matchesReference(
        session.browser,
        `main-${language}-${width}x${height}`,
        await screenshot(page),
      );

      const prompter = language === "ja" ? "プロンプター" : "Prompter";
      await page.getByRole("button", { name: prompter, exact: true }).click();
      await page.getByTestId("operator").waitFor();
      await page.getByTestId("operator-status").waitFor();
      // The live copy shows the script once it is measured (its track placed).
      await page.getByTestId("operator-copy").locator(".paragraph").first().waitFor();
      await page.waitForFunction(
        () =>
          /** @type {HTMLElement | null} */ (document.querySelector(".copy-track"))?.style
            .transform,
      );
      assert.deepEqual(await layoutProblems(page), [], "with the operator view");
      await matchesReference(
        session.browser,
        `operator-${language}-${width}x${height}`,
        await screenshot(page),
      );
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

test("scaled screens (125 %, 150 %): nothing overlaps or breaks in either language", async () => {
  for (const language of /** @type {const} */ (["ja", "en"])) {
    for (const [width, height] of SCALED) {
      const { page, problems } = await openMain(width, height, language);
      assert.deepEqual(await layoutProblems(page), [], `${language} ${width}×${height}`);
      const prompter = language === "ja" ? "プロンプター" : "Prompter";
      await page.getByRole("button", { name: prompter, exact: true }).click();
      await page.getByTestId("operator").waitFor();
      assert.deepEqual(await layoutProblems(page), [], `${language} ${width}×${height}, operator`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  }
});

test("1024×700: the library opens as a drawer from the header and closes on a choice or Esc", async () => {
  await session.reset({ drafts: [SPEECH, "# 二つ目の原稿\n\n本文です。\n"] });
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(session.baseUrl);
  await page.locator(".cm-content").waitFor();
  const library = page.getByRole("navigation", { name: "原稿の一覧" });
  assert.equal(await library.count(), 0, "closed at first: the editor has the width");
  const toggle = page.getByRole("button", { name: "原稿の一覧" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");

  await toggle.click();
  await library.waitFor();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const [drawer, header] = await Promise.all([
    library.boundingBox(),
    page.locator(".app > header").boundingBox(),
  ]);
  assert.ok(drawer && header);
  assert.ok(Math.abs(drawer.y - (header.y + header.height)) < 1, "just below the header");
  assert.ok(drawer.y + drawer.height <= 700.5 && drawer.x >= 0, "inside the window");
  await page.screenshot({ path: screenshotPath("library-drawer-1024.png") });

  // Choosing a draft opens it and closes the drawer (the newest, 二つ目, opened first).
  await library.getByRole("button", { name: /令和9年 年頭挨拶/ }).click();
  await library.waitFor({ state: "detached" });
  await page.locator(".cm-content").getByText("新年のごあいさつ").waitFor();

  // Esc closes it too.
  await toggle.click();
  await library.waitFor();
  await page.keyboard.press("Escape");
  await library.waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await page.close();
});
