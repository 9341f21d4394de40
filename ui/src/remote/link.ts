// A phone's link with the app's remote server (app/src/remote/server.rs): pairing with the
// code shown on the operator's screen, then one WebSocket — the token first, commands out, the
// prompter's script and reports in.
//
// Nothing is held: a command is sent at once or not at all (no queue while the connection is
// away), so a lost connection never moves the prompter, now or later. The link reconnects by
// itself with the token; a token the server no longer knows (revoked, or the remote turned
// off) is forgotten and the page asks for a code again.

import type { RemoteCommand, RemoteMessage } from "../lib/bindings";

export type LinkState = "pairing" | "connecting" | "connected" | "offline";
export type PairingResult = "paired" | "wrongCode" | "tooMany" | "failed";

/** Where the token is kept on the phone (its browser's storage for the page's address). */
export const TOKEN_KEY = "podium-remote-token";
/** Waits before reconnecting: 0.5 s, doubling to 5 s. */
const RETRY_MS = [500, 1000, 2000, 5000];

export interface Listener {
  state(state: LinkState, unpaired: boolean): void;
  message(message: RemoteMessage): void;
}

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

export class RemoteLink {
  #socket: WebSocket | null = null;
  #listener: Listener | null = null;
  #welcomed = false;
  #retries = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** `host:port` of the server (the page's own). */
    private readonly host: string,
    private readonly storage: Storage,
    private readonly open: (url: string) => WebSocket = (url) => new WebSocket(url),
    private readonly post: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Starts: connects with the kept token, else asks for a code. */
  start(listener: Listener): void {
    this.#listener = listener;
    if (this.storage.getItem(TOKEN_KEY)) this.#connect();
    else listener.state("pairing", false);
  }

  stop(): void {
    this.#listener = null;
    if (this.#timer) clearTimeout(this.#timer);
    this.#socket?.close();
  }

  async pair(code: string): Promise<PairingResult> {
    let response: Response;
    try {
      response = await this.post("/pair", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: code.replace(/\s/g, "") }),
      });
    } catch {
      return "failed";
    }
    if (response.status === 403) return "wrongCode";
    if (response.status === 409) return "tooMany";
    if (!response.ok) return "failed";
    const { token } = (await response.json()) as { token: string };
    this.storage.setItem(TOKEN_KEY, token);
    this.#retries = 0;
    this.#connect();
    return "paired";
  }

  /** Sends a command now, or not at all (false) while not connected. */
  send(command: RemoteCommand): boolean {
    if (!this.#welcomed || this.#socket?.readyState !== WebSocket.OPEN) return false;
    this.#socket.send(JSON.stringify({ kind: "command", command }));
    return true;
  }

  #connect(): void {
    const token = this.storage.getItem(TOKEN_KEY);
    if (!token || !this.#listener) return;
    this.#listener.state(this.#retries === 0 ? "connecting" : "offline", false);
    const socket = this.open(`ws://${this.host}/socket`);
    this.#socket = socket;
    this.#welcomed = false;
    let unpaired = false;
    socket.onopen = () => socket.send(JSON.stringify({ kind: "hello", token }));
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as RemoteMessage;
      if (message.kind === "welcome") {
        this.#welcomed = true;
        this.#retries = 0;
        this.#listener?.state("connected", false);
      } else if (message.kind === "unpaired") {
        unpaired = true;
        this.storage.removeItem(TOKEN_KEY);
      }
      this.#listener?.message(message);
    };
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#welcomed = false;
      if (!this.#listener) return;
      if (unpaired) {
        this.#listener.state("pairing", true);
        return;
      }
      this.#listener.state("offline", false);
      const wait = RETRY_MS[Math.min(this.#retries, RETRY_MS.length - 1)];
      this.#retries += 1;
      this.#timer = setTimeout(() => this.#connect(), wait);
    };
  }
}
