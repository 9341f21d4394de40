// Paths are capabilities and the window stays on the app, in the real app window (Tauri +
// WebKitGTK under Xvfb, through tauri-driver). A script in the page — what an XSS would run —
// calls the commands through `window.__TAURI_INTERNALS__.invoke` with paths no dialog granted:
// save_export to /tmp, import_files of a private key then get_draft, export_all into a folder;
// each is refused with `not_permitted` and nothing is read or written. The JS dialog plugin is
// refused (the page has no dialog permission). Then links: a real click on an https link in
// the export preview, `location.href = …`, `window.open` and a `target=_blank` link leave the
// window where it was (the shell's navigation guard, src-tauri/src/navigation.rs) and open no
// window. Then the happy path through the real GTK dialogs, answered with xdotool: a file
// chosen in the open dialog is imported, an export saved where the save dialog says (the
// folder dialog's location bar would not select a typed folder under xdotool; export_all on a
// chosen folder is covered by src-tauri/src/tests.rs). Run with `make test-e2e`.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { appPath, sleep, startDriverInTempHome, waitFor } from "./webdriver.mjs";

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;
/** A folder outside the app's own, as a page script would aim at. */
let outside = "";

before(async () => {
  isolated = await startDriverInTempHome("paths");
  outside = mkdtempSync(join(tmpdir(), "podium-paths-outside-"));
});

after(async () => {
  await isolated?.stop();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

/** @param {{ ok?: any, err?: any }} result @param {string} what */
function assertNotPermitted(result, what) {
  assert.ok(result.err, `${what} was refused (got ${JSON.stringify(result)})`);
  assert.equal(result.err.code, "not_permitted", `${what}: ${JSON.stringify(result.err)}`);
}

test("files never chosen in a dialog are refused; links leave the app in place", async () => {
  const app = await isolated.driver.session(appPath());
  try {
    await app.waitFor("//li[contains(., '原稿はまだありません。')]");

    // save_export: any text into any file.
    const target = join(outside, "evil.sh");
    assertNotPermitted(
      await app.invoke("save_export", { path: target, contents: "echo pwned\n" }),
      "save_export to /tmp",
    );
    assert.ok(!existsSync(target), "nothing written");

    // import_files + get_draft: a private key into the library, then read back.
    const secret = join(outside, "id_ed25519");
    writeFileSync(secret, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n");
    assertNotPermitted(
      await app.invoke("import_files", { paths: [secret] }),
      "import_files of a file never chosen",
    );
    const draft = await app.invoke("get_draft", { id: 1 });
    assert.equal(draft.err?.code, "not_found", "no draft holds the key");
    assert.deepEqual((await app.invoke("list_drafts")).ok, []);
    assertNotPermitted(
      await app.invoke("import_files", { paths: [join(outside, "sub", "..", "id_ed25519")] }),
      "import_files through ..",
    );

    // export_all: files into any folder (with a progress channel, as the UI sends it).
    const folder = join(outside, "autostart");
    mkdirSync(folder);
    const channel = await app.execute(
      "return window.__TAURI_INTERNALS__.transformCallback(() => {})",
    );
    assertNotPermitted(
      await app.invoke("export_all", { folder, onProgress: `__CHANNEL__:${channel}` }),
      "export_all into a folder never chosen",
    );
    assert.deepEqual(readdirSync(folder), [], "nothing written into the folder");

    // The dialogs are not the page's to open: the plugin's commands are refused.
    for (const command of ["plugin:dialog|open", "plugin:dialog|save"]) {
      const opened = await app.invoke(command, { options: {} });
      assert.ok(opened.err !== undefined, `${command} is refused: ${JSON.stringify(opened)}`);
    }

    // A draft with a link, shown in the export preview (the blog profile renders it).
    const created = await app.invoke("create_draft", {
      values: { templateId: null, date: "2027-01-04", event: "", speaker: "", city: "" },
    });
    assert.ok(created.ok, JSON.stringify(created));
    const body = "# 案内\n\n詳しくは[市のサイト](https://example.com/plan)をご覧ください。\n";
    const saved = await app.invoke("save_draft", {
      id: created.ok.id,
      body,
      baseRevision: created.ok.revision,
      kind: { kind: "autosave" },
    });
    assert.ok(saved.ok, JSON.stringify(saved));
    await app.execute("setTimeout(() => location.reload(), 0)");
    await sleep(500);
    await app.waitFor("//nav//button[contains(., '案内')]");
    await (await app.waitFor("//button[normalize-space(.)='書き出し']")).click();
    const point = await waitFor(
      () =>
        app.execute(`const link = document.querySelector("[data-testid=export-preview] .rendered")
          ?.shadowRoot?.querySelector("a[href^='https:']");
          if (!link) return null;
          link.scrollIntoView({ block: "center" });
          const box = link.getBoundingClientRect();
          return [box.x + box.width / 2, box.y + box.height / 2];`),
      "the link in the preview",
    );
    const start = await app.execute("return location.href");
    assert.match(start, /^(tauri:\/\/localhost|https?:\/\/tauri\.localhost)(\/|$)/);
    const stays = async (/** @type {string} */ what) => {
      await sleep(1_500);
      const now = await app.execute("return location.href");
      assert.equal(now, start, `${what}: the window's URL is unchanged`);
      assert.ok(
        await app.execute("return document.querySelector('.cm-content') !== null"),
        `${what}: the editor is still there`,
      );
      assert.deepEqual((await app.windows()).length, 1, `${what}: no other window`);
    };

    // A real click on the link: the preview shows the address, the window stays.
    await app.clickAt(point[0], point[1]);
    await waitFor(
      async () => (await app.textOf("dialog[open] .notice")).includes("https://example.com/plan"),
      "the link's address shown as text",
    );
    await stays("a click on the link in the preview");

    // What a script could do, with nothing in the page to stop it: only the shell's guard.
    await app.execute("setTimeout(() => { location.href = 'https://example.com/'; }, 0)");
    await stays("location.href = https://…");
    await app.execute("setTimeout(() => { window.open('https://example.com/', '_blank'); }, 0)");
    await stays("window.open");
    await app.execute(`setTimeout(() => {
      const link = document.createElement("a");
      link.href = "https://example.com/";
      link.target = "_blank";
      document.body.append(link);
      link.click();
      link.remove();
    }, 0)`);
    await stays("a target=_blank link");
    await app.execute("setTimeout(() => { location.href = 'file:///etc/passwd'; }, 0)");
    await stays("location.href = file://…");
    await (await app.find("//dialog[@open]//button[normalize-space(.)='閉じる']")).click();
    await app.waitFor("//nav//button[contains(., '案内')]");
  } catch (error) {
    // At most 5 s: WebKitWebDriver's screenshot may never return after a reload or a refused
    // navigation (it waits for a load to finish), though the page works; so this test takes
    // no other screenshot.
    await Promise.race([app.screenshot("e2e-paths-failure.png").catch(() => {}), sleep(5_000)]);
    throw error;
  } finally {
    await app.quit();
  }
});

/**
 * Answers the native (GTK) file dialog titled `title` as a person would, with xdotool: focus
 * it, let it settle, then the keys (`["key", "ctrl+l"]`, `["type", "/tmp/a.md"]` …), a moment
 * apart (typed before the dialog is ready, the keys are lost).
 * @param {string} title @param {string[][]} keys
 */
async function answerDialog(title, keys) {
  const found = execFileSync(
    "xdotool",
    ["search", "--sync", "--onlyvisible", "--name", `^${title}$`],
    { timeout: 20_000 },
  );
  const id = found.toString().trim().split("\n")[0];
  execFileSync("xdotool", ["windowfocus", "--sync", id], { timeout: 10_000 });
  await sleep(1_000);
  for (const args of keys) {
    execFileSync("xdotool", args, { timeout: 20_000 });
    await sleep(500);
  }
}

test("what the user chooses in the native dialogs is read and written", async () => {
  const app = await isolated.driver.session(appPath());
  try {
    await app.waitFor("//nav//button[normalize-space(.)='読み込み']");
    // Import: the open dialog (from Rust), a file typed into its location bar.
    const speech = join(outside, "opening.md");
    writeFileSync(speech, "# 開会の挨拶\n\n本日はお集まりいただき、ありがとうございます。\n");
    await (await app.find("//nav//button[normalize-space(.)='読み込み']")).click();
    await answerDialog("Open File", [
      ["key", "--clearmodifiers", "ctrl+l"],
      ["type", "--delay", "20", speech],
      ["key", "Return"],
    ]);
    await app.waitFor("//nav//button[contains(., '開会の挨拶')]");

    // Save an export: the save dialog, a full path typed as the name.
    await (await app.waitFor("//button[normalize-space(.)='書き出し']")).click();
    await app.waitFor("//dialog[@open]//button[normalize-space(.)='ファイルに保存']");
    const saved = join(outside, "opening.html");
    await (await app.find("//dialog[@open]//button[normalize-space(.)='ファイルに保存']")).click();
    await answerDialog("Save File", [
      ["key", "--clearmodifiers", "ctrl+a"],
      ["type", "--delay", "20", saved],
      ["key", "Return"],
    ]);
    await waitFor(() => existsSync(saved), "the saved export");
    assert.match(readFileSync(saved, "utf8"), /本日はお集まりいただき/);
    await waitFor(
      async () => (await app.textOf("dialog[open] .notice")).includes("opening.html"),
      "the notice naming the saved file",
    );
  } catch (error) {
    await Promise.race([app.screenshot("e2e-dialogs-failure.png").catch(() => {}), sleep(5_000)]);
    throw error;
  } finally {
    await app.quit();
  }
});
