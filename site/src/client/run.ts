// The Run button: runs the lesson's code in a Web Worker and shows what each block printed
// under it, beside the output the test run recorded. A fresh worker per run, terminated at the
// time limit, so an endless loop stops and the page stays responsive.

import { agreement, type Agreement } from "./compare.ts";
import type { BlockResult } from "./runtime.ts";
import { accessibleSvg } from "./svg.ts";

/** Messages from the worker (site/src/client/worker.ts). */
export type WorkerMessage = ({ type: "block" } & BlockResult) | { type: "done"; ok: boolean } | { type: "failed"; message: string };

/** Adds the Run button to a lesson's `.runner` element and runs the lesson on click. */
export function setupRunner(runner: HTMLElement): void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "run-button";
  button.textContent = "Run this lesson in your browser";
  const status = document.createElement("span");
  status.className = "run-status";
  status.setAttribute("role", "status");
  runner.append(button, status);
  button.addEventListener("click", () => {
    // Read at each click: the site's build sets it, and the browser tests set their own.
    const limit = Number(runner.dataset.timeLimit ?? 10_000);
    button.disabled = true;
    status.textContent = "Running…";
    document.querySelectorAll(".run-result").forEach((e) => e.remove());
    const started = performance.now();
    const worker = new Worker(new URL(runner.dataset.worker!, location.href), { type: "module" });
    const finish = (message: string) => {
      clearTimeout(timer);
      worker.terminate();
      button.disabled = false;
      button.textContent = "Run again";
      status.textContent = message;
    };
    const timer = setTimeout(() => finish(`Stopped after ${limit / 1000} s: the time limit for a run in the page.`), limit);
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === "block") showResult(message);
      else if (message.type === "failed") finish(`Could not run: ${message.message}`);
      else finish(message.ok ? `Ran in ${Math.round(performance.now() - started)} ms.` : "Stopped at the block that failed.");
    });
    worker.addEventListener("error", (event) => finish(`Could not run: ${event.message || "the worker failed to load"}`));
    worker.postMessage({ url: new URL(runner.dataset.lesson!, location.href).href });
  });
}

const LABELS: Record<Agreement, string> = {
  same: "Your browser printed the same",
  numbers: "Your browser printed the same, with other digits",
  different: "Your browser printed something else",
};
const ROUNDING = "Some numbers differ: your browser rounds Math.exp, Math.log and their kin differently from Node, which ran this lesson for the page, and thousands of training steps carry those last bits into the printed digits.";

/** Places (or updates) a block's result after the block, its output and its figures. */
function showResult(result: BlockResult): void {
  const id = `run-result-${result.line}`;
  let box = document.getElementById(id);
  if (!box) {
    let anchor = document.querySelector(`[data-line="${result.line}"]`);
    if (!anchor) return;
    while (anchor.nextElementSibling?.matches(".output, .lesson-figure")) anchor = anchor.nextElementSibling;
    box = document.createElement("div");
    box.id = id;
    box.className = "run-result";
    anchor.after(box);
  }
  const agrees = agreement(result.expected, result.output);
  const label = document.createElement("div");
  label.className = "label";
  label.textContent = result.error ? "Failed in your browser" : !result.done ? "Running…" : LABELS[agrees];
  const children: Node[] = [label];
  if (result.done && agrees === "numbers") children.push(note(ROUNDING));
  if (result.output) children.push(pre(result.output));
  if (result.error) children.push(pre(result.error, "error"));
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
  box.replaceChildren(...children);
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
  element.textContent = text;
  return element;
}
