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
  /** Seconds of the estimate per block: a section's time spread over its paragraphs by the
   * estimate of their sentences, so that the blocks add up to the section. */
  seconds: number[];
  /** How many sections the script has. */
  sections: number;
  /** Script indices of the sections with a heading: what "jump to section n" counts. */
  titled: number[];
}

export function layout(script: PrompterScript, notes: NotesShown): Layout {
  const blocks: LaidBlock[] = [];
  const seconds: number[] = [];
  script.sections.forEach((section, index) => {
    if (section.title !== "") {
      blocks.push({
        kind: "section",
        section: index,
        title: section.title,
        number: section.number,
      });
      seconds.push(0);
    }
    const first = blocks.length;
    for (const block of section.blocks) {
      if (block.kind === "note" && notes === "hidden") continue;
      blocks.push({ ...block, section: index } as LaidBlock);
      seconds.push(
        block.kind === "paragraph" ? block.sentences.reduce((sum, s) => sum + s.seconds, 0) : 0,
      );
    }
    const spoken = seconds.slice(first).reduce((sum, s) => sum + s, 0);
    const scale = spoken > 0 ? section.seconds / spoken : 0;
    for (let i = first; i < seconds.length; i += 1) seconds[i] *= scale;
  });
  const titled = script.sections.flatMap((section, index) => (section.title ? [index] : []));
  return { blocks, seconds, sections: script.sections.length, titled };
}
