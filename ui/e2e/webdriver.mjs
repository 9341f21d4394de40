// A minimal W3C WebDriver client over `fetch` for the real app window: tauri-driver (in front of
// Debian's WebKitWebDriver) starts target/debug/podium-desktop for each session. Used by the
// end-to-end test (app.e2e.mjs) and the app benchmark (benches/app/). Needs a display: run
// under `xvfb-run`.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NEW_YEAR_VALUES } from "../tests/prompter-fixtures.mjs";

export const uiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const rootDir = join(uiDir, "..");
export const resultsDir = join(uiDir, "test-results");
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
/** The longest a WebDriver command may take (starting the app included). */
const COMMAND_TIMEOUT = 120_000;

/** The app binary: $PODIUM_APP, else target/debug/podium-desktop (CARGO_TARGET_DIR respected). */
/**
 * A script for `execute` that returns the editor's whole text: CodeMirror draws only the lines
 * in view, so the DOM's text is not enough. Reads the EditorView from the content element
 * (CodeMirror 6.4x keeps it on the `cmTile` property); it returns null if that moves in a
 * CodeMirror update, which the tests assert against.
 */
export const DOC_TEXT = `const content = document.querySelector(".cm-content");
  const view = content?.cmTile?.root?.view ?? content?.cmView?.view;
  return view ? view.state.doc.toString() : null;`;

export function appPath(profile = "debug") {
  const target = process.env.CARGO_TARGET_DIR ?? join(rootDir, "target");
  return process.env.PODIUM_APP ?? join(target, profile, "podium-desktop");
}

export function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const cargoBin = join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin", "tauri-driver");
  return existsSync(cargoBin) ? cargoBin : "tauri-driver";
}

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Saves a PNG of the whole X screen (the running test's $DISPLAY) under ui/test-results/, with
 * ImageMagick's `import`. For the full-screen prompter window: WebKitWebDriver's own
 * screenshot of it hangs when WebKitGTK's DMA-BUF renderer is off, as the app has it.
 * @param {string} name
 */
export function screenshotScreen(name) {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, name);
  execFileSync("import", ["-window", "root", path], { timeout: 20_000 });
  return path;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a truthy value.
 * @template T
 * @param {() => Promise<T>} probe
 * @param {string} what said when it times out
 * @param {number} [timeout]
 * @returns {Promise<T>}
 */
export async function waitFor(probe, what, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await sleep(50);
  }
}

/** Pids of every descendant of `pid` (from /proc). @param {number} pid */
export function descendants(pid) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(/** @type {number} */ (queue.shift())) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The command name of a process, or null when it is gone. @param {number} pid */
export function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * Links the morphological dictionary the Rust tests built (`<target>/tmp/cache/podium`) into
 * the cache folder `cache` (the app's XDG_CACHE_HOME), when it is there: the app loads it
 * instead of building it again on a background thread (seconds of CPU).
 * @param {string} cache
 */
export function linkBuiltDictionary(cache) {
  const target = process.env.CARGO_TARGET_DIR ?? join(rootDir, "target");
  const built = join(target, "tmp", "cache", "podium");
  if (!existsSync(built)) return;
  mkdirSync(cache, { recursive: true });
  symlinkSync(built, join(cache, "podium"));
}

/**
 * tauri-driver with the app's every file in a temporary folder `home`: the database
 * (`home/e2e.db`, its backups beside it), window state and caches (XDG folders), with the
 * built dictionary linked in (see `linkBuiltDictionary`). The new library starts empty unless
 * `options.sample` (PODIUM_SAMPLE=0 otherwise); `options.env` reaches the app too (e.g.
 * PODIUM_VOICE_FILE). `stop()` stops the drivers and removes the folder.
 * @param {string} name part of the folder's name
 * @param {{ sample?: boolean, env?: Record<string, string> }} [options]
 */
export async function startDriverInTempHome(name, options = {}) {
  const home = mkdtempSync(join(tmpdir(), `podium-${name}-`));
  linkBuiltDictionary(join(home, "cache"));
  const driver = await startDriver({
    ...(options.sample ? {} : { PODIUM_SAMPLE: "0" }),
    ...options.env,
    PODIUM_DB: join(home, "e2e.db"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    XDG_CACHE_HOME: join(home, "cache"),
  });
  return {
    home,
    driver,
    async stop() {
      await driver.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Starts tauri-driver (and through it WebKitWebDriver) on free ports. `env` reaches the app
 * (PODIUM_DB, XDG_* folders), since the drivers pass their environment on to it.
 * `options.prefix` runs the driver through a command (e.g. `setpriv … --` to run it, and so
 * the app, as another user), `options.driver` is the tauri-driver to run, and
 * `options.onlyEnv` gives the driver `env` alone instead of this process's environment plus `env`.
 * @param {Record<string, string>} env
 * @param {{ prefix?: string[], driver?: string, onlyEnv?: boolean }} [options]
 */
export async function startDriver(env, options = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const [program, ...args] = [
    ...(options.prefix ?? []),
    options.driver ?? tauriDriverPath(),
    "--port",
    String(port),
    "--native-port",
    String(nativePort),
    "--native-driver",
    process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver",
  ];
  const driver = spawn(program, args, {
    // No D-Bus session unless `env` brings one: with dbus-x11 installed (make test-ime), GLib
    // would otherwise start one on the X server for the app (`dbus-launch --autolaunch`, left
    // running after the test) and with it xdg-document-portal, whose FUSE mount in the app's
    // cache folder stops the temporary folder from being removed. An unknown transport makes
    // GLib (and the single-instance plugin) go without, as on a machine without dbus-x11.
    env: options.onlyEnv ? env : { ...process.env, DBUS_SESSION_BUS_ADDRESS: "disabled:", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  driver.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => driver.on("exit", resolve));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (driver.exitCode !== null) throw new Error(`tauri-driver exited: ${stderr}`);
      return (await fetch(`${base}/status`)).ok;
    },
    "tauri-driver to listen",
    20_000,
  );

  /**
   * One WebDriver command.
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  async function command(method, path, body) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // A command that never answers fails the test instead of hanging it.
      signal: AbortSignal.timeout(COMMAND_TIMEOUT),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    }
    return json.value;
  }

  return {
    pid: /** @type {number} */ (driver.pid),
    /**
     * Opens the app: a new session, the app started with `args` (files to open).
     * @param {string} application @param {string[]} [args]
     */
    async session(application, args = []) {
      assert.ok(existsSync(application), `${application} is missing: run \`make app\``);
      const started = await command("POST", "/session", {
        capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
      });
      return makeSession(command, started.sessionId);
    },
    /** SIGTERM (never SIGKILL: WebKitWebDriver would outlive it), then any app leftovers. */
    async stop() {
      const leftovers = descendants(/** @type {number} */ (driver.pid));
      if (driver.exitCode === null) {
        driver.kill("SIGTERM");
        await Promise.race([exited, sleep(5_000)]);
      }
      for (const pid of leftovers) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    },
  };
}

/**
 * @param {(method: string, path: string, body?: unknown) => Promise<any>} command
 * @param {string} id
 */
function makeSession(command, id) {
  const at = `/session/${id}`;
  /** @param {string} element */
  const el = (element) => ({
    id: element,
    click: () => command("POST", `${at}/element/${element}/click`, {}),
    /** @param {string} text */
    sendKeys: (text) => command("POST", `${at}/element/${element}/value`, { text }),
    /** @returns {Promise<string>} */
    text: () => command("GET", `${at}/element/${element}/text`),
  });
  return {
    id,
    /**
     * The first element matching a CSS selector or an XPath (starting with / or ( ).
     * @param {string} selector
     */
    async find(selector) {
      const using = /^[/(]/.test(selector) ? "xpath" : "css selector";
      const found = await command("POST", `${at}/element`, { using, value: selector });
      return el(found[ELEMENT]);
    },
    /** Waits until the element exists. @param {string} selector @param {number} [timeout] */
    async waitFor(selector, timeout) {
      return waitFor(() => this.find(selector), selector, timeout);
    },
    /**
     * The trimmed textContent of the first element matching a CSS selector ("" if none).
     * @param {string} selector
     * @returns {Promise<string>}
     */
    textOf: (selector) =>
      command("POST", `${at}/execute/sync`, {
        script: "return (document.querySelector(arguments[0])?.textContent ?? '').trim()",
        args: [selector],
      }),
    /** @param {string} script @param {unknown[]} [args] */
    execute: (script, args = []) => command("POST", `${at}/execute/sync`, { script, args }),
    /** @param {string} script @param {unknown[]} [args] */
    executeAsync: (script, args = []) => command("POST", `${at}/execute/async`, { script, args }),
    /** Saves a PNG screenshot under ui/test-results/. @param {string} name */
    async screenshot(name) {
      const png = Buffer.from(await command("GET", `${at}/screenshot`), "base64");
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, name);
      writeFileSync(path, png);
      return path;
    },
    /** The handles of the app's windows. @returns {Promise<string[]>} */
    windows: () => command("GET", `${at}/window/handles`),
    /** Commands go to this window from now on. @param {string} handle */
    switchTo: (handle) => command("POST", `${at}/window`, { handle }),
    /** Presses keys (W3C key values, e.g. "\uE00D" for Space) in the current window. @param {string[]} keys */
    async press(keys) {
      const actions = keys.flatMap((value) => [
        { type: "keyDown", value },
        { type: "keyUp", value },
      ]);
      await command("POST", `${at}/actions`, {
        actions: [{ type: "key", id: "keyboard", actions }],
      });
      await command("DELETE", `${at}/actions`);
    },
    /**
     * A real mouse click (move, press, release) at a point of the viewport, in CSS pixels.
     * @param {number} x @param {number} y
     */
    async clickAt(x, y) {
      const actions = [
        {
          type: "pointerMove",
          duration: 0,
          origin: "viewport",
          x: Math.round(x),
          y: Math.round(y),
        },
        { type: "pointerDown", button: 0 },
        { type: "pointerUp", button: 0 },
      ];
      await command("POST", `${at}/actions`, {
        actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }],
      });
      await command("DELETE", `${at}/actions`);
    },
    /**
     * Calls an app command the way any script in the page could: through
     * `window.__TAURI_INTERNALS__.invoke`. Resolves to `{ ok }` or `{ err }` (never throws).
     * @param {string} name @param {Record<string, unknown>} [args]
     * @returns {Promise<{ ok?: any, err?: any }>}
     */
    invoke: (name, args = {}) =>
      command("POST", `${at}/execute/async`, {
        script: `const done = arguments[arguments.length - 1];
          window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(
            (ok) => done({ ok: ok ?? null }),
            (err) => done({ err: err ?? null }),
          );`,
        args: [name, args],
      }),
    /** Closes the app. */
    quit: () => command("DELETE", at),
  };
}

/** A command of the app called from the current window's page: `{ value }` or `{ error }`. */
export const INVOKE = `const done = arguments[arguments.length - 1];
  window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
    .then((value) => done({ value }), (error) => done({ error }));`;

/**
 * A command of the app as the current window's page calls it: its value, or the test fails
 * with its error.
 * @param {{ executeAsync: (script: string, args?: unknown[]) => Promise<any> }} app
 */
export function invoker(app) {
  /** @param {string} command @param {Record<string, unknown>} [args] */
  return async (command, args = {}) => {
    const { value, error } = await app.executeAsync(INVOKE, [command, args]);
    assert.equal(error, undefined, `${command}: ${JSON.stringify(error)}`);
    return value;
  };
}

/**
 * Reloads the current window and waits for the new page (a marker tells it from the old one).
 * @param {{ execute: (script: string, args?: unknown[]) => Promise<any> }} app
 */
export async function reloadWindow(app) {
  await app.execute("window.__reloading = true; location.reload()");
  await waitFor(
    () => app.execute("return !window.__reloading && document.querySelector('.toolbar') !== null"),
    "the reloaded window",
  );
}

/**
 * In an app whose library is empty: a New Year address made from the template (as the
 * new-draft dialog makes it) and shown, the window reloaded to list it. The draft.
 * @param {any} app
 */
export async function showNewYearAddress(app) {
  await app.waitFor("//li[contains(., '原稿はまだありません。')]");
  const draft = await invoker(app)("create_draft", { values: NEW_YEAR_VALUES });
  await reloadWindow(app);
  return draft;
}

/**
 * 「タブレットから操作」 turned on in the operator view of the main window `main` (the prompter
 * open): the remote's status.
 * @param {any} app @param {string} main
 */
export async function turnRemoteOn(app, main) {
  await app.switchTo(main);
  await waitFor(
    async () => (await app.textOf("[data-testid=operator-state]")) === "停止中",
    "the operator view connected",
  );
  await (await app.find("[data-testid=remote-on]")).click();
  await app.waitFor("[data-testid=remote-code]");
  return invoker(app)("remote_status");
}

/**
 * From the main window `main`: the operator view (its toolbar button, named `button`), then the
 * prompter window, switched to once its HUD shows. Its window handle.
 * @param {any} app @param {string} main @param {string} [button]
 */
export async function openPrompterWindow(app, main, button = "プロンプター") {
  await (await app.find(`//button[normalize-space(.)='${button}']`)).click();
  await (await app.waitFor("[data-testid=open-prompter]")).click();
  const prompter = await waitFor(async () => {
    const handles = await app.windows();
    return handles.length === 2 && handles.find((/** @type {string} */ h) => h !== main);
  }, "the prompter window");
  await app.switchTo(prompter);
  await app.waitFor("[data-testid=hud]");
  return prompter;
}
