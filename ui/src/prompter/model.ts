// The script as the prompter lays it out: one flat list of blocks (section headings,
// sub-headings, paragraphs, notes), each with its section and its share of the estimate.

import type { NotesShown, PrompterInline, PrompterScript, PrompterSentence } from "../lib/bindings";

export type LaidBlock =
  | { kind: "section"; section: number; title: string; number: number | null }
  | { kind: "heading"; section: number; inlines: PrompterInline[] }
  | { kind: "paragraph"; section: number; sentences: PrompterSentence[] }
  | { kind: "note"; section: number; sentences: PrompterSentence[] };

export interface Layout {
  blocks: LaidBlock[];
  /**
   * The estimate's seconds after each block that are in no sentence: a section's paragraph
   * and section pauses (its time beyond its sentences), shared over the gaps after its
   * paragraphs (between paragraphs, and after the last when another section follows). The
   * prompter glides from a paragraph to the next line read in this time.
   */
  pauses: number[];
  /** How many sections the script has. */
  sections: number;
  /** Script indices of the sections with a heading: what "jump to section n" counts. */
  titled: number[];
}

export function layout(script: PrompterScript, notes: NotesShown): Layout {
  const blocks: LaidBlock[] = [];
  const pauses: number[] = [];
  script.sections.forEach((section, index) => {
    if (section.title !== "") {
      blocks.push({
        kind: "section",
        section: index,
        title: section.title,
        number: section.number,
      });
      pauses.push(0);
    }
    const paragraphs: number[] = [];
    let spoken = 0;
    for (const block of section.blocks) {
      if (block.kind === "note" && notes === "hidden") continue;
      if (block.kind === "paragraph") {
        paragraphs.push(blocks.length);
        spoken += block.sentences.reduce((sum, s) => sum + s.seconds, 0);
      }
      blocks.push({ ...block, section: index } as LaidBlock);
      pauses.push(0);
    }
    // Between paragraphs, and after the last one when a section follows (as the estimate).
    const gaps = index + 1 < script.sections.length ? paragraphs : paragraphs.slice(0, -1);
    const extra = Math.max(0, section.seconds - spoken);
    const shared = gaps.length > 0 ? gaps : paragraphs.slice(-1);
    for (const at of shared) pauses[at] = extra / shared.length;
  });
  const titled = script.sections.flatMap((section, index) => (section.title ? [index] : []));
  return { blocks, pauses, sections: script.sections.length, titled };
}
