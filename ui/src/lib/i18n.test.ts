import { describe, expect, it } from "vitest";
import { translate } from "./i18n";

describe("translate", () => {
  it("speaks Japanese first and English second", () => {
    expect(translate("ja", "save.saved")).toBe("保存済み");
    expect(translate("en", "save.saved")).toBe("Saved");
  });

  it("fills parameters and leaves unknown ones visible", () => {
    expect(translate("ja", "panel.findings", { n: 3 })).toBe("指摘（3件）");
    expect(translate("en", "library.deleted", { title: "年頭挨拶", days: 30 })).toBe(
      "Moved “年頭挨拶” to the trash (restorable for 30 days)",
    );
    expect(translate("en", "library.deleted", { title: "年頭挨拶" })).toBe(
      "Moved “年頭挨拶” to the trash (restorable for {days} days)",
    );
    expect(translate("ja", "panel.findings")).toBe("指摘（{n}件）");
  });
});
