// The app's own build (ui/dist, embedded in the app) has no test backend: no file of it holds
// a string only the test backend has. The test build (ui/dist-fake, served to the other browser
// tests) must hold every one of them, so that this test cannot pass by looking for nothing.
// Run with `npm run test:browser` after `npm run build` and `npm run build:fake`.

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { startBrowser, watchProblems } from "./browser.mjs";

const ui = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Strings in the test backend's modules and nowhere else in ui/src. */
const MARKERS = [
  // The page global the browser tests set the dialogs' answers with (test-backend.ts).
  "podiumTest",
  // Where the test backend sends the commands, routed to the test server (test-backend.ts).
  "http://ipc.localhost",
  // Its message when the test server cannot be reached (test-backend.ts).
  "テスト用サーバーに届きません",
  // The channel between the test prompter's two pages (test-prompter.ts).
  "podium-test-prompter",
];

/** Every file of a build folder, with its bytes. @param {string} folder */
function builtFiles(folder) {
  const root = join(ui, folder);
  assert.ok(existsSync(join(root, "index.html")), `ui/${folder} is missing`);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: relative(ui, path), bytes: readFileSync(path) };
    });
}

/** Which markers are in which files. @param {string} folder */
function markersIn(folder) {
  const files = builtFiles(folder);
  return MARKERS.map((marker) => ({
    marker,
    files: files.filter((file) => file.bytes.includes(marker)).map((file) => file.name),
  }));
}

test("the test build holds every marker of the test backend", () => {
  for (const { marker, files } of markersIn("dist-fake")) {
    assert.ok(files.length > 0, `"${marker}" is in no file of ui/dist-fake: not a marker`);
  }
});

test("the app's build holds no marker of the test backend", () => {
  const found = markersIn("dist").filter(({ files }) => files.length > 0);
  assert.deepEqual(
    found,
    [],
    `the test backend is in ui/dist:\n${found.map((f) => `${f.marker}: ${f.files}`).join("\n")}`,
  );
});

test("the app's build, opened outside the app, says so (and runs on no test backend)", async () => {
  const session = await startBrowser("dist");
  try {
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    await page.goto(session.baseUrl);
    await page.getByText("Podium はアプリのウィンドウで開いてください").waitFor();
    assert.equal(await page.getByRole("heading", { name: "Podium" }).count(), 0);
    assert.deepEqual(problems, [], `console errors: ${problems.join("\n")}`);
  } finally {
    await session.close();
  }
});
