// The buttons over each runnable block: Edit; while editing, Run (this block and the ones before
// it) and Reset (back to the lesson's code), with the editor's keys beside them; Stop next to
// whichever Run started a run; a status.

/** One block's buttons and status line. */
export interface BlockTools {
  edit: HTMLButtonElement;
  run: HTMLButtonElement;
  reset: HTMLButtonElement;
  status: HTMLElement;
  /** The editor's keys, shown while it is open. */
  keys: HTMLElement;
  /** Shows the buttons of an open editor (Run, Reset) or of a closed one (Edit). */
  editing(open: boolean): void;
}

/** A button whose visible text is `text`, and whose name adds what it acts on (for screen readers). */
export function button(className: string, text: string, object = ""): HTMLButtonElement {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = text;
  if (object) {
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ` ${object}`;
    element.append(hidden);
  }
  return element;
}

/** Adds the buttons to a block (`.code[data-line]`), the `number`th runnable block of the lesson. */
export function addBlockTools(code: HTMLElement, number: number): BlockTools {
  const bar = document.createElement("div");
  bar.className = "block-tools";
  const what = `block ${number}`;
  const edit = button("block-edit", "Edit", what);
  const run = button("block-run", "Run", `blocks 1 to ${number}`);
  const reset = button("block-reset", "Reset", what);
  const status = document.createElement("span");
  status.className = "block-status"; // shown; run.ts says its messages to screen readers
  const keys = document.createElement("span");
  keys.className = "block-keys";
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";
  keys.innerHTML = `<kbd>${mod}</kbd>+<kbd>Enter</kbd> runs · <kbd>Esc</kbd> leaves the editor`;
  bar.append(keys, edit, run, reset, status);
  code.querySelector("pre")!.before(bar);
  const tools: BlockTools = {
    edit,
    run,
    reset,
    status,
    keys,
    editing(open) {
      edit.hidden = open;
      run.hidden = reset.hidden = keys.hidden = !open;
    },
  };
  tools.editing(false);
  return tools;
}
