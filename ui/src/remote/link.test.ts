import { describe, expect, it, vi } from "vitest";
import type { RemoteMessage } from "../lib/bindings";
import { type LinkState, RemoteLink, TOKEN_KEY } from "./link";

class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  opened() {
    this.readyState = 1;
    this.onopen?.();
  }
  says(message: RemoteMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setUp(token: string | null) {
  vi.stubGlobal("WebSocket", FakeSocket);
  const kept = new Map<string, string>(token ? [[TOKEN_KEY, token]] : []);
  const storage = {
    getItem: (key: string) => kept.get(key) ?? null,
    setItem: (key: string, value: string) => void kept.set(key, value),
    removeItem: (key: string) => void kept.delete(key),
  };
  const sockets: FakeSocket[] = [];
  const open = (url: string) => {
    const socket = new FakeSocket(url);
    sockets.push(socket);
    return socket as unknown as WebSocket;
  };
  const post = vi.fn(async () => new Response(JSON.stringify({ token: "t2" }), { status: 200 }));
  const link = new RemoteLink("127.0.0.1:4000", storage, open, post as unknown as typeof fetch);
  const states: [LinkState, boolean][] = [];
  link.start({ state: (s, lost) => states.push([s, lost]), message: () => {} });
  return { link, kept, sockets, states, post };
}

describe("the phone's link", () => {
  it("asks for a code without a token, and pairs", async () => {
    const { link, kept, sockets, states } = setUp(null);
    expect(states).toEqual([["pairing", false]]);
    expect(await link.pair(" 123 456 ")).toBe("paired");
    expect(kept.get(TOKEN_KEY)).toBe("t2");
    expect(sockets[0]?.url).toBe("ws://127.0.0.1:4000/socket");
  });

  it("says its token first, and sends commands only once welcomed", () => {
    const { link, sockets } = setUp("t1");
    const socket = sockets[0] as FakeSocket;
    expect(link.send({ action: "toggle" })).toBe(false);
    socket.opened();
    expect(JSON.parse(socket.sent[0] ?? "")).toEqual({ kind: "hello", token: "t1" });
    expect(link.send({ action: "toggle" })).toBe(false);
    socket.says({ kind: "welcome", device: "iPhone" });
    expect(link.send({ action: "nextParagraph" })).toBe(true);
    expect(JSON.parse(socket.sent[1] ?? "")).toEqual({
      kind: "command",
      command: { action: "nextParagraph" },
    });
  });

  it("holds no command while the connection is away, and reconnects with the token", () => {
    vi.useFakeTimers();
    const { link, sockets, states } = setUp("t1");
    const first = sockets[0] as FakeSocket;
    first.opened();
    first.says({ kind: "welcome", device: "" });
    first.close();
    expect(states.at(-1)).toEqual(["offline", false]);
    expect(link.send({ action: "toggle" })).toBe(false);
    vi.advanceTimersByTime(600);
    const second = sockets[1] as FakeSocket;
    second.opened();
    // Nothing sent but the token: the command pressed meanwhile is gone.
    expect(second.sent).toEqual([JSON.stringify({ kind: "hello", token: "t1" })]);
    vi.useRealTimers();
  });

  it("forgets a token the app no longer knows and asks for a code", () => {
    const { kept, sockets, states } = setUp("t1");
    const socket = sockets[0] as FakeSocket;
    socket.opened();
    socket.says({ kind: "unpaired" });
    socket.close();
    expect(kept.has(TOKEN_KEY)).toBe(false);
    expect(states.at(-1)).toEqual(["pairing", true]);
    expect(sockets).toHaveLength(1);
  });
});
