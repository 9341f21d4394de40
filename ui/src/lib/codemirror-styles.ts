// CodeMirror writes its base styles at run time through style-mod, which puts them in a
// <style> element when the editor is in the document: the app's CSP (`style-src 'self'`, no
// 'unsafe-inline') refuses that. For a root without a `head` (a shadow root) style-mod uses a
// constructed stylesheet (`adoptedStyleSheets`) instead, which the CSP does not govern. So
// before the first editor mounts, such a style set is built for a stand-in root and handed to
// the document under style-mod's own (private) symbol, found on the stand-in.

import { StyleModule } from "style-mod";

export function adoptCodeMirrorStyles(doc: Document): void {
  const standIn = { ownerDocument: doc, adoptedStyleSheets: [] as CSSStyleSheet[] };
  StyleModule.mount(standIn as unknown as DocumentOrShadowRoot, []);
  for (const key of Object.getOwnPropertySymbols(standIn)) {
    if (key in doc) continue;
    Object.defineProperty(doc, key, {
      value: (standIn as Record<symbol, unknown>)[key],
      configurable: true,
    });
  }
}
