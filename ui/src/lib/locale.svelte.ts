// The UI language as reactive state: components call `t(…)` in markup and re-render when the
// language changes in the settings.

import type { AppError } from "./bindings";
import { type Language, type MessageKey, translate } from "./i18n";

export const locale = $state<{ language: Language }>({ language: "ja" });

export function setLanguage(language: Language): void {
  locale.language = language;
  document.documentElement.lang = language;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale.language, key, params);
}

/**
 * What to show for an error: the shell's message (Japanese, then English), or for a path no
 * dialog granted (`not_permitted`: only a bug or a hostile script asks for one) the UI's own
 * sentence in the UI's language.
 */
export function errorText(error: AppError): string {
  return error.code === "not_permitted" ? t("error.notPermitted") : error.message;
}
