import { describe, expect, it } from "vitest";
import { backupDate } from "./backups";

describe("backupDate", () => {
  it("reads the date from a backup's name, and leaves other names alone", () => {
    expect(backupDate("/home/a/.local/share/podium/backups/podium-2027-01-03.db")).toBe(
      "2027-01-03",
    );
    expect(backupDate("/tmp/other.db")).toBe("/tmp/other.db");
  });
});
