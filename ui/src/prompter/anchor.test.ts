import { expect, test } from "vitest";
import type { PrompterBlock } from "../lib/bindings";
import { anchorAt, matchIndex, type Placed, positionAfter } from "./anchor";

const LINE = 40;

/** A paragraph of these sentences. */
const paragraph = (...texts: string[]): PrompterBlock => ({
  kind: "paragraph",
  section: 0,
  pauseAfter: 0.6,
  sentences: texts.map((text) => ({
    seconds: text.length / 7,
    spokenSeconds: text.length / 7,
    inlines: [{ kind: "text", text, strong: false, emphasis: false }],
  })),
});

/**
 * Lays paragraphs out as a prompter would, roughly: `perLine` characters a line, each sentence
 * going on from where the one before ended, a line's gap between blocks.
 */
function place(blocks: PrompterBlock[], perLine = 10): Placed {
  let y = 0;
  const extents: Placed["extents"] = [];
  const sentences: Placed["sentences"] = [];
  for (const [index, block] of blocks.entries()) {
    const start = y;
    let column = 0;
    if (block.kind === "paragraph") {
      for (const sentence of block.sentences) {
        const text = sentence.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("");
        const lines = [];
        let left = text.length;
        while (left > 0) {
          const take = Math.min(left, perLine - column);
          lines.push({ start: y, end: y + LINE, size: take });
          left -= take;
          column += take;
          if (column === perLine && left >= 0) {
            y += LINE;
            column = 0;
          }
        }
        sentences.push({
          block: index,
          seconds: sentence.seconds,
          speaking: sentence.spokenSeconds,
          lines,
        });
      }
      if (column > 0) y += LINE;
    } else y += LINE;
    extents.push({ start, end: y, section: 0, paragraph: block.kind === "paragraph" });
    y += LINE;
  }
  return { blocks, extents, sentences, length: y };
}

const heading: PrompterBlock = { kind: "section", section: 0, title: "① 人材", number: 1 };
const before = [
  heading,
  paragraph("あいうえおかきくけこさしす。", "たちつてとなにぬねの。"),
  paragraph("はひふへほまみむめもやゆよらりるれろ。", "わをん。"),
  paragraph("おわり。"),
];

test("blocks and sentences are matched by what they say, before and after the change", () => {
  expect(matchIndex(["a", "b", "c", "d"], ["a", "B", "c", "d"], 2)).toBe(2);
  expect(matchIndex(["a", "b", "c", "d"], ["a", "x", "y", "b", "c", "d"], 2)).toBe(4);
  expect(matchIndex(["a", "b", "c", "d"], ["a", "c", "d"], 3)).toBe(2);
  // In the changed middle: the same place in the new middle, at most its last.
  expect(matchIndex(["a", "b", "c", "d"], ["a", "X", "d"], 2)).toBe(1);
  // Removed entirely: what follows.
  expect(matchIndex(["a", "b", "c"], ["a", "c"], 1)).toBe(1);
});

test("an edit before the eye line: the same text stays at the eye line", () => {
  const old = place(before);
  // The eye line a quarter into the second line of paragraph 2's first sentence.
  const at = old.sentences[2].lines[1].start + LINE / 4;
  const anchor = anchorAt(old, at);
  expect(anchor).toMatchObject({ block: 2, line: { sentence: 0, line: 1, fraction: 0.25 } });
  // A new sentence in paragraph 1 pushes everything down a line.
  const edited = [
    before[0],
    paragraph("あいうえおかきくけこさしす。", "追加の文です。たちつてとなにぬねの。"),
    before[2],
    before[3],
  ];
  const now = place(edited);
  const moved = positionAfter(anchor, old, now);
  expect(moved).toBe(at + LINE);
  expect(moved - now.sentences[2].lines[1].start).toBe(LINE / 4);
  // A whole paragraph added before: matched by content, not by index.
  const added = place([before[0], paragraph("新しい段落。"), ...before.slice(1)]);
  const there = positionAfter(anchor, old, added);
  expect(there - added.sentences[3].lines[1].start).toBe(LINE / 4);
});

test("an edit after the eye line, or later in the same paragraph, moves nothing", () => {
  const old = place(before);
  const at = old.sentences[2].lines[0].start + 10;
  const anchor = anchorAt(old, at);
  const after = place([
    ...before.slice(0, 2),
    paragraph("はひふへほまみむめもやゆよらりるれろ。", "わをん、追加。"),
    before[3],
  ]);
  expect(positionAfter(anchor, old, after)).toBe(at);
  const later = place([...before.slice(0, 3), paragraph("おわりです。")]);
  expect(positionAfter(anchor, old, later)).toBe(at);
});

test("an edit in the sentence at the eye line keeps its line", () => {
  const old = place(before);
  const at = old.sentences[2].lines[1].start + 30;
  const anchor = anchorAt(old, at);
  const fixed = place([
    ...before.slice(0, 2),
    paragraph("はひふへほまみむめもやゆよらりるれろを直した。", "わをん。"),
    before[3],
  ]);
  expect(positionAfter(anchor, old, fixed)).toBe(fixed.sentences[2].lines[1].start + 30);
});

test("on a heading or in the gap after a block: the same distance from it", () => {
  const old = place(before);
  const onHeading = anchorAt(old, 12);
  expect(onHeading).toMatchObject({ block: 0, line: null, offset: 12, afterEnd: false });
  const gap = anchorAt(old, old.extents[1].end + 8);
  expect(gap).toMatchObject({ block: 1, line: null, offset: 8, afterEnd: true });
  const longer = place([
    before[0],
    paragraph("あいうえおかきくけこさしす。", "たちつてとなにぬねの。もう一文を足して長くする。"),
    ...before.slice(2),
  ]);
  expect(positionAfter(gap, old, longer)).toBe(longer.extents[1].end + 8);
  expect(positionAfter(onHeading, old, longer)).toBe(12);
  // Everything gone: the start.
  expect(positionAfter(gap, old, place([]))).toBe(0);
});
