// Hostile drafts in the app's UI, in Chromium with the app's CSP: every draft of
// tests/data/hostile/ goes into the editor, and its HTML and blog exports — made by the core,
// through the test server — into the export preview. Nothing may run: no dialog, no tripwire,
// no CSP violation, no console error, and no script, frame, form, style, handler or
// javascript: link in the DOM.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { screenshotPath, sessionPerFile, watchProblems } from "./browser.mjs";

const data = join(import.meta.dirname, "..", "..", "tests", "data");
const drafts = readdirSync(join(data, "hostile"))
  .filter((name) => name.endsWith(".md"))
  .sort();

const session = sessionPerFile();

/**
 * What must not be in the document or the export preview's shadow root. Runs in the page
 * (Playwright passes the function's source, not through eval, so the CSP is not involved).
 * @param {string} where `document` or `preview`
 */
function dangerousIn(where) {
  const root =
    where === "document"
      ? document.body
      : document.querySelector("[data-testid=export-preview] .rendered")?.shadowRoot;
  if (!root) return ["(nothing to look at)"];
  const banned = ["script", "iframe", "frame", "object", "embed", "form", "style", "svg", "math"];
  const found = [];
  /** The app's own icons (Icon.svelte): an aria-hidden svg.icon in a button, one plain path. */
  const appIcon = (/** @type {Element} */ element) =>
    element.localName === "svg" &&
    element.classList.contains("icon") &&
    element.getAttribute("aria-hidden") === "true" &&
    element.parentElement?.localName === "button" &&
    !element.closest(".cm-editor") &&
    [...element.children].every(
      (child) => child.localName === "path" && [...child.attributes].every((a) => a.name === "d"),
    );
  for (const element of root.querySelectorAll("*")) {
    const tag = element.localName;
    if (
      where === "document" &&
      (appIcon(element) || (tag === "path" && appIcon(element.parentElement ?? element)))
    ) {
      continue;
    }
    // Svelte's components carry no <style> in the body; CodeMirror's are in <head>.
    if (banned.includes(tag)) found.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (name.startsWith("on")) found.push(`${tag}[${name}]`);
      if (/^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

for (const name of drafts) {
  test(`nothing runs or escapes: ${name}`, async () => {
    await session.reset({ drafts: [readFileSync(join(data, "hostile", name), "utf8")] });
    const page = await session.browser.newPage();
    const problems = watchProblems(page);
    /** @type {string[]} */
    const dialogs = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      const tripped = (/** @type {string} */ name) => () => {
        window.podiumTripped.push(name);
        return null;
      };
      window.podiumTripped = [];
      window.alert = tripped("alert");
      window.confirm = () => tripped("confirm")() ?? false;
      window.prompt = tripped("prompt");
      window.print = tripped("print");
      window.open = tripped("open");
      document.addEventListener("securitypolicyviolation", (event) =>
        window.podiumTripped.push(`CSP ${event.violatedDirective}`),
      );
    });
    await page.goto(session.baseUrl);
    await page.locator(".cm-content .cm-line").first().waitFor();
    await page.getByTestId("total-duration").waitFor();

    await page.keyboard.press("Control+e");
    const exported = page.getByRole("dialog", { name: "書き出し" });
    for (const profile of ["html", "blog"]) {
      await exported.getByLabel("形式").selectOption(profile);
      await page.waitForFunction((blog) => {
        const text = document.querySelector("[data-testid=export-preview] .rendered")?.shadowRoot
          ?.textContent;
        return text !== undefined && text !== "" && text.includes("【全文】") === blog;
      }, profile === "blog");
      assert.deepEqual(await page.evaluate(dangerousIn, "preview"), [], `${profile}: ${name}`);
    }
    if (name === "scripts-and-handlers.md") {
      await page.screenshot({ path: screenshotPath("hostile-preview.png") });
    }
    await exported.getByRole("button", { name: "閉じる" }).click();

    assert.deepEqual(await page.evaluate(dangerousIn, "document"), [], `document: ${name}`);
    assert.deepEqual(await page.evaluate(() => window.podiumTripped), []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, [], `console errors: ${problems.join("\n")}`);
    await page.close();
  });
}
