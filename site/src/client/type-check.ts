import type { BlockTypeProblem, CheckedBlocks } from "../../../lessons/kit/type-errors.ts";
import type { Editor } from "./editor.ts";

// The page's side of the type check: a worker (type-check-worker.ts) started on the first check
// and kept, and what it finds shown where it belongs: under each block a box with its type
// errors, one line each (`Line 2, column 7: error TS2322: …`, tsc's message), and in the block's editor a mark on
// the code TypeScript blames. Only the latest check counts: a check asked for while another runs
// waits for it and replaces any check waiting before it, and the result of a check overtaken by
// an edit is never shown (TypeScript cannot be interrupted mid-check; the worker keeps what it
// parsed, which restarting it would throw away). A check that takes longer than `limitMs` (types
// can be written to keep TypeScript busy for ever) ends the worker; the next check starts anew.

export interface TypeCheckRequest {
  id: number;
  lesson: CheckedBlocks;
}

export type TypeCheckReply = { id: number } & (
  | { problems: BlockTypeProblem[] }
  | { error: string }
);

export interface TypeCheck {
  /** Checks a lesson's runnable blocks, as edited. */
  check(lesson: CheckedBlocks): void;
  /** Removes every shown problem (nothing is edited any more), and forgets a waiting check. */
  clear(): void;
  /** The problems last shown for block `index` (for an editor opened after the check). */
  problemsOf(index: number): BlockTypeProblem[];
}

export interface TypeCheckOptions {
  workerUrl: URL;
  /** The lesson's runnable blocks' elements, in order. */
  codes: HTMLElement[];
  editorOf(index: number): Editor | undefined;
  /** Told when the check cannot run (the worker or its files failed to load). */
  failed(message: string): void;
  /** Says a check's result to screen readers (a live region): once per result that changed. */
  announce(text: string): void;
  /** How long one check may take, TypeScript's first load included (read at each check). */
  limitMs(): number;
}

export function createTypeCheck(options: TypeCheckOptions): TypeCheck {
  let worker: Worker | undefined;
  let sent = 0; // the id of the check under way, if any
  let busy = false;
  let waiting: CheckedBlocks | undefined;
  let shown: BlockTypeProblem[] = [];
  let said = ""; // what was last announced; empty while there are no problems
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    const lesson = waiting!;
    waiting = undefined;
    busy = true;
    worker ??= start();
    worker.postMessage({ id: ++sent, lesson } satisfies TypeCheckRequest);
    clearTimeout(timer);
    const limitMs = options.limitMs();
    timer = setTimeout(() => {
      stop();
      if (waiting) return send();
      options.failed(
        `The type check stopped: TypeScript took more than ${limitMs / 1000} s on this code. The next edit checks it again.`,
      );
    }, limitMs);
  };
  const stop = () => {
    clearTimeout(timer);
    worker?.terminate();
    worker = undefined;
    busy = false;
  };
  const start = () => {
    const started = new Worker(options.workerUrl, { type: "module" });
    started.addEventListener("message", (event: MessageEvent<TypeCheckReply>) => {
      const reply = event.data;
      if (reply.id !== sent) return;
      clearTimeout(timer);
      busy = false;
      if (waiting) return send(); // overtaken by an edit: this result is already stale
      if ("error" in reply) return options.failed(`The type check failed: ${reply.error}`);
      show(reply.problems);
    });
    started.addEventListener("error", (event) => {
      stop();
      options.failed(
        `The type check could not start: ${event.message || "its worker failed to load"}`,
      );
    });
    return started;
  };

  const show = (problems: BlockTypeProblem[]) => {
    shown = problems;
    // One announcement a result, and none while the result stays what it was (a check runs at
    // every pause in typing): the errors, or that there are none left.
    const text = problems.length
      ? spoken(problems)
      : said
        ? "TypeScript: no type errors left."
        : "";
    if (text && text !== said) options.announce(text);
    said = problems.length ? text : "";
    options.codes.forEach((code, index) => {
      const mine = problems.filter((p) => p.block === index);
      options.editorOf(index)?.setTypeErrors(mine);
      const id = `type-errors-${code.dataset.line}`;
      const old = document.getElementById(id);
      if (!mine.length) return old?.remove();
      const box = document.createElement("div");
      box.id = id;
      box.className = "type-errors";
      const label = document.createElement("div");
      label.className = "label";
      label.textContent = `TypeScript: ${mine.length === 1 ? "a type error" : `${mine.length} type errors`} in this block (it still runs)`;
      const list = document.createElement("pre");
      list.tabIndex = 0; // a long message scrolls: reachable by keyboard
      list.textContent = mine
        .map((p) => `Line ${p.line}, column ${p.column}: ${p.category} ${tsCode(p)}${p.message}`)
        .join("\n");
      box.append(label, list);
      old ? old.replaceWith(box) : code.after(box);
    });
  };

  return {
    check(lesson) {
      waiting = lesson;
      if (!busy) send();
    },
    clear() {
      waiting = undefined;
      sent++; // a check under way is now stale
      busy = false;
      show([]);
    },
    problemsOf: (index) => shown.filter((p) => p.block === index),
  };
}

/** How many problems there are, and the first few, as a screen reader hears them. */
function spoken(problems: BlockTypeProblem[]): string {
  const SAID = 3;
  const count = problems.length === 1 ? "a type error" : `${problems.length} type errors`;
  const first = problems
    .slice(0, SAID)
    .map(
      (p) => `Block ${p.block + 1}, line ${p.line}, column ${p.column}: ${tsCode(p)}${p.message}`,
    );
  const rest =
    problems.length > SAID ? ` And ${problems.length - SAID} more, under their blocks.` : "";
  return `TypeScript: ${count}. ${first.join(" ")}${rest}`;
}

/** `TS2322: ` for TypeScript's problems; nothing for the lesson kit's own (code 0: an import past the lesson's step). */
export const tsCode = ({ code }: { code: number }) => (code ? `TS${code}: ` : "");
