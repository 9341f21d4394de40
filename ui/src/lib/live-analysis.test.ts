import { ChangeSet, Text } from "@codemirror/state";
import { describe, expect, it, vi } from "vitest";
import type { Backend } from "./backend-contract";
import type { Analysis, AnalysisUpdate, SentenceReading, TextEdit } from "./bindings";
import { editsOf, LiveAnalysis, updated } from "./live-analysis";

const reading = (from: number, kana: string): SentenceReading => ({
  from,
  to: from + 3,
  kana,
  morae: 3,
});

function analysis(version: number, readings: SentenceReading[]): Analysis {
  return {
    version,
    title: null,
    chars: 0,
    spoken: 0,
    seconds: 1,
    pacePerMinute: 420,
    morae: 3,
    dictionary: "ready",
    readings,
    sections: [],
    findings: [
      {
        rule: "too-many-commas",
        severity: "warning",
        message: "読点が多すぎます",
        from: 20,
        to: 23,
        line: 3,
        column: 1,
        excerpt: "",
        fix: { from: 21, to: 22, replacement: "" },
      },
    ],
    diagnostics: [],
    checked: [],
    rulesOff: [],
  };
}

describe("an update", () => {
  it("replaces what changed and moves what only moved", () => {
    const held = analysis(1, [reading(0, "ア"), reading(10, "イ"), reading(20, "ウ")]);
    const update: AnalysisUpdate = {
      version: 2,
      title: null,
      chars: 0,
      spoken: 0,
      seconds: 2,
      pacePerMinute: 420,
      morae: 4,
      dictionary: "ready",
      sections: [],
      diagnostics: [],
      checked: [],
      rulesOff: [],
      findings: { start: 0, deleted: 0, inserted: [], by: 2, lines: 1 },
      readings: { start: 1, deleted: 1, inserted: [reading(10, "イイ")], by: 2, lines: 1 },
    };
    const next = updated(held, update);
    expect(next.version).toBe(2);
    expect(next.seconds).toBe(2);
    expect(next.readings).toEqual([reading(0, "ア"), reading(10, "イイ"), reading(22, "ウ")]);
    expect(next.findings[0]).toMatchObject({
      from: 22,
      to: 25,
      line: 4,
      fix: { from: 23, to: 24 },
    });
  });

  it("is made of a change set's edits in the text before it", () => {
    const doc = Text.of(["本日は。皆さん。"]);
    const changes = ChangeSet.of({ from: 4, insert: "晴天の" }, doc.length).compose(
      ChangeSet.of({ from: 0, to: 1, insert: "今" }, doc.length + 3),
    );
    expect(editsOf(changes)).toEqual([
      { from: 0, to: 1, insert: "今" },
      { from: 4, to: 4, insert: "晴天の" },
    ]);
  });
});

describe("the live analysis", () => {
  /** A backend that answers from a script, and records what it was asked. */
  function stub(answers: Array<(asked: string) => Promise<unknown>>) {
    const asked: string[] = [];
    const next = (what: string) => {
      asked.push(what);
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected ${what}`);
      return answer(what);
    };
    const backend = {
      analyse: (body: string) => next(`analyse ${body}`),
      analyseEdits: (version: number, edits: TextEdit[]) =>
        next(`edits ${version} ${JSON.stringify(edits)}`),
    } as unknown as Backend;
    return { backend, asked };
  }
  const empty: AnalysisUpdate["findings"] = { start: 0, deleted: 0, inserted: [], by: 0, lines: 0 };

  it("sends the text whole, then its edits, and whole again after a conflict", async () => {
    const { backend, asked } = stub([
      async () => analysis(1, []),
      async () => ({ ...analysis(2, []), findings: empty, readings: empty }),
      async () => {
        throw { code: "conflict", message: "another text" };
      },
      async () => analysis(7, []),
    ]);
    const live = new LiveAnalysis(backend);
    let text = "本日は。";
    expect((await live.analyse(() => text))?.version).toBe(1);
    live.edited(ChangeSet.of({ from: 3, insert: "晴天" }, 4));
    text = "本日は晴天。";
    expect((await live.analyse(() => text))?.version).toBe(2);
    live.edited(ChangeSet.of({ from: 0, insert: "、" }, 6));
    text = "、本日は晴天。";
    expect((await live.analyse(() => text))?.version).toBe(7);
    expect(asked).toEqual([
      "analyse 本日は。",
      'edits 1 [{"from":3,"to":3,"insert":"晴天"}]',
      'edits 2 [{"from":0,"to":0,"insert":"、"}]',
      "analyse 、本日は晴天。",
    ]);
  });

  it("names the draft with the whole text, so its judged findings apply", async () => {
    const drafts: (number | null)[] = [];
    const backend = {
      analyse: async (_body: string, draft: number | null) => {
        drafts.push(draft);
        return analysis(1, []);
      },
    } as unknown as Backend;
    await new LiveAnalysis(backend, 42).analyse(() => "本日は。");
    await new LiveAnalysis(backend).analyse(() => "本日は。");
    expect(drafts).toEqual([42, null]);
  });

  it("with nothing edited, analyses the whole text again (settings may have changed)", async () => {
    const { backend, asked } = stub([async () => analysis(1, []), async () => analysis(2, [])]);
    const live = new LiveAnalysis(backend);
    await live.analyse(() => "本日は。");
    await live.analyse(() => "本日は。");
    expect(asked).toEqual(["analyse 本日は。", "analyse 本日は。"]);
  });

  it("answers null when the text changed during the analysis, and sends that change next", async () => {
    let release = () => {};
    const { backend, asked } = stub([
      () => new Promise((resolve) => (release = () => resolve(analysis(1, [])))),
      async () => ({ ...analysis(2, []), findings: empty, readings: empty }),
    ]);
    const live = new LiveAnalysis(backend);
    const first = live.analyse(() => "本日は。");
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    live.edited(ChangeSet.of({ from: 4, insert: "皆" }, 4));
    expect(live.isCurrent()).toBe(false);
    release();
    expect(await first).toBeNull();
    expect((await live.analyse(() => "本日は。皆"))?.version).toBe(2);
    expect(asked[1]).toBe('edits 1 [{"from":4,"to":4,"insert":"皆"}]');
  });
});
