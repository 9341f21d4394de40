// Every string the UI shows, Japanese first (`messages-ja.ts`, `messages-en.ts`: `en` must
// have every key of `ja`, the type says so); `{name}` in a message is filled from the
// parameters.

import { en } from "./messages-en";
import { ja, type MessageKey } from "./messages-ja";

export type { MessageKey };
export type Language = "ja" | "en";

const dictionaries: Record<Language, Record<MessageKey, string>> = { ja, en };

/** The message for `key` in `language`, with `{name}` filled from `params`. */
export function translate(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return dictionaries[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** CodeMirror's own phrases (the search panel), in Japanese; English is CodeMirror's default. */
export const editorPhrases: Record<Language, Record<string, string>> = {
  ja: {
    Find: "検索",
    Replace: "置換",
    next: "次へ",
    previous: "前へ",
    all: "すべて",
    "match case": "大文字と小文字を区別",
    regexp: "正規表現",
    "by word": "単語単位",
    replace: "置換",
    "replace all": "すべて置換",
    close: "閉じる",
  },
  en: {},
};
