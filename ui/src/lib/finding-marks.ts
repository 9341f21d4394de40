// Findings of the last analysis, underlined in the editor by severity. The marks move with the
// text as it is edited, so a finding clicked in the panel (or fixed) is found where it now is,
// even before the next analysis arrives. New findings are only set between compositions.

import { type EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView } from "@codemirror/view";
import type { Finding } from "./bindings";

export const setFindings = StateEffect.define<Finding[]>();

export const findingMarks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    let next = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setFindings)) continue;
      const length = tr.state.doc.length;
      next = Decoration.set(
        effect.value.flatMap((finding, index) => {
          const from = Math.min(finding.from, length);
          const to = Math.min(Math.max(finding.to, from + 1), length);
          if (from >= to) return [];
          return Decoration.mark({
            class: `cm-finding cm-finding-${finding.severity}`,
            attributes: { title: finding.message },
            finding: index,
          }).range(from, to);
        }),
        true,
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Where finding number `index` of the last analysis is now, or null when it was edited away. */
export function findingRange(
  state: EditorState,
  index: number,
): { from: number; to: number } | null {
  let found: { from: number; to: number } | null = null;
  state.field(findingMarks).between(0, state.doc.length, (from, to, mark) => {
    if (mark.spec.finding !== index) return;
    found = { from, to };
    return false;
  });
  return found;
}
