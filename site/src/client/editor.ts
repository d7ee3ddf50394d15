import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { typescriptLanguage } from "@codemirror/lang-javascript";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  drawSelection,
  EditorView,
  keymap,
  lineNumbers,
  type DecorationSet,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { tsCode } from "./type-check.ts";

// The editor a block turns into on Edit: CodeMirror 6 with TypeScript highlighting in the site's
// colours (light-dark(): the theme in force picks one), keyboard-usable (Tab is left to move
// focus on; Ctrl/⌘-Enter runs; Escape leaves it), named for assistive technology. Loaded on the
// first Edit click.

/** An open editor. */
export interface Editor {
  code(): string;
  focus(): void;
  /** Marks a line (1-based) as where an error happened, or clears the mark. */
  markError(line: number | undefined): void;
  /** Marks the code TypeScript blames (lines and columns 1-based), replacing the last marks. */
  setTypeErrors(problems: readonly TypeMark[]): void;
  destroy(): void;
}

/** A type error as the editor marks it. */
interface TypeMark {
  line: number;
  column: number;
  length: number;
  code: number;
  message: string;
}

export interface EditorOptions {
  /** What assistive technology calls it: "Code of block 3". */
  label: string;
  onChange(code: string): void;
  /** Ctrl/⌘-Enter. */
  onRun(): void;
  /** Escape: the editor gives up the focus, and this says where it goes. */
  onEscape(): void;
}

// The colours of the site's highlighted code (github-light-default / github-dark-default).
const colour = (light: string, dark: string) => `light-dark(${light}, ${dark})`;
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword],
    color: colour("#cf222e", "#ff7b72"),
  },
  {
    tag: [tags.string, tags.special(tags.string), tags.regexp],
    color: colour("#0a3069", "#a5d6ff"),
  },
  {
    tag: [tags.number, tags.bool, tags.null, tags.propertyName, tags.atom],
    color: colour("#0550ae", "#79c0ff"),
  },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: colour("#6639ba", "#d2a8ff"),
  },
  {
    tag: [tags.typeName, tags.className, tags.definition(tags.typeName)],
    color: colour("#953800", "#ffa657"),
  },
  { tag: tags.comment, color: colour("#59636e", "#9198a1"), fontStyle: "italic" },
]);

const theme = EditorView.theme({
  "&": {
    background: "var(--code-bg)",
    color: "var(--fg)",
    border: "1px solid var(--border)",
    borderRadius: "8px",
    fontSize: "0.88em",
  },
  "&.cm-focused": { outline: "2px solid var(--link)", outlineOffset: "2px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--fg)", padding: "0.85rem 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  ".cm-gutters": {
    background: "var(--surface)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
    borderRadius: "8px 0 0 8px",
  },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground":
    { background: colour("#b6d6fd", "#264f78") },
  ".cm-matchingBracket": { background: colour("#d1d9e0", "#3d444d"), outline: "none" },
  ".cm-error-line": { background: colour("#ffebe9", "#3c1618") },
  // A type error's message, on hover over the code it marks (lintGutter's dot too).
  ".cm-tooltip": {
    background: "var(--surface)",
    color: "var(--fg)",
    border: "1px solid var(--border)",
    borderRadius: "6px",
  },
  ".cm-diagnostic-error": { borderLeftColor: "var(--error)", fontFamily: "var(--mono)" },
});

const setError = StateEffect.define<number | undefined>();
const errorLine = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setError)) continue;
      const line = effect.value;
      if (line === undefined || line > tr.state.doc.lines) return Decoration.none;
      return Decoration.set([
        Decoration.line({ class: "cm-error-line" }).range(tr.state.doc.line(line).from),
      ]);
    }
    return tr.docChanged ? Decoration.none : marks.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Opens an editor on `code` in `parent`. */
export function createEditor(parent: HTMLElement, code: string, options: EditorOptions): Editor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code.replace(/\n$/, ""),
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        typescriptLanguage,
        syntaxHighlighting(highlight),
        errorLine,
        lintGutter(),
        theme,
        keymap.of([
          { key: "Mod-Enter", run: () => (options.onRun(), true) },
          { key: "Escape", run: (view) => (view.contentDOM.blur(), options.onEscape(), true) },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        // tabindex: axe counts a contenteditable as focusable only with it (its scroller must hold something focusable).
        EditorView.contentAttributes.of({ "aria-label": options.label, tabindex: "0" }),
        EditorView.updateListener.of(
          (update) => update.docChanged && options.onChange(update.state.doc.toString() + "\n"),
        ),
      ],
    }),
  });
  return {
    code: () => view.state.doc.toString() + "\n",
    focus: () => view.focus(),
    markError: (line) => view.dispatch({ effects: setError.of(line) }),
    setTypeErrors: (problems) =>
      view.dispatch(
        setDiagnostics(
          view.state,
          problems.map((p) => diagnostic(view, p)),
        ),
      ),
    destroy: () => view.destroy(),
  };
}

/** A type error as a CodeMirror diagnostic: from its column, over its length, within its line. */
function diagnostic(view: EditorView, mark: TypeMark): Diagnostic {
  const { doc } = view.state;
  const line = doc.line(Math.min(Math.max(1, mark.line), doc.lines));
  const from = Math.min(line.from + mark.column - 1, line.to);
  return {
    from,
    to: Math.min(from + mark.length, doc.length),
    severity: "error",
    source: "TypeScript",
    message: `${tsCode(mark)}${mark.message}`,
  };
}
