// What the UI asks of the Rust side, whoever answers: the real backend (backend.ts, Tauri
// commands) or the test backend (test-backend.ts: the same application layer over loopback
// HTTP, for the browser tests). Both import this module and it imports neither, so the UI's
// modules never import in a circle (scripts/import-cycles.mjs checks).

import type { KeyPress } from "../prompter/keys";
import type { PrompterCommand, PrompterReport } from "../prompter/protocol";
import type {
  Analysis,
  AnalysisUpdate,
  AppError,
  AppInfo,
  Backups,
  BlogParts,
  Comment,
  Display,
  Draft,
  DraftMeta,
  DraftStatus,
  DraftSummary,
  ErrorCode,
  ExportAllProgress,
  ExportAllReport,
  ExportProfile,
  ImportReport,
  LocalSettings,
  NewDraftValues,
  Pasted,
  PrintOptions,
  PrompterScript,
  PrompterSettings,
  ReadingEntry,
  Recovered,
  RecoveryChoice,
  RehearsalSummary,
  RemoteStatus,
  Repaired,
  Revision,
  RevisionSummary,
  RubyStyle,
  Saved,
  SaveKind,
  SearchHit,
  Settings,
  StatusChange,
  TemplateInfo,
  TextEdit,
  TrashedDraft,
  WordDocument,
  WordpressDraft,
} from "./bindings";

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
  readonly kind: "tauri" | "test";
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
  /** The whole text analysed; it becomes the text `analyseEdits` edits. Of a `draft`, the
   * findings its writer judged are applied (dismissed ones in `checked`, rules off left out). */
  analyse(body: string, draft: number | null): Promise<Analysis>;
  /** The edits since the analysis of `version` (`conflict` when another text was analysed
   * since): what changed in the analysis. */
  analyseEdits(version: number, edits: TextEdit[]): Promise<AnalysisUpdate>;
  /** Dismisses the finding of `rule` at `from..to` in the text analysed as `version` (the
   * next analysis lists it as checked; an edit of its line brings it back). */
  dismissFinding(
    draft: number,
    version: number,
    rule: string,
    from: number,
    to: number,
  ): Promise<void>;
  /** Takes back the dismissal of the checked finding at `from..to`. */
  undoDismissal(
    draft: number,
    version: number,
    rule: string,
    from: number,
    to: number,
  ): Promise<void>;
  /** Turns `rule` off (or on again) for this draft only. */
  setDraftRuleOff(draft: number, rule: string, off: boolean): Promise<void>;
  /** Moves the draft in the office's workflow (store's rules; else `invalid_input`). `reason`
   * is required to reopen a settled draft, empty otherwise. From `final` on, saves, renames
   * and restores fail with `draft_locked` until it is reopened. */
  setStatus(id: number, status: DraftStatus, reason: string): Promise<Draft>;
  /** Who moved the draft to which status, when and why; oldest first. */
  statusChanges(id: number): Promise<StatusChange[]>;
  /** A comment by this PC's author on the passage `quote` (never part of the text). */
  addComment(id: number, quote: string, body: string): Promise<Comment>;
  listComments(id: number): Promise<Comment[]>;
  resolveComment(commentId: number): Promise<Comment>;
  /** "I have this draft open": the others (by name) seen with it open in the last 15 s. */
  present(id: number): Promise<string[]>;
  /** "I closed it". */
  absent(id: number): Promise<void>;
  /** The office's reading dictionary (白井亨 → シライトオル), by written form. */
  listReadings(): Promise<ReadingEntry[]>;
  /** Adds or changes a word's reading (hiragana or katakana); the list after the change. */
  putReading(written: string, reading: string): Promise<ReadingEntry[]>;
  deleteReading(written: string): Promise<ReadingEntry[]>;
  /** `blog`: the post's 要旨 and lead-in line as the writer edited them (null: from the draft,
   * and none); `accessible`: circled numbers as (1) (2), ruby as markup. */
  exportText(
    body: string,
    profile: ExportProfile,
    ruby: RubyStyle,
    blog?: BlogParts,
    accessible?: boolean,
  ): Promise<string>;
  /** The blog's 要旨 made from the draft, a line each, for the writer to edit. */
  blogSummary(body: string): Promise<string[]>;
  /** The blog's lead-in line for the draft (the settings' line, filled), for the writer to edit. */
  blogLeadIn(id: number): Promise<string>;
  /** Saves the blog post (WordPress's blocks) as a draft on the settings' WordPress site, with
   * the application password the writer typed (used for this call only, never kept). */
  saveWordpressDraft(
    body: string,
    ruby: RubyStyle,
    blog: BlogParts,
    accessible: boolean,
    password: string,
  ): Promise<WordpressDraft>;
  /** Opens a saved draft's editor in the system's browser after a native confirmation; whether
   * it was opened. */
  openWordpressDraft(url: string): Promise<boolean>;
  /** What a paste inserts: a word processor's HTML in the dialect, as importing the document
   * gives it, with its notes; any other clipboard's plain text. */
  pasteHtml(html: string, text: string): Promise<Pasted>;
  /** The reading script as a printable HTML page (sanitised, strict CSP), for the lectern. */
  printDocument(body: string, options: PrintOptions): Promise<string>;
  saveExport(path: string, contents: string): Promise<void>;
  /** A Word document of the draft (published text or reading script), made in Rust from
   * `body` and written to `path` (from `chooseExportPath`): its bytes never cross IPC. */
  saveWordDocument(path: string, body: string, document: WordDocument): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<Settings>;
  /** Deleted drafts, most recently deleted first; `restoreDraft` brings one back. */
  listTrash(): Promise<TrashedDraft[]>;
  /** Removes every draft in the trash for good; answers how many. */
  emptyTrash(): Promise<number>;
  /** This PC's own settings (which library, who writes), never shared with the office. */
  getLocalSettings(): Promise<LocalSettings>;
  setLocalSettings(settings: LocalSettings): Promise<LocalSettings>;
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
  /** The files the desktop asked Podium to open (an associated `.md`, "Open with"), each
   * given once and granted for reading, to import. */
  takeOpenedFiles(): Promise<string[]>;
  /** Called when a later start hands this window more files to open. */
  onFilesOpened(handler: () => void): Promise<() => void>;
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
  /** Opens the second screen, which follows the prompter, full screen on the display (null:
   * one neither the prompter nor the main window is on; none free: a window). */
  openSecondScreen(draftId: number, display: string | null): Promise<void>;
  closeSecondScreen(): Promise<void>;
  setFullScreen(on: boolean): Promise<void>;
  /** Operator → prompter. */
  send(command: PrompterCommand): Promise<void>;
  onCommand(handler: (command: PrompterCommand) => void): Promise<() => void>;
  /** Prompter → operator. */
  report(report: PrompterReport): Promise<void>;
  onReport(handler: (report: PrompterReport) => void): Promise<() => void>;
  /** The clicker's keys (CLICKER_KEYS) heard from anywhere on the desktop, or not. */
  hearClickerEverywhere(on: boolean): Promise<void>;
  /** A clicker's key pressed while another app had the focus. */
  onClickerKey(handler: (press: KeyPress) => void): Promise<() => void>;
  /** The remote from a phone or tablet (app/src/remote/): its address, codes and devices. */
  remote(): Promise<RemoteStatus>;
  /** On (this PC only, or the office network too: `network`) or off. */
  setRemote(on: boolean, network: boolean): Promise<RemoteStatus>;
  /** A paired device forgotten, its connection dropped. */
  revokeRemoteDevice(id: number): Promise<RemoteStatus>;
}

// A record, so that the compiler insists on every code of the bindings.
const errorCodeSet: Record<ErrorCode, true> = {
  not_found: true,
  conflict: true,
  draft_locked: true,
  invalid_input: true,
  database_busy: true,
  database_read_only: true,
  database_corrupt: true,
  database_too_new: true,
  disk_full: true,
  server_unreachable: true,
  server_refused: true,
  site_unreachable: true,
  site_refused: true,
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
