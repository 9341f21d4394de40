// The prompter's reading pace: chosen in the unit of the script's estimate (拍/分 when it
// was timed in morae, 字/分 in characters), kept in the prompter settings only when it differs
// from the estimate's own pace, within the limits the script brings from the core.

import type { PrompterScript, PrompterSettings } from "../lib/bindings";
import { clampPace } from "./scroll";

type Paced = Pick<PrompterScript, "pacePerMinute" | "paceUnit" | "paceMin" | "paceMax">;

/** The estimate's own pace, a whole number within the limits. */
export function estimatePace(script: Paced): number {
  return clampPace(script.pacePerMinute, script.paceMin, script.paceMax);
}

/** The pace the prompter reads at: the one chosen for this unit, else the estimate's. */
export function chosenPace(settings: PrompterSettings, script: Paced): number {
  const chosen = script.paceUnit === "mora" ? settings.paceMpm : settings.paceCpm;
  return chosen === null ? estimatePace(script) : clampPace(chosen, script.paceMin, script.paceMax);
}

/** The settings with `pace` chosen for the script's unit (null: the estimate's own). */
export function withPace(
  settings: PrompterSettings,
  script: Paced,
  pace: number,
): PrompterSettings {
  const kept = pace === estimatePace(script) ? null : pace;
  return script.paceUnit === "mora"
    ? { ...settings, paceMpm: kept }
    : { ...settings, paceCpm: kept };
}
