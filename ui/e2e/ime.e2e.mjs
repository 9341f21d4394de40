// A real Japanese input method in the real app window: ibus with mozc in Hiragana mode, keys
// sent to the X server with xdotool (so they go through GTK's input method like a keyboard's),
// the page read through tauri-driver and the database through the `podium` CLI. It checks that
// the composition shows inline in the editor, converts (Space) and commits once (Enter), that
// nothing is saved while a composition is under way, and that moving the keyboard focus out of
// the window while a conversion is pending (Alt-Tab, a click into another window) leaves the
// converted text exactly once, in the editor and in the search box (WebKitGTK used to insert it
// twice: src-tauri/src/webview.rs).
//
// mozc's server refuses to run as root, so as root D-Bus, ibus, tauri-driver and the app run as
// `nobody` (setpriv), each with its HOME and XDG folders in a temporary folder; as any other
// user they run as that user. Needs the X server of `xvfb-run` and Debian's ibus, ibus-mozc,
// dbus-x11 and xdotool: run with `make test-ime`.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
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
import { appPath, rootDir, sleep, startDriver, tauriDriverPath, waitFor } from "./webdriver.mjs";

const ROOT = process.getuid?.() === 0;
/** Who runs D-Bus, ibus and the app: `nobody` when this is root, else this user. */
const USER = ROOT ? 65534 : /** @type {number} */ (process.getuid?.());
const AS_USER = ROOT ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] : [];

const SEARCH = "input[type=search]";
const STATUS = "[data-testid=save-status]";
/** The editor's text and whether CodeMirror is composing (see DOC_TEXT in webdriver.mjs). */
const EDITOR_STATE = `const content = document.querySelector(".cm-content");
  const view = content?.cmTile?.root?.view ?? content?.cmView?.view;
  return view ? { doc: view.state.doc.toString(), composing: view.composing } : null;`;
/** Events of the input method, recorded in the page from the start of a step. */
const RECORD = `window.imeEvents = [];
  if (!window.imeRecording) {
    window.imeRecording = true;
    for (const type of ["compositionstart", "compositionend", "blur", "focus"]) {
      window.addEventListener(type, (e) => {
        if (type === "blur" || type === "focus") { if (e.target !== window) return; }
        window.imeEvents.push(type + (e.data ? " " + e.data : ""));
      }, true);
    }
  }`;

/** Hiragana and the long-vowel mark only: a composition not yet converted. */
const KANA = /^[\u3041-\u309f\u30fc]+$/u;

/** @type {string} */
let home;
/** @type {Record<string, string>} */
let env;
/** @type {Awaited<ReturnType<typeof startDriver>> | undefined} */
let driver;
/** @type {string} */
let app;
/** @type {string} */
let cli;

/**
 * Runs a program as the test's user with its environment.
 * @param {string} program @param {string[]} args @param {number} [timeout]
 */
function asUser(program, args, timeout = 20_000) {
  const [command, ...rest] = [...AS_USER, program, ...args];
  return execFileSync(command, rest, {
    env,
    timeout,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  }).trim();
}

/** xdotool on the test's X server. @param {string[]} args */
const xdotool = (args) =>
  execFileSync("xdotool", args, { encoding: "utf8", timeout: 20_000 }).trim();

/** A folder (or file) in `home` that the test's user owns. @param {string} path */
function own(path) {
  if (ROOT) chownSync(path, USER, USER);
  return path;
}

/** Whether the test's user may run (or read) `path`. @param {string} path */
function reachable(path) {
  try {
    asUser("test", ["-r", path, "-a", "-x", path]);
    return true;
  } catch {
    return false;
  }
}

/** `path` if the test's user can run it, else a copy of it in `home/bin`. @param {string} path */
function runnable(path) {
  assert.ok(existsSync(path), `${path} is missing: run \`make test-ime\``);
  if (reachable(path)) return path;
  const copy = join(home, "bin", path.split("/").pop() ?? "program");
  copyFileSync(path, copy);
  chmodSync(copy, 0o755);
  return copy;
}

/** Pids of the processes started with this test's environment (daemons included). */
function ourProcesses() {
  const marker = `PODIUM_IME_TEST=${home}\0`;
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, "latin1").includes(marker)) {
        found.push(Number(entry));
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

before(async () => {
  assert.ok(process.env.DISPLAY, "no X server: run under xvfb-run (make test-ime)");
  home = mkdtempSync(join(tmpdir(), "podium-ime-"));
  chmodSync(home, 0o755);
  for (const dir of ["home", "config", "config/mozc", "data", "cache", "bin", "db", "export"]) {
    mkdirSync(join(home, dir));
    own(join(home, dir));
  }
  mkdirSync(join(home, "run"), { mode: 0o700 });
  own(join(home, "run"));
  // mozc starts in Hiragana (its default is direct input until 全角/半角).
  writeFileSync(
    join(home, "config/mozc/ibus_config.textproto"),
    `engines {\n  name : "mozc-jp"\n  longname : "Mozc"\n  layout : "default"\n` +
      `  layout_variant : ""\n  layout_option : ""\n  rank : 80\n}\nactive_on_launch: True\n`,
  );
  own(join(home, "config/mozc/ibus_config.textproto"));
  env = {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    LANG: "C.UTF-8",
    HOME: join(home, "home"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_CACHE_HOME: join(home, "cache"),
    XDG_RUNTIME_DIR: join(home, "run"),
    DISPLAY: /** @type {string} */ (process.env.DISPLAY),
    GTK_IM_MODULE: "ibus",
    XMODIFIERS: "@im=ibus",
    NO_AT_BRIDGE: "1",
    PODIUM_DB: join(home, "db", "ime.db"),
    PODIUM_SAMPLE: "0",
    PODIUM_IME_TEST: home,
  };
  if (process.env.XAUTHORITY) {
    env.XAUTHORITY = join(home, "Xauthority");
    copyFileSync(process.env.XAUTHORITY, env.XAUTHORITY);
    own(env.XAUTHORITY);
  }
  // The morphological dictionary the Rust tests built, as in the other window tests (else the
  // app builds it in the background while the keys are typed).
  const built = join(process.env.CARGO_TARGET_DIR ?? join(rootDir, "target"), "tmp/cache/podium");
  if (existsSync(built)) {
    if (reachable(built)) execFileSync("ln", ["-s", built, join(home, "cache", "podium")]);
    else cpSync(built, join(home, "cache", "podium"), { recursive: true });
  }
  app = runnable(appPath());
  cli = runnable(join(process.env.CARGO_TARGET_DIR ?? join(rootDir, "target"), "debug", "podium"));
  if (ROOT)
    execFileSync("chown", ["-R", `${USER}:${USER}`, join(home, "bin"), join(home, "cache")]);

  // D-Bus, then ibus with mozc as its engine.
  const bus = asUser("dbus-launch", ["--sh-syntax"]);
  env.DBUS_SESSION_BUS_ADDRESS = /** @type {string} */ (
    bus.match(/DBUS_SESSION_BUS_ADDRESS='([^']+)'/)?.[1]
  );
  assert.ok(env.DBUS_SESSION_BUS_ADDRESS, bus);
  asUser("gsettings", ["set", "org.freedesktop.ibus.general", "preload-engines", "['mozc-jp']"]);
  asUser("ibus-daemon", ["--replace", "--xim", "--daemonize"]);
  await waitFor(
    () => {
      try {
        asUser("ibus", ["engine", "mozc-jp"]);
      } catch {
        // exits 1 when it sets the engine but cannot run setxkbmap for its layout
      }
      return asUser("ibus", ["engine"]) === "mozc-jp";
    },
    "ibus with mozc",
    30_000,
  );

  const ownDriver = runnable(tauriDriverPath());
  driver = await startDriver(env, { prefix: AS_USER, driver: ownDriver, onlyEnv: true });
});

after(async () => {
  await driver?.stop();
  try {
    asUser("ibus", ["exit"], 5_000);
  } catch {
    // not running
  }
  if (home) {
    // D-Bus, ibus, mozc's server: every process started with this test's environment.
    // xdg-document-portal, started by D-Bus, unmounts its FUSE folder in `run/` as it ends.
    const mounted = () => readFileSync("/proc/mounts", "utf8").includes(` ${home}/`);
    for (const signal of /** @type {const} */ (["SIGTERM", "SIGKILL"])) {
      for (const pid of ourProcesses()) {
        try {
          process.kill(pid, signal);
        } catch {
          // gone
        }
      }
      try {
        await waitFor(
          () => ourProcesses().length === 0 && !mounted(),
          "our processes to end",
          5_000,
        );
        break;
      } catch {
        // then SIGKILL
      }
    }
    if (mounted()) {
      try {
        execFileSync("fusermount3", ["-u", "-z", join(home, "run", "doc")]);
      } catch {
        // rmSync says what is left
      }
    }
    rmSync(home, { recursive: true, force: true });
  }
});

/** The draft as the database has it: its text (export-all) and when it was last saved. */
function stored() {
  const [draft] = JSON.parse(asUser(cli, ["list", "--json"]));
  const dir = join(home, "export", String(Date.now()));
  asUser(cli, ["export-all", dir]);
  const [file] = readdirSync(dir);
  return { updated: draft.updated_at, text: readFileSync(join(dir, file), "utf8") };
}

const started = Date.now();
/** Says where the test is (a hung step shows in the output). @param {string} what */
const step = (what) => console.log(`${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`);

/** @param {string} text @param {string} part */
const count = (text, part) => text.split(part).length - 1;

test("a real IME: inline, converted, committed once, once on focus-out, nothing saved meanwhile", async () => {
  const session = await /** @type {NonNullable<typeof driver>} */ (driver).session(app);
  /** @returns {Promise<{ doc: string, composing: boolean }>} */
  const editor = async () => {
    const state = await session.execute(EDITOR_STATE);
    assert.ok(state, "the EditorView is found from .cm-content");
    return state;
  };
  const saved = () =>
    waitFor(async () => (await session.textOf(STATUS)) === "保存済み", "the draft to be saved");
  try {
    step("the app is up");
    // A new empty draft, as the other window tests make one.
    await session.waitFor("//li[contains(., '原稿はまだありません。')]", 30_000);
    await (await session.find("//nav//button[normalize-space(.)='新規作成']")).click();
    await session.waitFor("//dialog[@open]//h2[normalize-space(.)='テンプレートから新規作成']");
    await waitFor(
      () => session.execute("return document.querySelector('dialog[open] select')?.value !== ''"),
      "the templates to load",
    );
    await session.execute(
      `const select = document.querySelector("dialog[open] select");
       select.value = [...select.options].find((o) => o.textContent.includes("空の原稿")).value;
       select.dispatchEvent(new Event("change", { bubbles: true }));`,
    );
    await (await session.find("//dialog[@open]//button[@type='submit']")).click();
    const content = await session.waitFor(".cm-content");
    await content.click();
    // Ctrl+End, two Enters (WebDriver's keys: no composition), then saved.
    await content.sendKeys("\uE009\uE010\uE000\uE007\uE007");
    await waitFor(async () => (await editor()).doc.endsWith("\n\n"), "the empty line");
    await saved();
    let before = await editor();
    let disk = stored();
    assert.equal(disk.text, before.doc);

    // The keys go to the X server: the app's window has the keyboard focus.
    const window = xdotool(["search", "--onlyvisible", "--name", "^Podium"]).split("\n")[0];
    assert.ok(window, "the app's window on the X server");
    // Without a window manager, the keyboard focus leaves the window for the root window, with
    // the pointer outside the app's window (with the pointer in it, X gives the window the
    // keys again: no focus-out). The screen is wider than the window (make test-ime).
    const geometry = xdotool(["getwindowgeometry", "--shell", window]);
    const [width, height] = ["WIDTH", "HEIGHT"].map((key) =>
      Number(geometry.match(new RegExp(`^${key}=(\\d+)`, "m"))?.[1]),
    );
    const screen = xdotool(["getdisplaygeometry"]).split(" ").map(Number);
    assert.ok(
      screen[0] > width + 10,
      `a screen wider than the window: ${screen} ${width}x${height}`,
    );
    const root = xdotool(["search", "--maxdepth", "0", "--name", ""]);
    const focusOut = () => {
      xdotool(["mousemove", String(screen[0] - 1), String(screen[1] - 1)]);
      xdotool(["windowfocus", root]);
    };
    xdotool(["windowfocus", "--sync", window]);
    await session.execute(RECORD);

    step("typing 「ほんとうに」");
    // Inline: the composition is in the editor at the cursor while it is under way.
    xdotool(["type", "--delay", "50", "honntouni"]);
    let state = await waitFor(async () => {
      const now = await editor();
      return now.composing && now.doc === `${before.doc}ほんとうに` && now;
    }, "「ほんとうに」 composing in the editor");
    assert.ok(
      await session.execute(
        "return document.querySelector('.cm-content').textContent.includes('ほんとうに')",
      ),
      "the composition is drawn in the editor",
    );
    // Autosave is due 0.7 s after a keystroke: nothing reaches the database while composing.
    await sleep(1_500);
    assert.deepEqual(stored(), disk, "saved during the composition");

    step("converting");
    // Space converts; the conversion is still a composition.
    xdotool(["key", "space"]);
    state = await waitFor(async () => {
      const now = await editor();
      const composed = now.doc.slice(before.doc.length);
      return now.composing && !KANA.test(composed) && composed.length > 0 && now;
    }, "the conversion");
    const converted = state.doc.slice(before.doc.length);
    assert.ok(/[\u4e00-\u9fff]/u.test(converted), `converted to kanji: ${converted}`);
    await sleep(1_200);
    assert.deepEqual(stored(), disk, "saved during the conversion");

    step("committing");
    // Enter commits the conversion once; then it is saved.
    xdotool(["key", "Return"]);
    await waitFor(async () => !(await editor()).composing, "the composition to end");
    await sleep(500);
    assert.equal((await editor()).doc, before.doc + converted);
    await saved();
    disk = await waitFor(() => {
      const now = stored();
      return now.text === before.doc + converted && now;
    }, "the committed text in the database");
    assert.deepEqual(await session.execute("return window.imeEvents"), [
      "compositionstart",
      `compositionend ${converted}`,
    ]);

    step("typing 「かいぎをかいさいします」");
    // The focus leaves the window while a conversion is pending (Alt-Tab without a window
    // manager: the X input focus to the root window). The text is there once, and saved once.
    before = await editor();
    await session.execute(RECORD);
    xdotool(["type", "--delay", "50", "kaigiwokaisaisimasu"]);
    await waitFor(
      async () => (await editor()).doc.endsWith("かいぎをかいさいします"),
      "「かいぎをかいさいします」 composing",
    );
    xdotool(["key", "space"]);
    state = await waitFor(async () => {
      const now = await editor();
      const composed = now.doc.slice(before.doc.length);
      return now.composing && !KANA.test(composed) && now;
    }, "the conversion");
    const pending = state.doc.slice(before.doc.length);
    assert.ok(/[\u4e00-\u9fff]/u.test(pending), `converted to kanji: ${pending}`);
    await sleep(1_200);
    assert.deepEqual(stored(), disk, "saved during the conversion");
    step("the focus out of the window");
    focusOut();
    await waitFor(
      async () => (await session.execute("return window.imeEvents")).includes("blur"),
      "the window to lose the focus",
    );
    await waitFor(async () => !(await editor()).composing, "the composition to end");
    await sleep(1_000); // a second insertion came within milliseconds
    const after = (await editor()).doc;
    assert.equal(after, before.doc + pending, `the pending conversion once: ${after}`);
    assert.equal(count(after, pending), 1);
    await saved();
    await waitFor(() => stored().text === after, "the text once in the database");

    step("the search box");
    // The same in the search box: type, convert, lose the focus.
    xdotool(["windowfocus", "--sync", window]);
    await (await session.find(SEARCH)).click();
    await session.execute(RECORD);
    xdotool(["type", "--delay", "50", "sityou"]);
    await waitFor(
      async () =>
        (await session.execute(`return document.querySelector("${SEARCH}").value`)) === "しちょう",
      "「しちょう」 composing in the search box",
    );
    xdotool(["key", "space"]);
    const query = await waitFor(async () => {
      const value = await session.execute(`return document.querySelector("${SEARCH}").value`);
      return !KANA.test(value) && value;
    }, "the conversion in the search box");
    focusOut();
    await waitFor(
      async () => (await session.execute("return window.imeEvents")).includes("blur"),
      "the window to lose the focus",
    );
    await sleep(1_000);
    assert.equal(
      await session.execute(`return document.querySelector("${SEARCH}").value`),
      query,
      "the pending conversion once in the search box",
    );
    assert.equal((await editor()).doc, after, "the editor untouched");
  } catch (error) {
    await session.screenshot("e2e-ime-failure.png").catch(() => {});
    throw error;
  } finally {
    await session.quit();
  }
});
