// Placeholders left in a draft (`{{city}}`): the core's lint finds them (the rule
// `unfilled-placeholder`, an error); the export dialog and the prompter's operator view warn
// with what it found, so nothing here reads the text again.

import type { Finding } from "./bindings";

export const UNFILLED_RULE = "unfilled-placeholder";

/** Each placeholder left, once, in the order of the text: `["{{city}}", "{{speaker}}"]`. */
export function unfilledPlaceholders(findings: readonly Finding[]): string[] {
  const found = findings.filter((finding) => finding.rule === UNFILLED_RULE);
  return [...new Set(found.map((finding) => finding.excerpt))];
}
