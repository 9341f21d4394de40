// The test backend's prompter (lib/test-backend.ts): the script, the settings and the rehearsals
// come from the test server like every command. What the app gets from the platform is played
// by the browser: the prompter "window" is a second page of the same origin (opened with
// window.open), one display is reported, and the events between the two windows go over a
// BroadcastChannel.

import type { PrompterBackend } from "../lib/backend-contract";
import type { KeyPress } from "./keys";
import type { PrompterCommand, PrompterReport } from "./protocol";

/** A command sent to the test server (lib/test-backend.ts). */
export type Call = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

const CHANNEL = "podium-test-prompter";

export function testPrompter(call: Call): PrompterBackend {
  let opened: Window | null = null;
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
  const on = <T>(type: string, handler: (payload: T) => void) => {
    const listener = (event: MessageEvent) => {
      if (event.data?.type === type) handler(event.data.payload as T);
    };
    channel?.addEventListener("message", listener);
    return Promise.resolve(() => channel?.removeEventListener("message", listener));
  };
  return {
    script: (id) => call("prompter_script", { id }),
    getSettings: () => call("get_prompter_settings"),
    setSettings: (settings) => call("set_prompter_settings", { settings }),
    saveRehearsal: (id, revision, sectionSeconds) =>
      call("save_rehearsal", { id, revision, sectionSeconds }),
    rehearsals: (id) => call("rehearsal_summary", { id }),
    displays: async () => [{ name: "画面 1", width: 1280, height: 800, main: true }],
    open: async (id) => {
      // As the app does: the window already on this draft is brought forward as it is (its
      // position and clock kept); else it opens on the draft, a window of its own (not a
      // background tab, whose animation frames would stop).
      if (opened && !opened.closed && opened.location.search === `?draft=${id}`) opened.focus();
      else opened = globalThis.open?.(`prompter.html?draft=${id}`, "prompter", "popup") ?? null;
    },
    close: async () => {},
    openSecondScreen: async (id) => {
      globalThis.open?.(`prompter.html?draft=${id}&screen=second`, "second", "popup");
    },
    closeSecondScreen: async () => {},
    setFullScreen: async () => {},
    send: async (command) => channel?.postMessage({ type: "command", payload: command }),
    onCommand: (handler) => on<PrompterCommand>("command", handler),
    report: async (report) => channel?.postMessage({ type: "report", payload: report }),
    onReport: (handler) => on<PrompterReport>("report", handler),
    // A browser has no desktop: a test plays a press from another app on the channel.
    hearClickerEverywhere: async () => {},
    onClickerKey: (handler) => on<KeyPress>("clicker", handler),
    // Served for real by the test server on loopback (its phones reach no prompter there).
    remote: () => call("remote_status"),
    setRemote: (on, network) => call("set_remote", { on, network }),
    revokeRemoteDevice: (id) => call("revoke_remote_device", { id }),
  };
}
