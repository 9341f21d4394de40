// The UI language as reactive state: components call `t(…)` in markup and re-render when the
// language changes in the settings.

import type { AppError } from "./bindings";
import { formatDate, formatDateTime } from "./dates";
import { type Language, type MessageKey, translate } from "./i18n";

/** The UI's language, and whether Japanese dates are written in 和暦 (the settings'). */
export const locale = $state<{ language: Language; era: boolean }>({ language: "ja", era: false });

export function setLanguage(language: Language, era = locale.era): void {
  locale.language = language;
  locale.era = era;
  document.documentElement.lang = language;
}

/** A day (`2027-01-04`) as the UI writes it: 2027年1月4日（月）, 令和9年1月4日（月）. */
export const dateText = (value: Date | string): string => formatDate(value, locale);

/** An instant as the UI writes it: 2027年1月4日（月） 15時54分. */
export const dateTimeText = (value: Date | string): string => formatDateTime(value, locale);

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
