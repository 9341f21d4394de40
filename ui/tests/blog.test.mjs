// The blog post as an office publishes it: the lead-in line made from the settings with the
// draft's day and event, edited in the export dialog; a reading glossed where the word first
// appears only; the variant for screen readers. On the real application layer.

import assert from "node:assert/strict";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile } from "./browser.mjs";
import { NEW_YEAR_VALUES } from "./prompter-fixtures.mjs";

const session = sessionPerFile();

test("the lead-in line, ruby glossed once and the screen-reader variant of the blog post", async () => {
  await session.command("create_draft", { values: NEW_YEAR_VALUES });
  const { page, problems } = await openMainWindow(session, { width: 1280, height: 900 });
  await page.keyboard.press("Control+e");
  const exported = page.getByRole("dialog", { name: "書き出し" });
  const preview = exported.getByTestId("export-preview");
  const leadIn = exported.getByTestId("export-lead-in");
  await preview.locator("p", { hasText: "【全文】" }).waitFor();
  assert.equal(
    await leadIn.inputValue(),
    "1月4日、仕事始め式にて、次のとおりお話ししました（概要）",
  );
  // The post opens with it, right under the title; the writer's edit goes in as written.
  await leadIn.fill("1月4日、庁内放送にて以下のことを職員に伝えました（概要）");
  await preview
    .locator("h1 + p", { hasText: "1月4日、庁内放送にて以下のことを職員に伝えました（概要）" })
    .waitFor();

  // Brackets where the word first appears only: the template glosses 邁進 once.
  await exported
    .getByLabel("ふりがな", { exact: false })
    .and(exported.locator("select"))
    .selectOption("paren-first");
  await preview.getByText("邁進（まいしん）", { exact: false }).first().waitFor();
  assert.equal(await preview.getByText("（まいしん）", { exact: false }).count(), 1);

  // For screen readers: the summary's ① as (1), and the readings as ruby markup.
  const summary = exported.getByTestId("export-summary");
  assert.match(await summary.inputValue(), /①/);
  await exported.getByTestId("export-accessible").check();
  await preview.locator("li", { hasText: "(1)" }).first().waitFor();
  assert.equal(await preview.getByText("①", { exact: false }).count(), 0);
  assert.ok((await preview.locator("ruby").count()) > 0, "readings as <ruby>");
  await page.screenshot({ path: screenshotPath("blog-lead-in.png") });
  assert.deepEqual(problems, []);
  await page.close();
});
