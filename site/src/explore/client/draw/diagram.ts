import { type Feature, FEATURE_NAMES } from "@gradbook/train";
import type { Plane } from "../plane.ts";
import { paint } from "./colour.ts";
import { featureTiles } from "./features.ts";
import { at, svg } from "./svg.ts";

// The network drawn as TensorFlow Playground draws it: a column of neurons per layer, each weight
// an edge whose colour is its sign and whose width its size, and inside each neuron past the
// inputs a picture of its output over the input plane. The pictures are small canvases laid over
// the SVG (painted, never encoded as images: a frame of the heaviest network stays cheap).

const NODE = 20;
const GAP = 26; // between neurons' centres in a column
const LEFT = 64; // from the left edge to the inputs' centres: room for their names
const RIGHT = 28; // from the output's centre to the right edge
/** The least room between two columns' centres: a deep network's diagram grows wider, not denser. */
const COLUMN = 48;

/** The diagram's width (in its own units) for `layers` columns, inputs and output included. */
const widthOf = (layers: number) => Math.max(320, LEFT + RIGHT + COLUMN * (layers - 1));

/** Where layer l of `layers` columns sits across the diagram, as a share of its width (the +/− buttons above it line up). */
export function columnAt(l: number, layers: number): number {
  const W = widthOf(layers);
  return (LEFT + ((W - LEFT - RIGHT) * l) / (layers - 1)) / W;
}

/** A parameter's place in the network: a weight from neuron i of layer l to neuron j of layer l + 1, or neuron j's bias. */
export interface ParamPlace {
  name: string;
  layer: number;
  to: number;
  from?: number;
}

/** The parameters of an MLP of these layer sizes (inputs first) in PyTorch's order: each layer's W row by row, then b. */
export function paramPlaces(sizes: number[]): ParamPlace[] {
  const places: ParamPlace[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let j = 0; j < sizes[l + 1]!; j++)
      for (let i = 0; i < sizes[l]!; i++)
        places.push({ name: `W${l + 1}[${j},${i}]`, layer: l, to: j, from: i });
    for (let j = 0; j < sizes[l + 1]!; j++)
      places.push({ name: `b${l + 1}[${j}]`, layer: l, to: j });
  }
  return places;
}

/** What the pointer is over in the diagram: an input feature, a neuron past the inputs (its index among them), or a parameter's edge. */
export type DiagramTarget =
  | { feature: Feature }
  | { neuron: number }
  | { param: number }
  | undefined;

/** What a diagram shows and what it answers to. */
export interface DiagramOptions {
  /** The features the network sees, in its inputs' order, and its hidden layers' sizes. */
  features: readonly Feature[];
  hidden: readonly number[];
  /** The input plane, for the features' pictures. */
  plane: Plane;
  /** The side of the pictures' grid. */
  grid: number;
  hover: (target: DiagramTarget) => void;
  edit: (param: number) => void;
  /** A feature's button was pressed: the network should see it, or no longer. */
  toggle: (feature: Feature) => void;
}

/** The diagram of one network, drawn once and updated with each snapshot. */
export class Diagram {
  private readonly marks: SVGElement[] = []; // by parameter index: its edge, or its neuron for a bias
  private readonly pictures: HTMLCanvasElement[] = []; // every neuron past the inputs, layer by layer
  /** Each feature's picture over the plane (values in [0, 1]). */
  readonly features: Map<Feature, number[]>;

  /** Draws into `root` (an SVG inside `box`, a positioned element as large as it). */
  constructor(
    private readonly root: SVGSVGElement,
    box: HTMLElement,
    { features, hidden, plane, grid, hover, edit, toggle }: DiagramOptions,
  ) {
    const sizes = [features.length, ...hidden, 1];
    const W = widthOf(sizes.length);
    // As tall as the widest layer needs; the inputs' column holds every feature, on or off.
    const H = Math.max(FEATURE_NAMES.length, ...sizes) * GAP + 4;
    root.setAttribute("viewBox", `0 0 ${W} ${H}`);
    // For CSS that caps the diagram's height by its width, and keeps the +/− buttons above it as
    // wide as it (on its figure, which holds both).
    (box.closest("figure") ?? box).style.setProperty("--aspect", String(W / H));
    const x = (l: number) => W * columnAt(l, sizes.length);
    const row = (r: number, rows: number) => H / 2 + (r - (rows - 1) / 2) * GAP;
    // An input sits in its feature's row: TF Playground's order, whatever the network's.
    const y = (l: number, k: number) =>
      l === 0 ? row(FEATURE_NAMES.indexOf(features[k]!), FEATURE_NAMES.length) : row(k, sizes[l]!);
    const edges = svg("g");
    const nodes = svg("g");
    const neuron: SVGElement[][] = sizes.map(() => []);
    for (const old of box.querySelectorAll("canvas, button.feature")) old.remove();
    // Each feature's button: its name from the left edge, its picture where an input neuron sits.
    this.features = featureTiles(
      box,
      features,
      plane,
      grid,
      (r) => ({
        left: 1 / W,
        top: (row(r, FEATURE_NAMES.length) - GAP / 2 + 1) / H,
        width: (x(0) + NODE / 2 - 1) / W,
        height: (GAP - 2) / H,
        tile: NODE / (GAP - 2),
      }),
      toggle,
      (feature) => hover(feature && { feature }),
    );
    // The neurons past the inputs: a frame, and over it a canvas for the picture of its output.
    sizes.forEach((size, l) => {
      for (let k = 0; k < size && l > 0; k++) {
        const g = svg("g", { class: "neuron", transform: `translate(${at(x(l))},${at(y(l, k))})` });
        g.append(
          svg("rect", { x: -NODE / 2, y: -NODE / 2, width: NODE, height: NODE, class: "frame" }),
        );
        const picture = document.createElement("canvas");
        const index = this.pictures.length;
        picture.className = "picture";
        Object.assign(picture.style, {
          left: `${(100 * (x(l) - NODE / 2)) / W}%`,
          top: `${(100 * (y(l, k) - NODE / 2)) / H}%`,
          width: `${(100 * NODE) / W}%`,
          height: `${(100 * NODE) / H}%`,
        });
        picture.addEventListener("pointerenter", () => hover({ neuron: index }));
        picture.addEventListener("pointerleave", () => hover(undefined));
        this.pictures.push(picture);
        box.append(picture);
        neuron[l]!.push(g);
        nodes.append(g);
      }
    });
    const hits: SVGElement[] = [];
    for (const [k, place] of paramPlaces(sizes).entries()) {
      const { layer: l, to: j, from: i } = place;
      if (i === undefined) {
        this.marks.push(neuron[l + 1]![j]!);
        continue;
      }
      const ends = {
        x1: at(x(l) + NODE / 2),
        y1: at(y(l, i)),
        x2: at(x(l + 1) - NODE / 2),
        y2: at(y(l + 1, j)),
      };
      const edge = svg("line", { ...ends, class: "edge" });
      // A wider, invisible line over each edge: something a pointer can find and click to edit
      // the weight. The keyboard reaches the edges as one stop: the arrows move between them.
      const hit = svg("line", {
        ...ends,
        class: "hit",
        "data-param": k,
        role: "button",
        tabindex: hits.length === 0 ? 0 : -1,
        "aria-label": `Edit weight ${place.name}`,
      });
      const index = hits.length;
      hits.push(hit);
      hit.addEventListener("pointerenter", () => hover({ param: k }));
      hit.addEventListener("pointerleave", () => hover(undefined));
      hit.addEventListener("focus", () => hover({ param: k }));
      hit.addEventListener("blur", () => hover(undefined));
      hit.addEventListener("click", () => edit(k));
      hit.addEventListener("keydown", (event) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
        if (event.key === "Enter" || event.key === " ") edit(k);
        else if (step === undefined) return;
        else {
          const next = hits[(index + step + hits.length) % hits.length]!;
          hit.setAttribute("tabindex", "-1");
          next.setAttribute("tabindex", "0");
          next.focus();
        }
        event.preventDefault();
      });
      this.marks.push(edge);
      edges.append(edge, hit);
    }
    root.replaceChildren(edges, nodes);
  }

  /** Sets each edge's colour and width from its weight, and paints each neuron's picture (values over the plane, scaled to [0, 1]). */
  update(
    params: number[],
    pictures: ArrayLike<number>[],
    n: number,
    scales: ((v: number) => number)[],
  ): void {
    // Only what changed: a sign that flipped, a width that moved a step (0.1). Setting every edge's
    // attributes each frame restyled the whole diagram, most of a frame's time in the heaviest net.
    this.marks.forEach((mark, k) => {
      if (mark.tagName !== "line") return;
      const w = params[k]!;
      const sign = w >= 0 ? "pos" : "neg";
      if (!mark.classList.contains(sign)) {
        mark.classList.remove(sign === "pos" ? "neg" : "pos");
        mark.classList.add(sign);
      }
      const width = (Math.round(4 + (26 * Math.min(Math.abs(w), 3)) / 3) / 10).toString();
      if (mark.getAttribute("stroke-width") !== width) mark.setAttribute("stroke-width", width);
    });
    pictures.forEach(
      (values, k) => this.pictures[k] && paint(this.pictures[k], values, n, scales[k]!),
    );
  }

  /** Marks parameter k (its edge, or its neuron for a bias), or none. */
  highlight(k: number | undefined): void {
    for (const mark of this.root.querySelectorAll(".hot")) mark.classList.remove("hot");
    const mark = k === undefined ? undefined : this.marks[k];
    if (!mark) return;
    mark.classList.add("hot");
    mark.parentNode!.insertBefore(mark, null); // drawn last: on top of the others
  }
}
