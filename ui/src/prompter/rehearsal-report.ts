// The rehearsal report of the operator view: per section the measured time beside the
// estimate and the difference (「12秒遅れ」「12秒早い」, never a sign and a word), and the
// trend over the stored runs (each section's and the whole's, oldest first). Pure: the
// component shows what this returns.

import type { RehearsalRun } from "../lib/bindings";
import { translate } from "../lib/i18n";
import { lagText, lagTime } from "./display";

export interface SectionRow {
  position: number;
  title: string;
  estimated: number;
  measured: number;
  /** Measured − estimated: more is slower than planned. */
  difference: number;
  /** This section's measured seconds in the runs that had it, oldest first (the last: this run). */
  trend: number[];
}

export interface RehearsalReport {
  /** The newest run, section by section. */
  sections: SectionRow[];
  /** Every run's whole time, oldest first. */
  totals: number[];
  /** The newest run's whole time against its estimate. */
  measured: number;
  estimated: number;
}

/** The report of `runs` (newest first, as the backend lists them); null without a run. */
export function rehearsalReport(runs: readonly RehearsalRun[]): RehearsalReport | null {
  const [newest] = runs;
  if (!newest) return null;
  const oldestFirst = [...runs].reverse();
  const sections = newest.sections.map((section) => ({
    position: section.position,
    title: section.title,
    estimated: section.estimatedSeconds,
    measured: section.seconds,
    difference: section.seconds - section.estimatedSeconds,
    // The same section in an earlier run: same place and title (an edit may add sections).
    trend: oldestFirst.flatMap((run) =>
      run.sections
        .filter((other) => other.position === section.position && other.title === section.title)
        .map((other) => other.seconds),
    ),
  }));
  return {
    sections,
    totals: oldestFirst.map((run) => run.seconds),
    measured: newest.seconds,
    estimated: newest.sections.reduce((sum, section) => sum + section.estimatedSeconds, 0),
  };
}

/** Measured against the estimate: 「12秒遅れ」 (slower), 「12秒早い」, 「予定どおり」 within 2 s. */
export const differenceText = lagText;

/** The change since the run before: 「前回より8秒短い」「前回より8秒長い」「前回と同じ」 (2 s). */
export function changeText(trend: readonly number[], language: "ja" | "en"): string | null {
  if (trend.length < 2) return null;
  const change = trend[trend.length - 1] - trend[trend.length - 2];
  const seconds = Math.round(Math.abs(change));
  if (seconds < 2) return translate(language, "rehearsal.same");
  return translate(language, change > 0 ? "rehearsal.longer" : "rehearsal.shorter", {
    time: lagTime(seconds, language),
  });
}
