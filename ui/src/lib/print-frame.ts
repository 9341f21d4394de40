// The reading script in a print frame: the page the core wrote (`print_document`, sanitised,
// with its stylesheet) shown in an <iframe> without a source and printed from there, so the
// system's print dialog prints that page alone.
//
// The app's CSP stays as it is: the frame is never navigated (no `src`, so `frame-src 'none'`
// has nothing to refuse); it is the frame's first empty document, of the app's origin and under
// its CSP, filled from here. Its markup is parsed by DOMParser (inert: nothing in it runs) and
// imported; the page's <style>, which `style-src 'self'` refuses as markup, becomes a
// constructed stylesheet (CSSOM, which the CSP allows, as for CodeMirror's styles). The frame is sandboxed without `allow-scripts`: nothing runs in it.

/** Only the preview on screen is smaller; the printed page keeps its sizes. */
const PREVIEW_CSS = "@media screen { html { zoom: 0.5; } }";

/** Shows `page` (the core's whole HTML document) in `frame`. */
export function showInFrame(frame: HTMLIFrameElement, page: string) {
  const doc = frame.contentDocument;
  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  if (!doc || !view) return;
  // The <style> is taken out as text before parsing: as an element it would be refused (and
  // reported) by the CSP even in DOMParser's inert document.
  const [head, rest] = page.split("<style>", 2);
  const [css, tail] = rest === undefined ? ["", ""] : rest.split("</style>", 2);
  const parsed = new DOMParser().parseFromString(head + (tail ?? ""), "text/html");
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  const preview = new view.CSSStyleSheet();
  preview.replaceSync(PREVIEW_CSS);
  doc.adoptedStyleSheets = [sheet, preview];
  doc.documentElement.lang = parsed.documentElement.lang;
  doc.documentElement.className = parsed.documentElement.className;
  doc.title = parsed.title;
  doc.body.replaceChildren(
    ...Array.from(parsed.body.childNodes, (node) => doc.importNode(node, true)),
  );
}

/** The system's print dialog for the frame's page (WebKitGTK: print to a printer or a PDF
 * file; WebView2: Microsoft Print to PDF among the printers). */
export function printFrame(frame: HTMLIFrameElement) {
  frame.contentWindow?.print();
}
