// The live curves of a run trained in the page: training and validation values per epoch, drawn
// again each time an epoch ends. The x axis spans the whole run from the start, so the curve grows
// to the right as the epochs arrive; each epoch is a dot, joined by a line.

const NS = "http://www.w3.org/2000/svg";
const [W, H] = [320, 170];
const PAD = { left: 46, right: 10, top: 10, bottom: 24 };

/** One curve: its values by epoch (from the first), and its class (`train` or `validation`, for its colour). */
export interface Series {
  kind: "train" | "validation";
  values: number[];
}

function el(name: string, attributes: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) e.setAttribute(key, String(value));
  return e;
}

function text(content: string, attributes: Record<string, string | number>): SVGElement {
  const t = el("text", { fill: "currentColor", "font-size": 12, ...attributes });
  t.textContent = content;
  return t;
}

/**
 * Draws `series` of a run of `epochs` epochs into `root` (viewBox 0 0 320 170): the y axis from 0
 * to the largest value (losses), or up to 100% with `percent` (accuracies).
 */
export function drawCurves(
  root: SVGSVGElement,
  series: Series[],
  epochs: number,
  opts: { percent?: boolean } = {},
): void {
  const values = series.flatMap((s) => s.values).filter(Number.isFinite);
  const top = opts.percent ? 1 : Math.max(...values, 1e-9) * 1.1;
  // Accuracies crowd near 100%: the axis starts at the lowest tenth below the lowest value.
  const bottom = opts.percent ? Math.min(0.9, Math.floor(10 * Math.min(...values, 1)) / 10) : 0;
  const x = (epoch: number) =>
    PAD.left + (W - PAD.left - PAD.right) * (epochs > 1 ? epoch / (epochs - 1) : 0.5);
  const y = (v: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (top - v)) / (top - bottom);
  const show = (v: number) => (opts.percent ? `${Math.round(100 * v)}%` : v.toPrecision(2));
  const base = H - PAD.bottom;
  const curves = series.flatMap((s) => {
    const points = s.values.map((v, i) => [x(i).toFixed(1), y(v).toFixed(1)] as const);
    return [
      el("polyline", {
        class: `curve curve-${s.kind}`,
        points: points.map((p) => p.join(",")).join(" "),
        fill: "none",
      }),
      ...points.map(([cx, cy]) => el("circle", { class: `dot dot-${s.kind}`, cx, cy, r: 2.5 })),
    ];
  });
  root.replaceChildren(
    el("path", {
      d: `M${PAD.left},${PAD.top}V${base}H${W - PAD.right}`,
      fill: "none",
      stroke: "currentColor",
      "stroke-opacity": 0.5,
    }),
    ...curves,
    text(show(top), { x: PAD.left - 4, y: PAD.top + 8, "text-anchor": "end" }),
    text(show(bottom), { x: PAD.left - 4, y: base, "text-anchor": "end" }),
    text("1", { x: x(0), y: base + 14, "text-anchor": "middle" }),
    text(`epoch ${epochs}`, { x: W - PAD.right, y: base + 14, "text-anchor": "end" }),
  );
  root.dataset.points = String(series.reduce((n, s) => n + s.values.length, 0));
}
