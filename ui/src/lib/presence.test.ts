import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Presence } from "./presence";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function server(names: string[] = ["佐藤"]) {
  const calls: string[] = [];
  const backend = {
    present: async (id: number) => {
      calls.push(`present ${id}`);
      return names;
    },
    absent: async (id: number) => {
      calls.push(`absent ${id}`);
    },
  };
  return { calls, backend };
}

describe("Presence", () => {
  it("says the draft is open at once and every 5 s, with the others' names", async () => {
    const { calls, backend } = server();
    const seen: string[][] = [];
    const presence = new Presence(backend, 7, (names) => seen.push(names));
    presence.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(["present 7"]);
    expect(seen).toEqual([["佐藤"]]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual(["present 7", "present 7", "present 7"]);
  });

  it("stops its timer and says absent once, after any sign on its way", async () => {
    const { calls, backend } = server();
    const seen: string[][] = [];
    const presence = new Presence(backend, 7, (names) => seen.push(names));
    presence.start();
    const stopped = presence.stop();
    void presence.stop();
    await stopped;
    expect(calls).toEqual(["present 7", "absent 7"]);
    // The answer of the sign that was on its way is not shown: the draft is closed.
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual(["present 7", "absent 7"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("carries on after a failed sign", async () => {
    const { calls, backend } = server([]);
    let fail = true;
    const present = backend.present;
    backend.present = async (id) => {
      if (fail) {
        fail = false;
        throw { code: "server_unreachable", message: "" };
      }
      return present(id);
    };
    const seen: string[][] = [];
    new Presence(backend, 1, (names) => seen.push(names)).start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual([[]]);
    expect(calls).toEqual(["present 1"]);
  });
});
