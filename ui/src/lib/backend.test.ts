import { describe, expect, it } from "vitest";
import { defaultBackend, fakeBackend } from "./backend";

describe("fakeBackend", () => {
  it("reports the version it was given", async () => {
    const backend = fakeBackend({ version: "1.2.3" });
    expect(backend.kind).toBe("fake");
    await expect(backend.appVersion()).resolves.toBe("1.2.3");
  });

  it("has a recognisable default version", async () => {
    await expect(fakeBackend().appVersion()).resolves.toBe("0.0.0-fake");
  });
});

describe("defaultBackend", () => {
  it("is the fake outside the Tauri webview", () => {
    expect(defaultBackend().kind).toBe("fake");
  });
});
