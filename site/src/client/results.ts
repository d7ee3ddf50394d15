import { moreFiguresNote, moreLinesNote } from "../../../lessons/kit/capture.ts";
import type { Figure } from "../../../lessons/kit/figure.ts";
import { checkBlock } from "../../../lessons/kit/outcome.ts";
import type { RunBlock } from "./lesson.ts";
import { FIGURE_LIMITS, sanitizeSvg } from "./sanitize.ts";
import type { BlockState } from "./session.ts";

// What a run in the page shows under each block: whether it printed and drew exactly what the
// test run recorded (strictly: the library computes the same digits in every engine; the check
// is the lesson core's, lessons/kit/outcome.ts), and if not, where it differs; its error and the line of it; its figures; while it runs, that it runs. While a
// block runs, only what is new is added to its box; its end redraws the box once.

const SAME = "Your browser printed the same";
const OTHER = "Your browser printed something else";
const RUNNING = "Running…";

/** The box under a block that shows its result in the page (made on first use). */
function resultBox(block: RunBlock): HTMLElement | undefined {
  const id = `run-result-${block.line}`;
  const existing = document.getElementById(id);
  if (existing) return existing;
  let anchor = document.querySelector(`[data-line="${block.line}"]`);
  if (!anchor) return undefined;
  while (anchor.nextElementSibling?.matches(".type-errors, .output, .lesson-figure"))
    anchor = anchor.nextElementSibling;
  const box = document.createElement("div");
  box.id = id;
  box.className = "run-result";
  anchor.after(box);
  return box;
}

/** Removes the results of earlier runs from the blocks a new run covers. */
export function clearResults(blocks: RunBlock[]): void {
  for (const block of blocks) document.getElementById(`run-result-${block.line}`)?.remove();
  document.querySelectorAll(".code.running").forEach((e) => e.classList.remove("running"));
}

/** Marks `block` as the one running (or none), and says so in its box. */
export function markRunning(block: RunBlock | undefined): void {
  document.querySelectorAll(".code.running").forEach((e) => e.classList.remove("running"));
  if (!block) return;
  document.querySelector(`[data-line="${block.line}"]`)?.classList.add("running");
  const box = resultBox(block);
  if (box && !box.hasChildNodes()) box.replaceChildren(label(RUNNING));
}

/**
 * After a run has ended: a box still saying "Running…" belongs to a block the run never
 * finished. It says so, or goes if the block never started (the run stopped before it).
 */
export function settleResults(blocks: RunBlock[], states: readonly BlockState[]): void {
  blocks.forEach((block, i) => {
    const box = document.getElementById(`run-result-${block.line}`);
    const text = box?.querySelector(".label");
    if (!box || text?.textContent?.startsWith(RUNNING) !== true) return;
    const state = states[i];
    if (
      !state ||
      (!state.capture.output && !state.capture.figures.length && !state.capture.moreLines)
    )
      return box.remove();
    text.textContent = "Stopped before it finished";
    box.querySelector("progress")?.remove();
    box.classList.add("failed");
  });
}

/** Shows a long block's progress in its box. */
export function showProgress(block: RunBlock, done: number, total: number): void {
  const box = resultBox(block);
  if (!box) return;
  let bar = box.querySelector("progress");
  if (!bar) {
    bar = document.createElement("progress");
    bar.setAttribute("aria-label", `Progress of the block at line ${block.line}`);
    box.querySelector(".label")?.after(bar);
  }
  bar.max = total;
  bar.value = done;
  const text = box.querySelector(".label");
  if (text) text.textContent = `${RUNNING} ${done} of ${total}`;
}

/** Shows what a block has done so far: while it runs, adds what is new; at its end, the whole result. */
export function showResult(block: RunBlock, state: BlockState): void {
  const box = resultBox(block);
  if (!box) return;
  if (!state.done) return void grow(box, state);
  const { capture } = state;
  const printed = capture.text();
  const mismatch = checkBlock(
    block,
    printed,
    capture.moreFigures
      ? [...capture.figures, ...Array<Figure>(capture.moreFigures)]
      : capture.figures,
  );
  const same = !mismatch;
  const children: Node[] = [label(state.error ? "Failed in your browser" : same ? SAME : OTHER)];
  if (!state.error && mismatch?.diff !== undefined) {
    children.push(
      note("Where it differs from the recorded output: − the lesson, + this run."),
      diff(mismatch.diff, capture.errorLines),
    );
  } else if (printed) children.push(output(printed, 0, capture.errorLines));
  if (!state.error && mismatch?.figures)
    children.push(note(`The figures differ: ${mismatch.figures}.`));
  if (state.error) {
    const where = state.at
      ? `Line ${state.at.line} of ${state.at.block === state.index ? "this block" : `block ${state.at.block + 1}`}: `
      : "";
    children.push(pre(where + state.error, "error"));
  }
  children.push(...capture.figures.map((f) => figure(f, state)));
  if (capture.moreFigures) children.push(note(moreFiguresNote(capture.moreFigures)));
  box.classList.toggle("failed", Boolean(state.error));
  box.classList.toggle("differs", !same);
  box.replaceChildren(...children);
}

/** Adds a running block's new output and figures to its box. */
function grow(box: HTMLElement, state: BlockState): void {
  if (!box.querySelector(".label")) box.prepend(label(RUNNING));
  let live = box.querySelector<HTMLElement>("pre.live");
  if (state.newOutput || state.capture.moreLines) {
    if (!live) {
      live = pre("", "live");
      box.querySelector("figure, .run-note")
        ? box.querySelector("figure, .run-note")!.before(live)
        : box.append(live);
    }
    const output = live;
    if (state.newOutput)
      output.append(...lines(state.newOutput, state.newOutputLine, state.capture.errorLines));
    let more = output.querySelector<HTMLElement>(".more");
    if (state.capture.moreLines) {
      more ??= output.appendChild(
        Object.assign(document.createElement("span"), { className: "more" }),
      );
      output.append(more); // stays last
      more.textContent = moreLinesNote(state.capture.moreLines) + "\n";
    }
  }
  box.append(...state.newFigures.map((f) => figure(f, state)));
  let more = box.querySelector<HTMLElement>(":scope > .run-note.more-figures");
  if (state.capture.moreFigures) {
    more ??= box.appendChild(note("", "more-figures"));
    more.textContent = moreFiguresNote(state.capture.moreFigures);
  }
}

/** Printed text in a <pre>, the lines `console.error` printed marked as errors. */
function output(text: string, first: number, errorLines: readonly number[]): HTMLElement {
  const element = pre("");
  element.append(...lines(text, first, errorLines));
  return element;
}

/** `text` (lines numbered from `first`) as nodes: plain text, and a span for each error line. */
function lines(text: string, first: number, errorLines: readonly number[]): Node[] {
  const errors = new Set(errorLines);
  if (!errorLines.length) return [document.createTextNode(text)];
  return text.split(/(?<=\n)/).map((line, i) => {
    if (!errors.has(first + i)) return document.createTextNode(line);
    const span = document.createElement("span");
    span.className = "stderr";
    span.textContent = line;
    return span;
  });
}

/** Each figure shown, kept for the box's redraw at its block's end: made safe once. */
const shown = new WeakMap<Figure, HTMLElement>();
/** How many elements each block's figures draw so far: their share is FIGURE_LIMITS.elements. */
const drawn = new WeakMap<BlockState["capture"], number>();

/** A figure from the run, sanitised, with its text alternative as caption. */
function figure(fig: Figure, state: BlockState): HTMLElement {
  const made = shown.get(fig);
  if (made) return made;
  const { svg, alt } = fig;
  const holder = document.createElement("figure");
  holder.className = "lesson-figure";
  const spent = drawn.get(state.capture) ?? 0;
  const safe = sanitizeSvg(svg, alt, FIGURE_LIMITS.elements - spent);
  if (typeof safe !== "string") drawn.set(state.capture, spent + safe.elements);
  holder.append(typeof safe === "string" ? note(`Not shown: ${safe}.`) : safe.image);
  shown.set(fig, holder);
  const caption = document.createElement("figcaption");
  caption.textContent = alt;
  holder.append(caption);
  return holder;
}

/** A line diff of the recorded output against this run's, its − and + lines marked, and the run's console.error lines. */
function diff(lines: string, errorLines: readonly number[]): HTMLElement {
  const element = pre("", "diff");
  const errors = new Set(errorLines);
  let printed = 0; // the run's line that a "+ " or "  " line of the diff is
  for (const line of lines.split("\n")) {
    const span = document.createElement("span");
    if (line.startsWith("- ")) span.className = "del";
    if (line.startsWith("+ ")) span.className = "ins";
    if (!line.startsWith("- ") && errors.has(printed++)) span.classList.add("stderr");
    span.textContent = line + "\n";
    element.append(span);
  }
  return element;
}

function label(text: string): HTMLElement {
  const element = document.createElement("div");
  element.className = "label";
  element.textContent = text;
  return element;
}

function note(text: string, className = ""): HTMLElement {
  const element = document.createElement("p");
  element.className = `run-note ${className}`.trim();
  element.textContent = text;
  return element;
}

function pre(text: string, className = ""): HTMLElement {
  const element = document.createElement("pre");
  if (className) element.className = className;
  element.tabIndex = 0; // a long output scrolls: reachable by keyboard
  element.textContent = text;
  return element;
}
