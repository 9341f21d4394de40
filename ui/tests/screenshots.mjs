// Screenshots compared with committed references (ui/tests/screenshots/*.png), pixel by pixel
// in Chromium itself (a canvas per image: no image library). The fonts are the bundled
// @fontsource files, so on one machine a screenshot is the same from run to run; a small
// share of pixels may still differ (anti-aliasing), hence a tolerance.
//
// UPDATE_SCREENSHOTS=1 writes the references anew (look at them before committing). A missing
// reference is written and the comparison passes, saying so.

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { screenshotPath } from "./browser.mjs";

const references = join(dirname(fileURLToPath(import.meta.url)), "screenshots");

/** A pixel differs when a channel differs by more than this (of 255). */
const CHANNEL_TOLERANCE = 32;
/** At most this share of the pixels may differ. */
const MAX_DIFFERING = 0.002;

/**
 * Compares `png` with the reference `name`.png; on a difference, writes the new screenshot and
 * a picture of the differing pixels (red) to ui/test-results.
 * @param {import("playwright-core").BrowserContext} browser
 * @param {string} name
 * @param {Buffer} png
 */
export async function matchesReference(browser, name, png) {
  const reference = join(references, `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(reference)) {
    mkdirSync(references, { recursive: true });
    writeFileSync(reference, png);
    console.log(`screenshot reference written: tests/screenshots/${name}.png`);
    return;
  }
  const page = await browser.newPage();
  try {
    const result = await page.evaluate(
      async ([expected, actual, channel]) => {
        const load = async (/** @type {string} */ base64) => {
          const image = new Image();
          image.src = `data:image/png;base64,${base64}`;
          await image.decode();
          return image;
        };
        const [a, b] = await Promise.all([load(expected), load(actual)]);
        if (a.width !== b.width || a.height !== b.height) {
          return { size: `${a.width}×${a.height} → ${b.width}×${b.height}`, differing: 1 };
        }
        const pixels = (/** @type {HTMLImageElement} */ image) => {
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = /** @type {OffscreenCanvasRenderingContext2D} */ (
            canvas.getContext("2d")
          );
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height);
        };
        const [pa, pb] = [pixels(a), pixels(b)];
        const diff = new OffscreenCanvas(a.width, a.height);
        const diffContext = /** @type {OffscreenCanvasRenderingContext2D} */ (
          diff.getContext("2d")
        );
        const marked = diffContext.createImageData(a.width, a.height);
        let differing = 0;
        for (let i = 0; i < pa.data.length; i += 4) {
          const off =
            Math.abs(pa.data[i] - pb.data[i]) > channel ||
            Math.abs(pa.data[i + 1] - pb.data[i + 1]) > channel ||
            Math.abs(pa.data[i + 2] - pb.data[i + 2]) > channel;
          if (off) differing += 1;
          marked.data.set(
            off ? [255, 0, 0, 255] : [pb.data[i], pb.data[i + 1], pb.data[i + 2], 60],
            i,
          );
        }
        diffContext.putImageData(marked, 0, 0);
        const blob = await diff.convertToBlob({ type: "image/png" });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = "";
        for (const byte of bytes) binary += String.fromCharCode(byte);
        return { size: null, differing: differing / (a.width * a.height), diff: btoa(binary) };
      },
      /** @type {[string, string, number]} */ ([
        readFileSync(reference).toString("base64"),
        png.toString("base64"),
        CHANNEL_TOLERANCE,
      ]),
    );
    if (result.differing > MAX_DIFFERING) {
      writeFileSync(screenshotPath(`${name}-actual.png`), png);
      if (result.diff) {
        writeFileSync(screenshotPath(`${name}-diff.png`), Buffer.from(result.diff, "base64"));
      }
    }
    assert.ok(
      result.differing <= MAX_DIFFERING,
      `${name}: ${result.size ?? `${(result.differing * 100).toFixed(2)} % of the pixels differ`} ` +
        `from tests/screenshots/${name}.png (see test-results/${name}-actual.png and -diff.png; ` +
        "UPDATE_SCREENSHOTS=1 writes new references)",
    );
  } finally {
    await page.close();
  }
}
