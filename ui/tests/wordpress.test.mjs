// The blog's destinations in the export dialog, and 「WordPressに下書き保存」 on the real
// application layer against a stand-in for WordPress's REST API (a loopback server recording
// what it gets; `make test-wordpress` runs the use case against a real WordPress): the
// password asked each time, a wrong one told as such, the draft's address shown, opened in the
// browser only through the shell's confirmation (answered here by `podiumTest.openDraft`).

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { test } from "node:test";
import { openMainWindow, screenshotPath, sessionPerFile } from "./browser.mjs";
import { NEW_YEAR_VALUES } from "./prompter-fixtures.mjs";

const session = sessionPerFile();
const PASSWORD = "abcd EFGH 1234 ijkl MNOP 5678";

/** A stand-in for WordPress's REST API on loopback; the requests it got. */
async function fakeWordpress() {
  /** @type {{ method: string, url: string, body: string }[]} */
  const requests = [];
  const expected = `Basic ${Buffer.from(`koho:${PASSWORD}`).toString("base64")}`;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      requests.push({ method: request.method ?? "", url: request.url ?? "", body });
      const answer = (/** @type {number} */ status, /** @type {unknown} */ json) => {
        response.writeHead(status, { "Content-Type": "application/json" });
        response.end(JSON.stringify(json));
      };
      if (request.headers.authorization !== expected) {
        answer(401, { code: "incorrect_password", message: "The password is invalid." });
      } else if (request.url?.includes("rest_route=/wp/v2/categories")) {
        answer(200, [{ id: 7, name: "市長の部屋" }]);
      } else if (request.method === "POST" && request.url?.includes("rest_route=/wp/v2/posts")) {
        answer(201, { id: 42, status: "draft" });
      } else {
        answer(404, { code: "rest_no_route", message: "No route" });
      }
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  assert.ok(address && typeof address === "object");
  return { site: `http://127.0.0.1:${address.port}/blog`, requests, server };
}

/** @type {{ language: "ja" | "en", width: number, height: number, shot: string }[]} */
const windows = [
  { language: "ja", width: 1280, height: 1200, shot: "wordpress-draft.png" },
  { language: "en", width: 1024, height: 700, shot: "wordpress-draft-en.png" },
];
for (const { language, width, height, shot } of windows) {
  test(`a WordPress draft from the export dialog (${language}, ${width}×${height})`, async () => {
    const wordpress = await fakeWordpress();
    await session.command("create_draft", { values: NEW_YEAR_VALUES });
    const settings = await session.command("get_settings");
    await session.command("set_settings", {
      settings: {
        ...settings,
        wordpress: { siteUrl: wordpress.site, user: "koho", categories: ["市長の部屋"], tags: [] },
      },
    });
    const { page, problems } = await openMainWindow(session, { width, height, language });
    await page.addInitScript(() => {
      window.podiumTest = { openDraft: true, opened: [] };
    });
    await page.reload();
    await page.locator(".cm-content").waitFor();
    await page.keyboard.press("Control+e");
    const exported = page.getByRole("dialog");
    const preview = exported.getByTestId("export-preview");
    await preview.locator("p", { hasText: "【全文】" }).waitFor();
    await preview.locator("h1").waitFor();

    // Ameba: no title (its own field), the reading in brackets where the word first appears.
    const destination = exported.getByTestId("export-destination");
    await destination.selectOption("ameba");
    await preview.locator("h1").waitFor({ state: "detached" });
    await preview.getByText("邁進（まいしん）", { exact: false }).first().waitFor();
    // WordPress: ruby as markup again, the title the post's own.
    await destination.selectOption("wordpress");
    await preview.locator("ruby").first().waitFor();
    assert.equal(await preview.locator("h1").count(), 0);

    const save = exported.getByTestId("wordpress-save");
    await save.getByTestId("wordpress-ask").click();
    const password = save.getByTestId("wordpress-password");
    await password.fill("wrong");
    await password.press("Enter");
    await save.getByRole("alert").waitFor();
    assert.match(
      (await save.getByRole("alert").textContent()) ?? "",
      language === "ja" ? /パスワードが違います/ : /application password/,
    );
    assert.equal(await password.inputValue(), "", "the password is not kept");
    assert.ok(
      wordpress.requests.every((r) => r.method === "GET"),
      "nothing posted",
    );

    await password.fill(PASSWORD);
    await password.press("Enter");
    const url = `${wordpress.site}/wp-admin/post.php?post=42&action=edit`;
    await save.getByTestId("wordpress-url").getByText(url).waitFor();
    const post = wordpress.requests.find((r) => r.method === "POST");
    assert.ok(post, "the draft was posted");
    const sent = JSON.parse(post.body);
    assert.equal(sent.status, "draft");
    assert.equal(sent.title, "令和9年 年頭挨拶");
    assert.deepEqual(sent.categories, [7]);
    assert.match(sent.content, /^<!-- wp:paragraph -->\n<p>/);
    assert.match(sent.content, /<ruby>邁進<rp>/);
    await save.getByTestId("wordpress-open").scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(shot) });

    await save.getByTestId("wordpress-open").click();
    await page.waitForFunction(() => (window.podiumTest?.opened ?? []).length === 1);
    assert.deepEqual(await page.evaluate(() => window.podiumTest?.opened), [url]);
    assert.deepEqual(problems, []);
    await page.close();
    wordpress.server.close();
  });
}

test("the settings keep the WordPress site but no password", async () => {
  await session.reset({ drafts: ["# 仕事始め式\n\n本文です。\n"] });
  const { page, problems } = await openMainWindow(session, { width: 1024, height: 700 });
  const fill = async (/** @type {string} */ site) => {
    await page.getByRole("button", { name: "設定" }).click();
    const fields = page.getByTestId("settings-wordpress");
    await fields.getByTestId("wordpress-site").fill(site);
    await fields.getByLabel("ユーザー名").fill("koho");
    await fields.getByLabel("カテゴリー", { exact: false }).fill("市長の部屋、お知らせ");
    await fields.getByLabel("カテゴリー", { exact: false }).press("Tab");
    return fields;
  };
  // Plain HTTP to another machine is refused: the password would travel readable.
  await fill("http://www.example.jp/blog");
  await page.getByRole("dialog").getByRole("button", { name: "保存", exact: true }).click();
  await page.getByText("https:// でつないでください", { exact: false }).first().waitFor();
  assert.equal((await session.command("get_settings")).wordpress.siteUrl, "");

  const fields = await fill("https://www.example.jp/blog");
  await fields.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("wordpress-settings.png") });
  await page.getByRole("dialog").getByRole("button", { name: "保存", exact: true }).click();
  await fields.waitFor({ state: "detached" });
  const stored = await session.command("get_settings");
  assert.deepEqual(stored.wordpress, {
    siteUrl: "https://www.example.jp/blog",
    user: "koho",
    categories: ["市長の部屋", "お知らせ"],
    tags: [],
  });
  assert.ok(!JSON.stringify(stored).toLowerCase().includes("password"));
  assert.deepEqual(problems, []);
  await page.close();
});
