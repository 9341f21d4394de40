// The one module through which the UI talks to the Rust side.
//
// Components receive a `Backend` (backend-contract.ts) and never call Tauri themselves, so the
// browser tests run the same components against `testBackend()` (test-backend.ts: the same
// commands, answered by the application layer over loopback HTTP).

import { Channel, invoke, isTauri } from "@tauri-apps/api/core";
import { emit, emitTo, listen } from "@tauri-apps/api/event";
import { writeHtml, writeText } from "@tauri-apps/plugin-clipboard-manager";
import type { KeyPress } from "../prompter/keys";
import type { PrompterCommand, PrompterReport } from "../prompter/protocol";
import type { Backend, PrompterBackend } from "./backend-contract";
import {
  CLICKER_EVENT,
  type ExportAllProgress,
  FILES_OPENED_EVENT,
  PROMPTER_COMMAND_EVENT,
  PROMPTER_REPORT_EVENT,
  PROMPTER_WINDOW,
  SECOND_SCREEN_WINDOW,
} from "./bindings";

/** The real backend: Tauri commands of the desktop shell (`src-tauri`) and its plugins. */
export function tauriBackend(): Backend {
  return {
    kind: "tauri",
    appInfo: () => invoke("app_info"),
    listDrafts: () => invoke("list_drafts"),
    searchDrafts: (query) => invoke("search_drafts", { query }),
    getDraft: (id) => invoke("get_draft", { id }),
    listTemplates: () => invoke("list_templates"),
    createDraft: (values) => invoke("create_draft", { values }),
    duplicateDraft: (id) => invoke("duplicate_draft", { id }),
    updateDraftMeta: (id, meta) => invoke("update_draft_meta", { id, meta }),
    deleteDraft: (id) => invoke("delete_draft", { id }),
    restoreDraft: (id) => invoke("restore_draft", { id }),
    importFiles: (paths) => invoke("import_files", { paths }),
    saveDraft: (id, body, baseRevision, kind) =>
      invoke("save_draft", { id, body, baseRevision, kind }),
    listRevisions: (id) => invoke("list_revisions", { id }),
    getRevision: (revisionId) => invoke("get_revision", { revisionId }),
    restoreRevision: (revisionId) => invoke("restore_revision", { revisionId }),
    analyse: (body, draft) => invoke("analyse", { body, draft }),
    analyseEdits: (version, edits) => invoke("analyse_edits", { version, edits }),
    dismissFinding: (draft, version, rule, from, to) =>
      invoke("dismiss_finding", { draft, version, rule, from, to }),
    undoDismissal: (draft, version, rule, from, to) =>
      invoke("undo_dismissal", { draft, version, rule, from, to }),
    setDraftRuleOff: (draft, rule, off) => invoke("set_draft_rule_off", { draft, rule, off }),
    setStatus: (id, status, reason) => invoke("set_status", { id, status, reason }),
    statusChanges: (id) => invoke("status_changes", { id }),
    addComment: (id, quote, body) => invoke("add_comment", { id, quote, body }),
    listComments: (id) => invoke("list_comments", { id }),
    resolveComment: (commentId) => invoke("resolve_comment", { commentId }),
    present: (id) => invoke("present", { id }),
    absent: (id) => invoke("absent", { id }),
    listReadings: () => invoke("list_readings"),
    putReading: (written, reading) => invoke("put_reading", { written, reading }),
    deleteReading: (written) => invoke("delete_reading", { written }),
    exportText: (body, profile, ruby, blog, accessible) =>
      invoke("export_text", {
        body,
        profile,
        ruby,
        blog: blog ?? { summary: null, leadIn: null, destination: "html" },
        accessible: accessible ?? false,
      }),
    blogSummary: (body) => invoke("blog_summary", { body }),
    blogLeadIn: (id) => invoke("blog_lead_in", { id }),
    saveWordpressDraft: (body, ruby, blog, accessible, password) =>
      invoke("save_wordpress_draft", { body, ruby, blog, accessible, password }),
    openWordpressDraft: (url) => invoke("open_wordpress_draft", { url }),
    pasteHtml: (html, text) => invoke("paste_html", { html, text }),
    printDocument: (body, options) => invoke("print_document", { body, options }),
    saveExport: (path, contents) => invoke("save_export", { path, contents }),
    saveWordDocument: (path, body, document) =>
      invoke("save_word_document", { path, body, document }),
    getSettings: () => invoke("get_settings"),
    setSettings: (settings) => invoke("set_settings", { settings }),
    listTrash: () => invoke("list_trash"),
    emptyTrash: () => invoke("empty_trash"),
    getLocalSettings: () => invoke("get_local_settings"),
    setLocalSettings: (settings) => invoke("set_local_settings", { settings }),
    backups: () => invoke("backups"),
    recoverDatabase: (choice) => invoke("recover_database", { choice }),
    repairDatabase: () => invoke("repair_database"),
    exportAll: (folder, progress) => {
      const onProgress = new Channel<ExportAllProgress>();
      onProgress.onmessage = progress;
      return invoke("export_all", { folder, onProgress });
    },
    chooseImportFiles: (filterName) => invoke("choose_import_files", { filterName }),
    takeOpenedFiles: () => invoke("take_opened_files"),
    onFilesOpened: (handler) => listen(FILES_OPENED_EVENT, () => handler()),
    chooseExportPath: (defaultName, extension) =>
      invoke("choose_export_path", { defaultName, extension }),
    chooseFolder: () => invoke("choose_folder"),
    copyToClipboard: ({ html, text }) => (html === null ? writeText(text) : writeHtml(html, text)),
    prompter: tauriPrompter(),
  };
}

function tauriPrompter(): PrompterBackend {
  return {
    script: (id) => invoke("prompter_script", { id }),
    getSettings: () => invoke("get_prompter_settings"),
    setSettings: (settings) => invoke("set_prompter_settings", { settings }),
    saveRehearsal: (id, revision, sectionSeconds) =>
      invoke("save_rehearsal", { id, revision, sectionSeconds }),
    rehearsals: (id) => invoke("rehearsal_summary", { id }),
    displays: () => invoke("list_displays"),
    open: (id, display) => invoke("open_prompter", { id, display }),
    close: () => invoke("close_prompter"),
    openSecondScreen: (id, display) => invoke("open_second_screen", { id, display }),
    closeSecondScreen: () => invoke("close_second_screen"),
    setFullScreen: (on) => invoke("set_prompter_full_screen", { on }),
    send: async (command) => {
      await emitTo(PROMPTER_WINDOW, PROMPTER_COMMAND_EVENT, command);
      // The second screen takes the display settings too; it follows the prompter for the rest.
      if (command.action === "settings") {
        await emitTo(SECOND_SCREEN_WINDOW, PROMPTER_COMMAND_EVENT, command);
      }
    },
    onCommand: (handler) =>
      listen<PrompterCommand>(PROMPTER_COMMAND_EVENT, (event) => handler(event.payload)),
    // To every window that listens: the operator view, the second screen (and the shell, for
    // the phones).
    report: (report) => emit(PROMPTER_REPORT_EVENT, report),
    onReport: (handler) =>
      listen<PrompterReport>(PROMPTER_REPORT_EVENT, (event) => handler(event.payload)),
    hearClickerEverywhere: (on) => invoke("hear_clicker_everywhere", { on }),
    remote: () => invoke("remote_status"),
    setRemote: (on, network) => invoke("set_remote", { on, network }),
    revokeRemoteDevice: (id) => invoke("revoke_remote_device", { id }),
    onClickerKey: (handler) => listen<KeyPress>(CLICKER_EVENT, (event) => handler(event.payload)),
  };
}

/**
 * The backend for where the UI is running: Tauri in the app window, elsewhere the test backend
 * — but only in builds made for that (the dev server, Vitest, `npm run build:fake` for the
 * browser tests). Vite replaces `import.meta.env.MODE` by a constant, so in the production build
 * (`npm run build`, embedded in the app) the branch below is dead code: Rollup drops it, and
 * with it the `import()` and every module only the test backend uses (tests/bundle.test.mjs
 * checks).
 * There, outside the app, the answer is null and the page says to open the app instead.
 */
export async function defaultBackend(): Promise<Backend | null> {
  if (isTauri()) return tauriBackend();
  if (import.meta.env.MODE !== "production") {
    const { testBackend } = await import("./test-backend");
    return testBackend(typeof window === "undefined" ? {} : window.podiumTest);
  }
  return null;
}
