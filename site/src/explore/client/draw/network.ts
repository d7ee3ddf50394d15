import { paint, paintShades } from "./colour.ts";
import { svg } from "./svg.ts";

// What moves in the network's diagram, painted on one canvas under its SVG: each edge's colour
// and width, each neuron's picture, each bias's square. One canvas, not a canvas per neuron and an
// SVG line per edge: those made the heaviest network's frames mostly the browser's restyling,
// layering and committing (traced at a 4× CPU slowdown: up to 150 ms a frame).

/** Where things are, in the diagram's units (W wide): edges and bias squares by parameter index, pictures in neuron order. */
export interface NetworkLayout {
  W: number;
  node: number;
  bias: number;
  edges: ({ x1: number; y1: number; x2: number; y2: number } | undefined)[];
  centres: { x: number; y: number }[];
  squares: { x: number; y: number }[];
}

/** One snapshot's values: the parameters, the hidden neurons' shades (n × n each, in order), the output's values and their scale to [0, 1]. */
export interface NetworkFrame {
  params: number[];
  units: Uint16Array;
  output: ArrayLike<number>;
  n: number;
  scale: (v: number) => number;
}

/** Paints `frame` on `canvas` (its size in device pixels); the edges' colours come from the probes in `root`. */
export function paintNetwork(
  canvas: HTMLCanvasElement,
  root: SVGSVGElement,
  layout: NetworkLayout,
  frame: NetworkFrame,
): void {
  const context = canvas.getContext("2d");
  const colours = edgeColours(root);
  if (!context || !colours) return;
  const s = canvas.width / layout.W;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.setTransform(s, 0, 0, s, 0, 0);
  context.lineCap = "round";
  const { params, units, output, n, scale } = frame;
  layout.edges.forEach((ends, k) => {
    if (!ends) return;
    const w = params[k]!;
    context.strokeStyle = w >= 0 ? colours.pos : colours.neg;
    context.lineWidth = 0.4 + (2.6 * Math.min(Math.abs(w), 3)) / 3; // 0.4 to 3 units: thicker is larger
    context.beginPath();
    context.moveTo(ends.x1, ends.y1);
    context.lineTo(ends.x2, ends.y2);
    context.stroke();
  });
  // Each picture through one small canvas, then drawn in its neuron's place, its pixels kept.
  scratch ??= document.createElement("canvas");
  context.imageSmoothingEnabled = false;
  const { centres, node } = layout;
  centres.forEach((centre, k) => {
    if (k + 1 < centres.length) paintShades(scratch!, units, k * n * n, n);
    else paint(scratch!, output, n, scale); // the last neuron: the output
    context.drawImage(scratch!, centre.x - node / 2, centre.y - node / 2, node, node);
  });
  // Each bias's square in its sign's colour.
  layout.squares.forEach((square, k) => {
    context.fillStyle = params[k]! >= 0 ? colours.pos : colours.neg;
    context.fillRect(square.x, square.y, layout.bias, layout.bias);
  });
}

/** A canvas for one picture at a time, shared by every diagram. */
let scratch: HTMLCanvasElement | undefined;

/** An invisible line styled as an edge of this sign, for `root`: the canvas reads its colour from the CSS. */
export const edgeProbe = (sign: "pos" | "neg") =>
  svg("line", { class: `edge ${sign} probe`, visibility: "hidden" });

/** The edges' colours in the scheme in force (the CSS's light-dark pair): read again only when the scheme may have changed. */
let colours: { key: string; pos: string; neg: string } | undefined;
const darkScheme = matchMedia("(prefers-color-scheme: dark)"); // one query, read each paint
function edgeColours(root: SVGSVGElement): { pos: string; neg: string } | undefined {
  const key = `${document.documentElement.dataset.theme}|${darkScheme.matches}`;
  if (colours?.key === key) return colours;
  const [pos, neg] = [".edge.pos.probe", ".edge.neg.probe"].map((selector) => {
    const probe = root.querySelector(selector);
    return probe ? getComputedStyle(probe).stroke : undefined;
  });
  if (!pos || !neg) return undefined;
  colours = { key, pos, neg };
  return colours;
}
