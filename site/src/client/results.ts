import { lineDiff } from "../../../lessons/kit/diff.ts";
import type { BlockResult, RunBlock } from "./lesson.ts";
import { accessibleSvg } from "./svg.ts";

// What a run in the page shows under each block: whether it printed exactly what the test run
// recorded (strictly: the library computes the same digits in every engine), and if not, where
// it differs; its error and the line of it; its figures; while it runs, that it runs.

const SAME = "Your browser printed the same";
const OTHER = "Your browser printed something else";

/** The box under a block that shows its result in the page (made on first use). */
function resultBox(block: RunBlock): HTMLElement | undefined {
  const id = `run-result-${block.line}`;
  const existing = document.getElementById(id);
  if (existing) return existing;
  let anchor = document.querySelector(`[data-line="${block.line}"]`);
  if (!anchor) return undefined;
  while (anchor.nextElementSibling?.matches(".output, .lesson-figure")) anchor = anchor.nextElementSibling;
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
  if (box && !box.hasChildNodes()) box.replaceChildren(label("Running…"));
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
  if (text) text.textContent = `Running… ${done} of ${total}`;
}

/** Shows (or updates) what a block did in the page. */
export function showResult(block: RunBlock, result: BlockResult): void {
  const box = resultBox(block);
  if (!box) return;
  const expected = block.output?.text ?? "";
  const same = result.output === expected;
  const children: Node[] = [label(result.error ? "Failed in your browser" : !result.done ? "Running…" : same ? SAME : OTHER)];
  if (result.done && !result.error && !same) {
    children.push(note("Where it differs from the recorded output: − the lesson, + this run."), diff(expected, result.output));
  } else if (result.output) children.push(pre(result.output));
  if (result.error) {
    const where = result.at ? `Line ${result.at.line} of ${result.at.block === result.index ? "this block" : `block ${result.at.block + 1}`}: ` : "";
    children.push(pre(where + result.error, "error"));
  }
  for (const figure of result.figures) {
    const holder = document.createElement("figure");
    holder.className = "lesson-figure";
    holder.innerHTML = accessibleSvg(figure.svg, figure.alt); // drawn by the kit's figure helpers from the lesson's code
    const caption = document.createElement("figcaption");
    caption.textContent = figure.alt;
    holder.append(caption);
    children.push(holder);
  }
  box.classList.toggle("failed", Boolean(result.error));
  box.classList.toggle("differs", result.done && !same);
  box.replaceChildren(...children);
}

/** The line diff of the recorded output against this run's, its − and + lines marked. */
function diff(expected: string, actual: string): HTMLElement {
  const element = pre("", "diff");
  for (const line of lineDiff(expected.replace(/\n$/, ""), actual.replace(/\n$/, "")).split("\n")) {
    const span = document.createElement("span");
    if (line.startsWith("- ")) span.className = "del";
    if (line.startsWith("+ ")) span.className = "ins";
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

function note(text: string): HTMLElement {
  const element = document.createElement("p");
  element.className = "run-note";
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
