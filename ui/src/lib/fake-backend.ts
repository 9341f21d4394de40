// An in-memory backend for tests and for running the UI in a plain browser. Faithful to the
// contract of docs/ipc.md where the UI depends on it: errors are `{ code, message }` objects,
// autosaves coalesce into a recent autosave revision, a save on a stale base revision is kept
// as a `conflict` revision and rejected, search works from one character.

import { fakePrompter } from "../prompter/fake-prompter";
import type { Backend, ClipboardContent } from "./backend-contract";
import type {
  AppError,
  Draft,
  DraftSummary,
  ErrorCode,
  Revision,
  RevisionKind,
  Settings,
} from "./bindings";
import { fakeAnalyse, fakeExport, fakeSummaryLines, katakana } from "./fake-analysis";
import { fillPlaceholders, templateBody, templateInfos } from "./fake-templates";

/** Settings for a fake backend; every field has a default. */
export interface FakeOptions {
  version?: string;
  /** The clock, for autosave coalescing. */
  now?: () => Date;
  /** Bodies of drafts that exist from the start. */
  drafts?: string[];
  /** The database fails to open with this error until `recoverDatabase`. */
  databaseError?: AppError;
  /** The daily backups there are (paths, newest first). */
  backups?: string[];
  /** What the daily full check found, until `repairDatabase`. */
  damage?: string[];
  /** Replaces the fake's own export (e.g. with the core's real output, from golden files). */
  exportText?: Backend["exportText"];
  /** Hears the backend once it is made (browser tests act as a second window through it). */
  created?: (backend: FakeBackend) => void;
}

declare global {
  interface Window {
    /** Outside the app only: how the browser tests set up the fake backend before the UI starts. */
    podiumFake?: FakeOptions;
  }
}

/** The core's rule ids (`Rule::ALL`), as `appInfo` gives them. */
const LINT_RULES = [
  "sentence-length",
  "too-many-commas",
  "doubled-phrase",
  "doubled-particle",
  "mixed-style",
  "notation-variant",
  "katakana-misspelling",
  "user-dictionary",
  "sentence-seconds",
  "kanji-run",
  "repeated-particle",
  "homophone",
  "furigana",
  "redundant-expression",
  "tautology",
  "double-honorific",
  "repeated-ending",
] as const;

/** The fake backend, with what it wrote to the clipboard and files, for tests to look at. */
export interface FakeBackend extends Backend {
  readonly clipboard: ClipboardContent[];
  readonly files: Map<string, string>;
}

const AUTOSAVE_WINDOW_MS = 5 * 60 * 1000;

interface StoredDraft extends Draft {
  deleted: boolean;
}

function fail(code: ErrorCode, message: string): AppError {
  return { code, message };
}

function defaultSettings(): Settings {
  return {
    language: "ja",
    paceCpm: 300,
    paceMpm: 420,
    maxSentenceChars: 100,
    maxCommas: 3,
    blogFooter: "",
    theme: "light",
    lintOff: [],
  };
}

export function fakeBackend(options: FakeOptions = {}): FakeBackend {
  const now = options.now ?? (() => new Date());
  const drafts = new Map<number, StoredDraft>();
  const revisions: Revision[] = [];
  let settings = defaultSettings();
  const readings = new Map<string, string>();
  /** The text the editor analyses and its last analysis (`analyseEdits` edits it). */
  let analysedBody = "";
  let analysed = { ...fakeAnalyse("", settings, readings), version: 0 };
  const readingList = () =>
    [...readings.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([written, reading]) => ({ written, reading }));
  let nextId = 1;
  const clipboard: ClipboardContent[] = [];
  const files = new Map<string, string>();
  /** What the (fake) dialogs granted, as the shell's grants: a path by what it allows. */
  const granted = new Set<string>();
  const grant = (access: "read" | "write" | "folder", path: string) => {
    granted.add(`${access}:${path}`);
    return path;
  };
  const permitted = (access: "read" | "write" | "folder", path: string) => {
    if (!granted.has(`${access}:${path}`)) {
      throw fail("not_permitted", `ダイアログで選ばれていない場所です：${path}`);
    }
  };

  let databaseError = options.databaseError ?? null;
  const backupFiles = options.backups ?? ["/fake/backups/podium-2027-01-03.db"];
  let damage = options.damage ?? [];
  /** Commands that need the database fail while it cannot be opened. */
  const opened = () => {
    if (databaseError) throw { ...databaseError };
  };
  const stamp = () => now().toISOString();
  const live = (id: number) => {
    const draft = drafts.get(id);
    if (!draft) throw fail("not_found", `原稿 ${id} が見つかりません`);
    return draft;
  };
  const copy = ({ deleted: _, ...draft }: StoredDraft): Draft => ({ ...draft });
  const summary = (draft: Draft): DraftSummary => {
    const { id, title, event, eventDate, targetSeconds, chars, seconds, updatedAt } = draft;
    return { id, title, event, eventDate, targetSeconds, chars, seconds, updatedAt };
  };
  /** Title (from the `#` heading, as the shell does), length and time of a text. */
  const measure = (body: string, title?: string) => {
    const analysis = fakeAnalyse(body, settings);
    return {
      title: title ?? analysis.title ?? "無題",
      chars: analysis.chars,
      seconds: analysis.seconds,
    };
  };
  const record = (draft: Draft, kind: RevisionKind, name: string | null = null) => {
    const mine = revisions.filter((r) => r.draftId === draft.id);
    const latest = mine.at(-1);
    const recent =
      latest && now().getTime() - new Date(latest.createdAt).getTime() < AUTOSAVE_WINDOW_MS;
    const { id: draftId, title, body } = draft;
    if (kind === "autosave" && latest?.kind === "autosave" && recent) {
      Object.assign(latest, { title, body, updatedAt: stamp() });
      return;
    }
    const [id, number, createdAt] = [revisions.length + 1, mine.length + 1, stamp()];
    revisions.push({
      id,
      draftId,
      number,
      kind,
      name,
      title,
      createdAt,
      updatedAt: createdAt,
      body,
    });
  };
  const create = (body: string, kind: RevisionKind, meta: Partial<Draft> = {}): Draft => {
    const draft: StoredDraft = {
      id: nextId++,
      event: "",
      eventDate: null,
      targetSeconds: null,
      body,
      revision: 1,
      updatedAt: stamp(),
      deleted: false,
      ...measure(body, meta.title),
      ...meta,
    };
    drafts.set(draft.id, draft);
    record(draft, kind);
    return copy(draft);
  };
  const replaceBody = (draft: StoredDraft, body: string) =>
    Object.assign(draft, measure(body), { body, revision: draft.revision + 1, updatedAt: stamp() });
  for (const body of options.drafts ?? []) create(body, "create");
  const revision = (revisionId: number) => {
    const found = revisions.find((r) => r.id === revisionId);
    if (!found) throw fail("not_found", `版 ${revisionId} が見つかりません`);
    return found;
  };

  const backend: FakeBackend = {
    kind: "fake",
    clipboard,
    files,
    appInfo: async () => ({
      version: options.version ?? "0.0.0-fake",
      databasePath: ":memory:",
      databaseError,
      lintRules: [...LINT_RULES],
    }),
    listDrafts: async () => {
      opened();
      return [...drafts.values()]
        .filter((d) => !d.deleted)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id)
        .map(summary);
    },
    searchDrafts: async (query) => {
      const needle = query.trim().toLowerCase();
      if (needle === "") return [];
      return [...drafts.values()].flatMap((d) => {
        const text = `${d.title}\n${d.body}`;
        const at = text.toLowerCase().indexOf(needle);
        if (d.deleted || at < 0) return [];
        const start = Math.max(0, at - 12);
        const snippet = text.slice(start, at + needle.length + 12).replace(/\n/g, " ");
        const highlight = { from: at - start, to: at - start + needle.length };
        return [{ draftId: d.id, title: d.title, snippet, highlight }];
      });
    },
    getDraft: async (id) => {
      opened();
      return copy(live(id));
    },
    listTemplates: async () => templateInfos(),
    createDraft: async (values) => {
      opened();
      const template = values.templateId === null ? "" : templateBody(values.templateId);
      if (template === undefined) throw fail("not_found", "テンプレートが見つかりません");
      const body = fillPlaceholders(template, values);
      return create(body, "create", { event: values.event.trim(), eventDate: values.date });
    },
    duplicateDraft: async (id) => {
      const { title, event, eventDate, targetSeconds, body } = live(id);
      return create(body, "create", {
        title: `${title}（コピー）`,
        event,
        eventDate,
        targetSeconds,
      });
    },
    updateDraftMeta: async (id, meta) => {
      if (meta.title.trim() === "") throw fail("invalid_input", "題名を入力してください");
      const draft = Object.assign(live(id), meta, { updatedAt: stamp() });
      draft.body = draft.body.replace(/^# .*$/m, (heading) =>
        heading === `# ${draft.title}` ? heading : `# ${draft.title}`,
      );
      draft.revision += 1;
      return copy(draft);
    },
    deleteDraft: async (id) => {
      live(id).deleted = true;
    },
    restoreDraft: async (id) => {
      live(id).deleted = false;
    },
    importFiles: async (paths) => {
      for (const path of paths) permitted("read", path);
      const imported = paths.map((path) => {
        const name =
          path
            .split(/[\\/]/)
            .pop()
            ?.replace(/\.(md|txt)$/, "") ?? path;
        return summary(create(`# ${name}\n\n読み込んだ原稿です。\n`, "import"));
      });
      return { imported, failed: [] };
    },
    saveDraft: async (id, body, baseRevision, kind) => {
      opened();
      const draft = live(id);
      if (draft.revision !== baseRevision) {
        record({ ...draft, ...measure(body), body }, "conflict");
        throw fail("conflict", "ほかの場所で原稿が更新されました");
      }
      replaceBody(draft, body);
      record(draft, kind.kind, kind.kind === "named" ? kind.name : null);
      const { revision, title, updatedAt, chars, seconds } = draft;
      return { revision, title, updatedAt, chars, seconds };
    },
    listRevisions: async (id) => {
      live(id);
      return revisions
        .filter((r) => r.draftId === id)
        .reverse()
        .map(({ body, ...revision }) => ({ ...revision, ...measure(body, revision.title) }));
    },
    getRevision: async (revisionId) => ({ ...revision(revisionId) }),
    restoreRevision: async (revisionId) => {
      const { draftId, body } = revision(revisionId);
      const draft = replaceBody(live(draftId), body);
      record(draft, "restore");
      return copy(draft);
    },
    analyse: async (body) => {
      analysed = { ...fakeAnalyse(body, settings, readings), version: analysed.version + 1 };
      analysedBody = body;
      return analysed;
    },
    // Every list replaced whole: which items changed is the real backend's to say.
    analyseEdits: async (version, edits) => {
      if (version !== analysed.version) throw fail("conflict", "解析した本文が変わりました");
      let body = analysedBody;
      for (const edit of [...edits].reverse()) {
        body = body.slice(0, edit.from) + edit.insert + body.slice(edit.to);
      }
      const before = analysed;
      analysed = { ...fakeAnalyse(body, settings, readings), version: version + 1 };
      analysedBody = body;
      const whole = <T>(held: T[], now: T[]) => ({
        start: 0,
        deleted: held.length,
        inserted: now,
        by: 0,
        lines: 0,
      });
      const { findings, readings: read, ...figures } = analysed;
      return {
        ...figures,
        findings: whole(before.findings, findings),
        readings: whole(before.readings, read),
      };
    },
    listReadings: async () => readingList(),
    putReading: async (written, reading) => {
      const word = written.trim();
      const kana = katakana(reading.trim());
      if (word === "") throw fail("invalid_input", "語を入力してください（100字まで）");
      if (kana === "" || !/^[\u30a1-\u30fa\u30fc]+$/.test(kana)) {
        throw fail("invalid_input", "読みはひらがなかカタカナで入力してください（200字まで）");
      }
      readings.set(word, kana);
      return readingList();
    },
    deleteReading: async (written) => {
      readings.delete(written);
      return readingList();
    },
    exportText: async (body, profile, ruby, summary) =>
      options.exportText
        ? options.exportText(body, profile, ruby, summary)
        : fakeExport(body, profile, ruby, settings.blogFooter, summary),
    blogSummary: async (body) => fakeSummaryLines(body),
    saveExport: async (path, contents) => {
      permitted("write", path);
      files.set(path, contents);
    },
    getSettings: async () => ({ ...settings }),
    setSettings: async (next) => {
      settings = { ...next };
      return { ...settings };
    },
    backups: async () => ({
      folder: "/fake/backups",
      files: [...backupFiles],
      error: null,
      damage: [...damage],
    }),
    repairDatabase: async () => {
      const sound = damage.length === 0;
      damage = [];
      return { sound, movedAside: null };
    },
    recoverDatabase: async (choice) => {
      if (databaseError?.code !== "database_corrupt") {
        throw fail("invalid_input", "データベースは開けるので、そのままにしました");
      }
      databaseError = null;
      const restoredFrom = choice === "newest_backup" ? (backupFiles[0] ?? null) : null;
      if (choice === "newest_backup" && restoredFrom === null) {
        throw fail("not_found", "バックアップがまだありません");
      }
      if (restoredFrom === null) drafts.clear();
      return { movedAside: "/fake/podium.db.corrupt-20270104-093000", restoredFrom };
    },
    exportAll: async (folder, progress) => {
      permitted("folder", folder);
      opened();
      const live = [...drafts.values()].filter((d) => !d.deleted);
      const written: string[] = [];
      for (const [done, draft] of live.entries()) {
        progress({ done, total: live.length });
        const stem = `${folder}/${draft.title}`;
        const taken = written.filter((p) => p === `${stem}.md` || p.startsWith(`${stem} (`));
        const path = taken.length === 0 ? `${stem}.md` : `${stem} (${taken.length + 1}).md`;
        files.set(path, draft.body);
        written.push(path);
      }
      progress({ done: live.length, total: live.length });
      return { folder, files: written };
    },
    chooseFolder: async () => grant("folder", "/fake/書き出し"),
    chooseImportFiles: async () => [grant("read", "/fake/読み込み見本.md")],
    chooseExportPath: async (defaultName) => grant("write", `/fake/${defaultName}`),
    copyToClipboard: async (content) => {
      clipboard.push(content);
    },
    prompter: fakePrompter(
      (id) => drafts.get(id),
      () => settings,
    ),
  };
  options.created?.(backend);
  return backend;
}
