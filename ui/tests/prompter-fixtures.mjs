// Drafts for the prompter's browser tests and benchmarks, and how to put one in front of the
// prompter page (through the test server, as draft 1); the New Year address's values as the
// new-draft dialog sends them (browser and real-window tests).

/** `create_draft`'s values for the New Year address from its template. */
export const NEW_YEAR_VALUES = {
  templateId: "new-year",
  date: "2027-01-04",
  event: "仕事始め式",
  speaker: "市長　山田太郎",
  city: "みなと市",
};

export const SPEECH = `# 令和9年 年頭挨拶

## 新年のごあいさつ

皆さん、あけましておめでとうございます。[[間]]
年末年始も{市民|しみん}の安全のために働いてくださった職員の皆さんに、心から感謝します。

> [!note]
> ここで会場を見渡す

## ① 地域の未来を担う人材を育てる

令和9年1月12日から、新しい研修を始めます。[[ゆっくり]]一人ひとりが｜挑戦《ちょうせん》できる職場をつくります。

2027年度は、大学や企業の皆さんとの協働をさらに進めます。

## ② 市民とともにつくる市政

市民の皆さんの声を、計画の最初の段階から聞きます。[[間 3秒]]そのための窓口を、3月までに全ての支所に置きます。

## ③ 働き方を変える

会議を半分にし、紙の書類を減らします。浮いた時間は、市民の皆さんと話す時間にします。

## 結び

今年が災害のない、穏やかな一年となりますように。[[間]]皆さんの健康を心から願っています。
`;

export const HOSTILE = `# 危険な原稿

## 見出し<script>window.__pwned = "script"</script>

&lt;img src=x onerror="window.__pwned='entity'"&gt; ふつうの文です。<img src=x onerror="window.__pwned='img'">

<iframe src="javascript:window.__pwned='iframe'"></iframe>[[<b onmouseover="window.__pwned='cue'">間</b>]]

> [!note]
> <svg onload="window.__pwned='svg'"></svg>メモ

[link](javascript:window.__pwned='link') {漢字<i>|<script>window.__pwned='ruby'</script>}
`;

/**
 * A speech of about `chars` characters: sections of paragraphs of plain sentences.
 * @param {number} chars
 */
export function longSpeech(chars) {
  const sentence =
    "市民の皆さんとともに、地域の未来を担う人材を育て、新しい市政を進めてまいります。";
  const lines = ["# 長い原稿"];
  let count = 0;
  for (let section = 1; count < chars; section += 1) {
    lines.push("", `## 第${section}章`);
    for (let paragraph = 0; paragraph < 8 && count < chars; paragraph += 1) {
      lines.push("", sentence.repeat(4));
      count += sentence.length * 4;
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Puts `body` as draft 1 in a new database of the test server, with the prompter's `settings`
 * over the defaults and the draft's target time: the prompter page (prompter.html?draft=1)
 * shows it.
 * @param {{ reset: (database: { drafts: string[] }) => Promise<void>,
 *   command: (name: string, args?: Record<string, unknown>) => Promise<any> }} session
 * @param {string} body
 * @param {Record<string, unknown>} [settings]
 * @param {number | null} [targetSeconds]
 */
export async function showInPrompter(session, body, settings = {}, targetSeconds = null) {
  await session.reset({ drafts: [body] });
  const defaults = await session.command("get_prompter_settings");
  await session.command("set_prompter_settings", { settings: { ...defaults, ...settings } });
  if (targetSeconds !== null) {
    const { title, event, eventDate } = await session.command("get_draft", { id: 1 });
    await session.command("update_draft_meta", {
      id: 1,
      meta: { title, event, eventDate, targetSeconds },
    });
  }
}
