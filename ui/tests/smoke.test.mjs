// Browser smoke test: the built UI opens in Japanese with the shipped font, on the test
// backend, with no CSP violation. Run with `npm run test:browser` after `npm run build`.

import assert from "node:assert/strict";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";

const session = sessionPerFile();

test("the main window opens in Japanese with the shipped font and no CSP violation", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);

  await page.goto(session.baseUrl);
  await page.getByRole("heading", { level: 1, name: "Podium" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await page.getByText("原稿はまだありません。").waitFor();
  await page.getByRole("button", { name: "新規作成" }).waitFor();

  // The shipped Japanese font is loaded and used, not a system fallback.
  await page.evaluate(() => document.fonts.ready);
  const fontLoaded = await page.evaluate(() =>
    document.fonts.check('16px "BIZ UDPGothic"', "原稿"),
  );
  assert.ok(fontLoaded, "BIZ UDPGothic is not loaded");

  await page.screenshot({ path: screenshotPath("smoke.png") });
  assert.deepEqual(problems, [], `console errors: ${problems.join("\n")}`);
});
