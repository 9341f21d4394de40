// The history dialog's diff between a revision and the current text: lines first, then the
// characters within the lines that changed, so that a changed particle (を → が) shows as one
// changed character and not as a removed and an added paragraph.

import { type ChangeObject, diffChars, diffLines } from "diff";

export type PieceKind = "same" | "added" | "removed";

/** A run of characters of one line, kept, added (only in after) or removed (only in before). */
export interface Piece {
  kind: PieceKind;
  text: string;
  /** A line break added or removed inside a kept passage (a paragraph split or joined). */
  lineBreak?: true;
}

export interface DiffLine {
  /** `changed`: a line of both texts with some characters added or removed. */
  kind: PieceKind | "changed";
  pieces: Piece[];
}

/** A changed passage of more edits than this is shown as whole lines (Myers is O(N·D))… */
const MAX_CHARACTER_EDITS = 4000;
/** …and so is one whose characters take longer than this to compare (a 20,000-character
 * paragraph rewritten from end to end), so that the dialog never waits on its diff. */
const MAX_CHARACTER_MS = 150;
/** Below this share of kept characters, a changed passage reads better as whole lines. */
const MIN_KEPT_SHARE = 0.3;

/** Lines of `before` and `after`: kept, added, removed, or changed with their characters. */
export function diffRevision(before: string, after: string): DiffLine[] {
  const changes = diffLines(before, after);
  const lines: DiffLine[] = [];
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      lines.push(...changedPassage(change.value, next.value));
      index++;
    } else {
      const kind = change.added ? "added" : change.removed ? "removed" : "same";
      lines.push(...wholeLines(kind, change.value));
    }
  }
  return lines;
}

/** Numbers of added, removed and changed lines. */
export function diffCounts(lines: DiffLine[]): { added: number; removed: number; changed: number } {
  const count = (kind: DiffLine["kind"]) => lines.filter((line) => line.kind === kind).length;
  return { added: count("added"), removed: count("removed"), changed: count("changed") };
}

function wholeLines(kind: PieceKind, value: string): DiffLine[] {
  return withoutFinalBreak(value)
    .split("\n")
    .map((text) => ({ kind, pieces: [{ kind, text }] }));
}

const withoutFinalBreak = (value: string) => (value.endsWith("\n") ? value.slice(0, -1) : value);

/** Removed lines and the added lines that took their place, character by character: line by
 * line when there are as many of each (each line its own, smaller comparison), else as one. */
function changedPassage(removed: string, added: string): DiffLine[] {
  const [before, after] = [
    withoutFinalBreak(removed).split("\n"),
    withoutFinalBreak(added).split("\n"),
  ];
  if (before.length === after.length && before.length > 1) {
    return before.flatMap((line, index) => changedLines(line, after[index]));
  }
  return changedLines(before.join("\n"), after.join("\n"));
}

function changedLines(before: string, after: string): DiffLine[] {
  const whole = () => [...wholeLines("removed", before), ...wholeLines("added", after)];
  const changes = diffChars(before, after, {
    maxEditLength: MAX_CHARACTER_EDITS,
    timeout: MAX_CHARACTER_MS,
  });
  if (!changes) return whole();
  const kept = changes.reduce(
    (sum, change) => sum + (kindOf(change) === "same" ? change.count : 0),
    0,
  );
  if (kept < MIN_KEPT_SHARE * Math.max(before.length, after.length)) return whole();

  const lines: Piece[][] = [[]];
  for (const change of changes) {
    const kind = kindOf(change);
    change.value.split("\n").forEach((text, part) => {
      if (part > 0) {
        if (kind !== "same") lines[lines.length - 1].push({ kind, text: "\n", lineBreak: true });
        lines.push([]);
      }
      if (text !== "") lines[lines.length - 1].push({ kind, text });
    });
  }
  return lines.map((pieces, index) => {
    const next = lines[index + 1];
    // A break added or removed shows only where it split or joined kept text; next to a whole
    // line added or removed, it says nothing that the line's colour does not.
    const shown = pieces.filter(
      (piece) => !piece.lineBreak || (hasKept(pieces) && next !== undefined && hasKept(next)),
    );
    return { kind: lineKind(shown), pieces: shown };
  });
}

const kindOf = (change: ChangeObject<string>): PieceKind =>
  change.added ? "added" : change.removed ? "removed" : "same";

const hasKept = (pieces: Piece[]) => pieces.some((piece) => piece.kind === "same");

function lineKind(pieces: Piece[]): DiffLine["kind"] {
  const kinds = new Set(pieces.map((piece) => piece.kind));
  if (kinds.size === 0) return "same";
  if (kinds.size === 1) return [...kinds][0];
  return "changed";
}
