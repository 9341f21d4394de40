import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveStatus } from "./autosave";
import type { Backend } from "./backend-contract";
import type { SaveKind } from "./bindings";
import { CompositionGate } from "./composition";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/**
 * A draft as autosave sees the store: each save must be on the latest revision (else a
 * `conflict`) and moves it on. The store itself is tested in Rust (app/src/tests.rs).
 */
function stored(body: string) {
  const draft = { body, revision: 1, kinds: [] as SaveKind[] };
  const backend: Pick<Backend, "saveDraft"> = {
    saveDraft: async (_id, next, baseRevision, kind) => {
      if (baseRevision !== draft.revision) throw { code: "conflict", message: "conflict" };
      Object.assign(draft, { body: next, revision: draft.revision + 1 });
      draft.kinds.push(kind);
      return {
        revision: draft.revision,
        title: "題",
        updatedAt: "",
        chars: 0,
        seconds: 0,
        journaled: false,
      };
    },
  };
  return { draft, backend };
}

function session() {
  const { draft, backend } = stored("# 題\n");
  const gate = new CompositionGate();
  const statuses: SaveStatus[] = [];
  const autosave = new Autosave(backend, 1, { ...draft }, gate, {
    status: (status) => statuses.push(status),
    saved: () => {},
  });
  return { draft, backend, gate, statuses, autosave };
}

describe("Autosave", () => {
  it("saves 700 ms after typing stops, once", async () => {
    const { draft, statuses, autosave } = session();
    autosave.edited("# 題\nあ");
    await vi.advanceTimersByTimeAsync(50);
    autosave.edited("# 題\nあい");
    await vi.advanceTimersByTimeAsync(650);
    expect(draft.body).toBe("# 題\n");
    await vi.advanceTimersByTimeAsync(50);
    expect(draft.body).toBe("# 題\nあい");
    expect(statuses).toEqual(["unsaved", "unsaved", "saving", "saved"]);
    expect(autosave.revision).toBe(2);
  });

  it("saves every 800 ms at the latest while typing goes on", async () => {
    const { draft, autosave } = session();
    const saved: string[] = [];
    let body = "# 題\n";
    for (let key = 0; key < 20; key++) {
      body += "あ";
      autosave.edited(body);
      await vi.advanceTimersByTimeAsync(150);
      const current = draft.body;
      if (saved.at(-1) !== current) saved.push(current);
    }
    // 20 keys 150 ms apart (3 s, never a 700 ms pause): saved at 800, 1600, 2400 ms …
    expect(saved.length).toBeGreaterThanOrEqual(4);
    const lastSaved = saved.at(-1) ?? "";
    expect(body.length - lastSaved.length).toBeLessThanOrEqual(6);
  });

  it("never saves during an IME composition", async () => {
    const { draft, gate, autosave } = session();
    gate.start();
    autosave.edited("# 題\nけんこう");
    await vi.advanceTimersByTimeAsync(5000);
    expect(draft.body).toBe("# 題\n");
    autosave.edited("# 題\n健康");
    gate.end();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(draft.body).toBe("# 題\n健康");
  });

  it("stops on a conflict until the writer keeps their text", async () => {
    const { draft, backend, statuses, autosave } = session();
    await backend.saveDraft(1, "# 題\n他の窓", 1, { kind: "autosave" });
    autosave.edited("# 題\n自分");
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe("conflict");
    autosave.edited("# 題\n自分の続き");
    await vi.advanceTimersByTimeAsync(1000);
    expect(draft.body).toBe("# 題\n他の窓");
    await autosave.keepMine(draft.revision);
    expect(draft.body).toBe("# 題\n自分の続き");
    expect(statuses.at(-1)).toBe("saved");
    expect(draft.kinds.at(-1)).toMatchObject({ kind: "named" });
  });

  it("stops when the draft was settled meanwhile, until it is reloaded", async () => {
    const { draft, backend, statuses, autosave } = session();
    const saveDraft = backend.saveDraft;
    let settled = true;
    backend.saveDraft = async (...args) => {
      if (settled) throw { code: "draft_locked", message: "確定した原稿です" };
      return saveDraft(...args);
    };
    autosave.edited("# 題\n自分");
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe("locked");
    // Typing on (had the editor not been made read-only yet) tries no more saves.
    const tried = statuses.filter((status) => status === "saving").length;
    autosave.edited("# 題\n自分の続き");
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.filter((status) => status === "saving").length).toBe(tried);
    expect(statuses.at(-1)).toBe("locked");
    // Reopened and reloaded: saving resumes.
    settled = false;
    autosave.reset({ body: draft.body, revision: draft.revision });
    autosave.edited("# 題\n再開");
    await vi.advanceTimersByTimeAsync(1000);
    expect(draft.body).toBe("# 題\n再開");
  });

  it("saves waiting text before a change of details, then saves on its new revision", async () => {
    const { draft, autosave } = session();
    autosave.edited("# 題\n本文");
    await autosave.metaChange(async () => {
      // New details (an event, say) move the revision on, as `update_draft_meta` does.
      draft.revision += 1;
      return draft.revision;
    });
    expect(draft.body).toBe("# 題\n本文");
    autosave.edited("# 題\n本文の続き");
    await vi.advanceTimersByTimeAsync(1000);
    expect(draft.body).toBe("# 題\n本文の続き");
  });

  it("saves a named version even when nothing changed", async () => {
    const { draft, autosave } = session();
    await autosave.saveNamed("市長確認前");
    expect(draft.kinds).toEqual([{ kind: "named", name: "市長確認前" }]);
  });

  it("keeps saving while the server is out of reach, then saves on the same base", async () => {
    const { draft, backend } = stored("# 題\n");
    let reachable = false;
    const offline: Pick<Backend, "saveDraft"> = {
      saveDraft: async (id, body, base, kind) => {
        if (reachable) return backend.saveDraft(id, body, base, kind);
        return {
          revision: base,
          title: "題",
          updatedAt: "",
          chars: 0,
          seconds: 0,
          journaled: true,
        };
      },
    };
    const statuses: SaveStatus[] = [];
    const autosave = new Autosave(offline, 1, { ...draft }, new CompositionGate(), {
      status: (status) => statuses.push(status),
      saved: () => {},
    });
    autosave.edited("# 題\n圏外で");
    await vi.advanceTimersByTimeAsync(700);
    expect(statuses.at(-1)).toBe("offline");
    expect(autosave.revision).toBe(1);
    autosave.edited("# 題\n圏外で打った文");
    await vi.advanceTimersByTimeAsync(700);
    expect(statuses.at(-1)).toBe("offline");
    reachable = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(draft.body).toBe("# 題\n圏外で打った文");
    expect(autosave.revision).toBe(2);
    expect(statuses.at(-1)).toBe("saved");
  });
});
