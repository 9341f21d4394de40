// The live panel's analysis kept in step with typing: the first time (and whenever the Rust
// side has analysed another text since) the whole text goes to `analyse`; after that only the
// edits made since the last analysis go to `analyseEdits`, and what comes back is what changed
// (docs/ipc.md, "A keystroke"). Applying an update is the protocol's decoding, nothing more:
// which findings and readings changed was decided in Rust.

import type { ChangeSet } from "@codemirror/state";
import type { Backend } from "./backend-contract";
import { asAppError } from "./backend-contract";
import type { Analysis, AnalysisUpdate, Splice, TextEdit } from "./bindings";

interface Placed {
  from: number;
  to: number;
}

/** A list after a splice: the kept items after it moved by `by` units (and `lines` lines). */
export function spliced<T extends Placed>(
  held: T[],
  splice: Splice<T>,
  moved: (item: T, by: number, lines: number) => T,
): T[] {
  const after = held.slice(splice.start + splice.deleted);
  const shifted =
    splice.by === 0 && splice.lines === 0
      ? after
      : after.map((item) => moved(item, splice.by, splice.lines));
  return [...held.slice(0, splice.start), ...splice.inserted, ...shifted];
}

/** The analysis `update` describes, from the one it was made against. */
export function updated(held: Analysis, update: AnalysisUpdate): Analysis {
  const { findings, readings, ...figures } = update;
  return {
    ...held,
    ...figures,
    findings: spliced(held.findings, findings, (finding, by, lines) => ({
      ...finding,
      from: finding.from + by,
      to: finding.to + by,
      line: finding.line + lines,
      fix: finding.fix && { ...finding.fix, from: finding.fix.from + by, to: finding.fix.to + by },
    })),
    readings: spliced(held.readings, readings, (reading, by) => ({
      ...reading,
      from: reading.from + by,
      to: reading.to + by,
    })),
  };
}

/** The edits a change set makes, in the coordinates of the text before it. */
export function editsOf(changes: ChangeSet): TextEdit[] {
  const edits: TextEdit[] = [];
  changes.iterChanges((from, to, _fromB, _toB, inserted) => {
    edits.push({ from, to, insert: inserted.toString() });
  });
  return edits;
}

export class LiveAnalysis {
  /** The last analysis, of the text as it was when it was asked for. */
  private held: Analysis | null = null;
  /** What changed in the text since that analysis was asked for. */
  private pending: ChangeSet | null = null;

  /** `draft`: the draft the text is of (its judged findings apply), `null` for none. */
  constructor(
    private readonly backend: Backend,
    private readonly draft: number | null = null,
  ) {}

  /** The text changed by `changes`. */
  edited(changes: ChangeSet): void {
    this.pending = this.pending ? this.pending.compose(changes) : changes;
  }

  /** Whether the last analysis is of the text as it is now (no edit since it was asked for). */
  isCurrent(): boolean {
    return this.pending === null;
  }

  /** One analysis at a time: each starts from what the one before left. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * The analysis of `body()`, the editor's text now: the edits since the last analysis when
   * there are some, else the whole text (the settings or the office's readings may have
   * changed). Resolves `null` when the text changed while it was being analysed (the next
   * call catches up).
   */
  analyse(body: () => string): Promise<Analysis | null> {
    const run = this.queue.then(() => this.next(body));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async next(body: () => string): Promise<Analysis | null> {
    const held = this.held;
    const pending = this.pending;
    this.pending = null;
    let next: Analysis;
    if (held === null || pending === null) {
      next = await this.backend.analyse(body(), this.draft);
    } else {
      try {
        next = updated(held, await this.backend.analyseEdits(held.version, editsOf(pending)));
      } catch (error) {
        if (asAppError(error).code !== "conflict") {
          this.pending = this.pending ? pending.compose(this.pending) : pending;
          throw error;
        }
        // Another text was analysed since (a second window, a reload): send this one whole.
        this.pending = null;
        next = await this.backend.analyse(body(), this.draft);
      }
    }
    this.held = next;
    return this.pending === null ? next : null;
  }
}
