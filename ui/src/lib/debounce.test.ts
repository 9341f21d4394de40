import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CompositionGate } from "./composition";
import { debounce } from "./debounce";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("debounce", () => {
  it("runs once, after the calls stop for the delay", () => {
    const task = vi.fn();
    const later = debounce(task, 250);
    later.schedule();
    vi.advanceTimersByTime(200);
    later.schedule();
    vi.advanceTimersByTime(200);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("runs at most `maxWait` after the first call while the calls go on", () => {
    const task = vi.fn();
    const later = debounce(task, 700, 800);
    for (let t = 0; t < 10; t++) {
      later.schedule();
      vi.advanceTimersByTime(100);
    }
    // Called at 0, 100 … 700: due at 800 at the latest, although the calls never paused 700 ms.
    expect(task).toHaveBeenCalledTimes(1);
    later.schedule();
    vi.advanceTimersByTime(700);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("can be cancelled", () => {
    const task = vi.fn();
    const later = debounce(task, 250);
    later.schedule();
    later.cancel();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});

describe("CompositionGate", () => {
  it("runs work at once when no composition is under way", () => {
    const gate = new CompositionGate();
    const task = vi.fn();
    gate.run("save", task);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("holds work during a composition and runs the latest of each kind after it", () => {
    const gate = new CompositionGate();
    const done: string[] = [];
    gate.start();
    gate.run("save", () => done.push("save 1"));
    gate.run("analyse", () => done.push("analyse"));
    gate.run("save", () => done.push("save 2"));
    expect(done).toEqual([]);
    gate.end();
    expect(done).toEqual(["save 2", "analyse"]);
    gate.end();
    expect(done).toHaveLength(2);
  });

  it("keeps a debounced save waiting until the composition ends", () => {
    const gate = new CompositionGate();
    const save = vi.fn();
    const later = debounce(() => gate.run("save", save), 700);
    gate.start();
    later.schedule();
    vi.advanceTimersByTime(5000);
    expect(save).not.toHaveBeenCalled();
    gate.end();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
