import { describe, expect, it } from "vitest";
import type { AppError } from "./bindings";
import { fakeBackend } from "./fake-backend";

const values = {
  templateId: "new-year",
  date: "2027-01-04",
  event: "仕事始め式",
  speaker: "市長　山田太郎",
  city: "みなと市",
};

/** A clock the test moves by hand. */
function clock(start = "2027-01-04T00:00:00Z") {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
}

describe("fakeBackend drafts", () => {
  it("fills a template's placeholders, with 和暦", async () => {
    const backend = fakeBackend();
    const draft = await backend.createDraft(values);
    expect(draft.title).toBe("令和9年 年頭挨拶");
    expect(draft.body).toContain("令和9年の仕事始め式にあたり");
    expect(draft.body).toContain("令和9年1月4日　市長　山田太郎");
    expect(draft.body).not.toContain("{{");
    const empty = await backend.createDraft({ ...values, templateId: null });
    expect(empty.body).toBe("");
    const [latest] = await backend.listDrafts();
    expect(latest.id).toBe(empty.id);
  });

  it("searches from one character", async () => {
    const backend = fakeBackend({
      drafts: ["# 年頭挨拶\n\n健康を願います。", "# 式辞\n\n歓迎します。"],
    });
    const [hit] = await backend.searchDrafts("健");
    expect(hit.title).toBe("年頭挨拶");
    expect(hit.highlight && hit.snippet.slice(hit.highlight.from, hit.highlight.to)).toBe("健");
    expect(await backend.searchDrafts("  ")).toEqual([]);
    expect(await backend.searchDrafts("存在しない")).toEqual([]);
  });

  it("takes the title from the text's # heading when saving, as the shell does", async () => {
    const backend = fakeBackend({ drafts: ["# 旧い題\n"] });
    const saved = await backend.saveDraft(1, "# 新しい題\n\n本文。", 1, { kind: "autosave" });
    expect(saved).toMatchObject({ revision: 2, title: "新しい題" });
    expect((await backend.listDrafts())[0]).toMatchObject({ title: "新しい題", chars: 3 });
  });

  it("soft-deletes and restores", async () => {
    const backend = fakeBackend({ drafts: ["# 一"] });
    await backend.deleteDraft(1);
    expect(await backend.listDrafts()).toEqual([]);
    await backend.restoreDraft(1);
    expect((await backend.listDrafts()).map((d) => d.title)).toEqual(["一"]);
  });

  it("renames, which moves the revision on", async () => {
    const backend = fakeBackend({ drafts: ["# 一"] });
    const meta = { title: "新しい題", event: "式", eventDate: null, targetSeconds: 600 };
    expect((await backend.updateDraftMeta(1, meta)).title).toBe("新しい題");
    expect((await backend.getDraft(1)).revision).toBe(2);
    await expect(backend.updateDraftMeta(1, { ...meta, title: " " })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });
});

describe("fakeBackend revisions", () => {
  it("coalesces autosaves within five minutes, keeps named versions apart", async () => {
    const time = clock();
    const backend = fakeBackend({ now: time.now, drafts: ["a"] });
    let revision = 1;
    for (const body of ["ab", "abc"]) {
      time.advance(1);
      revision = (await backend.saveDraft(1, body, revision, { kind: "autosave" })).revision;
    }
    time.advance(6);
    revision = (await backend.saveDraft(1, "abcd", revision, { kind: "autosave" })).revision;
    await backend.saveDraft(1, "abcd", revision, { kind: "named", name: "確認前" });
    const history = await backend.listRevisions(1);
    expect(history.map((r) => [r.number, r.kind, r.name])).toEqual([
      [4, "named", "確認前"],
      [3, "autosave", null],
      [2, "autosave", null],
      [1, "create", null],
    ]);
    expect((await backend.getRevision(history[2].id)).body).toBe("abc");
  });

  it("refuses a save on a stale revision and keeps its text as a conflict", async () => {
    const backend = fakeBackend({ drafts: ["a"] });
    await backend.saveDraft(1, "theirs", 1, { kind: "autosave" });
    const error: AppError = await backend.saveDraft(1, "mine", 1, { kind: "autosave" }).then(
      () => ({ code: "internal", message: "saved" }) as AppError,
      (e: AppError) => e,
    );
    expect(error.code).toBe("conflict");
    expect((await backend.getDraft(1)).body).toBe("theirs");
    const [kept] = await backend.listRevisions(1);
    expect(kept.kind).toBe("conflict");
    expect((await backend.getRevision(kept.id)).body).toBe("mine");
  });

  it("restores a revision as a new revision", async () => {
    const backend = fakeBackend({ drafts: ["first"] });
    await backend.saveDraft(1, "second", 1, { kind: "named", name: null });
    const restored = await backend.restoreRevision(1);
    expect(restored.body).toBe("first");
    expect(restored.revision).toBe(3);
    expect((await backend.listRevisions(1))[0].kind).toBe("restore");
  });
});

describe("fakeBackend analysis and export", () => {
  it("times the text and finds long sentences, 読点 and doubled particles", async () => {
    const backend = fakeBackend();
    const body = "# 題\n\n## ① 人づくり\n\nあ、い、う、え、お。計画をを進めます。\n";
    const analysis = await backend.analyse(body);
    expect(analysis.title).toBe("題");
    expect(analysis.sections.map((s) => [s.role, s.number, s.title])).toEqual([
      ["priority", 1, "① 人づくり"],
    ]);
    expect(analysis.seconds).toBeGreaterThan(0);
    expect(analysis.findings.map((f) => f.rule)).toEqual(["too-many-commas", "doubled-particle"]);
    const particle = analysis.findings[1];
    expect(body.slice(particle.from, particle.to)).toBe("をを");
    expect(particle).toMatchObject({ line: 5, fix: { replacement: "を" } });
  });

  it("reads ruby by its reading and times in morae at the settings' pace in morae", async () => {
    const backend = fakeBackend();
    const slow = await backend.analyse("{邁進|まいしん}します。");
    expect(slow.spoken).toBe(7);
    expect(slow.chars).toBe(6);
    // マイシンシマス: 7 morae at 420 a minute (1 s), the sentence's and the paragraph's pauses
    // (1 s); the pace is in morae, as the app's is with the dictionary.
    expect([slow.morae, slow.pacePerMinute, slow.seconds]).toEqual([7, 420, 2]);
    await backend.setSettings({ ...(await backend.getSettings()), paceCpm: 600 });
    expect((await backend.analyse("{邁進|まいしん}します。")).seconds).toBe(slow.seconds);
    await backend.setSettings({ ...(await backend.getSettings()), paceMpm: 840 });
    const fast = await backend.analyse("{邁進|まいしん}します。");
    expect([fast.pacePerMinute, fast.seconds]).toEqual([840, 1.5]);
  });

  it("keeps the library's time as the analysis tells it, and the prompter's too", async () => {
    const backend = fakeBackend();
    const body = "# 題\n\n## ① 柱\n\n市長の白井です。皆さん、おはようございます。\n";
    const draft = await backend.createDraft({ ...values, templateId: null });
    const saved = await backend.saveDraft(draft.id, body, draft.revision, { kind: "autosave" });
    const analysis = await backend.analyse(body);
    expect(saved.seconds).toBe(analysis.seconds);
    const script = await backend.prompter.script(draft.id);
    expect(script.pacePerMinute).toBe(420);
    expect(script.sections[0].spoken).toBe(analysis.morae);
  });

  it("measures the speaker's paces in characters and morae from rehearsals", async () => {
    const backend = fakeBackend();
    const body = "# 題\n\n## ① 柱\n\n市長の白井です。皆さん、おはようございます。\n";
    const draft = await backend.createDraft({ ...values, templateId: null });
    await backend.saveDraft(draft.id, body, draft.revision, { kind: "autosave" });
    expect(await backend.prompter.rehearsals(draft.id)).toMatchObject({
      measuredCpm: null,
      measuredMpm: null,
    });
    const script = await backend.prompter.script(draft.id);
    const slower = script.sections.map((s) => s.seconds * 2);
    const summary = await backend.prompter.saveRehearsal(draft.id, 2, slower);
    expect([summary.measuredCpm, summary.measuredMpm]).toEqual([150, 210]);
    expect(summary.calibratedSeconds).toBeCloseTo(script.seconds * 2);
  });

  it("exports the blog with the summary separator and the footer, without cues and notes", async () => {
    const backend = fakeBackend();
    await backend.setSettings({ ...(await backend.getSettings()), blogFooter: "市長室より" });
    const body = "# 題\n\n## ① 柱\n\n本文です。[[間]]\n\n> [!note]\n> 読まない\n\n<b>太字</b>\n";
    const blog = await backend.exportText(body, "blog", "tags");
    expect(blog).toContain("【全文】");
    expect(blog).toContain("<li>① 柱</li>");
    expect(blog).toContain("市長室より");
    expect(blog).not.toContain("[[間]]");
    expect(blog).not.toContain("読まない");
    expect(blog).toContain("&lt;b&gt;");
    expect(await backend.exportText("{漢字|かんじ}", "html", "tags")).toBe(
      "<p><ruby>漢字<rt>かんじ</rt></ruby></p>",
    );
    expect(await backend.exportText("{漢字|かんじ}", "txt", "paren")).toBe("漢字（かんじ）\n");
  });

  it("records what it copied and saved", async () => {
    const backend = fakeBackend();
    await backend.copyToClipboard({ html: "<p>a</p>", text: "a" });
    const path = await backend.chooseExportPath("題.html", "html");
    await backend.saveExport(path ?? "", "<p>a</p>");
    expect(backend.clipboard).toEqual([{ html: "<p>a</p>", text: "a" }]);
    expect(backend.files.get("/fake/題.html")).toBe("<p>a</p>");
  });

  it("reads and writes only what a dialog granted, as the shell does", async () => {
    const backend = fakeBackend();
    const refused = { code: "not_permitted" };
    await expect(backend.saveExport("/tmp/x.html", "x")).rejects.toMatchObject(refused);
    await expect(backend.importFiles(["/home/me/.ssh/id_ed25519"])).rejects.toMatchObject(refused);
    await expect(backend.exportAll("/tmp", () => {})).rejects.toMatchObject(refused);
    expect(backend.files.size).toBe(0);
    expect(await backend.listDrafts()).toEqual([]);
    // What the save dialog granted is for writing, not reading.
    const path = (await backend.chooseExportPath("題.md", "md")) ?? "";
    await expect(backend.importFiles([path])).rejects.toMatchObject(refused);
    const report = await backend.importFiles(await backend.chooseImportFiles("原稿"));
    expect(report.imported).toHaveLength(1);
    const folder = (await backend.chooseFolder()) ?? "";
    expect((await backend.exportAll(folder, () => {})).files).toHaveLength(1);
  });
});
