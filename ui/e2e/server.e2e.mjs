// The office's library on a PostgreSQL server, in the real app window: a draft typed, the
// server stopped mid-typing (the save status says the text is kept on this PC), the app
// killed while offline, the server back, the app started again: the text typed offline is
// there. The server is Debian's, started by `examples/pg_test_server.rs` on 127.0.0.1 (the
// same harness as the Rust tests). Run with `make test-e2e`.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { after, before, test } from "node:test";
import {
  appPath,
  DOC_TEXT,
  linkBuiltDictionary,
  rootDir,
  screenshotScreen,
  startDriver,
  waitFor,
} from "./webdriver.mjs";

const EDITOR = ".cm-content";
const STATUS = "[data-testid=save-status]";
const ONLINE = "皆さん、明けましておめでとうございます。";
const OFFLINE = "停電のなかでも、言葉は消えません。";

/** The test server: its library's address, and `send("stop" | "start")`. */
function startServer() {
  const target = process.env.CARGO_TARGET_DIR ?? join(rootDir, "target");
  const child = spawn(join(target, "debug", "examples", "pg_test_server"), [], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => (await lines.next()).value;
  return {
    address: next(),
    /** @param {string} command */
    async send(command) {
      child.stdin.write(`${command}\n`);
      assert.equal(await next(), "ok", `the server did "${command}"`);
    },
    stop: () => child.stdin.end(),
  };
}

/** @type {ReturnType<typeof startServer>} */
let server;
/** @type {string} */
let home;
/** @type {Awaited<ReturnType<typeof startDriver>>} */
let driver;

before(async () => {
  server = startServer();
  const address = await server.address;
  home = mkdtempSync(join(tmpdir(), "podium-server-"));
  linkBuiltDictionary(join(home, "cache"));
  driver = await startDriver({
    PODIUM_DB: address,
    PODIUM_SAMPLE: "0",
    USER: "hisho",
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_CACHE_HOME: join(home, "cache"),
  });
});

after(async () => {
  await driver?.stop();
  server?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

test("the server goes away mid-typing and nothing typed is lost", async () => {
  const first = await driver.session(appPath());
  const docText = () => first.execute(DOC_TEXT);
  try {
    await first.waitFor("//li[contains(., '原稿はまだありません。')]");
    await (await first.find("//nav//button[normalize-space(.)='新規作成']")).click();
    await first.waitFor("//dialog[@open]//h2[normalize-space(.)='テンプレートから新規作成']");
    await waitFor(
      () => first.execute("return document.querySelector('dialog[open] select')?.value !== ''"),
      "the templates to load",
    );
    const field = (/** @type {string} */ label) =>
      `//dialog[@open]//label[contains(normalize-space(.), '${label}')]//input`;
    await (await first.find(field("行事"))).sendKeys("仕事始め式");
    await (await first.find(field("話し手"))).sendKeys("市長　山田太郎");
    await (await first.find(field("市の名前"))).sendKeys("みなと市");
    await (await first.find("//dialog[@open]//button[@type='submit']")).click();
    const editor = await first.waitFor(EDITOR);
    await editor.click();
    await editor.sendKeys("\uE009\uE010\uE000\uE007\uE007");
    await editor.sendKeys(ONLINE);
    await waitFor(async () => (await first.textOf(STATUS)) === "保存済み", "saved on the server");

    // The server goes away; typing goes on, kept on this PC.
    await server.send("stop");
    await editor.sendKeys(OFFLINE);
    await waitFor(async () => (await docText()).endsWith(OFFLINE), "the text typed offline");
    const status = await waitFor(
      async () => (await first.textOf(STATUS)).includes("このPCに保存") && first.textOf(STATUS),
      "the status saying the text is kept on this PC",
    );
    assert.equal(status, "未接続・このPCに保存");
    await first.screenshot("e2e-server-offline.png");
  } catch (error) {
    screenshotScreen("e2e-server-failure-first.png");
    throw error;
  }
  // Killed while offline (no goodbye: the session ends with the app).
  await first.quit();

  // The server is back; the app starts again and replays what was kept.
  await server.send("start");
  const second = await driver.session(appPath());
  try {
    const editor = await second.waitFor(EDITOR);
    const text = await waitFor(async () => {
      const body = await second.execute(DOC_TEXT);
      return typeof body === "string" && body.includes(OFFLINE) && body;
    }, "the text typed offline, on the server");
    assert.ok(text.includes(ONLINE) && text.endsWith(OFFLINE), text);
    await editor.click();
    await editor.sendKeys("\uE009\uE010\uE000");
    assert.equal(await second.textOf(STATUS), "保存済み");
    await second.screenshot("e2e-server-back.png");
  } catch (error) {
    screenshotScreen("e2e-server-failure-second.png");
    throw error;
  } finally {
    await second.quit();
  }
});
