// Decorations for the speech dialect (src/script/mod.rs): ruby, reader cues, the marked blocks
// (notes, summaries, signatures, lines for the room), title and section lines. Drafts are a
// few thousand characters, so the whole document is scanned; while an IME composes, the marks are only mapped through the changes
// and rebuilt once the composition is over (the editor sends `recheckMarks` then).

import { type Range, StateEffect, type Text } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from "@codemirror/view";
import { MARKED_BLOCKS } from "./bindings";
import { BARE_RUBY, RUBY } from "./ruby";

/** Sent by the editor when a composition ends, to rebuild the marks it kept waiting. */
export const recheckMarks = StateEffect.define<null>();

const MARKED_RUBY = new RegExp(RUBY, "gu");
const MARKED_BARE_RUBY = new RegExp(BARE_RUBY, "gu");
const CUE = /\[\[[^\]\n]*\]\]/g;

const mark = (className: string) => Decoration.mark({ class: className });
const punct = mark("cm-dialect-punct");
const base = mark("cm-ruby-base");
const reading = mark("cm-ruby-reading");
const cue = mark("cm-cue");
const line = (className: string) => Decoration.line({ class: className });
type MarkedBlock = (typeof MARKED_BLOCKS)[number];
const marked = Object.fromEntries(
  MARKED_BLOCKS.map((name) => [name, line(`cm-${name}-line`)]),
) as Record<MarkedBlock, Decoration>;
const MARKED_BLOCK = new RegExp(`^>\\s*\\[!(${MARKED_BLOCKS.join("|")})\\]`, "i");
const lines = {
  title: line("cm-title-line"),
  section: line("cm-section-line"),
};

/** Marks the parts of a match in turn (their lengths), each with the decoration given for it. */
function markParts(out: Range<Decoration>[], at: number, lengths: number[], marks: Decoration[]) {
  let from = at;
  lengths.forEach((length, index) => {
    out.push(marks[index].range(from, from + length));
    from += length;
  });
}

function lineMarks(text: string, from: number, out: Range<Decoration>[]) {
  const taken: [number, number][] = [];
  // The marks `{ | }`, `｜ 《 》` are one UTF-16 unit each.
  for (const m of text.matchAll(MARKED_RUBY)) {
    const [baseText, readingText] = m[1] === undefined ? [m[3], m[4]] : [m[1], m[2]];
    const lengths = [1, baseText.length, 1, readingText.length, 1];
    markParts(out, from + m.index, lengths, [punct, base, punct, reading, punct]);
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(MARKED_BARE_RUBY)) {
    if (taken.some(([start, end]) => m.index < end && start < m.index + m[0].length)) continue;
    const lengths = [m[1].length, 1, m[2].length, 1];
    markParts(out, from + m.index, lengths, [base, punct, reading, punct]);
  }
  for (const m of text.matchAll(CUE)) {
    out.push(cue.range(from + m.index, from + m.index + m[0].length));
  }
}

/** The marks of a whole document. */
export function speechMarks(doc: Text): DecorationSet {
  const out: Range<Decoration>[] = [];
  let block: MarkedBlock | null = null;
  for (let number = 1; number <= doc.lines; number++) {
    const { text, from } = doc.line(number);
    const opens = MARKED_BLOCK.exec(text);
    if (opens) block = opens[1].toLowerCase() as MarkedBlock;
    else if (!text.startsWith(">")) block = null;
    if (block) out.push(marked[block].range(from));
    else if (text.startsWith("# ")) out.push(lines.title.range(from));
    else if (text.startsWith("## ")) out.push(lines.section.range(from));
    lineMarks(text, from, out);
  }
  return Decoration.set(out, true);
}

export const speechMarksPlugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = speechMarks(view.state.doc);
    }
    update(update: ViewUpdate) {
      const recheck = update.transactions.some((tr) => tr.effects.some((e) => e.is(recheckMarks)));
      if (!update.docChanged && !recheck) return;
      this.decorations = update.view.composing
        ? this.decorations.map(update.changes)
        : speechMarks(update.state.doc);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
