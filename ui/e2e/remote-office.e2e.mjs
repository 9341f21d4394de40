// End to end: the remote opened to the office network. Run by `make test-e2e` inside a network
// namespace of its own (`unshare -n`) whose only interface, loopback, also holds a private
// address, 192.168.77.1: the office network's address of this "PC" (OFFICE_ADDRESS). The real
// app under Xvfb turns 「タブレットから操作」 on, then 「社内ネットワークに公開する」: the page
// moves from 127.0.0.1 to the private address, on the same port, and no longer answers on
// loopback; headless Chromium, the phone, opens it there, pairs and steps the real prompter.
// Ticked off again, the page is back on loopback only and the office address answers nothing.
// Screenshot: ui/test-results/e2e-remote-office-ja.png.

import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import {
  appPath,
  invoker,
  openPrompterWindow,
  showNewYearAddress,
  sleep,
  startDriverInTempHome,
  turnRemoteOn,
  waitFor,
} from "./webdriver.mjs";

const office = process.env.OFFICE_ADDRESS;

/** @type {Awaited<ReturnType<typeof startDriverInTempHome>>} */
let isolated;

before(async () => {
  isolated = await startDriverInTempHome("e2e-remote-office");
});

after(async () => {
  await isolated?.stop();
});

/** Whether anything answers HTTP at `url`. */
const answers = (url) =>
  fetch(url).then(
    () => true,
    () => false,
  );

test("opened to the office network, the page moves to the PC's private address", {
  skip: office ? false : "OFFICE_ADDRESS unset: run by make test-e2e in its network namespace",
}, async () => {
  const app = await isolated.driver.session(appPath());
  const invoke = invoker(app);
  const profile = mkdtempSync(join(tmpdir(), "podium-phone-"));
  const phone = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: "ja-JP",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    await showNewYearAddress(app);
    const [main] = await app.windows();
    const prompter = await openPrompterWindow(app, main);
    await invoke("set_prompter_full_screen", { on: false });
    const local = await turnRemoteOn(app, main);
    assert.equal(local.network, false);
    assert.equal(local.networkAvailable, true, `${office} is this PC's office address`);
    const port = new URL(local.url).port;

    // 社内ネットワークに公開する: the private address, the same port; loopback no more.
    await (await app.find("[data-testid=remote-network]")).click();
    await waitFor(async () => (await invoke("remote_status")).network, "opened to the network");
    const opened = await invoke("remote_status");
    assert.equal(opened.url, `http://${office}:${port}/`);
    assert.equal(await app.textOf("[data-testid=remote-url]"), opened.url);
    assert.equal(await answers(local.url), false, "still served on loopback");
    await sleep(300);
    await app.execute(
      "document.querySelector('[data-testid=remote-panel]').scrollIntoView({ block: 'end' })",
    );
    await Promise.race([app.screenshot("e2e-remote-office-ja.png"), sleep(10_000)]);

    // The phone on the office network: pairs, and a step moves the real prompter.
    const page = await phone.newPage();
    const response = await page.goto(opened.url);
    assert.equal(response?.status(), 200);
    await page.fill("[data-testid=phone-code]", opened.code);
    await page.click("[data-testid=phone-pair]");
    await page.waitForSelector("[data-testid=phone-link].connected");
    await app.switchTo(prompter);
    const offset = () =>
      app.execute(
        "return new DOMMatrix(getComputedStyle(document.querySelector('.track')).transform).m42",
      );
    const before = await offset();
    await page.click("[data-testid=phone-nextParagraph]");
    await waitFor(async () => (await offset()) < before - 5, "the prompter stepped");

    // Ticked off: this PC only again; the office address answers nothing.
    await app.switchTo(main);
    await (await app.find("[data-testid=remote-network]")).click();
    await waitFor(async () => !(await invoke("remote_status")).network, "this PC only again");
    assert.match((await invoke("remote_status")).url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(await answers(opened.url), false, "still served on the office network");
  } finally {
    await phone.close();
    rmSync(profile, { recursive: true, force: true });
    await app.quit();
  }
});
