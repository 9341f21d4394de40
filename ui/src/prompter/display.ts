// Small pieces of what the prompter shows, kept out of the components to be tested.

import type { PaceUnit, PrompterSettings } from "../lib/bindings";
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

/** A stretch of time as the lag says it: 「12秒」「1分05秒」, "12 s", "1 min 5 s". */
export function lagTime(seconds: number, language: "ja" | "en"): string {
  const whole = Math.round(seconds);
  const [minutes, rest] = [Math.floor(whole / 60), whole % 60];
  if (language === "ja") {
    return minutes > 0 ? `${minutes}分${String(rest).padStart(2, "0")}秒` : `${rest}秒`;
  }
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}

/** 「12秒遅れ」, 「1分05秒早い」, or 「予定どおり」 within 2 s: no sign, one word. */
export function lagText(lag: number, language: "ja" | "en"): string {
  if (Math.abs(lag) < 2) return translate(language, "prompter.onPlan");
  const time = lagTime(Math.abs(lag), language);
  return translate(language, lag > 0 ? "prompter.behind" : "prompter.ahead", { time });
}

/** 「420 拍/分」 or 「300 字/分」 ("420 morae/min", "300 chars/min"). */
export function paceText(pace: number, unit: PaceUnit, language: "ja" | "en"): string {
  return translate(language, unit === "mora" ? "prompter.paceMora" : "prompter.paceChar", {
    pace: Math.round(pace),
  });
}

/** The prompter's typeface as a font stack: BIZ UDP first (Windows 10 and later have both; the
 * app ships the Gothic). Empty until the settings are read. */
export function fontStack(family: PrompterSettings["fontFamily"] | undefined): string | undefined {
  if (!family) return undefined;
  return family === "mincho"
    ? '"BIZ UDPMincho", "Noto Serif CJK JP", "Yu Mincho", "Hiragino Mincho ProN", serif'
    : '"BIZ UDPGothic", sans-serif';
}
