// A link in the export preview is not followed: clicking it (or middle-clicking it) leaves the
// page where it is, opens no window, and shows the address as text. In the real app the shell
// refuses any other page as well (src-tauri/src/navigation.rs, ui/e2e/paths.e2e.mjs).

import assert from "node:assert/strict";
import { test } from "node:test";
import { sessionPerFile, watchProblems } from "./browser.mjs";

const session = sessionPerFile();

test("a link in the export preview stays a link: shown, not followed", async () => {
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  /** @type {string[]} */
  const popups = [];
  page.on("popup", (popup) => popups.push(popup.url()));
  await session.reset({
    drafts: ["# 案内\n\n詳しくは[市のサイト](https://example.com/plan)へ。\n"],
  });
  await page.goto(session.baseUrl);
  await page.locator(".cm-content .cm-line").first().waitFor();
  const before = page.url();

  await page.keyboard.press("Control+e");
  const exported = page.getByRole("dialog", { name: "書き出し" });
  const link = exported.getByTestId("export-preview").getByRole("link", { name: "市のサイト" });
  await link.click();
  await exported
    .getByText("リンク先：https://example.com/plan（アプリの中では開きません）")
    .waitFor();
  await link.click({ button: "middle" });
  await link.click({ modifiers: ["Control"] });
  await page.waitForTimeout(300);
  assert.equal(page.url(), before, "the page stayed");
  assert.deepEqual(popups, [], "no window opened");
  await exported.getByRole("button", { name: "閉じる" }).click();
  assert.deepEqual(problems, [], `console errors: ${problems.join("\n")}`);
  await page.close();
});
