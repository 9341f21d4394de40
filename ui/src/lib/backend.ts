// The one module through which the UI talks to the Rust side.
//
// Components receive a `Backend` and never call Tauri themselves, so UI tests and the browser
// build run the same components against `fakeBackend()` (fake-backend.ts).

import { Channel, invoke, isTauri } from "@tauri-apps/api/core";
import { emitTo, listen } from "@tauri-apps/api/event";
import { writeHtml, writeText } from "@tauri-apps/plugin-clipboard-manager";
import {
  COMMAND_EVENT,
  type PrompterCommand,
  type PrompterReport,
  REPORT_EVENT,
} from "../prompter/protocol";
import type {
  Analysis,
  AppError,
  AppInfo,
  Backups,
  Display,
  Draft,
  DraftMeta,
  DraftSummary,
  ErrorCode,
  ExportAllProgress,
  ExportAllReport,
  ExportProfile,
  ImportReport,
  NewDraftValues,
  PrompterScript,
  PrompterSettings,
  ReadingEntry,
  Recovered,
  RecoveryChoice,
  RehearsalSummary,
  Repaired,
  Revision,
  RevisionSummary,
  RubyStyle,
  Saved,
  SaveKind,
  SearchHit,
  Settings,
  TemplateInfo,
} from "./bindings";
import { type FakeOptions, fakeBackend } from "./fake-backend";

/** What goes to the clipboard: HTML profiles give both, text profiles only `text`. */
export interface ClipboardContent {
  html: string | null;
  text: string;
}

/**
 * Every command of docs/ipc.md and the clipboard. The native dialogs are commands too: they open
 * from Rust, which grants the chosen paths (the only ones `importFiles`, `saveExport` and
 * `exportAll` accept; others fail with `not_permitted`).
 */
export interface Backend {
  /** Which implementation this is, for display and diagnostics. */
  readonly kind: "tauri" | "fake";
  appInfo(): Promise<AppInfo>;
  listDrafts(): Promise<DraftSummary[]>;
  searchDrafts(query: string): Promise<SearchHit[]>;
  getDraft(id: number): Promise<Draft>;
  listTemplates(): Promise<TemplateInfo[]>;
  createDraft(values: NewDraftValues): Promise<Draft>;
  duplicateDraft(id: number): Promise<Draft>;
  /** A new title also rewrites the body's `#` heading: the returned draft has the new body. */
  updateDraftMeta(id: number, meta: DraftMeta): Promise<Draft>;
  deleteDraft(id: number): Promise<void>;
  restoreDraft(id: number): Promise<void>;
  importFiles(paths: string[]): Promise<ImportReport>;
  saveDraft(id: number, body: string, baseRevision: number, kind: SaveKind): Promise<Saved>;
  listRevisions(id: number): Promise<RevisionSummary[]>;
  getRevision(revisionId: number): Promise<Revision>;
  restoreRevision(revisionId: number): Promise<Draft>;
  analyse(body: string): Promise<Analysis>;
  /** The office's reading dictionary (白井亨 → シライトオル), by written form. */
  listReadings(): Promise<ReadingEntry[]>;
  /** Adds or changes a word's reading (hiragana or katakana); the list after the change. */
  putReading(written: string, reading: string): Promise<ReadingEntry[]>;
  deleteReading(written: string): Promise<ReadingEntry[]>;
  /** `summary`: the blog's 要旨 as the writer edited it, a line each (omitted: from the draft). */
  exportText(
    body: string,
    profile: ExportProfile,
    ruby: RubyStyle,
    summary?: string[],
  ): Promise<string>;
  /** The blog's 要旨 made from the draft, a line each, for the writer to edit. */
  blogSummary(body: string): Promise<string[]>;
  saveExport(path: string, contents: string): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<Settings>;
  backups(): Promise<Backups>;
  /** Only for a corrupt database: moves it aside and puts the choice in its place. */
  recoverDatabase(choice: RecoveryChoice): Promise<Recovered>;
  /** Mends what the daily full check found (`Backups.damage`), as `podium doctor --recover`. */
  repairDatabase(): Promise<Repaired>;
  exportAll(
    folder: string,
    progress: (progress: ExportAllProgress) => void,
  ): Promise<ExportAllReport>;
  /** Native "open" dialog for .md/.txt files; [] when cancelled. Grants reading them. */
  chooseImportFiles(filterName: string): Promise<string[]>;
  /** Native "save" dialog; null when cancelled. Grants writing that file. */
  chooseExportPath(defaultName: string, extension: string): Promise<string | null>;
  /** Native folder dialog; null when cancelled. Grants creating files in it. */
  chooseFolder(): Promise<string | null>;
  copyToClipboard(content: ClipboardContent): Promise<void>;
  /** The prompter window and its link with the operator view. */
  readonly prompter: PrompterBackend;
}

/** The prompter's commands (docs/ipc.md) and the events between the two windows. */
export interface PrompterBackend {
  script(draftId: number): Promise<PrompterScript>;
  getSettings(): Promise<PrompterSettings>;
  setSettings(settings: PrompterSettings): Promise<PrompterSettings>;
  /** `sectionSeconds[i]`: seconds spent on section i (0: not read). */
  saveRehearsal(
    draftId: number,
    revision: number,
    sectionSeconds: number[],
  ): Promise<RehearsalSummary>;
  rehearsals(draftId: number): Promise<RehearsalSummary>;
  displays(): Promise<Display[]>;
  /** Opens the prompter window on the draft, full screen on the display (null: the second). */
  open(draftId: number, display: string | null): Promise<void>;
  close(): Promise<void>;
  setFullScreen(on: boolean): Promise<void>;
  /** Operator → prompter. */
  send(command: PrompterCommand): Promise<void>;
  onCommand(handler: (command: PrompterCommand) => void): Promise<() => void>;
  /** Prompter → operator. */
  report(report: PrompterReport): Promise<void>;
  onReport(handler: (report: PrompterReport) => void): Promise<() => void>;
}

// A record, so that the compiler insists on every code of the bindings.
const errorCodeSet: Record<ErrorCode, true> = {
  not_found: true,
  conflict: true,
  invalid_input: true,
  database_busy: true,
  database_read_only: true,
  database_corrupt: true,
  database_too_new: true,
  disk_full: true,
  io: true,
  not_permitted: true,
  internal: true,
};
const errorCodes = Object.keys(errorCodeSet) as ErrorCode[];

/** Whatever a command rejected with, as an `AppError` the UI can branch on by `code`. */
export function asAppError(error: unknown): AppError {
  if (typeof error === "object" && error !== null && "code" in error && "message" in error) {
    const { code, message } = error as { code: unknown; message: unknown };
    if (errorCodes.includes(code as ErrorCode) && typeof message === "string") {
      return { code: code as ErrorCode, message };
    }
  }
  return { code: "internal", message: error instanceof Error ? error.message : String(error) };
}

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
    analyse: (body) => invoke("analyse", { body }),
    listReadings: () => invoke("list_readings"),
    putReading: (written, reading) => invoke("put_reading", { written, reading }),
    deleteReading: (written) => invoke("delete_reading", { written }),
    exportText: (body, profile, ruby, summary) =>
      invoke("export_text", { body, profile, ruby, summary: summary ?? null }),
    blogSummary: (body) => invoke("blog_summary", { body }),
    saveExport: (path, contents) => invoke("save_export", { path, contents }),
    getSettings: () => invoke("get_settings"),
    setSettings: (settings) => invoke("set_settings", { settings }),
    backups: () => invoke("backups"),
    recoverDatabase: (choice) => invoke("recover_database", { choice }),
    repairDatabase: () => invoke("repair_database"),
    exportAll: (folder, progress) => {
      const onProgress = new Channel<ExportAllProgress>();
      onProgress.onmessage = progress;
      return invoke("export_all", { folder, onProgress });
    },
    chooseImportFiles: (filterName) => invoke("choose_import_files", { filterName }),
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
    setFullScreen: (on) => invoke("set_prompter_full_screen", { on }),
    send: (command) => emitTo("prompter", COMMAND_EVENT, command),
    onCommand: (handler) =>
      listen<PrompterCommand>(COMMAND_EVENT, (event) => handler(event.payload)),
    report: (report) => emitTo("main", REPORT_EVENT, report),
    onReport: (handler) => listen<PrompterReport>(REPORT_EVENT, (event) => handler(event.payload)),
  };
}

declare global {
  interface Window {
    /** Outside the app only: how the browser tests set up the fake backend before the UI starts. */
    podiumFake?: FakeOptions;
  }
}

/** The backend for where the UI is running: Tauri in the app window, the fake elsewhere. */
export function defaultBackend(): Backend {
  if (isTauri()) return tauriBackend();
  return fakeBackend(typeof window === "undefined" ? {} : window.podiumFake);
}
