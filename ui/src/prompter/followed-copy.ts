// A copy of the script that follows the prompter's reports instead of owning a position: the
// operator view's and a phone's small live copy (LiveCopy.svelte) and the second screen
// (SecondScreen.svelte). Each report names the script time at the prompter's eye line; the
// same script time is the same point of the same sentence in any layout, so a copy in another
// size, font, orientation or mirror shows the same text at its eye line and cannot drift. It
// carries on between reports and eases towards each, never jumping (follow.ts); a new text or
// layout keeps in place what was at its eye line (anchor.ts).

import type { PrompterScript } from "../lib/bindings";
import { anchorAt, type Placed, positionAfter } from "./anchor";
import { follow, follower, reportArrived } from "./follow";
import { measure, type Orientation } from "./geometry";
import type { Layout } from "./model";
import type { PrompterReport } from "./protocol";
import { type Geometry, positionAt, trackTransform } from "./scroll";

export class FollowedCopy {
  private readonly view = follower();
  private geometry: Geometry | null = null;
  private placed: Placed | null = null;
  /** Measured with the layout, not per frame (reading sizes in a frame can force a layout). */
  private eyeLinePx = 0;
  private vertical = false;

  /**
   * Measures `laid` as drawn in `track` again, with the eye line `eyeLinePx` from the leading
   * edge; what was at the eye line stays there, and the last report is placed in the new
   * layout (the copy eases there).
   */
  remeasure(
    track: HTMLElement,
    laid: Layout,
    orientation: Orientation,
    eyeLinePx: number,
    last: { report: PrompterReport | null; script: PrompterScript | null },
  ): void {
    const before = this.placed;
    const anchor = before ? anchorAt(before, this.view.shown) : null;
    this.eyeLinePx = eyeLinePx;
    this.vertical = orientation.vertical;
    const measured = measure(track, laid, orientation);
    this.geometry = measured.geometry;
    this.placed = {
      blocks: laid.blocks,
      extents: measured.geometry.blocks,
      sentences: measured.sentences,
      length: measured.geometry.length,
    };
    if (anchor && before) this.view.shown = positionAfter(anchor, before, this.placed);
    const { report, script } = last;
    if (report && report.revision === script?.revision) {
      this.view.reported = positionAt(this.geometry.timeline, report.clock);
    }
  }

  /** A report of the prompter showing `revision`: followed when this copy shows it too. */
  heard(report: PrompterReport, revision: number | undefined): void {
    if (!this.geometry || report.revision !== revision) return;
    const now = performance.now() / 1000;
    reportArrived(this.view, positionAt(this.geometry.timeline, report.clock), now, report.playing);
  }

  /** Moves `track` on every animation frame until the returned function is called. */
  draw(track: () => HTMLElement | undefined): () => void {
    let request = 0;
    let last = performance.now();
    let drawn = "";
    const frame = (time: number) => {
      const element = track();
      if (element && this.geometry) {
        const shown = follow(this.view, time / 1000, (time - last) / 1000);
        const transform = trackTransform(shown, this.eyeLinePx, this.vertical);
        if (transform !== drawn) element.style.transform = transform;
        drawn = transform;
      }
      last = time;
      request = requestAnimationFrame(frame);
    };
    request = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(request);
  }
}
