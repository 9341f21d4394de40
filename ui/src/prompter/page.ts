// What a prompter page (the prompter window, the second screen) reads first: the app's settings
// for its language, the draft's script and the display settings.

import type { Backend } from "../lib/backend-contract";
import type { PrompterScript, PrompterSettings } from "../lib/bindings";
import { setLanguage } from "../lib/locale.svelte";

/** The script and the display settings of `draftId`, the page's language set. */
export async function readPrompterPage(
  backend: Backend,
  draftId: number,
): Promise<{ script: PrompterScript; settings: PrompterSettings }> {
  const [app, script, settings] = await Promise.all([
    backend.getSettings(),
    backend.prompter.script(draftId),
    backend.prompter.getSettings(),
  ]);
  setLanguage(app.language, app.japaneseEra);
  return { script, settings };
}
