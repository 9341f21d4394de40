// The prompter's reading pace in a real layout (`node benches/prompter/pace.mjs`, after
// `npm run build:fake` in ui/ and `cargo build -p podium-app --example test_backend`): the
// built UI on its test backend in headless Chromium plays a script of plain kana sentences
// (the core times them exactly: morae × 60 / 420 + 0.6 s) for 60 s at several font sizes and
// in 縦書き, and every 5 s prints the sentence emphasised at the eye line against the one the
// estimate says, and whether the eye line is on that sentence's lines. Prints figures; not a
// test.
//
//   SECONDS   run length (default 60)

import { startBrowser } from "../../ui/tests/browser.mjs";
import { showInPrompter } from "../../ui/tests/prompter-fixtures.mjs";

const seconds = Number(process.env.SECONDS ?? 60);
const kana =
  "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわを";
/** Sentence lengths in morae, paragraph by paragraph. */
const paragraphs = [
  [7, 21, 14, 28],
  [10, 33, 5],
  [18, 12, 25, 9, 16],
  [30, 8],
  [22, 14, 11, 27],
  [6, 19, 24],
  [15, 15, 15, 15],
  [35, 10, 20],
];
const sentence = (n, i) => {
  let text = "";
  for (let k = 0; k < n; k += 1) text += kana[(i * 7 + k) % kana.length];
  return `${text}。`;
};
let count = 0;
const body = `# 速さ\n\n## 一\n\n${paragraphs
  .map((p) => p.map((n) => sentence(n, count++)).join(""))
  .join("\n\n")}\n`;

/** @type {number[]} */
const starts = [];
/** @type {number[]} */
const ends = [];
/**
 * The estimate as the prompter lays it out (model.ts), from the core's script: each sentence's
 * seconds; the section's time beyond its sentences shared over the gaps between its
 * paragraphs; a fixed 1 s glide over the title and heading before the first.
 * @param {{ sections: { seconds: number, blocks: { kind: string,
 *   sentences?: { seconds: number }[] }[] }[] }} script
 */
function layOut(script) {
  const [section] = script.sections;
  const blocks = section.blocks.filter((block) => block.kind === "paragraph");
  const sentences = blocks.flatMap((block) => block.sentences ?? []);
  const beyond = section.seconds - sentences.reduce((sum, s) => sum + s.seconds, 0);
  const gap = beyond / (blocks.length - 1);
  let t = 1;
  blocks.forEach((block, i) => {
    for (const { seconds } of block.sentences ?? []) {
      starts.push(t);
      t += seconds;
      ends.push(t);
    }
    if (i < blocks.length - 1) t += gap;
  });
}
/** Playing from the start: the pace ramps up in 0.6 s, so the clock is 0.3 s behind. */
const expectedAt = (/** @type {number} */ t) => starts.filter((s) => s <= t - 0.3).length - 1;
/** In the pause after a paragraph: the eye line is between paragraphs. */
const pausing = (/** @type {number} */ t) => t - 0.3 > ends[expectedAt(t)];

const session = await startBrowser();
try {
  await showInPrompter(session, body);
  layOut(await session.command("prompter_script", { id: 1 }));
  for (const [name, settings] of [
    ["48 px", { fontPx: 48 }],
    ["72 px", { fontPx: 72 }],
    ["120 px", { fontPx: 120, lineHeightPercent: 180 }],
    ["縦書き 80 px", { fontPx: 80, vertical: true }],
  ]) {
    await showInPrompter(session, body, { countdownSeconds: 0, ...settings });
    const page = await session.browser.newPage();
    await page.goto(`${session.baseUrl}prompter.html?draft=1`);
    await page.getByTestId("hud").waitFor();
    await page.waitForTimeout(800);
    await page.evaluate(() => {
      window.addEventListener("keydown", () => {
        window.__played ??= performance.now();
      });
    });
    await page.keyboard.press("Space");
    const samples = await page.evaluate(
      async ([total, vertical]) => {
        const out = [];
        for (let t = 5; t <= total; t += 5) {
          while (performance.now() < window.__played + t * 1000) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          const at = (performance.now() - window.__played) / 1000;
          const sentences = [...document.querySelectorAll(".sentence")];
          const current = document.querySelector(".sentence.current");
          const rects = current ? [...current.getClientRects()] : [];
          const style = current ? getComputedStyle(current) : null;
          const leading = style
            ? (Number.parseFloat(style.lineHeight) - Number.parseFloat(style.fontSize)) / 2
            : 0;
          const eye = vertical ? window.innerWidth * 0.75 : window.innerHeight * 0.25;
          const [low, high] = vertical
            ? [Math.min(...rects.map((r) => r.left)), Math.max(...rects.map((r) => r.right))]
            : [Math.min(...rects.map((r) => r.top)), Math.max(...rects.map((r) => r.bottom))];
          out.push({
            at,
            sentence: current ? sentences.indexOf(current) : -1,
            onEyeLine: eye >= low - leading - 1 && eye <= high + leading + 1,
          });
        }
        return out;
      },
      [seconds, settings.vertical === true],
    );
    const rows = samples.map(
      (s) =>
        `${s.at.toFixed(2).padStart(6)} s  sentence ${String(s.sentence).padStart(2)}  expected ${String(expectedAt(s.at)).padStart(2)}  ${s.onEyeLine ? "on the eye line" : pausing(s.at) ? "in the pause after it" : "OFF the eye line"}`,
    );
    const hits = samples.filter((s) => s.sentence === expectedAt(s.at)).length;
    console.log(`${name}: ${hits}/${samples.length} samples on the expected sentence`);
    console.log(rows.map((r) => `  ${r}`).join("\n"));
    await page.close();
  }
} finally {
  await session.close();
}
