import { describe, expect, it } from "vitest";
import { asAppError } from "./backend-contract";

describe("asAppError", () => {
  it("keeps an error of the contract as it is", () => {
    expect(asAppError({ code: "conflict", message: "更新されました" })).toEqual({
      code: "conflict",
      message: "更新されました",
    });
  });

  it("knows not_permitted (a path no dialog granted)", () => {
    expect(asAppError({ code: "not_permitted", message: "選ばれていません" }).code).toBe(
      "not_permitted",
    );
  });

  it("turns anything else into an internal error with a message", () => {
    expect(asAppError(new Error("boom"))).toEqual({ code: "internal", message: "boom" });
    expect(asAppError({ code: "teapot", message: "x" }).code).toBe("internal");
    expect(asAppError("plain")).toEqual({ code: "internal", message: "plain" });
  });
});
