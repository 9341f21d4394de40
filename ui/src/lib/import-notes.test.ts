import { describe, expect, it } from "vitest";
import type { ImportReport } from "./bindings";
import { importNoteLines } from "./import-notes";

const report: ImportReport = {
  imported: [],
  failed: [],
  notes: [
    {
      path: "/庁内/教育委員会.docx",
      draftId: 2,
      title: "教育委員会の取組",
      notes: [
        { kind: "trackedChanges", insertions: 1, deletions: 2 },
        { kind: "tables", count: 1 },
      ],
    },
  ],
};

describe("import notes", () => {
  it("are one line a file, in the UI's language", () => {
    expect(importNoteLines("ja", report)).toEqual([
      "「教育委員会の取組」：変更履歴は承認した状態で取り込みました（挿入 1 件・削除 2 件）。表 1 個は取り込んでいません。",
    ]);
    expect(importNoteLines("en", report)).toEqual([
      "“教育委員会の取組”: tracked changes accepted (1 insertions, 2 deletions); 1 tables left out",
    ]);
  });

  it("are none for files that left nothing out", () => {
    expect(importNoteLines("ja", { ...report, notes: [] })).toEqual([]);
  });
});
