import { describe, expect, it } from "vitest";
import { type DiffLine, diffCounts, diffRevision } from "./revision-diff";

/** A line as `[kind, "kept[-removed-]{+added+}"]`, short enough to read in a test. */
const show = (line: DiffLine): [string, string] => [
  line.kind,
  line.pieces
    .map(({ kind, text }) => {
      const shown = text === "\n" ? "↵" : text;
      return kind === "added" ? `{+${shown}+}` : kind === "removed" ? `[-${shown}-]` : shown;
    })
    .join(""),
];

describe("diffRevision", () => {
  it("shows a changed particle as one changed character, not a changed paragraph", () => {
    const before = "# 題\n\n市民の皆さんと未来を創ります。\n\n結び\n";
    const after = "# 題\n\n市民の皆さんが未来を創ります。\n\n結び\n";
    const lines = diffRevision(before, after);
    expect(lines.map(show)).toEqual([
      ["same", "# 題"],
      ["same", ""],
      ["changed", "市民の皆さん[-と-]{+が+}未来を創ります。"],
      ["same", ""],
      ["same", "結び"],
    ]);
    expect(diffCounts(lines)).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it("keeps whole lines added and removed as lines", () => {
    const lines = diffRevision("# 題\n\n消す段落\n結び\n", "# 題\n\n結び\n追記\n");
    expect(lines.map(show)).toEqual([
      ["same", "# 題"],
      ["same", ""],
      ["removed", "[-消す段落-]"],
      ["same", "結び"],
      ["added", "{+追記+}"],
    ]);
    expect(diffCounts(lines)).toEqual({ added: 1, removed: 1, changed: 0 });
  });

  it("shows a paragraph rewritten beyond recognition as removed and added", () => {
    const lines = diffRevision("旧い文章です。\n", "まったく別の内容に書き換えた。\n");
    expect(lines.map(show)).toEqual([
      ["removed", "[-旧い文章です。-]"],
      ["added", "{+まったく別の内容に書き換えた。+}"],
    ]);
  });

  it("shows a line split in two with the break it gained", () => {
    const lines = diffRevision("一文目です。二文目です。\n", "一文目です。\n二文目です。\n");
    expect(lines.map(show)).toEqual([
      ["changed", "一文目です。{+↵+}"],
      ["same", "二文目です。"],
    ]);
  });

  it("keeps the lines of a changed passage apart, each with its characters", () => {
    const before = "今年は地域の年です。\n皆さんとともに進みます。\n";
    const after = "今年は地域づくりの年です。\n皆さんとともに進めます。\n新しい一行。\n";
    expect(diffRevision(before, after).map(show)).toEqual([
      ["changed", "今年は地域{+づくり+}の年です。"],
      ["changed", "皆さんとともに進[-み-]{+め+}ます。"],
      ["added", "{+新しい一行。+}"],
    ]);
  });

  it("has nothing to mark between equal texts", () => {
    expect(diffCounts(diffRevision("同じ\n", "同じ\n"))).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
    });
  });

  it("stays fast on a 20,000-character draft with a change in every paragraph", () => {
    const paragraph = (n: number, particle: string) =>
      `第${n}の段落では、市民の皆さん${particle}ともに地域の未来を考えます。`.repeat(4);
    const count = 180;
    const before = Array.from({ length: count }, (_, n) => paragraph(n, "と")).join("\n\n");
    const after = Array.from({ length: count }, (_, n) => paragraph(n, "が")).join("\n\n");
    expect(before.length).toBeGreaterThan(20_000);
    const started = performance.now();
    const lines = diffRevision(before, after);
    const elapsed = performance.now() - started;
    expect(diffCounts(lines).changed).toBe(count);
    // Generous for a loaded machine; about 50 ms here.
    expect(elapsed).toBeLessThan(2000);
  });

  it("gives up comparing characters in time when a long paragraph is rewritten", () => {
    const text = (letters: string, step: number) =>
      Array.from({ length: 20_000 }, (_, n) => letters[(n * step) % letters.length]).join("");
    const started = performance.now();
    const lines = diffRevision(text("あいうえおかきくけこ", 7), text("さしすせそたちつてと", 3));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lines.map((line) => line.kind)).toEqual(["removed", "added"]);
  });
});
