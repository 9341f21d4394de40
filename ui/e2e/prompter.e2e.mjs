// End to end in the real app windows (Tauri + WebKitGTK under Xvfb, through tauri-driver): the
// operator view opens the prompter window on a draft; the prompter plays, pauses and steps
// from its keys and from the operator's buttons; the operator sees its position; mirrored
// and vertical modes are switched from the operator; an edit typed in the editor while live
// reaches the prompter without moving its eye line, and a clicker's PageDown/PageUp in the
// editor steps the prompter; opening it again keeps it as it is; a hostile draft runs nothing. Screenshots
// of each mode (of the X screen) go to ui/test-results/. Run with `make test-e2e`.

import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { after, before, test } from "node:test";
import {
  appPath,
  DOC_TEXT,
  INVOKE,
  invoker,
  openPrompterWindow,
  screenshotScreen,
  showNewYearAddress,
  sleep,
  startDriverInTempHome,
  waitFor,
} from "./webdriver.mjs";

const SPACE = "\uE00D";
const PAGE_DOWN = "\uE00F";
const HOME = "\uE011";
const PAGE_UP = "\uE00E";
/** Typed at the end of the draft's title while the prompter is live. */
const INSERTED = "（ここに足した言葉で見出しが長くなります）";

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;

before(async () => {
  isolated = await startDriverInTempHome("e2e-prompter");
});

after(async () => {
  await isolated?.stop();
});

/** Runs an app command from the page (the shell's own IPC, as backend.ts does). */
const HOSTILE = `# 危険な原稿

## 見出し<script>window.__pwned = "script"</script>

&lt;img src=x onerror="window.__pwned='entity'"&gt; ふつうの文です。<img src=x onerror="window.__pwned='img'">

<iframe src="javascript:window.__pwned='iframe'"></iframe>[[間]]<svg onload="window.__pwned='svg'"></svg>
`;

test("the operator opens the prompter window; it plays, pauses and steps; both stay in sync", async () => {
  const app = await isolated.driver.session(appPath());
  const invoke = invoker(app);
  try {
    const draft = await showNewYearAddress(app);
    const [main] = await app.windows();

    // The operator view, then the prompter window.
    const prompter = await openPrompterWindow(app, main);
    assert.match(await app.execute("return location.href"), /prompter\.html\?draft=\d+$/);
    // Least privilege: the prompter window may read its script, not the library or files.
    const refused = await app.executeAsync(INVOKE, ["list_drafts", {}]);
    assert.match(String(refused.error), /not allowed/, "list_drafts from the prompter window");
    const allowed = await app.executeAsync(INVOKE, ["get_prompter_settings", {}]);
    assert.equal(allowed.error, undefined, "get_prompter_settings from the prompter window");
    await app.waitFor("[data-testid=hud]");
    await waitFor(
      () => app.execute("return document.querySelector('.track').style.transform !== ''"),
      "the first layout",
    );
    const state = () => app.textOf("[data-testid=play-state]");
    assert.equal(await state(), "停止中");
    const offset = () =>
      app.execute(
        "return new DOMMatrix(getComputedStyle(document.querySelector('.track')).transform).m42",
      );
    const settled = async () => {
      let last = await offset();
      for (let i = 0; i < 50; i += 1) {
        await sleep(100);
        const now = await offset();
        if (Math.abs(now - last) < 0.01) return now;
        last = now;
      }
      throw new Error("the text kept moving");
    };
    const eyeLine = await app.execute("return window.innerHeight * 0.25");
    const top = (/** @type {number} */ n) =>
      app.execute(
        "return document.querySelectorAll('.paragraph')[arguments[0]].getBoundingClientRect().top",
        [n],
      );
    /** Waits for paragraph n to glide to the eye line. @param {number} n */
    const atEyeLine = (n) =>
      waitFor(
        async () => Math.abs((await top(n)) - eyeLine) < 1.5,
        `paragraph ${n + 1} at the eye line`,
      );
    await waitFor(() => app.execute("return document.fonts.status === 'loaded'"), "the fonts");
    await sleep(500);
    screenshotScreen("e2e-prompter-horizontal.png");

    // Space plays (after the 3-2-1 countdown), Space pauses.
    const start = await offset();
    await app.press([SPACE]);
    await app.waitFor("[data-testid=countdown]");
    await waitFor(async () => (await state()) === "再生中", "playing after the countdown", 6000);
    await sleep(1000);
    assert.ok((await offset()) < start - 10, "the text moved up");
    await app.press([SPACE]);
    await waitFor(async () => (await state()) === "停止中", "paused");
    await settled();

    // PageDown steps: paragraph by paragraph to the eye line.
    await app.press([HOME]);
    await waitFor(async () => (await offset()) > start - 1, "back at the start");
    await app.press([PAGE_DOWN]);
    await atEyeLine(0);
    await app.press([PAGE_DOWN]);
    await atEyeLine(1);

    // The operator sees the prompter, and its buttons drive it.
    await app.switchTo(main);
    await waitFor(
      async () => (await app.textOf("[data-testid=operator-state]")) === "停止中",
      "the operator view connected",
    );
    await (await app.find("//button[normalize-space(.)='次の段落']")).click();
    await app.switchTo(prompter);
    await atEyeLine(2);
    const point = await app.execute("return document.querySelector('.sentence.current') !== null");
    assert.ok(point, "the sentence at the eye line is emphasised");

    // The operator's copy shows the same paragraph at its eye line.
    await app.switchTo(main);
    const copy = await waitFor(async () => {
      const gap = await app.execute(`const frame = document.querySelector('.copy');
        const p = frame.querySelectorAll('.paragraph')[2].getBoundingClientRect();
        return Math.abs(p.top - (frame.getBoundingClientRect().top + frame.clientHeight * 0.25));`);
      return gap < 1.5 && gap + 1;
    }, "the operator copy at paragraph 3");
    assert.ok(copy);

    // The second screen: opened from the operator view, mirrored, it shows paragraph 3 at its
    // eye line too (one display here: it opens as a window beside the full-screen prompter).
    await (await app.find("[data-testid=second-screen-panel] summary")).click();
    await (await app.find("[data-testid=second-mirror]")).click();
    await sleep(500);
    await (await app.find("[data-testid=open-second-screen]")).click();
    const second = await waitFor(async () => {
      const handles = await app.windows();
      return handles.length === 3 && handles.find((h) => h !== main && h !== prompter);
    }, "the second screen's window");
    await app.switchTo(second);
    assert.match(await app.execute("return location.href"), /screen=second$/);
    const secondRefused = await app.executeAsync(INVOKE, ["list_drafts", {}]);
    assert.match(String(secondRefused.error), /not allowed/, "list_drafts from the second screen");
    await waitFor(async () => {
      const gap =
        await app.execute(`const eye = document.querySelector('.eye-line').getBoundingClientRect();
        const p = document.querySelectorAll('.paragraph')[2].getBoundingClientRect();
        return Math.abs(p.top - window.innerHeight * 0.25);`);
      return gap < 1.5;
    }, "the second screen at paragraph 3");
    assert.equal(
      await app.execute("return document.querySelector('.stage').style.transform"),
      "scale(-1, 1)",
      "the second screen is mirrored",
    );
    await sleep(300);
    screenshotScreen("e2e-second-screen.png");
    await app.switchTo(main);
    await invoke("close_second_screen", {});
    await waitFor(async () => (await app.windows()).length === 2, "the second screen closed");

    // An edit saved while the prompter is live: typed in the editor (before the eye line, in
    // the title: it now takes more lines), it reaches the prompter, whose eye line keeps its
    // paragraph; a clicker's PageDown/PageUp with the cursor in the editor steps the prompter.
    // The keyboard's focus back in the main window, as the operator's click would put it (the
    // full-screen prompter covers it on this one screen).
    const mainWindow = execFileSync(
      "xdotool",
      ["search", "--sync", "--onlyvisible", "--name", "原稿とプロンプター$"],
      { encoding: "utf8", timeout: 20_000 },
    )
      .trim()
      .split("\n")[0];
    execFileSync("xdotool", ["windowfocus", "--sync", mainWindow], { timeout: 10_000 });
    // A click on the title's line (the first drawn: the editor is at the top), then typing.
    await (await app.find(".cm-line")).click();
    const editor = await app.find(".cm-content");
    await editor.sendKeys(INSERTED);
    await waitFor(
      async () => ((await app.execute(DOC_TEXT)) ?? "").includes(INSERTED),
      "the text typed",
    );
    await app.switchTo(prompter);
    await waitFor(async () => (await app.textOf(".script")).includes(INSERTED), "the edit shown");
    await sleep(300);
    assert.ok(Math.abs((await top(2)) - eyeLine) < 1.5, `paragraph 3 stays (${await top(2)})`);
    await app.switchTo(main);
    await editor.sendKeys(PAGE_DOWN);
    await app.switchTo(prompter);
    await atEyeLine(3);
    await app.switchTo(main);
    await editor.sendKeys(PAGE_UP);
    await app.switchTo(prompter);
    await atEyeLine(2);
    await app.switchTo(main);
    assert.ok((await app.execute(DOC_TEXT)).includes(INSERTED), "the editor kept the text typed");
    // Opening the prompter again on the same draft brings it forward as it is.
    await app.switchTo(prompter);
    await app.execute("window.__stillHere = true");
    await app.switchTo(main);
    await (await app.find("[data-testid=open-prompter]")).click();
    await sleep(1000);
    await app.switchTo(prompter);
    assert.equal(await app.execute("return window.__stillHere ?? false"), true, "not reloaded");
    await atEyeLine(2);
    await app.switchTo(main);

    // The clicker heard while another program has the keyboard (turned on in the operator
    // view): its PageDown and PageUp step the prompter; turned off, they are that program's.
    const everywhere = await app.find("[data-testid=clicker-everywhere]");
    await everywhere.click();
    await waitFor(
      () =>
        app.execute("return document.querySelector('[data-testid=clicker-everywhere]').checked"),
      "the clicker heard everywhere",
    );
    const other = spawn("xmessage", ["-geometry", "+0+0", "another program"], { stdio: "ignore" });
    try {
      const otherWindow = execFileSync(
        "xdotool",
        ["search", "--sync", "--onlyvisible", "--name", "^xmessage$"],
        { encoding: "utf8", timeout: 20_000 },
      )
        .trim()
        .split("\n")[0];
      const pressElsewhere = (/** @type {string} */ key) => {
        execFileSync("xdotool", ["windowfocus", "--sync", otherWindow], { timeout: 10_000 });
        execFileSync("xdotool", ["key", key], { timeout: 10_000 });
      };
      pressElsewhere("Next");
      await app.switchTo(prompter);
      await atEyeLine(3);
      pressElsewhere("Prior");
      await atEyeLine(2);
      await app.switchTo(main);
      await everywhere.click();
      await waitFor(
        async () =>
          !(await app.execute(
            "return document.querySelector('[data-testid=clicker-everywhere]').checked",
          )),
        "the clicker the desktop's again",
      );
      pressElsewhere("Next");
      await sleep(800);
      await app.switchTo(prompter);
      await atEyeLine(2);
      await app.switchTo(main);
    } finally {
      other.kill();
      execFileSync("xdotool", ["windowfocus", "--sync", mainWindow], { timeout: 10_000 });
    }

    // Mirrored and vertical modes, switched from the operator's settings.
    await (await app.find("//details/summary[normalize-space(.)='表示']")).click();
    const toggle = async (/** @type {string} */ label) =>
      (await app.find(`//label[normalize-space(.)='${label}']/input`)).click();
    await toggle("左右反転");
    await app.switchTo(prompter);
    await waitFor(
      () =>
        app.execute(
          "return new DOMMatrix(getComputedStyle(document.querySelector('.stage')).transform).a === -1",
        ),
      "the mirrored prompter",
    );
    await sleep(300);
    screenshotScreen("e2e-prompter-mirrored.png");
    await app.switchTo(main);
    await toggle("左右反転");
    await toggle("縦書き");
    await app.switchTo(prompter);
    await waitFor(
      () =>
        app.execute(
          "return getComputedStyle(document.querySelector('.script')).writingMode === 'vertical-rl'",
        ),
      "vertical writing",
    );
    await sleep(300);
    await app.press([PAGE_DOWN]);
    await sleep(1200);
    const right = await app.execute(
      "return document.querySelectorAll('.paragraph')[3].getBoundingClientRect().right",
    );
    const eyeLineX = await app.execute("return window.innerWidth * 0.75");
    assert.ok(Math.abs(right - eyeLineX) < 1.5, `vertical step at the eye line (${right})`);
    screenshotScreen("e2e-prompter-vertical.png");
    await app.switchTo(main);
    await toggle("縦書き");

    // A hostile draft in the prompter: shown as text, nothing runs.
    const hostile = await invoke("create_draft", {
      values: { templateId: null, date: "2027-01-04", event: "", speaker: "", city: "" },
    });
    await invoke("save_draft", {
      id: hostile.id,
      body: HOSTILE,
      baseRevision: hostile.revision,
      kind: { kind: "autosave" },
    });
    await invoke("open_prompter", { id: hostile.id, display: null });
    await app.switchTo(prompter);
    await waitFor(
      async () => (await app.execute("return location.search")) === `?draft=${hostile.id}`,
      "the hostile draft",
    );
    await app.waitFor("[data-testid=hud]");
    await sleep(500);
    assert.equal(await app.execute("return window.__pwned ?? null"), null, "nothing ran");
    assert.equal(
      await app.execute(
        "return document.querySelectorAll('.script script, .script img, .script iframe, .script svg').length",
      ),
      0,
    );
    assert.ok((await app.textOf(".script")).includes("<img src=x onerror="));
    assert.ok(draft.id > 0);
  } catch (error) {
    try {
      screenshotScreen("e2e-prompter-failure.png");
    } catch {
      // no screenshot: the error below says what failed
    }
    throw error;
  } finally {
    await app.quit();
  }
});
