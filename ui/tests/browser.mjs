// Shared set-up of the browser tests: serve the built UI with the app's CSP and open it in
// Debian's Chromium (never a downloaded browser). The UI runs on its test backend, so what is
// served is the build that has one (ui/dist-fake, `npm run build:fake`); the app's own build
// (ui/dist) has none (bundle.test.mjs).
//
// The test backend's answers come from the real application layer: each session starts the
// test-only server app/examples/test_backend.rs (a fresh database; `cargo build -p podium-app
// --example test_backend`) and routes the page's requests to `http://ipc.localhost/<command>`
// to it. That origin is the one Tauri's own IPC uses, which the app's CSP already allows
// (`connect-src ipc: http://ipc.localhost`; not 'self'), so the page keeps the app's CSP
// unchanged; the routing exists only in this browser context, and the server, which speaks no
// CORS, answers no other page.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, beforeEach } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";

const ui = join(dirname(fileURLToPath(import.meta.url)), "..");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const resultsDir = join(ui, "test-results");
/** The test server, as `cargo build -p podium-app --example test_backend` leaves it. */
const serverPath = join(
  process.env.CARGO_TARGET_DIR ?? join(ui, "..", "target"),
  "debug",
  "examples",
  "test_backend",
);
/** Where the test backend (src/lib/test-backend.ts) sends commands: Tauri's IPC origin. */
const IPC_ORIGIN = "http://ipc.localhost";

/**
 * @typedef {object} Reset what the next database holds (`__reset` of the test server)
 * @property {string[]} [drafts] texts imported as drafts (ids 1, 2 … in this order)
 * @property {"corrupt" | "too_new" | "damaged_index"} [fault] real damage done to it
 * @property {boolean} [sample] the sample address, as a new library gets it at first start
 */

/**
 * Starts the test server on a folder of its own; it stops when its stdin closes.
 * @returns {Promise<{ url: string, folder: string, stop: () => Promise<void> }>}
 */
async function startServer() {
  assert.ok(
    existsSync(serverPath),
    `${serverPath} is missing: run \`cargo build -p podium-app --example test_backend\` ` +
      "(with the same CARGO_TARGET_DIR)",
  );
  const folder = mkdtempSync(join(tmpdir(), "podium-test-backend-"));
  const server = spawn(serverPath, [folder], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const port = await new Promise((resolve, reject) => {
    createInterface({ input: server.stdout }).once("line", resolve);
    server.once("error", reject);
    void exited.then((code) => reject(new Error(`the test server stopped (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    folder,
    async stop() {
      server.stdin.end();
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot path in ui/test-results.
 * @param {string} name
 */
export function screenshotPath(name) {
  mkdirSync(resultsDir, { recursive: true });
  return join(resultsDir, name);
}

/**
 * Starts the test server (for ui/dist-fake), the preview server and Chromium. `command` sends
 * a command to the server as another window of the app would; `reset` gives the server a new
 * database; `files` is a folder of the server's, for the paths the tests' dialogs answer.
 * @param {"dist-fake" | "dist"} folder the build to serve (ui/dist: only to see it has no
 *   test backend)
 * @returns {Promise<{ baseUrl: string, browser: import("playwright-core").BrowserContext,
 *   files: string, command: (name: string, args?: Record<string, unknown>) => Promise<any>,
 *   reset: (database?: Reset) => Promise<void>, close: () => Promise<void> }>}
 */
export async function startBrowser(folder = "dist-fake") {
  const script = folder === "dist" ? "build" : "build:fake";
  assert.ok(
    existsSync(join(ui, folder, "index.html")),
    `ui/${folder} is missing: run \`npm run ${script}\``,
  );
  // First, so that a missing server stops the set-up before anything else runs.
  const backend = folder === "dist-fake" ? await startServer() : null;
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
  const baseUrl = `http://127.0.0.1:${address.port}/`;

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
  const files = backend ? join(backend.folder, "files") : "";
  if (backend) {
    mkdirSync(files);
    await browser.route(`${IPC_ORIGIN}/**`, async (route) => {
      const { pathname } = new URL(route.request().url());
      try {
        const answer = await fetch(`${backend.url}${pathname}`, {
          method: "POST",
          body: route.request().postData() ?? "",
        });
        await route.fulfill({
          status: answer.status,
          headers: {
            "content-type": answer.headers.get("content-type") ?? "text/plain",
            "tauri-response": answer.headers.get("tauri-response") ?? "error",
            "access-control-allow-origin": new URL(baseUrl).origin,
            "access-control-expose-headers": "Tauri-Response",
          },
          body: Buffer.from(await answer.arrayBuffer()),
        });
      } catch (error) {
        // The page may have gone meanwhile; else the page sees the request fail, and why is here.
        await route.abort().catch(() => {});
        if (!/closed/i.test(String(error))) console.error(`test server: ${error}`);
      }
    });
  }
  /** @param {string} name @param {Record<string, unknown>} [args] */
  const command = async (name, args = {}) => {
    assert.ok(backend, "no test server for ui/dist");
    const answer = await fetch(`${backend.url}/${name}`, {
      method: "POST",
      body: JSON.stringify(args),
    });
    if (!answer.ok) throw new Error(`${name}: ${answer.status} ${await answer.text()}`);
    const value = await answer.json();
    if (answer.headers.get("tauri-response") !== "ok") {
      throw Object.assign(new Error(`${name}: ${value.message}`), value);
    }
    return value;
  };
  return {
    baseUrl,
    browser,
    files,
    command,
    reset: (database = {}) => command("__reset", database),
    async close() {
      await browser.close();
      await server.close();
      await backend?.stop();
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

/**
 * A new page of the main window at this size, in `language` (set in the settings first), once
 * the editor shows; with the problems it logs.
 * @param {Awaited<ReturnType<typeof startBrowser>>} session
 * @param {{ width?: number, height?: number, language?: "ja" | "en" }} [options]
 */
export async function openMainWindow(
  session,
  { width = 1280, height = 800, language = "ja" } = {},
) {
  const settings = await session.command("get_settings");
  await session.command("set_settings", { settings: { ...settings, language } });
  const page = await session.browser.newPage();
  const problems = watchProblems(page);
  await page.setViewportSize({ width, height });
  await page.goto(session.baseUrl);
  await page.locator(".cm-content").waitFor();
  return { page, problems };
}

/**
 * The browser and the test server of one test file: started before its tests, closed after
 * them, each test on a new, empty database. The returned object stands for the session once
 * it is started (its properties are the session's).
 * @returns {Awaited<ReturnType<typeof startBrowser>>}
 */
export function sessionPerFile() {
  /** @type {Awaited<ReturnType<typeof startBrowser>> | undefined} */
  let live;
  before(async () => {
    live = await startBrowser();
  });
  after(async () => {
    await live?.close();
  });
  beforeEach(() => live?.reset());
  return /** @type {any} */ (
    new Proxy(
      {},
      {
        get(_, key) {
          if (!live) throw new Error("the browser session starts before the first test");
          return Reflect.get(live, key);
        },
      },
    )
  );
}
