import { describe, expect, it } from "vitest";
import { diffByLine, diffCounts } from "./revision-diff";

describe("diffByLine", () => {
  it("marks lines kept, removed and added", () => {
    const lines = diffByLine("# 題\n\n旧い段落\n結び\n", "# 題\n\n新しい段落\n結び\n追記\n");
    expect(lines).toEqual([
      { kind: "same", text: "# 題" },
      { kind: "same", text: "" },
      { kind: "removed", text: "旧い段落" },
      { kind: "added", text: "新しい段落" },
      { kind: "same", text: "結び" },
      { kind: "added", text: "追記" },
    ]);
    expect(diffCounts(lines)).toEqual({ added: 2, removed: 1 });
  });

  it("has nothing to mark between equal texts", () => {
    expect(diffCounts(diffByLine("同じ\n", "同じ\n"))).toEqual({ added: 0, removed: 0 });
  });
});
