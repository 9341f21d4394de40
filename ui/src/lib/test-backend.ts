// The backend of the UI outside the app, in builds other than production (the browser tests'
// ui/dist-fake, the dev server, Vitest): every command goes to the real application layer
// (`podium_app`), served over loopback HTTP by the test-only server
// app/examples/test_backend.rs, which ui/tests/browser.mjs starts for each test file.
//
// The page posts to `http://ipc.localhost/<command>`, the origin of Tauri's own IPC, which the
// app's CSP already allows (connect-src); the browser tests route that origin to the server, so
// the page runs under the app's CSP unchanged. Without the tests' routing (a plain browser)
// the commands fail with `internal`.
//
// Kept here, in TypeScript, is only what the app gets from the platform rather than from the
// application layer: the native dialogs (they answer the paths a test chose in
// `window.podiumTest`, in the server's folder), the clipboard (kept in memory), and the
// prompter window with the events between the windows (test-prompter.ts).

import { testPrompter } from "../prompter/test-prompter";
import { asAppError, type Backend, type ClipboardContent } from "./backend-contract";
import type { ExportAllProgress, ExportAllReport } from "./bindings";

/** What the platform answers in a browser test; set as `window.podiumTest` before the UI starts. */
export interface TestOptions {
  /** What the open dialog answers (absent: cancelled). */
  importFiles?: string[];
  /** The files the desktop asked the app to open at its start (taken once). */
  openedFiles?: string[];
  /** What the save dialog answers (absent: cancelled). */
  exportPath?: string;
  /** What the folder dialog answers (absent: cancelled). */
  folder?: string;
  /** Receives what the UI copies to the clipboard. */
  clipboard?: ClipboardContent[];
  /** What the confirmation before opening a WordPress draft in the browser answers. */
  openDraft?: boolean;
  /** Receives the addresses "opened" in the browser. */
  opened?: string[];
}

declare global {
  interface Window {
    /** Outside the app only: the dialogs' answers and the clipboard of a browser test. */
    podiumTest?: TestOptions;
  }
}

/** Where the page sends commands: Tauri's IPC origin, routed to the test server by the tests. */
const SERVER = "http://ipc.localhost";

/** One command of docs/ipc.md, answered by the test server; rejects with an `AppError`. */
async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    // A text body (no Content-Type of our own) keeps the request simple: no CORS preflight.
    response = await fetch(`${SERVER}/${command}`, { method: "POST", body: JSON.stringify(args) });
  } catch (error) {
    throw {
      code: "internal",
      message: `テスト用サーバーに届きません (the test server is not reachable: ${error})`,
    };
  }
  // As Tauri's IPC answers: a command's error is a 200 too, told by `Tauri-Response`.
  if (!response.ok) throw asAppError(await response.text());
  const answer: unknown = await response.json();
  if (response.headers.get("Tauri-Response") !== "ok") throw asAppError(answer);
  return answer as T;
}

export function testBackend(options: TestOptions = {}): Backend {
  return {
    kind: "test",
    appInfo: () => call("app_info"),
    listDrafts: () => call("list_drafts"),
    searchDrafts: (query) => call("search_drafts", { query }),
    getDraft: (id) => call("get_draft", { id }),
    listTemplates: () => call("list_templates"),
    createDraft: (values) => call("create_draft", { values }),
    duplicateDraft: (id) => call("duplicate_draft", { id }),
    updateDraftMeta: (id, meta) => call("update_draft_meta", { id, meta }),
    deleteDraft: (id) => call("delete_draft", { id }),
    restoreDraft: (id) => call("restore_draft", { id }),
    importFiles: (paths) => call("import_files", { paths }),
    saveDraft: (id, body, baseRevision, kind) =>
      call("save_draft", { id, body, baseRevision, kind }),
    listRevisions: (id) => call("list_revisions", { id }),
    getRevision: (revisionId) => call("get_revision", { revisionId }),
    restoreRevision: (revisionId) => call("restore_revision", { revisionId }),
    analyse: (body, draft) => call("analyse", { body, draft }),
    analyseEdits: (version, edits) => call("analyse_edits", { version, edits }),
    dismissFinding: (draft, version, rule, from, to) =>
      call("dismiss_finding", { draft, version, rule, from, to }),
    undoDismissal: (draft, version, rule, from, to) =>
      call("undo_dismissal", { draft, version, rule, from, to }),
    setDraftRuleOff: (draft, rule, off) => call("set_draft_rule_off", { draft, rule, off }),
    setStatus: (id, status, reason) => call("set_status", { id, status, reason }),
    statusChanges: (id) => call("status_changes", { id }),
    addComment: (id, quote, body) => call("add_comment", { id, quote, body }),
    listComments: (id) => call("list_comments", { id }),
    resolveComment: (commentId) => call("resolve_comment", { commentId }),
    present: (id) => call("present", { id }),
    absent: (id) => call("absent", { id }),
    listReadings: () => call("list_readings"),
    putReading: (written, reading) => call("put_reading", { written, reading }),
    deleteReading: (written) => call("delete_reading", { written }),
    exportText: (body, profile, ruby, blog, accessible) =>
      call("export_text", {
        body,
        profile,
        ruby,
        blog: blog ?? { summary: null, leadIn: null, destination: "html" },
        accessible: accessible ?? false,
      }),
    blogSummary: (body) => call("blog_summary", { body }),
    blogLeadIn: (id) => call("blog_lead_in", { id }),
    saveWordpressDraft: (body, ruby, blog, accessible, password) =>
      call("save_wordpress_draft", { body, ruby, blog, accessible, password }),
    // The app layer checks the address; the confirmation is the platform's (`openDraft`).
    openWordpressDraft: async (url) => {
      await call("open_wordpress_draft", { url });
      if (options.openDraft) options.opened?.push(url);
      return options.openDraft ?? false;
    },
    pasteHtml: (html, text) => call("paste_html", { html, text }),
    printDocument: (body, options) => call("print_document", { body, options }),
    saveExport: (path, contents) => call("save_export", { path, contents }),
    saveWordDocument: (path, body, document) =>
      call("save_word_document", { path, body, document }),
    getSettings: () => call("get_settings"),
    setSettings: (settings) => call("set_settings", { settings }),
    listTrash: () => call("list_trash"),
    emptyTrash: () => call("empty_trash"),
    getLocalSettings: () => call("get_local_settings"),
    setLocalSettings: (settings) => call("set_local_settings", { settings }),
    backups: () => call("backups"),
    recoverDatabase: (choice) => call("recover_database", { choice }),
    repairDatabase: () => call("repair_database"),
    exportAll: async (folder, progress) => {
      // The server sends the progress a Tauri channel would have, with the report.
      const answer = await call<{ report: ExportAllReport; progress: ExportAllProgress[] }>(
        "export_all",
        { folder },
      );
      for (const step of answer.progress) progress(step);
      return answer.report;
    },
    chooseImportFiles: async () => options.importFiles ?? [],
    takeOpenedFiles: async () => options.openedFiles?.splice(0) ?? [],
    onFilesOpened: async () => () => {},
    chooseExportPath: async () => options.exportPath ?? null,
    chooseFolder: async () => options.folder ?? null,
    copyToClipboard: async (content) => {
      options.clipboard?.push(content);
    },
    prompter: testPrompter(call),
  };
}
