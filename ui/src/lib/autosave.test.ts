import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave, type SaveStatus } from "./autosave";
import { CompositionGate } from "./composition";
import { fakeBackend } from "./fake-backend";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function session() {
  const backend = fakeBackend({ drafts: ["# 題\n"] });
  const draft = await backend.getDraft(1);
  const gate = new CompositionGate();
  const statuses: SaveStatus[] = [];
  const autosave = new Autosave(backend, 1, draft, gate, {
    status: (status) => statuses.push(status),
    saved: () => {},
  });
  return { backend, gate, statuses, autosave };
}

describe("Autosave", () => {
  it("saves 700 ms after typing stops, once", async () => {
    const { backend, statuses, autosave } = await session();
    autosave.edited("# 題\nあ");
    await vi.advanceTimersByTimeAsync(50);
    autosave.edited("# 題\nあい");
    await vi.advanceTimersByTimeAsync(650);
    expect((await backend.getDraft(1)).body).toBe("# 題\n");
    await vi.advanceTimersByTimeAsync(50);
    expect((await backend.getDraft(1)).body).toBe("# 題\nあい");
    expect(statuses).toEqual(["unsaved", "unsaved", "saving", "saved"]);
    expect(autosave.revision).toBe(2);
  });

  it("saves every 800 ms at the latest while typing goes on", async () => {
    const { backend, autosave } = await session();
    const saved: string[] = [];
    let body = "# 題\n";
    for (let key = 0; key < 20; key++) {
      body += "あ";
      autosave.edited(body);
      await vi.advanceTimersByTimeAsync(150);
      const current = (await backend.getDraft(1)).body;
      if (saved.at(-1) !== current) saved.push(current);
    }
    // 20 keys 150 ms apart (3 s, never a 700 ms pause): saved at 800, 1600, 2400 ms …
    expect(saved.length).toBeGreaterThanOrEqual(4);
    const lastSaved = saved.at(-1) ?? "";
    expect(body.length - lastSaved.length).toBeLessThanOrEqual(6);
  });

  it("never saves during an IME composition", async () => {
    const { backend, gate, autosave } = await session();
    gate.start();
    autosave.edited("# 題\nけんこう");
    await vi.advanceTimersByTimeAsync(5000);
    expect((await backend.getDraft(1)).body).toBe("# 題\n");
    autosave.edited("# 題\n健康");
    gate.end();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await backend.getDraft(1)).body).toBe("# 題\n健康");
  });

  it("stops on a conflict until the writer keeps their text", async () => {
    const { backend, statuses, autosave } = await session();
    await backend.saveDraft(1, "# 題\n他の窓", 1, { kind: "autosave" });
    autosave.edited("# 題\n自分");
    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)).toBe("conflict");
    autosave.edited("# 題\n自分の続き");
    await vi.advanceTimersByTimeAsync(1000);
    expect((await backend.getDraft(1)).body).toBe("# 題\n他の窓");
    await autosave.keepMine((await backend.getDraft(1)).revision);
    expect((await backend.getDraft(1)).body).toBe("# 題\n自分の続き");
    expect(statuses.at(-1)).toBe("saved");
    expect((await backend.listRevisions(1))[0]).toMatchObject({ kind: "named" });
  });

  it("saves waiting text before a change of details, then saves on its new revision", async () => {
    const { backend, autosave } = await session();
    autosave.edited("# 題\n本文");
    await autosave.metaChange(async () => {
      const meta = { title: "題", event: "仕事始め式", eventDate: null, targetSeconds: null };
      await backend.updateDraftMeta(1, meta);
      return (await backend.getDraft(1)).revision;
    });
    expect((await backend.getDraft(1)).body).toBe("# 題\n本文");
    autosave.edited("# 題\n本文の続き");
    await vi.advanceTimersByTimeAsync(1000);
    expect((await backend.getDraft(1)).body).toBe("# 題\n本文の続き");
  });

  it("saves a named version even when nothing changed", async () => {
    const { backend, autosave } = await session();
    await autosave.saveNamed("市長確認前");
    expect((await backend.listRevisions(1))[0]).toMatchObject({
      kind: "named",
      name: "市長確認前",
    });
  });
});
