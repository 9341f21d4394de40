// What the import report says each file had that its draft leaves out (a Word document's
// tracked changes, comments, tables, pictures), in the UI's language: one line a file, shown
// under the import's message until the writer dismisses it.

import type { ImportNote, ImportReport } from "./bindings";
import { type Language, translate } from "./i18n";

export function noteText(language: Language, note: ImportNote): string {
  switch (note.kind) {
    case "trackedChanges":
      return translate(language, "importNote.trackedChanges", {
        insertions: note.insertions,
        deletions: note.deletions,
      });
    case "comments":
    case "tables":
    case "drawings":
    case "footnotes":
      return translate(language, `importNote.${note.kind}`, { count: note.count });
  }
}

/** 「教育委員会の取組」：変更履歴は…。表 1 個は取り込んでいません。 */
export function importNoteLines(language: Language, report: ImportReport): string[] {
  const [separator, end] = language === "ja" ? ["。", "。"] : ["; ", ""];
  return report.notes.map((file) =>
    translate(language, "library.importNotes", {
      title: file.title,
      notes: file.notes.map((note) => noteText(language, note)).join(separator) + end,
    }),
  );
}
