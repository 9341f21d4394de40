// Word (.docx) documents of a draft: the published text (from the export dialog) and the
// reading script (from the print dialog). The file is chosen in the native save dialog, which
// Rust opens and grants; Rust makes the document from the draft's text and writes it, so the
// page never holds the file's bytes.

import type { Backend } from "./backend-contract";
import type { WordDocument } from "./bindings";
import { t } from "./locale.svelte";

/** The file name the save dialog proposes: the title, and for the reading script a word saying
 * so, so that both documents of one draft can sit in one folder. */
export function wordFileName(title: string, document: WordDocument): string {
  const name = title.trim() || "podium";
  return document.kind === "readingScript"
    ? `${t("word.readingScriptName", { title: name })}.docx`
    : `${name}.docx`;
}

/** Saves the document where the writer chooses; the path, or null when the dialog was
 * cancelled. */
export async function saveWordDocument(
  backend: Backend,
  body: string,
  title: string,
  document: WordDocument,
): Promise<string | null> {
  const path = await backend.chooseExportPath(wordFileName(title, document), "docx");
  if (path === null) return null;
  await backend.saveWordDocument(path, body, document);
  return path;
}
