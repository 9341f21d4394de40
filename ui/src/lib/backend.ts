// The one module through which the UI talks to the Rust side.
//
// Components receive a `Backend` and never call Tauri themselves, so UI tests and the browser
// build run the same components against `fakeBackend()`.

import { invoke, isTauri } from "@tauri-apps/api/core";

/** What the UI asks of the Rust side. */
export interface Backend {
  /** Which implementation this is, for display and diagnostics. */
  readonly kind: "tauri" | "fake";
  /** The version of the Podium core, e.g. "0.1.0". */
  appVersion(): Promise<string>;
}

/** The real backend: Tauri commands of the desktop shell (`src-tauri`). */
export function tauriBackend(): Backend {
  return {
    kind: "tauri",
    appVersion: () => invoke<string>("app_version"),
  };
}

/** Settings for a fake backend; every field has a default. */
export interface FakeOptions {
  version?: string;
}

/** An in-memory backend for tests and for running the UI in a plain browser. */
export function fakeBackend(options: FakeOptions = {}): Backend {
  const version = options.version ?? "0.0.0-fake";
  return {
    kind: "fake",
    appVersion: async () => version,
  };
}

/** The backend for where the UI is running: Tauri in the app window, the fake elsewhere. */
export function defaultBackend(): Backend {
  return isTauri() ? tauriBackend() : fakeBackend();
}
