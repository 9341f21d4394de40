// Edits while live: the point of the text at the eye line stays put when the script changes
// under it (a word fixed in the editor and saved). Before the new script is laid out, the eye
// line's place is taken in terms of the text — its block, the sentence of that block, the line
// of that sentence and how far into the line — and, after, found again in the new layout:
// blocks and sentences are matched by their content (unchanged ones before and after the
// edit), so an edit before the eye line, after it, or in another paragraph leaves the same
// text at the eye line; an edit in the very sentence at the eye line keeps its line. Pure: the
// layouts come measured.

import type { LaidBlock } from "./model";
import type { BlockExtent, SentenceExtent } from "./scroll";

/** A layout as the anchor reads it: the blocks laid out and measured, each sentence's lines. */
export interface Placed {
  blocks: LaidBlock[];
  extents: BlockExtent[];
  sentences: SentenceExtent[];
  /** The position of the end of the text. */
  length: number;
}

/** The eye line's place in terms of the text. */
export interface Anchor {
  block: number;
  /** On a sentence's line: the sentence within the block, the line, the fraction of the line. */
  line: { sentence: number; line: number; fraction: number } | null;
  /** Otherwise: pixels after the block's start (a heading), or after its end (the gap after
   * it) when `afterEnd`. */
  offset: number;
  afterEnd: boolean;
}

/** What a block says, whatever its place: without its section's index and the estimate's times. */
function blockKey(block: LaidBlock): string {
  return JSON.stringify(block, (key, value) =>
    key === "section" || key === "pauseAfter" || key === "seconds" ? undefined : value,
  );
}

function sentenceKeys(block: LaidBlock | undefined): string[] {
  if (!block || (block.kind !== "paragraph" && block.kind !== "note")) return [];
  return block.sentences.map((sentence) => JSON.stringify(sentence.inlines));
}

/**
 * Where item `index` of `before` is in `after`: items in the unchanged run at the start or
 * the end are where they were; one in the changed middle goes to the same place in the new
 * middle (the first or last of it at most).
 */
export function matchIndex(before: string[], after: string[], index: number): number {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail += 1;
  }
  if (index < head) return index;
  if (index >= before.length - tail) return index - before.length + after.length;
  const changed = after.length - tail - head;
  return changed > 0
    ? head + Math.min(index - head, changed - 1)
    : Math.min(head, after.length - 1);
}

/** The lines of block `block`'s sentences, in order: sentence index within the block → lines. */
function linesOf(placed: Placed, block: number): SentenceExtent["lines"][] {
  return placed.sentences
    .filter((sentence) => sentence.block === block)
    .map((sentence) => [...sentence.lines].sort((a, b) => a.start - b.start));
}

/** The eye line's place at `position` of a layout. */
export function anchorAt(placed: Placed, position: number): Anchor {
  let block = 0;
  for (const [index, extent] of placed.extents.entries()) {
    if (extent.start <= position + 0.5) block = index;
    else break;
  }
  const extent = placed.extents[block] ?? { start: 0, end: 0 };
  for (const [sentence, lines] of linesOf(placed, block).entries()) {
    for (const [line, piece] of lines.entries()) {
      if (position >= piece.start && position < piece.end) {
        const size = piece.end - piece.start;
        const fraction = (position - piece.start) / size;
        return { block, line: { sentence, line, fraction }, offset: 0, afterEnd: false };
      }
    }
  }
  const afterEnd = position >= extent.end;
  const offset = position - (afterEnd ? extent.end : extent.start);
  return { block, line: null, offset, afterEnd };
}

/** Where the text point of `anchor` (taken in `before`) is in the layout `after`. */
export function positionAfter(anchor: Anchor, before: Placed, after: Placed): number {
  const clamp = (value: number) => Math.min(after.length, Math.max(0, value));
  if (after.extents.length === 0) return 0;
  const block = Math.max(
    0,
    Math.min(
      after.extents.length - 1,
      matchIndex(before.blocks.map(blockKey), after.blocks.map(blockKey), anchor.block),
    ),
  );
  const extent = after.extents[block];
  if (anchor.line) {
    const lines = linesOf(after, block);
    const sentence = matchIndex(
      sentenceKeys(before.blocks[anchor.block]),
      sentenceKeys(after.blocks[block]),
      anchor.line.sentence,
    );
    const pieces = lines[Math.max(0, Math.min(lines.length - 1, sentence))];
    if (pieces && pieces.length > 0) {
      const piece = pieces[Math.min(pieces.length - 1, anchor.line.line)];
      return clamp(piece.start + (piece.end - piece.start) * anchor.line.fraction);
    }
  }
  return clamp((anchor.afterEnd ? extent.end : extent.start) + anchor.offset);
}
