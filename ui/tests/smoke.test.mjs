// Browser smoke test: serve the built UI (ui/dist) with the app's CSP, open it in Debian's
// Chromium (never a downloaded browser) and check the page renders in Japanese with the fake
// backend. Run with `npm run test:browser` after `npm run build`.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";

const ui = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const resultsDir = join(ui, "test-results");

// The same Content-Security-Policy as the app window, so a violation shows up here first.
const tauriConf = JSON.parse(readFileSync(join(ui, "..", "tauri.conf.json"), "utf8"));
const csp = tauriConf.app.security.csp;

/** @type {import("vite").PreviewServer} */
let server;
/** @type {import("playwright-core").BrowserContext} */
let browser;
let userDataDir = "";
let baseUrl = "";

before(async () => {
  assert.ok(existsSync(join(ui, "dist", "index.html")), "ui/dist is missing: run `npm run build`");
  server = await preview({
    root: ui,
    logLevel: "warn",
    preview: {
      host: "127.0.0.1",
      port: 0,
      strictPort: false,
      headers: { "Content-Security-Policy": csp },
    },
  });
  const address = server.httpServer.address();
  assert.ok(address && typeof address === "object", "preview server has no address");
  baseUrl = `http://127.0.0.1:${address.port}/`;

  userDataDir = mkdtempSync(join(tmpdir(), "podium-chromium-"));
  // A fresh profile each run (Playwright passes it to Chromium as --user-data-dir).
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1200, height: 800 },
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
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

test("the page shows the Japanese heading and the core version, with no CSP violation", async () => {
  const page = await browser.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(baseUrl);
  const heading = page.getByRole("heading", { level: 1 });
  await heading.waitFor({ state: "visible" });
  assert.equal(await heading.textContent(), "Podium — 原稿とプロンプター");
  assert.equal(await page.getAttribute("html", "lang"), "ja");
  await page.getByText("コア バージョン 0.0.0-fake").waitFor();

  // The shipped Japanese font is loaded and used, not a system fallback.
  await page.evaluate(() => document.fonts.ready);
  const fontLoaded = await page.evaluate(() =>
    document.fonts.check('16px "BIZ UDPGothic"', "原稿"),
  );
  assert.ok(fontLoaded, "BIZ UDPGothic is not loaded");

  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, "smoke.png") });
  assert.deepEqual(problems, [], `console errors: ${problems.join("\n")}`);
});
