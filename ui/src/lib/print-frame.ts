// The reading script in a print frame: the page the core wrote (`print_document`, sanitised,
// with its stylesheet) shown in an <iframe> without a source, laid out in numbered pages
// (print-pages.ts) and printed from there, so the system's print dialog prints those pages
// alone, as the preview shows them.
//
// The app's CSP stays as it is: the frame is never navigated (no `src`, so `frame-src 'none'`
// has nothing to refuse); it is the frame's first empty document, of the app's origin and under
// its CSP, filled from here. Its markup is parsed by DOMParser (inert: nothing in it runs) and
// imported; the page's <style>, which `style-src 'self'` refuses as markup, becomes a
// constructed stylesheet (CSSOM, which the CSP allows, as for CodeMirror's styles). The frame is sandboxed without `allow-scripts`: nothing runs in it.

import { paginate } from "./print-pages";

/** The pages carry their numbers themselves: the page's own (CSS margin boxes, for Chromium)
 * are left out; the text is not shown until it is in pages. */
const FRAME_CSS =
  "@page { @bottom-center { content: none; } } @media screen { html:not(.podium-paged) { visibility: hidden; } }";

/** Shows `page` (the core's whole HTML document) in `frame`, in pages once its fonts are
 * loaded: resolves to the number of pages (0 when the frame has no document). */
export async function showInFrame(frame: HTMLIFrameElement, page: string): Promise<number> {
  const doc = frame.contentDocument;
  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !view) return 0;
  // The <style> is taken out as text before parsing: as an element it would be refused (and
  // reported) by the CSP even in DOMParser's inert document.
  const [head, rest] = page.split("<style>", 2);
  const [css, tail] = rest === undefined ? ["", ""] : rest.split("</style>", 2);
  const parsed = new DOMParser().parseFromString(head + (tail ?? ""), "text/html");
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  const framed = new view.CSSStyleSheet();
  framed.replaceSync(FRAME_CSS);
  doc.adoptedStyleSheets = [sheet, framed];
  doc.documentElement.lang = parsed.documentElement.lang;
  doc.documentElement.className = parsed.documentElement.className;
  doc.title = parsed.title;
  doc.body.replaceChildren(
    ...Array.from(parsed.body.childNodes, (node) => doc.importNode(node, true)),
  );
  // Measured in the faces it prints in. A page shown again meanwhile is laid out by its own
  // call; this one finds it in pages already and only counts them.
  await doc.fonts.ready;
  const pages = paginate(doc);
  // Once in pages, the preview shows them small (the core's `podium-preview` rule: scaled,
  // not zoomed, so that the lines break as measured and as printed).
  doc.documentElement.classList.add("podium-preview");
  return pages;
}

/** The system's print dialog for the frame's page (WebKitGTK: print to a printer or a PDF
 * file; WebView2: Microsoft Print to PDF among the printers). */
export function printFrame(frame: HTMLIFrameElement) {
  frame.contentWindow?.print();
}
