// The UI language as reactive state: components call `t(…)` in markup and re-render when the
// language changes in the settings.

import { type Language, type MessageKey, translate } from "./i18n";

export const locale = $state<{ language: Language }>({ language: "ja" });

export function setLanguage(language: Language): void {
  locale.language = language;
  document.documentElement.lang = language;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale.language, key, params);
}
