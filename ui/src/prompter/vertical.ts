// 縦書き: half-width digits stand upright. One or two digits share one square
// (縦中横, `text-combine-upright`); longer numbers stand upright one digit a square.

export interface Run {
  text: string;
  kind: "plain" | "combined" | "upright";
}

export function verticalRuns(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(/[0-9]+/g)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index), kind: "plain" });
    runs.push({ text: m[0], kind: m[0].length <= 2 ? "combined" : "upright" });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), kind: "plain" });
  return runs;
}
