// The broadcast slot: the reading must end by a wall-clock time (the 8:30 仕事始め broadcast
// ends at 8:45) or within a duration from its start. From the estimate's seconds left at the
// eye line (the same estimate that times every sentence), the pace that ends on time, the
// finish at the current pace, and whether the slot can be met within the pace's limits. Pure
// functions over numbers: the caller passes the wall clock.

import { clampPace } from "./scroll";

/** What the operator set: an end on the wall clock (epoch ms), or seconds from the start. */
export type SlotTarget = { kind: "end"; at: number } | { kind: "duration"; seconds: number };

/** Ending this close to the slot's end counts as on time (as the lag's 「予定どおり」). */
export const ON_TIME_SECONDS = 2;

export interface SlotPlan {
  /** The end of the slot, epoch ms. */
  end: number;
  /** Seconds left until the slot ends (negative once it is over). */
  available: number;
  /** When the reading ends at the current pace, epoch ms. */
  finish: number;
  /** Seconds the reading runs over the slot at the current pace (negative: it ends early; never
   * over once nothing is left). */
  over: number;
  /** The pace that ends on time, within the pace's limits (whole, in the script's unit). */
  proposed: number;
  /** The pace that ends on time is beyond the limits: the slot cannot be met. */
  limit: "max" | "min" | null;
  /** Seconds over (negative: early) at the proposed pace. */
  overAtProposed: number;
}

export interface Reading {
  /** Wall clock now, epoch ms. */
  now: number;
  /** Seconds the reading has run (the prompter's elapsed clock). */
  elapsed: number;
  /** The estimate's seconds left after the eye line (at the estimate's pace). */
  remaining: number;
  /** The current pace and the estimate's own, in the script's unit a minute. */
  pace: number;
  estimatePace: number;
  paceMin: number;
  paceMax: number;
}

/** Seconds of reading left at `pace`: each estimate second takes estimatePace ÷ pace. */
export function readingSeconds(remaining: number, pace: number, estimatePace: number): number {
  return pace > 0 ? (Math.max(0, remaining) * estimatePace) / pace : Number.POSITIVE_INFINITY;
}

/** The slot's end, epoch ms: the time set, or the duration counted from the reading's start. */
export function slotEnd(target: SlotTarget, now: number, elapsed: number): number {
  return target.kind === "end" ? target.at : now + (target.seconds - elapsed) * 1000;
}

export function planSlot(target: SlotTarget, r: Reading): SlotPlan {
  const end = slotEnd(target, r.now, r.elapsed);
  const available = (end - r.now) / 1000;
  const left = readingSeconds(r.remaining, r.pace, r.estimatePace);
  // The pace at which what is left takes exactly the time left (none needed when nothing is).
  const exact =
    r.remaining <= 0
      ? r.pace
      : available > 0
        ? (r.estimatePace * r.remaining) / available
        : Number.POSITIVE_INFINITY;
  const proposed = clampPace(exact, r.paceMin, r.paceMax);
  const limit = exact > r.paceMax + 0.5 ? "max" : exact < r.paceMin - 0.5 ? "min" : null;
  return {
    end,
    available,
    finish: r.now + left * 1000,
    // Nothing left: the reading is over, however late the slot now is.
    over: r.remaining <= 0 ? Math.min(0, -available) : left - available,
    proposed,
    limit,
    overAtProposed: readingSeconds(r.remaining, proposed, r.estimatePace) - available,
  };
}

/** The reading will run over the slot at the current pace (beyond the on-time margin). */
export function runsOver(plan: SlotPlan): boolean {
  return plan.over >= ON_TIME_SECONDS;
}

/** Full-width digits and separators as ASCII, spaces dropped. */
const normalise = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");

/**
 * A wall-clock time typed by the operator (8:45, 08:45, 8時45分, 8時, 845, ２０：１５), as the
 * next such moment from `now` (epoch ms; today, or tomorrow when today's was more than 12
 * hours ago); null when it is not a time.
 */
export function parseClock(text: string, now: number): number | null {
  const t = normalise(text);
  const match = t.match(/^(\d{1,2})[:：時](\d{1,2})?分?$/) ?? t.match(/^(\d{1,2})(\d{2})$/) ?? null;
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2] ?? 0)];
  if (hours > 23 || minutes > 59) return null;
  const day = new Date(now);
  day.setHours(hours, minutes, 0, 0);
  let at = day.getTime();
  if (at < now - 12 * 3600 * 1000) {
    day.setDate(day.getDate() + 1);
    day.setHours(hours, minutes, 0, 0);
    at = day.getTime();
  }
  return at;
}

/**
 * A duration typed by the operator, in seconds: 10 (minutes), 9:30, 9分30秒, 9分, 90秒, 1.5
 * (minutes); null when it is not one, or is none.
 */
export function parseDuration(text: string): number | null {
  const t = normalise(text);
  let seconds: number | null = null;
  const colon = t.match(/^(\d{1,3}):(\d{1,2})$/);
  const words = t.match(/^(?:(\d{1,3})分)?(?:(\d{1,4})秒)?$/);
  if (colon && Number(colon[2]) < 60) seconds = Number(colon[1]) * 60 + Number(colon[2]);
  else if (/^\d{1,3}(\.\d+)?$/.test(t)) seconds = Math.round(Number(t) * 60);
  else if (words && (words[1] || words[2])) {
    seconds = Number(words[1] ?? 0) * 60 + Number(words[2] ?? 0);
  }
  return seconds !== null && seconds > 0 && seconds <= 24 * 3600 ? seconds : null;
}
