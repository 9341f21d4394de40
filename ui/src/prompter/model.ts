// The script as the prompter lays it out: Rust's flat list of blocks (section headings,
// sub-headings, paragraphs, notes), without the notes when they are hidden, and the estimate's
// pause after each block.

import type { NotesShown, PrompterBlock, PrompterScript } from "../lib/bindings";

export type LaidBlock = PrompterBlock;

export interface Layout {
  blocks: LaidBlock[];
  /**
   * The estimate's seconds after each block that are in no sentence: the pause after a
   * paragraph (between paragraphs, and between sections after a section's last one), as Rust
   * timed it. The prompter glides from a paragraph to the next line read in this time.
   */
  pauses: number[];
  /** How many sections the script has. */
  sections: number;
  /** Script indices of the sections with a heading: what "jump to section n" counts. */
  titled: number[];
}

export function layout(script: PrompterScript, notes: NotesShown): Layout {
  const blocks = script.blocks.filter((block) => block.kind !== "note" || notes !== "hidden");
  const pauses = blocks.map((block) => (block.kind === "paragraph" ? block.pauseAfter : 0));
  const titled = script.sections.flatMap((section, index) => (section.title ? [index] : []));
  return { blocks, pauses, sections: script.sections.length, titled };
}
