import { describe, expect, it } from "vitest";
import { defaultBackend } from "./backend";

describe("defaultBackend", () => {
  it("is the test backend outside the Tauri webview (in builds other than production)", async () => {
    expect((await defaultBackend())?.kind).toBe("test");
  });
});
