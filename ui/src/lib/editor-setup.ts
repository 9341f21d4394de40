// The CodeMirror 6 editor of a draft: Markdown with the speech dialect marked, soft wrap, the
// findings underlined, the composition gate told when an IME starts and stops composing, and
// pasted HTML handed to the caller (Word's becomes the dialect, as an import would make it).
// Styles live in editor.css (class names, not injected themes) so light/dark follow the app.

import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { commonmarkLanguage, markdownKeymap, pasteURLAsLink } from "@codemirror/lang-markdown";
import { LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { searchKeymap } from "@codemirror/search";
import { type ChangeSet, Compartment, EditorState, Prec } from "@codemirror/state";
import { drawSelection, EditorView, keymap, lineNumbers } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { adoptCodeMirrorStyles } from "./codemirror-styles";
import type { CompositionGate } from "./composition";
import { findingMarks } from "./finding-marks";
import { recheckMarks, speechMarksPlugin } from "./speech-marks";

export interface EditorOptions {
  body: string;
  readOnly: boolean;
  gate: CompositionGate;
  /** The text after every change, and the change (composition included: the caller decides
   * when to act). */
  edited(body: string, changes: ChangeSet): void;
  /** The cursor's position (UTF-16 offset) after it moved or the text changed. */
  moved(head: number): void;
  /** A paste whose clipboard holds HTML (Word's, a web page's): the caller inserts what the
   * app makes of it. Plain text alone pastes as CodeMirror pastes it. */
  pasted(html: string, text: string): void;
}

/** What changes with the UI language: the accessible name and the search panel's phrases. */
export const editorLanguage = new Compartment();

/** Whether the text can be changed: a settled draft (確定 on) is read-only. */
export const editorAccess = new Compartment();

/** Read-only: no input changes the text and the content is not editable (no caret, no IME).
 * Selecting still works (a reviewer's comment quotes a selection, a comment's passage is
 * selected for them): content that is not editable never has the focus, so the selection is
 * drawn by CodeMirror (`cm-read-only` colours it in editor.css). */
export function accessExtension(readOnly: boolean) {
  return readOnly
    ? [
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        drawSelection(),
        EditorView.editorAttributes.of({ class: "cm-read-only" }),
      ]
    : [];
}

export function languageExtension(label: string, phrases: Record<string, string>) {
  return [
    EditorView.contentAttributes.of({ "aria-label": label, lang: "ja" }),
    EditorState.phrases.of(phrases),
  ];
}

/** How long after `compositionend` the composition counts as over: CodeMirror applies the
 * committed text first, and an IME often starts the next composition straight away. */
const COMPOSITION_SETTLE_MS = 30;

/**
 * The dialect's Markdown: its syntax, the list-continuing keys and a URL pasted over a selection
 * made a link — lang-markdown's `markdown()` without its HTML support (HTML, CSS and JavaScript
 * parsers and tag completion: a third of the editor's code, for raw HTML a speech never needs).
 */
const speechMarkdown = new LanguageSupport(commonmarkLanguage, [
  Prec.high(keymap.of(markdownKeymap)),
  pasteURLAsLink,
]);

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  adoptCodeMirrorStyles(parent.ownerDocument);
  let settle: ReturnType<typeof setTimeout> | undefined;
  const view: EditorView = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.body,
      extensions: [
        editorLanguage.of([]),
        editorAccess.of(accessExtension(options.readOnly)),
        // The source's lines, 1-based, as the findings name them (「3行」): a wrapped line
        // keeps one number.
        lineNumbers(),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
        EditorView.lineWrapping,
        speechMarkdown,
        syntaxHighlighting(classHighlighter),
        speechMarksPlugin,
        findingMarks,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.edited(update.state.doc.toString(), update.changes);
          if (update.docChanged || update.selectionSet) {
            options.moved(update.state.selection.main.head);
          }
        }),
        EditorView.domEventHandlers({
          paste(event, view) {
            const html = event.clipboardData?.getData("text/html") ?? "";
            if (html === "" || view.state.readOnly) return false;
            event.preventDefault();
            options.pasted(html, event.clipboardData?.getData("text/plain") ?? "");
            return true;
          },
          compositionstart() {
            clearTimeout(settle);
            options.gate.start();
          },
          compositionend() {
            clearTimeout(settle);
            const settled = () => {
              if (view.composing) {
                settle = setTimeout(settled, COMPOSITION_SETTLE_MS);
                return;
              }
              options.gate.end();
              view.dispatch({ effects: recheckMarks.of(null) });
            };
            settle = setTimeout(settled, COMPOSITION_SETTLE_MS);
          },
        }),
      ],
    }),
  });
  return view;
}
