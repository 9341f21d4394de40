// Shared set-up of the browser tests: serve the built UI with the app's CSP and open it in
// Debian's Chromium (never a downloaded browser). The UI runs on its fake backend, so what is
// served is the build that has one (ui/dist-fake, `npm run build:fake`); the app's own build
// (ui/dist) has none (bundle.test.mjs).

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";

const ui = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const resultsDir = join(ui, "test-results");

/**
 * A screenshot path in ui/test-results.
 * @param {string} name
 */
export function screenshotPath(name) {
  mkdirSync(resultsDir, { recursive: true });
  return join(resultsDir, name);
}

/**
 * Starts the preview server and Chromium.
 * @param {"dist-fake" | "dist"} folder the build to serve (ui/dist: only to see it has no fake)
 * @returns {Promise<{ baseUrl: string, browser: import("playwright-core").BrowserContext,
 *   close: () => Promise<void> }>}
 */
export async function startBrowser(folder = "dist-fake") {
  const script = folder === "dist" ? "build" : "build:fake";
  assert.ok(
    existsSync(join(ui, folder, "index.html")),
    `ui/${folder} is missing: run \`npm run ${script}\``,
  );
  // The same Content-Security-Policy as the app window, so a violation shows up here first.
  const tauriConf = JSON.parse(readFileSync(join(ui, "..", "tauri.conf.json"), "utf8"));
  const server = await preview({
    root: ui,
    logLevel: "warn",
    build: { outDir: folder },
    preview: {
      host: "127.0.0.1",
      port: 0,
      strictPort: false,
      headers: { "Content-Security-Policy": tauriConf.app.security.csp },
    },
  });
  const address = server.httpServer.address();
  assert.ok(address && typeof address === "object", "preview server has no address");

  const userDataDir = mkdtempSync(join(tmpdir(), "podium-chromium-"));
  // A fresh profile each run (Playwright passes it to Chromium as --user-data-dir).
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
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
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Collects console errors, page errors (a CSP violation is one) and failed requests.
 * @param {import("playwright-core").Page} page
 */
export function watchProblems(page) {
  /** @type {string[]} */
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}
