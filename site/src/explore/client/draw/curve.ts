import { at, setText, svg } from "./svg.ts";

// The loss curve: each epoch's mean loss against the epoch, the loss on a log scale, drawn as one
// path over the whole run so far, thinned to each pixel column's lowest and highest value.

const [W, H] = [320, 140]; // flat: under the diagram, on one screen with it at 1280 × 800
const PAD = { left: 44, right: 8, top: 8, bottom: 24 };

/** A loss in three significant figures; huge or tiny ones with an exponent. */
const reading = (x: number): string =>
  x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4) ? x.toExponential(2) : x.toPrecision(3);

/** Draws `means` (epoch 0 onwards) of a run of `epochs` epochs into `root` (viewBox 0 0 320 140), and the test loss's `tests` dashed. */
export function drawCurve(
  root: SVGSVGElement,
  means: number[],
  epochs: number,
  tests: number[] = [],
): void {
  const finite = [...means, ...tests].filter((m) => m > 0 && Number.isFinite(m));
  if (finite.length === 0) {
    root.replaceChildren(
      svg("text", {
        x: W / 2,
        y: H / 2,
        "text-anchor": "middle",
        fill: "currentColor",
        "font-size": 12,
      }),
    );
    root.lastChild!.textContent = "No epoch yet";
    return;
  }
  let [low, high] = [Math.log10(Math.min(...finite)), Math.log10(Math.max(...finite))];
  if (high - low < 0.5) [low, high] = [(low + high) / 2 - 0.25, (low + high) / 2 + 0.25];
  // The axis grows with the run (to the whole run once it is a tenth through): early epochs are not a sliver.
  const span = Math.min(epochs, Math.max(means.length * 1.25, epochs / 10, 10));
  const x = (epoch: number) =>
    PAD.left + ((W - PAD.left - PAD.right) * epoch) / Math.max(span - 1, 1);
  const y = (loss: number) =>
    PAD.top +
    ((H - PAD.top - PAD.bottom) * (high - Math.log10(Math.max(loss, 10 ** low)))) / (high - low);
  // Per pixel column: the first value, the extremes, the last, so thinning hides no spike.
  const path = (values: number[]) => {
    const columns = new Map<number, number[]>();
    values.forEach((m, epoch) => {
      const column = Math.round(x(epoch));
      const list = columns.get(column) ?? [];
      list.push(m);
      columns.set(column, list);
    });
    let d = "";
    for (const [column, list] of columns) {
      const points =
        list.length > 2 ? [list[0]!, Math.max(...list), Math.min(...list), list.at(-1)!] : list;
      for (const m of points) d += `${d ? "L" : "M"}${column},${at(y(m))}`;
    }
    return d;
  };
  const number = (x: number) =>
    x < 0.01 || x >= 100 ? x.toExponential(0).replace("+", "") : x.toPrecision(2); // "9e304": short enough for the margin
  const { line, test, labels } = partsOf(root);
  line.setAttribute("d", path(means));
  test.setAttribute("d", tests.length ? path(tests) : "");
  const texts = [
    number(10 ** high),
    number(10 ** low),
    `epoch ${Math.round(span) - 1}`,
    // The last epoch's losses in figures, as TF Playground shows them above its curve.
    `${means.length ? `train ${reading(means.at(-1)!)}` : ""}${tests.length ? ` · test ${reading(tests.at(-1)!)}` : ""}`,
  ];
  texts.forEach((text, k) => setText(labels[k]!, text));
}

/** The curve's elements, made once per plot and updated in place: new ones each frame were each frame's styling and layout. */
const made = new WeakMap<SVGSVGElement, ReturnType<typeof makeParts>>();
function partsOf(root: SVGSVGElement): ReturnType<typeof makeParts> {
  let parts = made.get(root);
  if (parts?.line.parentNode !== root) {
    parts = makeParts();
    root.replaceChildren(...parts.all);
    made.set(root, parts);
  }
  return parts;
}

function makeParts() {
  const label = (text: string, attributes: Record<string, string | number>) => {
    const t = svg("text", { fill: "currentColor", "font-size": 11, ...attributes });
    t.textContent = text;
    return t;
  };
  const base = H - PAD.bottom;
  const line = svg("path", { fill: "none", stroke: "var(--link)", "stroke-width": 1.5 });
  const test = svg("path", {
    class: "test-curve",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": 1.2,
    "stroke-dasharray": "4 3",
  });
  // What changes: the top and bottom of the loss axis, the last epoch, the last losses.
  const labels = [
    label("", { x: PAD.left - 4, y: PAD.top + 9, "text-anchor": "end" }),
    label("", { x: PAD.left - 4, y: base, "text-anchor": "end" }),
    label("", { x: W - PAD.right, y: H - 6, "text-anchor": "end" }),
    label("", { x: W - PAD.right, y: PAD.top + 9, "text-anchor": "end", class: "reading" }),
  ];
  const axes = svg("path", {
    d: `M${PAD.left},${PAD.top}V${base}H${W - PAD.right}`,
    fill: "none",
    stroke: "currentColor",
    "stroke-opacity": 0.5,
  });
  const still = [
    label("0", { x: PAD.left, y: H - 6, "text-anchor": "middle" }),
    label("loss", { x: 4, y: H / 2, "text-anchor": "start" }),
  ];
  return { line, test, labels, all: [axes, line, test, ...labels, ...still] };
}
