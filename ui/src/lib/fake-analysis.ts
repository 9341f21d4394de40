// The fake backend's rough imitation of the core's analysis and exports (src/analysis.rs,
// src/lint/, src/export/). A test double: line-based, far simpler than the real parser, but
// with the same shapes (UTF-16 offsets, 1-based lines) so the UI can be exercised in a browser.

import type {
  Analysis,
  ExportProfile,
  Finding,
  RubyStyle,
  SectionRole,
  SectionTiming,
  SentenceReading,
  Settings,
} from "./bindings";
import { BARE_RUBY, RUBY } from "./ruby";

interface Line {
  text: string;
  from: number;
  number: number;
  kind: "title" | "section" | "heading" | "note" | "text" | "blank";
}

/** Every form of ruby: `{…|…}` (groups 1, 2), `｜…《…》` (3, 4), bare `漢字《…》` (5, 6). */
const ANY_RUBY = new RegExp(`${RUBY}|${BARE_RUBY}`, "gu");
const CUE = /\[\[([^\]\n]*)\]\]/g;
const UNSPOKEN = /[\s、。，．,.!?！？「」『』（）()・…―-]/gu;

function lines(body: string): Line[] {
  const result: Line[] = [];
  let from = 0;
  let inNote = false;
  for (const [index, text] of body.split("\n").entries()) {
    inNote = /^>\s*\[!(note|summary)\]/i.test(text) || (inNote && text.startsWith(">"));
    let kind: Line["kind"] = "text";
    if (inNote || text.startsWith("<!--")) kind = "note";
    else if (text.trim() === "") kind = "blank";
    else if (/^# /.test(text)) kind = result.some((l) => l.kind === "title") ? "heading" : "title";
    else if (/^## /.test(text)) kind = "section";
    else if (/^#{3,6} /.test(text)) kind = "heading";
    result.push({ text, from, number: index + 1, kind });
    from += text.length + 1;
  }
  return result;
}

/** The text as printed or read: ruby as base, reading or 漢字（かんじ）; cues dropped. */
function plain(text: string, ruby: RubyStyle | "reading"): string {
  return text.replace(CUE, "").replace(ANY_RUBY, (...m: string[]) => {
    const base = m[1] ?? m[3] ?? m[5];
    const reading = m[2] ?? m[4] ?? m[6];
    if (ruby === "reading") return reading;
    if (ruby === "paren") return `${base}（${reading}）`;
    return base;
  });
}

function role(heading: string): { role: SectionRole; number: number | null } {
  const circled = "①②③④⑤⑥⑦⑧⑨".indexOf(heading.trim()[0] ?? "");
  if (circled >= 0) return { role: "priority", number: circled + 1 };
  if (/あいさつ|挨拶|歓迎/.test(heading)) return { role: "greeting", number: null };
  if (/姿勢|心構え|方針/.test(heading)) return { role: "stance", number: null };
  if (/結び/.test(heading)) return { role: "closing", number: null };
  return { role: "other", number: null };
}

function sentenceFindings(text: string, from: number, line: Line, settings: Settings): Finding[] {
  const found: Finding[] = [];
  const at = (start: number, end: number) => ({
    from: from + start,
    to: from + end,
    line: line.number,
    column: from + start - line.from + 1,
  });
  const printed = plain(text, "base").replace(/\s/g, "").length;
  if (printed > settings.maxSentenceChars) {
    found.push({
      rule: "sentence-length",
      severity: "warning",
      message: `一文が長すぎます（${printed}字、上限${settings.maxSentenceChars}字）`,
      ...at(0, text.length),
      excerpt: text,
      fix: null,
    });
  }
  const commas = (text.match(/、/g) ?? []).length;
  if (commas > settings.maxCommas) {
    found.push({
      rule: "too-many-commas",
      severity: "warning",
      message: `読点が多すぎます（${commas}個、上限${settings.maxCommas}個）`,
      ...at(0, text.length),
      excerpt: text,
      fix: null,
    });
  }
  for (const m of text.matchAll(/([をがへ])\1/g)) {
    const place = at(m.index, m.index + 2);
    found.push({
      rule: "doubled-particle",
      severity: "error",
      message: `助詞「${m[1]}」が重なっています`,
      ...place,
      excerpt: text.slice(Math.max(0, m.index - 6), m.index + 4),
      fix: { from: place.from, to: place.to, replacement: m[1] },
    });
  }
  for (const m of text.matchAll(/シュミレーション/g)) {
    const place = at(m.index, m.index + m[0].length);
    found.push({
      rule: "katakana-misspelling",
      severity: "warning",
      message: "「シュミレーション」は「シミュレーション」の誤りです",
      ...place,
      excerpt: m[0],
      fix: { from: place.from, to: place.to, replacement: "シミュレーション" },
    });
  }
  return found;
}

function pauseSeconds(text: string): number {
  let seconds = 0;
  for (const m of text.matchAll(CUE)) {
    const cue = m[1].trim();
    if (cue.startsWith("間")) seconds += Number(cue.match(/(\d+)\s*秒/)?.[1] ?? 2);
  }
  return seconds;
}

/** Hiragana as katakana; kanji and the rest as they are (the fake has no dictionary). */
export function katakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Morae of a crude reading: each katakana but the small ones that join the one before, and
 * two for a kanji (the fake cannot read it). */
export function fakeMorae(reading: string): number {
  const kana = reading.replace(/[^\u30a1-\u30fa\u30fc]|[ァィゥェォャュョヮ]/g, "").length;
  return kana + 2 * (reading.match(/\p{sc=Han}/gu)?.length ?? 0);
}

/**
 * Chars, seconds, sections and findings of a body at the settings' limits, and a crude reading
 * of each sentence: the office's readings and ruby applied, hiragana as katakana. The fake's
 * dictionary is always ready, so it times in morae at the settings' pace in morae, as the app
 * does with the dictionary.
 */
export function fakeAnalyse(
  body: string,
  settings: Settings,
  userReadings: ReadonlyMap<string, string> = new Map(),
): Analysis {
  const readings: SentenceReading[] = [];
  const all = lines(body);
  const title = all.find((l) => l.kind === "title");
  const sections: SectionTiming[] = [];
  const findings: Finding[] = [];
  let current: SectionTiming | null = null;
  let totalChars = 0;
  let totalSpoken = 0;
  for (const line of all) {
    if (line.kind === "section" || (line.kind === "text" && current === null)) {
      const heading = line.kind === "section" ? plain(line.text.slice(3), "base").trim() : "";
      current = {
        title: heading,
        ...(line.kind === "section" ? role(heading) : { role: "preamble", number: null }),
        from: line.from,
        to: line.from,
        line: line.number,
        chars: 0,
        seconds: line.kind === "section" ? 1 : 0,
      };
      sections.push(current);
    }
    if (current === null) continue;
    current.to = line.from + line.text.length;
    if (line.kind !== "text") continue;
    for (const m of line.text.matchAll(/[^。！？]*(?:[。！？]+[」』）]*|$)/g)) {
      const sentence = m[0];
      if (sentence.trim() === "") continue;
      findings.push(...sentenceFindings(sentence, line.from + m.index, line, settings));
      const chars = plain(sentence, "base").replace(/\s/g, "").length;
      const spoken = plain(sentence, "reading").replace(UNSPOKEN, "").length;
      const commas = (sentence.match(/[、，]/g) ?? []).length;
      let read = plain(sentence, "reading").trim();
      for (const [written, reading] of userReadings) read = read.split(written).join(reading);
      const kana = katakana(read);
      const morae = fakeMorae(kana);
      readings.push({
        from: line.from + m.index,
        to: line.from + m.index + sentence.length,
        kana,
        morae,
      });
      current.chars += chars;
      totalChars += chars;
      totalSpoken += spoken;
      current.seconds +=
        (morae / settings.paceMpm) * 60 + commas * 0.3 + 0.6 + pauseSeconds(sentence);
    }
    current.seconds += 0.4;
  }
  const spoken = sections.filter((s) => s.chars > 0 || s.role !== "preamble");
  for (const s of spoken) s.seconds = Math.round(s.seconds * 10) / 10;
  return {
    version: 0,
    title: title ? plain(title.text.slice(2), "base").trim() : null,
    chars: totalChars,
    spoken: totalSpoken,
    seconds: Math.round(spoken.reduce((sum, s) => sum + s.seconds, 0) * 10) / 10,
    // With the dictionary the pace is in morae (docs/ipc.md: `Analysis.pacePerMinute`).
    pacePerMinute: settings.paceMpm,
    morae: readings.reduce((sum, r) => sum + r.morae, 0),
    dictionary: "ready",
    readings,
    sections: spoken,
    findings: findings
      .filter((f) => !settings.lintOff.includes(f.rule))
      .sort((a, b) => a.from - b.from),
    diagnostics: [],
  };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inlineHtml(text: string, ruby: RubyStyle): string {
  if (ruby !== "tags") return escapeHtml(plain(text, ruby));
  const tagged = text.replace(CUE, "").replace(ANY_RUBY, (...m: string[]) => {
    return `\uE001${m[1] ?? m[3] ?? m[5]}\uE002${m[2] ?? m[4] ?? m[6]}\uE003`;
  });
  return escapeHtml(tagged)
    .replace(/\uE001/g, "<ruby>")
    .replace(/\uE002/g, "<rt>")
    .replace(/\uE003/g, "</rt></ruby>");
}

function bodyHtml(all: Line[], ruby: RubyStyle, withTitle: boolean): string {
  const tag = { title: "h1", section: "h2", heading: "h3", text: "p" } as const;
  return all
    .filter((l) => l.kind in tag && (withTitle || l.kind !== "title"))
    .map((l) => {
      const name = tag[l.kind as keyof typeof tag];
      return `<${name}>${inlineHtml(l.text.replace(/^#+ /, ""), ruby)}</${name}>`;
    })
    .join("\n");
}

/** Export profiles of the core, imitated: every text escaped, cues and notes dropped. */
/** The fake's 要旨: the priorities' headings, a line each. */
export function fakeSummaryLines(body: string): string[] {
  return lines(body)
    .filter((l) => l.kind === "section" && role(l.text.slice(3)).role === "priority")
    .map((l) => plain(l.text.slice(3), "base"));
}

export function fakeExport(
  body: string,
  profile: ExportProfile,
  ruby: RubyStyle,
  footer: string,
  edited?: string[],
): string {
  const all = lines(body);
  const title = all.find((l) => l.kind === "title")?.text.slice(2) ?? "";
  switch (profile) {
    case "md":
      return `${body.replace(/[ \t]+$/gm, "").trimEnd()}\n`;
    case "txt":
      return `${all
        .filter((l) => l.kind !== "note" && l.kind !== "blank")
        .map((l) => plain(l.text.replace(/^#+ /, ""), ruby === "tags" ? "paren" : ruby).trim())
        .join("\n\n")}\n`;
    case "html":
      return bodyHtml(all, ruby, true);
    case "html-doc":
      return `<!DOCTYPE html>\n<html lang="ja">\n<head><meta charset="utf-8"><title>${escapeHtml(
        plain(title, "base"),
      )}</title></head>\n<body>\n${bodyHtml(all, ruby, true)}\n</body>\n</html>\n`;
    case "blog": {
      const summary = (edited ?? fakeSummaryLines(body))
        .filter((line) => line.trim() !== "")
        .map((line) => `<li>${escapeHtml(line.trim())}</li>`)
        .join("");
      const foot = footer
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== "")
        .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
        .join("\n");
      return [
        `<h1>${inlineHtml(title, ruby)}</h1>`,
        summary ? `<ul>${summary}</ul>` : "",
        "<p>【全文】</p>",
        bodyHtml(all, ruby, false),
        foot ? `<hr>\n${foot}` : "",
      ]
        .filter(Boolean)
        .join("\n");
    }
  }
}
