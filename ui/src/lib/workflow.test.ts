import { describe, expect, it } from "vitest";
import { findQuote, isSettled, nextSteps, QUOTE_CHARS, quoteOf, STATUSES } from "./workflow";

describe("nextSteps", () => {
  it("goes forward one step, 確定 straight to 公開済み too, and back only to 下書き", () => {
    const offered = Object.fromEntries(
      STATUSES.map((status) => [status, nextSteps(status).map((step) => step.action)]),
    );
    expect(offered).toEqual({
      draft: ["review"],
      review: ["final", "sendBack"],
      final: ["delivered", "published", "reopen"],
      delivered: ["published", "reopen"],
      published: ["reopen"],
    });
  });

  it("asks for a reason only to reopen a settled draft", () => {
    for (const status of STATUSES) {
      for (const step of nextSteps(status)) {
        expect(step.needsReason).toBe(step.action === "reopen");
        if (step.needsReason) expect(isSettled(status)).toBe(true);
      }
    }
  });
});

describe("isSettled", () => {
  it("is true from 確定 on", () => {
    expect(STATUSES.filter(isSettled)).toEqual(["final", "delivered", "published"]);
  });
});

describe("findQuote", () => {
  const text = "市民の皆さん。市民の皆さんとともに。";

  it("finds the first occurrence, then the next after the one selected, wrapping", () => {
    expect(findQuote(text, "市民の皆さん")).toEqual({ from: 0, to: 6 });
    expect(findQuote(text, "市民の皆さん", 0)).toEqual({ from: 7, to: 13 });
    expect(findQuote(text, "市民の皆さん", 7)).toEqual({ from: 0, to: 6 });
  });

  it("is null when the passage was rewritten, or for a comment on the whole draft", () => {
    expect(findQuote(text, "県民の皆さん")).toBeNull();
    expect(findQuote(text, "")).toBeNull();
  });

  it("counts in UTF-16 as the editor does", () => {
    expect(findQuote("𠮷野家の𠮷", "の𠮷")).toEqual({ from: 4, to: 7 });
  });
});

describe("quoteOf", () => {
  it("keeps a selection up to the limit, counted in characters", () => {
    expect(quoteOf("あ".repeat(QUOTE_CHARS))).toBe("あ".repeat(QUOTE_CHARS));
    const long = "𠮷".repeat(QUOTE_CHARS + 5);
    expect(Array.from(quoteOf(long))).toHaveLength(QUOTE_CHARS);
    expect(long.startsWith(quoteOf(long))).toBe(true);
  });
});
