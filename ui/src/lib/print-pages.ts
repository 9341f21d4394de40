// The reading script laid out in pages by the app, so that every page carries its number
// 「3 / 12」 in any engine: WebKitGTK (the Linux app) prints no CSS margin boxes, which is how
// the page numbers itself for Chromium (src/export/print.rs). The print frame's document is
// taken apart into page boxes of the page's content size (`.podium-page`, the core's
// `podium-paged` rules), each with a text box and a foot for its number, and the blocks are
// put back in order, each in the first page with room:
//
// - A section marked to start a page (`podium-new-page`) starts one; a short one that shares a
//   page (`podium-shares-page`) goes whole to the next page when the rest of this one cannot
//   hold it, and is split as any other only when no page can.
// - A paragraph that does not fit is split between two of its lines: never inside a ruby, and
//   a line break the writer typed at the cut is dropped with it. Lists, quotes and notes split
//   between their items (a numbered list goes on with its numbers).
// - A heading is never left at the foot of a page: it goes with what follows it.
//
// Nothing is ever left to overflow a page's text box: a block goes in, and out again, until the
// box holds it (the browser's own layout decides, in either writing mode). An engine that
// prints no `@page` margins (WebKitGTK) shrinks what it prints to the sheet: there the core's
// `podium-sheet-fitted` rules make each page fit one sheet.

const PAGED = "podium-paged";
const PAGE = "podium-page";
const TEXT = "podium-page-text";
const FOLIO = "podium-folio";
const CONTINUED = "podium-continued";
const SECTION = "podium-section";
const NEW_PAGE = "podium-new-page";
const SHARES_PAGE = "podium-shares-page";
/** The engine prints no `@page` margins and fits the document to the sheet (the core's rules
 * for it): WebKitGTK. */
const SHEET_FITTED = "podium-sheet-fitted";

/** Lays the frame's document out in numbered pages, once (the content shown last); the number of
 * pages. */
export function paginate(doc: Document): number {
  const root = doc.documentElement;
  if (root.classList.contains(PAGED)) return doc.querySelectorAll(`.${PAGE}`).length;
  const vertical = root.classList.contains("podium-vertical");
  const flow = [...doc.body.children] as HTMLElement[];
  doc.body.replaceChildren();
  root.classList.add(PAGED);
  if (!printsMarginBoxes(doc)) root.classList.add(SHEET_FITTED);
  const pages = new Pages(doc, vertical);
  for (const block of flow) {
    if (block.classList.contains(SECTION)) pages.section(block);
    else pages.place(block, pages.text);
  }
  return pages.number();
}

/** Whether the engine knows `@page` margin boxes (Chromium, which prints `@page` exactly). */
function printsMarginBoxes(doc: Document): boolean {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view) return false;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync("@page { @bottom-center { content: ''; } }");
  const page = sheet.cssRules[0] as CSSRule & { cssRules?: CSSRuleList };
  return (page?.cssRules?.length ?? 0) > 0;
}

class Pages {
  private all: HTMLElement[] = [];
  /** The text box of the page being filled. */
  text!: HTMLElement;

  constructor(
    private doc: Document,
    private vertical: boolean,
  ) {
    this.turn();
  }

  /** A new page: its text box becomes the one being filled. */
  private turn(): void {
    const page = this.doc.createElement("div");
    page.className = PAGE;
    this.text = this.doc.createElement("div");
    this.text.className = TEXT;
    const folio = this.doc.createElement("div");
    folio.className = FOLIO;
    page.append(this.text, folio);
    this.doc.body.append(page);
    this.all.push(page);
  }

  /** The text box holds more than it shows. */
  private overflows(): boolean {
    const t = this.text;
    return this.vertical ? t.scrollWidth > t.clientWidth + 1 : t.scrollHeight > t.clientHeight + 1;
  }

  /** A section: its blocks in a copy of its wrapper (its class and style) on each page it
   * spans. */
  section(section: HTMLElement): void {
    if (section.classList.contains(NEW_PAGE) && this.text.childElementCount > 0) this.turn();
    const shell = section.cloneNode(false) as HTMLElement;
    shell.classList.remove(NEW_PAGE);
    const blocks = [...section.children] as HTMLElement[];
    if (section.classList.contains(SHARES_PAGE)) {
      // Kept whole: on this page, or the next; split only when no page holds it.
      shell.append(...blocks);
      this.text.append(shell);
      if (!this.overflows()) return;
      shell.remove();
      if (this.text.childElementCount > 0) this.turn();
      this.text.append(shell);
      if (!this.overflows()) return;
      shell.replaceChildren();
    } else {
      this.text.append(shell);
    }
    let into = shell;
    for (const block of blocks) into = this.place(block, into);
  }

  /**
   * Puts `block` at the end of `into` (a page's text box, or a section's wrapper on it), on as
   * many pages as it takes. Returns where the next block goes: `into`, or its continuation on a
   * later page.
   */
  place(block: HTMLElement, into: HTMLElement): HTMLElement {
    let container = into;
    for (;;) {
      container.append(block);
      if (!this.overflows()) return container;
      block.remove();
      const fresh = this.fresh(container);
      const parted = this.split(block, container);
      if (!parted && fresh) {
        // Not a line of it fits an empty page: shown cut rather than lost.
        container.append(block);
        return container;
      }
      // A heading left at this page's foot goes on with what follows it.
      const last = container.lastElementChild as HTMLElement | null;
      const carried =
        !parted && last && /^H[1-4]$/.test(last.tagName) && !this.firstOnPage(last) ? [last] : [];
      for (const heading of carried) heading.remove();
      if (container !== this.text && container.childElementCount === 0) container.remove();
      this.turn();
      container = this.continuation(container);
      container.append(...carried);
    }
  }

  /** The page holds nothing yet but `container`, empty. */
  private fresh(container: HTMLElement): boolean {
    if (container === this.text) return this.text.childElementCount === 0;
    return (
      this.text.childElementCount === 1 &&
      this.text.firstElementChild === container &&
      container.childElementCount === 0
    );
  }

  /** `element` is the first thing on its page. */
  private firstOnPage(element: HTMLElement): boolean {
    let node: Element = element;
    while (node.parentElement && node.parentElement !== this.text) {
      if (node.parentElement.firstElementChild !== node) return false;
      node = node.parentElement;
    }
    return this.text.firstElementChild === node;
  }

  /** `container`'s copy at the top of the new page (a section's wrapper goes on). */
  private continuation(container: HTMLElement): HTMLElement {
    if (container.classList.contains(TEXT)) return this.text;
    const shell = container.cloneNode(false) as HTMLElement;
    shell.classList.add(CONTINUED);
    this.text.append(shell);
    return shell;
  }

  /**
   * As much of `block` as fits at the end of `into` goes there, a copy of it holding that part;
   * `block` keeps the rest, marked as continued. False when nothing of it fits (`block`
   * untouched).
   */
  private split(block: HTMLElement, into: HTMLElement): boolean {
    if (/^H[1-6]$/.test(block.tagName)) return false;
    if (block.tagName === "P" || (block.tagName === "LI" && !block.querySelector("p, ul, ol"))) {
      return this.splitLines(block, into);
    }
    const head = block.cloneNode(false) as HTMLElement;
    into.append(head);
    let whole = 0;
    for (const item of [...block.children] as HTMLElement[]) {
      head.append(item);
      if (!this.overflows()) {
        whole += 1;
        continue;
      }
      item.remove();
      this.split(item, head);
      block.prepend(item);
      break;
    }
    if (head.childElementCount === 0) {
      head.remove();
      return false;
    }
    // A numbered list goes on with its numbers (an item cut in two shows its number once).
    if (block instanceof HTMLOListElement) block.start = (block.start || 1) + whole;
    block.classList.add(CONTINUED);
    return true;
  }

  /** A paragraph split between two lines: the most lines that fit stay on this page. */
  private splitLines(p: HTMLElement, into: HTMLElement): boolean {
    into.append(p);
    const cuts = lineStarts(p, this.vertical);
    p.remove();
    for (let k = cuts.length - 1; k >= 0; k -= 1) {
      const range = this.doc.createRange();
      range.setStart(p, 0);
      setCut(range, cuts[k]);
      const trial = p.cloneNode(false) as HTMLElement;
      trial.append(range.cloneContents());
      into.append(trial);
      const fits = !this.overflows();
      trial.remove();
      if (!fits) continue;
      const head = p.cloneNode(false) as HTMLElement;
      head.append(range.extractContents());
      trimBreaks(head, "end");
      trimBreaks(p, "start");
      into.append(head);
      p.classList.add(CONTINUED);
      return true;
    }
    return false;
  }

  /** Writes 「n / N」 in every page's foot; the number of pages. */
  number(): number {
    const total = this.all.length;
    this.all.forEach((page, index) => {
      const folio = page.querySelector(`.${FOLIO}`);
      if (folio) folio.textContent = `${index + 1} / ${total}`;
    });
    return total;
  }
}

/** Where a paragraph's line begins: a text position, or just before a ruby. */
type Cut = { node: Text; offset: number } | { before: Element };

function setCut(range: Range, cut: Cut): void {
  if ("before" in cut) range.setEndBefore(cut.before);
  else range.setEnd(cut.node, cut.offset);
}

/**
 * The start of each line of `p` after its first, as laid out where it is (in the document):
 * each character's box, read in order, begins a line when it lies further along
 * the block axis than the line before. Ruby readings are not text of the line; a line that
 * begins inside a ruby begins before it.
 */
function lineStarts(p: HTMLElement, vertical: boolean): Cut[] {
  const doc = p.ownerDocument;
  const cuts: Cut[] = [];
  const walker = doc.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("rt, rp") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const range = doc.createRange();
  let line = Number.NEGATIVE_INFINITY;
  let first = true;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const text = node.data;
    for (let i = 0; i < text.length; i += 1) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box || (box.width === 0 && box.height === 0)) continue;
      const along = vertical ? -box.right : box.top;
      const size = vertical ? box.width : box.height;
      if (first) {
        line = along;
        first = false;
        continue;
      }
      if (along > line + size / 2) {
        line = along;
        const ruby = node.parentElement?.closest("ruby");
        const cut: Cut = ruby && p.contains(ruby) ? { before: ruby } : { node, offset: i };
        const last = cuts.at(-1);
        if (!(last && "before" in last && "before" in cut && last.before === cut.before)) {
          cuts.push(cut);
        }
      }
    }
  }
  return cuts;
}

/** Drops line breaks (and the spaces around them) at one end of a split paragraph. */
function trimBreaks(p: HTMLElement, end: "start" | "end"): void {
  for (;;) {
    const edge = end === "start" ? p.firstChild : p.lastChild;
    if (!edge) return;
    const blank = edge.nodeType === Node.TEXT_NODE && (edge.textContent ?? "").trim() === "";
    if ((edge instanceof Element && edge.tagName === "BR") || blank) edge.remove();
    else return;
  }
}
