import { describe, expect, it } from "vitest";
import type { Finding } from "./bindings";
import { unfilledPlaceholders } from "./placeholders";

const finding = (rule: string, excerpt: string): Finding => ({
  rule,
  severity: rule === "unfilled-placeholder" ? "error" : "warning",
  message: "",
  from: 0,
  to: excerpt.length,
  line: 1,
  column: 1,
  excerpt,
  fix: null,
});

describe("unfilledPlaceholders", () => {
  it("names each placeholder the lint found once, in the text's order", () => {
    const findings = [
      finding("unfilled-placeholder", "{{city}}"),
      finding("sentence-length", "長い文"),
      finding("unfilled-placeholder", "{{speaker}}"),
      finding("unfilled-placeholder", "{{city}}"),
    ];
    expect(unfilledPlaceholders(findings)).toEqual(["{{city}}", "{{speaker}}"]);
  });

  it("is empty for a draft without one", () => {
    expect(unfilledPlaceholders([finding("kanji-run", "市民生活安全安心条例")])).toEqual([]);
  });
});
