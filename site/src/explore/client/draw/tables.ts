import type { Dataset } from "@gradbook/train";
import type { ParamPlace } from "./places.ts";
import { setText } from "./svg.ts";

// The two tables: every parameter with its gradient, and the network's output at each point.
// Cells are filled with textContent: nothing here is parsed as markup.

function cell(tag: "td" | "th", text: string, scope?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (scope) element.setAttribute("scope", scope);
  return element;
}

function table(
  caption: string,
  head: string[],
): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const t = document.createElement("table");
  const c = document.createElement("caption");
  c.className = "visually-hidden";
  c.textContent = caption;
  const row = document.createElement("tr");
  row.append(...head.map((h) => cell("th", h, "col")));
  const thead = document.createElement("thead");
  thead.append(row);
  const body = document.createElement("tbody");
  t.append(c, thead, body);
  return { table: t, body };
}

/** The parameter table; `hover(k)` is called with the row under the pointer or focus (undefined when it leaves). */
export class ParamTable {
  private readonly cells: HTMLElement[][] = [];

  constructor(
    root: HTMLElement,
    places: ParamPlace[],
    hover: (k: number | undefined) => void,
    edit: (k: number) => void,
  ) {
    const { table: t, body } = table(
      "The network's parameters, their values and their gradients from the last step",
      ["parameter", "value", "gradient"],
    );
    places.forEach((place, k) => {
      const row = document.createElement("tr");
      row.tabIndex = 0;
      const cells = [cell("th", place.name, "row"), cell("td", ""), cell("td", "")];
      row.append(...cells);
      const on = () => hover(k);
      const off = () => hover(undefined);
      row.addEventListener("pointerenter", on);
      row.addEventListener("focus", on);
      row.addEventListener("pointerleave", off);
      row.addEventListener("blur", off);
      row.addEventListener("click", () => edit(k));
      row.addEventListener("keydown", (event) => {
        if (event.key !== "Enter") return;
        event.preventDefault();
        edit(k);
      });
      this.cells.push(cells);
      body.append(row);
    });
    root.replaceChildren(t);
  }

  update(params: number[], grads: number[]): void {
    this.cells.forEach(([, value, grad], k) => {
      setText(value!, fixed(params[k]));
      setText(grad!, fixed(grads[k]));
    });
  }
}

const fixed = (x: number | undefined) =>
  x === undefined
    ? ""
    : Math.abs(x) < 1e6
      ? x.toFixed(6).replace(/^(?!-)/, " ")
      : x.toExponential(3).replace(/^(?!-)/, " ");

/** An output in at most 10 characters: four decimals, or four digits and an exponent once it is huge (a diverging run's 3e154). */
const short = (y: number): string =>
  Math.abs(y) < 1e4 || !Number.isFinite(y) ? y.toFixed(4) : y.toExponential(3).replace("+", "");

/**
 * The outputs at each point, on its target's side of the threshold or not; one line for a large
 * dataset. A regression's line gives the mean squared error and the largest error instead.
 */
export function drawOutputs(
  root: HTMLElement,
  data: Dataset,
  outputs: number[],
  threshold: number,
  regression: boolean,
): void {
  const right = outputs.filter((y, i) => y > threshold === data.y[i]! > threshold).length;
  const errors = outputs.map((y, i) => y - data.y[i]!);
  const summary = document.createElement("p");
  summary.textContent =
    outputs.length === 0
      ? ""
      : regression
        ? `Mean squared error over the ${data.x.length} training points ${short(errors.reduce((sum, e) => sum + e * e, 0) / errors.length)}, largest error ${short(Math.max(...errors.map(Math.abs)))}.`
        : `${right} of ${data.x.length} points on their target's side of ${threshold}.`;
  if (data.x.length > 8 || outputs.length === 0) return root.replaceChildren(summary);
  const { table: t, body } = table("The network's output at each point", [
    "x₁",
    "x₂",
    "target",
    "output",
    "side of the line",
  ]);
  data.x.forEach((x, i) => {
    const y = outputs[i]!;
    const ok = y > threshold === data.y[i]! > threshold;
    const row = document.createElement("tr");
    row.append(
      cell("td", String(x[0])),
      cell("td", String(x[1])),
      cell("td", String(data.y[i])),
      cell("td", short(y)),
      cell("td", `${ok ? "✓" : "✗"} ${y > threshold ? "above" : "below"} ${threshold}`),
    );
    row.className = ok ? "right" : "wrong";
    body.append(row);
  });
  root.replaceChildren(t, summary);
}
