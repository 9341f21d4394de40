// Templates of the fake backend: a short imitation of the core's built-ins (src/templates/),
// with the same placeholders and the same filling rules.

import type { NewDraftValues, TemplateInfo } from "./bindings";

interface FakeTemplate extends TemplateInfo {
  body: string;
}

const greeting = `## 新年のあいさつ

職員の皆さん、あけましておめでとうございます。{{era_year}}の{{event}}にあたり、一言ごあいさつを申し上げます。

年末年始も勤務された職員の皆さんに、心から感謝を申し上げます。[[間]]
`;

const stance = `## 今年の姿勢

今年、私は「現場に立ち、ともに考え、すばやく動く」ことを、{{city}}の姿勢として大切にしたいと思います。

> [!note]
> ここで一呼吸おき、会場を見渡してから次へ進む。
`;

const priorities = `## ① 地域の未来を担う人づくり

一つ目は、地域の未来を担う人づくりです。まちの活力の源は、何よりも人にあります。

## ② 市民・企業・大学との{共創|きょうそう}

二つ目は、市民・企業・大学との共創です。
`;

const closing = `## 結びに

今年のテーマは「つなぐ」です。一年間、どうぞよろしくお願いいたします。

{{date}}　{{speaker}}
`;

const templates: FakeTemplate[] = [
  {
    id: "new-year",
    name: "年頭挨拶（仕事始め）",
    description: "仕事始め式で職員に向けて述べる年頭の挨拶。",
    kind: "address",
    body: `# {{era_year}} 年頭挨拶\n\n${greeting}\n${stance}\n${priorities}\n${closing}`,
  },
  {
    id: "new-year-greeting",
    name: "新年のあいさつ（年頭）",
    description: "新年のあいさつと、年末年始も勤務した職員への感謝。",
    kind: "block",
    body: greeting,
  },
  {
    id: "new-year-closing",
    name: "結び（年頭）",
    description: "今年のテーマ、結びのことば、日付と名前。",
    kind: "block",
    body: closing,
  },
];

export function templateInfos(): TemplateInfo[] {
  return templates.map(({ id, name, description, kind }) => ({ id, name, description, kind }));
}

export function templateBody(id: string): string | undefined {
  return templates.find((template) => template.id === id)?.body;
}

/** 和暦 of a `YYYY-MM-DD` date in the Reiwa era: 令和9年 (令和元年 for 2019). */
function eraYear(date: string): string {
  const year = Number(date.slice(0, 4)) - 2018;
  return `令和${year === 1 ? "元" : year}年`;
}

/** 令和9年1月4日 */
function japaneseDate(date: string): string {
  const [, month, day] = date.split("-").map(Number);
  return `${eraYear(date)}${month}月${day}日`;
}

/** Fills `{{name}}` placeholders; unknown names and empty values stay visible. */
export function fillPlaceholders(body: string, values: NewDraftValues): string {
  const value: Record<string, string> = {
    date: japaneseDate(values.date),
    era_year: eraYear(values.date),
    year: values.date.slice(0, 4),
    event: values.event.trim(),
    speaker: values.speaker.trim(),
    city: values.city.trim(),
  };
  return body.replace(/\{\{([a-z][a-z0-9_]*)\}\}/g, (whole, name: string) => value[name] || whole);
}
