// The fake backend's prompter: the script from the fake's draft (fake-script.ts), settings
// and rehearsals in memory, and the two windows linked by a BroadcastChannel — in a browser
// the prompter "window" is a second page of the same origin (opened with window.open). The
// draft shown in it travels through localStorage, since each page has its own fake store.

import type { PrompterBackend } from "../lib/backend-contract";
import type { PrompterSettings, RehearsalRun, RehearsalSummary, Settings } from "../lib/bindings";
import { FAKE_PACE_CPM, FAKE_PACE_MPM, fakePrompterScript } from "./fake-script";
import type { PrompterCommand, PrompterReport } from "./protocol";

/** The draft the fake prompter page shows (written by `open`, read by `script`). */
export const FAKE_DRAFT_KEY = "podium.fake.prompterDraft";
const SETTINGS_KEY = "podium.fake.prompterSettings";
/** Rehearsals are saved by the prompter page and read by the main page: shared here. */
const RUNS_KEY = "podium.fake.rehearsals";
const CHANNEL = "podium-prompter";

interface FakeDraft {
  id: number;
  revision: number;
  body: string;
  targetSeconds: number | null;
}

export function defaultPrompterSettings(): PrompterSettings {
  return {
    fontFamily: "gothic",
    fontPx: 72,
    lineHeightPercent: 160,
    marginPercent: 8,
    foreground: "#ffffff",
    background: "#000000",
    mirrorHorizontal: false,
    mirrorVertical: false,
    eyeLine: "top",
    eyeLinePercent: 33,
    notes: "dimmed",
    vertical: false,
    paceMpm: null,
    paceCpm: null,
    countdownSeconds: 3,
    paragraphStep: false,
    display: null,
  };
}

export function fakePrompter(
  draft: (id: number) => FakeDraft | undefined,
  paces: () => Pick<Settings, "paceCpm" | "paceMpm">,
): PrompterBackend {
  const memory = new Map<number, RehearsalRun[]>();
  const runs = {
    get(id: number): RehearsalRun[] | undefined {
      const json = globalThis.localStorage?.getItem(`${RUNS_KEY}.${id}`);
      return json ? (JSON.parse(json) as RehearsalRun[]) : memory.get(id);
    },
    set(id: number, list: RehearsalRun[]) {
      memory.set(id, list);
      globalThis.localStorage?.setItem(`${RUNS_KEY}.${id}`, JSON.stringify(list));
    },
  };
  const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
  const stored = (): FakeDraft | undefined => {
    const json = globalThis.localStorage?.getItem(FAKE_DRAFT_KEY);
    return json ? (JSON.parse(json) as FakeDraft) : undefined;
  };
  const find = (id: number) => {
    const found = draft(id) ?? stored();
    if (!found) throw { code: "not_found", message: `原稿 ${id} が見つかりません` };
    return found;
  };
  const script = (id: number) => fakePrompterScript(find(id), paces().paceMpm);
  /** The speaker's paces: the settings' scaled by estimated over measured time, within the
   * ranges the settings accept (as the shell's are). */
  const summary = (id: number): RehearsalSummary => {
    const list = runs.get(id) ?? [];
    const estimated = list.flatMap((r) => r.sections).reduce((n, s) => n + s.estimatedSeconds, 0);
    const seconds = list.flatMap((r) => r.sections).reduce((n, s) => n + s.seconds, 0);
    if (seconds === 0) {
      return { runs: list, measuredCpm: null, measuredMpm: null, calibratedSeconds: null };
    }
    const { paceCpm, paceMpm } = paces();
    const within = (pace: number, low: number, high: number) =>
      Math.min(high, Math.max(low, Math.round((pace * estimated) / seconds)));
    const measuredMpm = within(paceMpm, ...FAKE_PACE_MPM);
    return {
      runs: list,
      measuredCpm: within(paceCpm, ...FAKE_PACE_CPM),
      measuredMpm,
      calibratedSeconds: (script(id).seconds * paceMpm) / measuredMpm,
    };
  };
  let settings = (() => {
    const json = globalThis.localStorage?.getItem(SETTINGS_KEY);
    // Stored settings may name only some fields (the tests' overrides): the rest are defaults.
    const stored = json ? (JSON.parse(json) as Partial<PrompterSettings>) : {};
    return { ...defaultPrompterSettings(), ...stored };
  })();
  const on = <T>(type: string, handler: (payload: T) => void) => {
    const listener = (event: MessageEvent) => {
      if (event.data?.type === type) handler(event.data.payload as T);
    };
    channel?.addEventListener("message", listener);
    return Promise.resolve(() => channel?.removeEventListener("message", listener));
  };
  return {
    script: async (id) => script(id),
    getSettings: async () => ({ ...settings }),
    setSettings: async (next) => {
      const outside = (pace: number | null, [low, high]: readonly [number, number]) =>
        pace !== null && (pace < low || pace > high);
      if (outside(next.paceMpm, FAKE_PACE_MPM) || outside(next.paceCpm, FAKE_PACE_CPM)) {
        const name = outside(next.paceMpm, FAKE_PACE_MPM) ? "pace_mpm" : "pace_cpm";
        throw { code: "invalid_input", message: `プロンプターの設定「${name}」が範囲外です` };
      }
      settings = { ...next };
      globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
      return { ...settings };
    },
    saveRehearsal: async (id, revision, sectionSeconds) => {
      const timed = script(id);
      const sections = sectionSeconds.flatMap((seconds, position) =>
        seconds > 0 && timed.sections[position]
          ? [
              {
                position,
                title: timed.sections[position].title,
                estimatedSeconds: timed.sections[position].seconds,
                seconds,
              },
            ]
          : [],
      );
      const run: RehearsalRun = {
        id: (runs.get(id)?.length ?? 0) + 1,
        revision,
        recordedAt: new Date().toISOString(),
        seconds: sections.reduce((n, s) => n + s.seconds, 0),
        sections,
      };
      runs.set(id, [run, ...(runs.get(id) ?? [])]);
      return summary(id);
    },
    rehearsals: async (id) => summary(id),
    displays: async () => [{ name: "画面 1", width: 1280, height: 800, main: true }],
    open: async (id) => {
      globalThis.localStorage?.setItem(FAKE_DRAFT_KEY, JSON.stringify(find(id)));
      // A window of its own (not a background tab, whose animation frames would stop).
      globalThis.open?.(`prompter.html?draft=${id}`, "prompter", "popup");
    },
    close: async () => {},
    setFullScreen: async () => {},
    send: async (command) => channel?.postMessage({ type: "command", payload: command }),
    onCommand: (handler) => on<PrompterCommand>("command", handler),
    report: async (report) => channel?.postMessage({ type: "report", payload: report }),
    onReport: (handler) => on<PrompterReport>("report", handler),
  };
}
