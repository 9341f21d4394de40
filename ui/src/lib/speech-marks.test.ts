import { EditorState, Text } from "@codemirror/state";
import type { DecorationSet } from "@codemirror/view";
import { describe, expect, it } from "vitest";
import type { Finding } from "./bindings";
import { findingMarks, findingRange, setFindings } from "./finding-marks";
import { speechMarks } from "./speech-marks";

/** Each mark as [class, marked text] in document order. */
function marks(set: DecorationSet, doc: Text): [string, string][] {
  const found: [string, string][] = [];
  set.between(0, doc.length, (from, to, mark) => {
    const className = mark.spec.class as string;
    found.push([className, from === to ? doc.lineAt(from).text : doc.sliceString(from, to)]);
  });
  return found;
}

describe("speechMarks", () => {
  it("marks ruby in both notations, cues, notes and headings", () => {
    const doc = Text.of([
      "# 題",
      "## ① 柱",
      "{矜持|きょうじ}と｜邁進《まいしん》と漢字《かんじ》。[[間 3秒]]",
      "> [!note]",
      "> 読まない",
      "普通の段落",
    ]);
    expect(marks(speechMarks(doc), doc)).toEqual([
      ["cm-title-line", "# 題"],
      ["cm-section-line", "## ① 柱"],
      ["cm-dialect-punct", "{"],
      ["cm-ruby-base", "矜持"],
      ["cm-dialect-punct", "|"],
      ["cm-ruby-reading", "きょうじ"],
      ["cm-dialect-punct", "}"],
      ["cm-dialect-punct", "｜"],
      ["cm-ruby-base", "邁進"],
      ["cm-dialect-punct", "《"],
      ["cm-ruby-reading", "まいしん"],
      ["cm-dialect-punct", "》"],
      ["cm-ruby-base", "漢字"],
      ["cm-dialect-punct", "《"],
      ["cm-ruby-reading", "かんじ"],
      ["cm-dialect-punct", "》"],
      ["cm-cue", "[[間 3秒]]"],
      ["cm-note-line", "> [!note]"],
      ["cm-note-line", "> 読まない"],
    ]);
  });

  it("marks every marked block the parser knows, in any case", () => {
    const doc = Text.of([
      "> [!Summary] 要旨",
      "> [!sign]",
      "> 令和9年1月4日",
      "",
      "> [!SPOKEN] 皆さん、どうぞお掛けください。",
      "> 引用",
    ]);
    expect(marks(speechMarks(doc), doc)).toEqual([
      ["cm-summary-line", "> [!Summary] 要旨"],
      ["cm-sign-line", "> [!sign]"],
      ["cm-sign-line", "> 令和9年1月4日"],
      ["cm-spoken-line", "> [!SPOKEN] 皆さん、どうぞお掛けください。"],
      ["cm-spoken-line", "> 引用"],
    ]);
  });
});

describe("findingMarks", () => {
  const finding: Finding = {
    rule: "doubled-particle",
    severity: "error",
    message: "助詞「を」が重なっています",
    from: 5,
    to: 7,
    line: 1,
    column: 6,
    excerpt: "計画をを",
    fix: { from: 5, to: 7, replacement: "を" },
  };

  it("underlines findings and follows the text as it is edited", () => {
    let state = EditorState.create({ doc: "新しい計画をを進める", extensions: [findingMarks] });
    state = state.update({ effects: setFindings.of([finding]) }).state;
    expect(marks(state.field(findingMarks), state.doc)).toEqual([
      ["cm-finding cm-finding-error", "をを"],
    ]);
    state = state.update({ changes: { from: 0, insert: "市の" } }).state;
    expect(findingRange(state, 0)).toEqual({ from: 7, to: 9 });
    expect(findingRange(state, 1)).toBeNull();
  });
});
