// Small pieces of what the prompter shows, kept out of the components to be tested.

import type { PrompterSettings } from "../lib/bindings";
import { formatDuration } from "../lib/duration";
import { translate } from "../lib/i18n";

/** Where the eye line sits, as a fraction of the screen from the leading edge. */
export function eyeLineFraction(settings: PrompterSettings): number {
  switch (settings.eyeLine) {
    case "middle":
      return 0.5;
    case "custom":
      return settings.eyeLinePercent / 100;
    default:
      return 0.25;
  }
}

/** 「+0分12秒 遅れ」, 「−0分05秒 先行」, or 「予定どおり」 within 2 s. */
export function lagText(lag: number, language: "ja" | "en"): string {
  if (Math.abs(lag) < 2) return translate(language, "prompter.onPlan");
  const time = formatDuration(Math.abs(lag), language);
  return translate(language, lag > 0 ? "prompter.behind" : "prompter.ahead", { time });
}
