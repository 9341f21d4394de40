// Measures where the laid-out text sits along the scroll axis. Runs once per layout (load,
// resize, font or settings change), never per frame: the frame loop only reads the numbers.

import type { PrompterSettings } from "../lib/bindings";
import type { Layout } from "./model";
import { type BlockExtent, type Geometry, type SentenceExtent, timeline } from "./scroll";

export interface Orientation {
  vertical: boolean;
  mirrorHorizontal: boolean;
  mirrorVertical: boolean;
}

/**
 * Start and end of a box along the scroll axis, from the start of the content. Mirroring
 * (a scale of −1 on the stage) flips the box in screen space, so the edges swap sides.
 */
function along(rect: DOMRect, content: DOMRect, o: Orientation): [number, number] {
  if (o.vertical) {
    return o.mirrorHorizontal
      ? [rect.left - content.left, rect.right - content.left]
      : [content.right - rect.right, content.right - rect.left];
  }
  return o.mirrorVertical
    ? [content.bottom - rect.bottom, content.bottom - rect.top]
    : [rect.top - content.top, rect.bottom - content.top];
}

export interface Measured {
  geometry: Geometry;
  /** The sentence elements, in the order of `geometry.sentences`. */
  sentenceElements: HTMLElement[];
  /** Each sentence read aloud, with its lines (the timeline's knots came from them). */
  sentences: SentenceExtent[];
}

/**
 * Measures the blocks inside `track`, the element that moves: offsets are from its start, which
 * is what its transform places (a child's margin may push the text itself further in).
 */
export function measure(track: HTMLElement, laid: Layout, o: Orientation): Measured {
  const box = track.getBoundingClientRect();
  const elements = track.querySelectorAll<HTMLElement>("[data-block]");
  const blocks: BlockExtent[] = [];
  elements.forEach((element, index) => {
    const block = laid.blocks[index];
    if (!block) return;
    const [start, end] = along(element.getBoundingClientRect(), box, o);
    blocks.push({ start, end, section: block.section, paragraph: block.kind === "paragraph" });
  });
  const length = blocks.at(-1)?.end ?? 0;
  // A section's start is its first block's; one without blocks starts where the next does.
  const sections: number[] = new Array(laid.sections).fill(Number.NaN);
  for (const block of blocks) {
    if (Number.isNaN(sections[block.section])) sections[block.section] = block.start;
  }
  for (let i = sections.length - 1; i >= 0; i -= 1) {
    if (Number.isNaN(sections[i])) sections[i] = sections[i + 1] ?? length;
  }
  const sentenceElements = [...track.querySelectorAll<HTMLElement>(".sentence")];
  // A sentence's boxes are its font's height; its lines are taller by the leading, half on
  // each side: a line counts as reached when its top (its half-leading) reaches the eye line.
  const style = sentenceElements[0] ? getComputedStyle(sentenceElements[0]) : null;
  const measuredLeading = style
    ? (Number.parseFloat(style.lineHeight) - Number.parseFloat(style.fontSize)) / 2
    : 0;
  const leading = Number.isFinite(measuredLeading) ? Math.max(0, measuredLeading) : 0;
  // The sentences read aloud, in the order of their elements (a `.sentence` per sentence of
  // each paragraph), with their block and estimate.
  const timed = laid.blocks.flatMap((block, index) =>
    block.kind === "paragraph"
      ? block.sentences.map((s) => ({
          block: index,
          seconds: s.seconds,
          speaking: s.spokenSeconds,
        }))
      : [],
  );
  const sentences: SentenceExtent[] = sentenceElements.map((element, index) => ({
    block: timed[index]?.block ?? 0,
    seconds: timed[index]?.seconds ?? 0,
    speaking: timed[index]?.speaking ?? 0,
    lines: [...element.getClientRects()].map((rect) => {
      const [start, end] = along(rect, box, o);
      return {
        start: start - leading,
        end: end + leading,
        size: o.vertical ? rect.height : rect.width,
      };
    }),
  }));
  return {
    geometry: { blocks, sections, length, timeline: timeline(sentences, laid.pauses, length) },
    sentenceElements,
    sentences,
  };
}

/**
 * Whether going from settings `a` to `b` can move the text on the screen (font, size, spacing,
 * margins, 縦書き, mirroring, eye line, notes: anything but the pace, the colours, the
 * countdown, paragraph steps and the display), so that it must be measured again. A setting
 * added later counts as moving the text until it is listed here.
 */
export function movesText(a: PrompterSettings, b: PrompterSettings): boolean {
  const still = (s: PrompterSettings) => {
    const {
      paceMpm: _paceMpm,
      paceCpm: _paceCpm,
      foreground: _foreground,
      background: _background,
      countdownSeconds: _countdownSeconds,
      paragraphStep: _paragraphStep,
      display: _display,
      ...rest
    } = s;
    return JSON.stringify(rest, Object.keys(rest).sort());
  };
  return still(a) !== still(b);
}
