import { describe, expect, it } from "vitest";
import { PRINT_DEFAULTS } from "./bindings";
import { wordFileName } from "./word";

describe("wordFileName", () => {
  it("names the published text by its title and the reading script as such", () => {
    expect(wordFileName("年頭挨拶", { kind: "published" })).toBe("年頭挨拶.docx");
    expect(wordFileName("年頭挨拶", { kind: "readingScript", options: PRINT_DEFAULTS })).toBe(
      "年頭挨拶（読み上げ原稿）.docx",
    );
    expect(wordFileName("  ", { kind: "published" })).toBe("podium.docx");
  });
});
