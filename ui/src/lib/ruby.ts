// The dialect's ruby (furigana) as the core reads it (src/script/inline.rs): `{漢字|かんじ}` and
// `｜漢字《かんじ》` anywhere, and `漢字《かんじ》` without the bar, whose base is the run of kanji
// right before `《`. The one place the UI spells these patterns: each user makes its regular
// expression from them (with the `u` flag, which `\p{sc=Han}` needs), alone or among others.

/** `{base|reading}` (groups 1, 2) or `｜base《reading》` (groups 3, 4). */
export const RUBY = String.raw`\{([^|{}\n]+)\|([^{}\n]+)\}|｜([^《\n]+)《([^》\n]+)》`;

/** `base《reading》` without the bar, the base a run of kanji (groups 1, 2). */
export const BARE_RUBY = String.raw`([\p{sc=Han}々]+)《([^》\n]+)》`;
