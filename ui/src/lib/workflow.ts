// The office's workflow as the UI offers it: which steps a draft's status allows (the buttons
// of the status menu), whether its text is settled (read-only), where a comment's quote is in
// the text. The store is the authority on every move (`set_status` refuses any other with
// `invalid_input`); this table only decides which buttons to show, and
// tests/workflow.test.mjs holds it to the backend's answers for every pair of statuses.

import type { DraftStatus } from "./bindings";

/** What a step does, as its button says it: 確認に回す, 確定する, 差し戻す, 確定を解除… */
export type StepAction = "review" | "final" | "delivered" | "published" | "sendBack" | "reopen";

export interface Step {
  to: DraftStatus;
  action: StepAction;
  /** A reason is required (reopening a settled draft). */
  needsReason: boolean;
}

const forward = (to: DraftStatus & StepAction): Step => ({ to, action: to, needsReason: false });
const reopen: Step = { to: "draft", action: "reopen", needsReason: true };

const STEPS: Record<DraftStatus, readonly Step[]> = {
  draft: [forward("review")],
  review: [forward("final"), { to: "draft", action: "sendBack", needsReason: false }],
  final: [forward("delivered"), forward("published"), reopen],
  delivered: [forward("published"), reopen],
  published: [reopen],
};

/** The order of the statuses, 下書き first. */
export const STATUSES: readonly DraftStatus[] = [
  "draft",
  "review",
  "final",
  "delivered",
  "published",
];

/** The steps a draft in `status` may take, the usual next one first. */
export function nextSteps(status: DraftStatus): readonly Step[] {
  return STEPS[status];
}

/** From 確定 on the text is settled: read-only until reopened. */
export function isSettled(status: DraftStatus): boolean {
  return status === "final" || status === "delivered" || status === "published";
}

/** The longest quote a comment keeps, in characters (the app layer's limit). */
export const QUOTE_CHARS = 400;

/** The selected text as a comment quotes it: at most QUOTE_CHARS characters (a prefix of the
 * passage, so it is still found in the text). */
export function quoteOf(selected: string): string {
  const characters = Array.from(selected);
  return characters.length <= QUOTE_CHARS ? selected : characters.slice(0, QUOTE_CHARS).join("");
}

/**
 * Where `quote` is in `text` (UTF-16 offsets): the first occurrence starting after `after`,
 * else the first in the text (so that clicking a comment again moves on to the next occurrence
 * of a passage quoted twice); null when the text no longer holds it.
 */
export function findQuote(
  text: string,
  quote: string,
  after = -1,
): { from: number; to: number } | null {
  if (quote === "") return null;
  let from = text.indexOf(quote, after + 1);
  if (from < 0) from = text.indexOf(quote);
  return from < 0 ? null : { from, to: from + quote.length };
}
