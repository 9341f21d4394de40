// The draft Podium saved on the real WordPress (tests/wordpress/run.sh, `make test-wordpress`)
// opened in WordPress's block editor in headless Chromium, logged in as the site's admin: every
// block is a valid native block (none Classic, none "unexpected or invalid content"), and a
// screenshot shows it (ui/test-results/wordpress-editor.png). Not a `*.test.mjs`: it needs the
// site run.sh starts, and runs from there.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const url = process.env.PODIUM_WORDPRESS_URL;
const password = process.env.PODIUM_WORDPRESS_ADMIN_PASSWORD;
const postFile = process.env.PODIUM_WORDPRESS_POST_FILE;
assert.ok(url && password && postFile, "run from tests/wordpress/run.sh");
const postId = readFileSync(postFile, "utf8").trim();

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "podium-wp-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  locale: "ja-JP",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`${url}/wp-login.php`);
  await page.fill("#user_login", "admin");
  await page.fill("#user_pass", password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click("#wp-submit")]);
  await page.goto(`${url}/wp-admin/post.php?post=${postId}&action=edit`);
  // WordPress's editor API on the page (not typed here).
  await page.waitForFunction(
    () =>
      /** @type {any} */ (window).wp?.data?.select("core/block-editor")?.getBlocks()?.length > 0,
    null,
    { timeout: 60_000 },
  );
  // The first visit's welcome guide covers the editor.
  await page.evaluate(() => {
    const { data } = /** @type {any} */ (window).wp;
    if (data.select("core/edit-post").isFeatureActive("welcomeGuide")) {
      data.dispatch("core/edit-post").toggleFeature("welcomeGuide");
    }
  });
  /** @typedef {{ name: string, valid: boolean, inner: Block[] }} Block */
  /** @type {Block[]} */
  const blocks = await page.evaluate(() => {
    /** @param {any[]} blocks @returns {any[]} */
    const list = (blocks) =>
      blocks.map((b) => ({ name: b.name, valid: b.isValid, inner: list(b.innerBlocks) }));
    return list(/** @type {any} */ (window).wp.data.select("core/block-editor").getBlocks());
  });
  /** @param {Block[]} blocks @returns {Block[]} */
  const all = (blocks) => blocks.flatMap((b) => [b, ...all(b.inner)]);
  const names = all(blocks).map((b) => b.name);
  const invalid = all(blocks).filter((b) => !b.valid);
  console.log(
    `editor: ${blocks.length} blocks (${new Set(names).size} kinds: ${[...new Set(names)].join(", ")})`,
  );
  assert.deepEqual(invalid, [], "every block is valid");
  assert.ok(!names.includes("core/freeform") && !names.includes("core/missing"), names.join());
  assert.ok(blocks.length > 20);
  const status = await page.evaluate(() =>
    /** @type {any} */ (window).wp.data.select("core/editor").getEditedPostAttribute("status"),
  );
  assert.equal(status, "draft");
  await page.waitForTimeout(1000);
  const shots = join(import.meta.dirname, "..", "test-results");
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "wordpress-editor.png") });
  // The list view: the post's blocks by name.
  await page.evaluate(() =>
    /** @type {any} */ (window).wp.data.dispatch("core/edit-post").setIsListViewOpened(true),
  );
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(shots, "wordpress-editor-blocks.png") });
  console.log("editor: screenshots in ui/test-results/wordpress-editor*.png");
} finally {
  await browser.close();
}
