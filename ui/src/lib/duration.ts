// Reading times as the panel shows them: durations, the total against the target, and the
// widths of the per-section bars.

import type { SectionTiming } from "./bindings";

/** 7分05秒 (ja) or 7:05 (en); hours are not needed for speeches. */
export function formatDuration(seconds: number, language: "ja" | "en"): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return language === "ja" ? `${minutes}分${rest}秒` : `${minutes}:${rest}`;
}

/** How the total compares with the target: within 5 % counts as on target. */
export type TargetFit = "none" | "under" | "on" | "over";

export function targetFit(seconds: number, targetSeconds: number | null): TargetFit {
  if (targetSeconds === null || targetSeconds <= 0) return "none";
  const ratio = seconds / targetSeconds;
  if (ratio > 1.05) return "over";
  if (ratio < 0.95) return "under";
  return "on";
}

/** The width (0–100 %) of the total bar: against the target, or full when there is none. */
export function totalBarWidth(seconds: number, targetSeconds: number | null): number {
  if (targetSeconds === null || targetSeconds <= 0) return seconds > 0 ? 100 : 0;
  return Math.min(100, (seconds / targetSeconds) * 100);
}

/** Widths (0–100 %) of the section bars, relative to the longest section. */
export function sectionBarWidths(sections: SectionTiming[]): number[] {
  const longest = Math.max(0, ...sections.map((section) => section.seconds));
  if (longest === 0) return sections.map(() => 0);
  return sections.map((section) => Math.round((section.seconds / longest) * 1000) / 10);
}
