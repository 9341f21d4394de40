// Local: screenshots of a real speech pasted into the editor (not part of make test).
import { readFileSync } from "node:fs";
import { appPath, DOC_TEXT, startDriverInTempHome, waitFor, sleep } from "./webdriver.mjs";
const speechFile = process.argv[2];
const tag = process.argv[3] ?? "paste";
const isolated = await startDriverInTempHome("shots");
const session = await isolated.driver.session(appPath());
try {
  await session.waitFor("//li[contains(., '原稿はまだありません。')]");
  await (await session.find("//nav//button[normalize-space(.)='新規作成']")).click();
  await session.waitFor("//dialog[@open]//h2[normalize-space(.)='テンプレートから新規作成']");
  await waitFor(() => session.execute("return document.querySelector('dialog[open] select')?.value !== ''"), "templates");
  await session.execute(`const select = document.querySelector("dialog[open] select");
     select.value = [...select.options].find((o) => o.textContent.includes("空の原稿")).value;
     select.dispatchEvent(new Event("change", { bubbles: true }));`);
  await (await session.find("//dialog[@open]//button[@type='submit']")).click();
  const editor = await session.waitFor(".cm-content");
  await editor.click();
  const text = readFileSync(speechFile, "utf8");
  // A paste: one transaction at the end of the document, as CodeMirror's paste handler makes it.
  await session.execute(`const content = document.querySelector(".cm-content");
    const view = content?.cmTile?.root?.view ?? content?.cmView?.view;
    const end = view.state.doc.length;
    view.dispatch({ changes: { from: end, insert: "\\n\\n" + arguments[0] }, userEvent: "input.paste", selection: { anchor: end + 2 + arguments[1] } });
    view.focus();`, [text, text.indexOf(process.argv[4] ?? "。") ]);
  await waitFor(() => session.textOf("[data-testid=morae]"), "morae", 120_000);
  await sleep(1500);
  await session.screenshot(`${tag}-editor.png`);
  await session.press?.(["\uE009", "e"]).catch?.(() => {});
  await session.execute(`document.dispatchEvent(new KeyboardEvent("keydown", { key: "e", ctrlKey: true, bubbles: true }));`);
  await session.waitFor("//dialog[@open]//select");
  await session.execute(`const select = document.querySelector("dialog[open] select");
     select.value = "blog"; select.dispatchEvent(new Event("change", { bubbles: true }));`);
  await sleep(1500);
  await session.screenshot(`${tag}-blog.png`);
} finally {
  await session.quit();
  await isolated.stop();
}
