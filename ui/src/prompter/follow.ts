// The operator view follows the prompter without jitter or jumps: between reports (a few a
// second) it carries on at the speed the last two reports showed, and it eases towards each
// correction instead of snapping to it.

/** How quickly the view closes a gap, seconds (about 63 % of it in this time). */
export const EASE_SECONDS = 0.12;
/** Carrying on from a report stops after this long without a new one. */
export const EXTRAPOLATE_SECONDS = 0.6;

export interface Follower {
  /** Where the view is drawn. */
  shown: number;
  /** The last reported position and when it arrived (seconds), with the speed since the one before. */
  reported: number;
  reportedAt: number;
  velocity: number;
}

export function follower(position = 0): Follower {
  return { shown: position, reported: position, reportedAt: 0, velocity: 0 };
}

/** A new report: `position` in this view's layout, at `now` seconds. */
export function reportArrived(f: Follower, position: number, now: number, moving: boolean): void {
  const dt = now - f.reportedAt;
  const v = dt > 0 && dt < 1 ? (position - f.reported) / dt : 0;
  // A jump (a step, a section) is not a speed: don't carry on with it.
  f.velocity = moving && Math.abs(v) < 2000 ? v : 0;
  f.reported = position;
  f.reportedAt = now;
}

/** Where the view should be at `now`, easing from where it was `dt` seconds ago. */
export function follow(f: Follower, now: number, dt: number): number {
  const ahead = Math.min(EXTRAPOLATE_SECONDS, Math.max(0, now - f.reportedAt));
  const target = f.reported + f.velocity * ahead;
  f.shown += (target - f.shown) * (1 - Math.exp(-Math.max(0, dt) / EASE_SECONDS));
  return f.shown;
}
