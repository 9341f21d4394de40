// The fake backend's imitation of the shell's prompter script (src-tauri/src/ipc/prompter.rs):
// a line-based reading of the dialect, far simpler than the core's parser, with the same
// shapes, so the prompter can run in a browser. Raw HTML tags are dropped as the parser drops
// them; entities such as &lt; become text, as they do in the real script. Timed in the fake's
// morae, as its analysis is (the fake's dictionary is always ready).

import {
  LIMITS,
  type PrompterBlock,
  type PrompterInline,
  type PrompterScript,
  type PrompterSection,
  type PrompterSentence,
  type SectionRole,
} from "../lib/bindings";
import { fakeMorae, katakana } from "../lib/fake-analysis";
import { RUBY } from "../lib/ruby";

/** The settings' limits of a pace in morae, as the shell sends them with the script. */
export const FAKE_PACE_MPM = [LIMITS.paceMpm.min, LIMITS.paceMpm.max] as const;
/** The same for characters. */
export const FAKE_PACE_CPM = [LIMITS.paceCpm.min, LIMITS.paceCpm.max] as const;

/** Ruby (groups 1–4), a cue (5), bold (6). */
const INLINE = new RegExp(String.raw`${RUBY}|\[\[([^\]\n]*)\]\]|\*\*([^*\n]+)\*\*`, "gu");
const RUBY_ONLY = new RegExp(RUBY, "gu");
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };

function inlines(text: string): PrompterInline[] {
  const out: PrompterInline[] = [];
  const plain = (t: string, strong = false) => {
    const decoded = t.replace(/&(lt|gt|amp|quot);/g, (e) => ENTITIES[e] ?? e);
    if (decoded !== "") out.push({ kind: "text", text: decoded, strong, emphasis: false });
  };
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    plain(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) out.push({ kind: "ruby", base: m[1], reading: m[2] });
    else if (m[3] !== undefined) out.push({ kind: "ruby", base: m[3], reading: m[4] });
    else if (m[5] !== undefined) {
      const cue = m[5].trim();
      if (cue.startsWith("間")) {
        out.push({ kind: "pause", seconds: Number(cue.match(/(\d+)\s*秒/)?.[1] ?? 2) });
      } else out.push({ kind: "direction", text: cue });
    } else plain(m[6], true);
  }
  plain(text.slice(last));
  return out;
}

/** Morae as read: cues dropped, ruby by its reading. */
function spoken(text: string): number {
  const read = text
    .replace(/\[\[[^\]]*\]\]/g, "")
    .replace(RUBY_ONLY, (...m: string[]) => m[2] ?? m[4]);
  return fakeMorae(katakana(read));
}

function sentences(text: string, pace: number, timed: boolean): PrompterSentence[] {
  const parts = text.match(/[^。！？]+[。！？」』）]*|[。！？]+/gu) ?? [];
  return parts.map((part) => ({
    seconds: timed ? (spoken(part) * 60) / pace + 0.6 : 0,
    inlines: inlines(part),
  }));
}

function role(heading: string): { role: SectionRole; number: number | null } {
  const circled = "①②③④⑤⑥⑦⑧⑨".indexOf(heading.trim()[0] ?? "");
  if (circled >= 0) return { role: "priority", number: circled + 1 };
  if (/あいさつ|挨拶/.test(heading)) return { role: "greeting", number: null };
  if (/結び/.test(heading)) return { role: "closing", number: null };
  return { role: "other", number: null };
}

export function fakePrompterScript(
  draft: { id: number; revision: number; body: string; targetSeconds: number | null },
  paceMpm: number,
): PrompterScript {
  const body = draft.body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<[^>\n]*>/g, "");
  let title: string | null = null;
  const sections: PrompterSection[] = [];
  const blocks: PrompterBlock[] = [];
  const section = () => {
    if (sections.length === 0) {
      sections.push({ title: "", role: "preamble", number: null, seconds: 0, spoken: 0 });
    }
    return sections.length - 1;
  };
  for (const chunk of body.split(/\n\s*\n/)) {
    const text = chunk.trim();
    if (text === "") continue;
    if (/^# /.test(text) && title === null) {
      title = text.slice(2).trim();
    } else if (/^## /.test(text)) {
      const heading = text.slice(3).trim();
      const { role: sectionRole, number } = role(heading);
      sections.push({ title: heading, role: sectionRole, number, seconds: 0, spoken: 0 });
      blocks.push({ kind: "section", section: sections.length - 1, title: heading, number });
    } else if (/^#{3,6} /.test(text)) {
      blocks.push({
        kind: "heading",
        section: section(),
        inlines: inlines(text.replace(/^#+ /, "")),
      });
    } else if (/^>\s*\[!note\]/i.test(text)) {
      const note = text
        .replace(/^>\s*\[!note\]/i, "")
        .replace(/^>\s?/gm, "")
        .trim();
      blocks.push({
        kind: "note",
        section: section(),
        sentences: sentences(note, paceMpm, false),
      });
    } else {
      const paragraph = text.replace(/^(- |\d+\. |> )/gm, "").replace(/\n/g, "");
      const read = sentences(paragraph, paceMpm, true);
      const current = sections[section()];
      blocks.push({ kind: "paragraph", section: section(), sentences: read, pauseAfter: 0.4 });
      current.spoken += spoken(paragraph);
      current.seconds += read.reduce((sum, s) => sum + s.seconds, 0.4);
    }
  }
  return {
    draftId: draft.id,
    revision: draft.revision,
    title,
    targetSeconds: draft.targetSeconds,
    seconds: sections.reduce((sum, s) => sum + s.seconds, 0),
    pacePerMinute: paceMpm,
    paceUnit: "mora",
    paceMin: FAKE_PACE_MPM[0],
    paceMax: FAKE_PACE_MPM[1],
    sections,
    blocks,
  };
}
