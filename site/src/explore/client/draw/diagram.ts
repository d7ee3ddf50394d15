import { type Feature, FEATURE_NAMES } from "@gradbook/train";
import type { Plane } from "../plane.ts";
import { featureTiles } from "./features.ts";
import { edgeProbe, type NetworkFrame, type NetworkLayout, paintNetwork } from "./network.ts";
import { paramPlaces } from "./places.ts";
import { at, svg } from "./svg.ts";

// The network drawn as TensorFlow Playground draws it: the inputs' column of feature buttons, a
// column of neurons per layer, each weight an edge whose colour is its sign and whose width its
// size, each bias a small square, and inside each neuron past the inputs a picture of its output
// over the input plane. What moves is painted on a canvas under the SVG (./network.ts); the SVG
// holds what stays: the neurons' frames and every parameter's pointer and keyboard target.

// The pictures take most of the room, as TF Playground's readable squares do: a column is
// little more than its pictures wide, a row little more than its pictures tall, so that six hidden
// layers of 8 still fit a 300 px column with pictures over 20 px a side.
const NODE = 20;
const BIAS = 6; // a bias's square
const GAP = 24; // between neurons' centres in a column
const LEFT = 42; // from the left edge to the inputs' centres: room for their names
const RIGHT = 12; // from the output's centre to the right edge
/** The least room between two columns' centres: a deep network's diagram grows wider, not denser. */
const COLUMN = 32;

/** The diagram's width (in its own units) for `layers` columns, inputs and output included. */
const widthOf = (layers: number) => Math.max(240, LEFT + RIGHT + COLUMN * (layers - 1));

/** Where layer l of `layers` columns sits across the diagram, as a share of its width (the +/− buttons above it line up). */
export function columnAt(l: number, layers: number): number {
  const W = widthOf(layers);
  return (LEFT + ((W - LEFT - RIGHT) * l) / (layers - 1)) / W;
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
  private readonly canvas = document.createElement("canvas");
  private readonly layout: NetworkLayout;
  private readonly biases: SVGElement[] = []; // by parameter index: a bias's neuron
  private readonly hot = svg("line", { class: "edge hot", visibility: "hidden" });
  private last?: NetworkFrame;
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
    const layout: NetworkLayout = {
      W,
      node: NODE,
      bias: BIAS,
      edges: [],
      centres: [],
      squares: [],
    };
    this.layout = layout;
    root.setAttribute("viewBox", `0 0 ${W} ${H}`);
    // For CSS that caps the diagram's height by its width, and keeps the +/− buttons above it as
    // wide as it (on its figure, which holds both).
    (box.closest("figure") ?? box).style.setProperty("--aspect", String(W / H));
    const x = (l: number) => W * columnAt(l, sizes.length);
    const row = (r: number, rows: number) => H / 2 + (r - (rows - 1) / 2) * GAP;
    // An input sits in its feature's row: TF Playground's order, whatever the network's.
    const y = (l: number, k: number) =>
      l === 0 ? row(FEATURE_NAMES.indexOf(features[k]!), FEATURE_NAMES.length) : row(k, sizes[l]!);
    for (const old of box.querySelectorAll("canvas, button.feature")) old.remove();
    this.canvas.className = "network";
    box.prepend(this.canvas); // under the SVG
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
    // The neurons past the inputs: a frame over the place of the picture of its output.
    const nodes = svg("g");
    const neurons = sizes.map((size, l) =>
      Array.from({ length: l > 0 ? size : 0 }, (_, k) => {
        const g = svg("g", { class: "neuron", transform: `translate(${at(x(l))},${at(y(l, k))})` });
        g.append(
          svg("rect", { x: -NODE / 2, y: -NODE / 2, width: NODE, height: NODE, class: "frame" }),
        );
        const index = layout.centres.length;
        layout.centres.push({ x: x(l), y: y(l, k) });
        g.addEventListener("pointerenter", () => hover({ neuron: index }));
        g.addEventListener("pointerleave", () => hover(undefined));
        nodes.append(g);
        return g;
      }),
    );
    // Over each edge an invisible, wider line, and at each neuron's lower left corner a small
    // square for its bias, as TF Playground draws it: something a pointer can find and click to
    // edit the parameter. The keyboard reaches them as one stop: the arrows move along them.
    const [targets, squares] = [svg("g"), svg("g")]; // the squares over the neurons' frames
    const hits: SVGElement[] = [];
    for (const [k, place] of paramPlaces(sizes).entries()) {
      const { layer: l, to: j, from: i } = place;
      const ends =
        i === undefined
          ? undefined
          : { x1: x(l) + NODE / 2, y1: y(l, i), x2: x(l + 1) - NODE / 2, y2: y(l + 1, j) };
      layout.edges.push(ends);
      if (!ends) {
        this.biases[k] = neurons[l + 1]![j]!;
        // Beside its neuron's lower left corner, clear of its picture.
        layout.squares[k] = { x: x(l + 1) - NODE / 2 - BIAS, y: y(l + 1, j) + NODE / 2 - BIAS };
      }
      const common = {
        "data-param": k,
        role: "button",
        tabindex: hits.length === 0 ? 0 : -1,
        "aria-label": `Edit ${ends ? "weight" : "bias"} ${place.name}`,
      };
      const hit: SVGElement = ends
        ? svg("line", {
            x1: at(ends.x1),
            y1: at(ends.y1),
            x2: at(ends.x2),
            y2: at(ends.y2),
            class: "hit",
            ...common,
          })
        : svg("rect", {
            ...layout.squares[k],
            width: BIAS,
            height: BIAS,
            class: "bias-hit",
            ...common,
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
      (ends ? targets : squares).append(hit);
    }
    root.replaceChildren(targets, nodes, squares, this.hot, edgeProbe("pos"), edgeProbe("neg"));
    this.resize(box.clientWidth, box.clientHeight);
  }

  /** Sizes the canvas to the box's `width` × `height` CSS pixels in device pixels (sharp at any size), and repaints. */
  resize(width: number, height: number): void {
    const scale = devicePixelRatio || 1;
    const [w, h] = [Math.round(width * scale), Math.round(height * scale)];
    if (w === this.canvas.width && h === this.canvas.height) return;
    this.canvas.width = w;
    this.canvas.height = h;
    this.paint();
  }

  /**
   * Paints each edge's colour and width from its weight, each hidden neuron's picture from its
   * shades (n × n each, in order) and the output's from its values, scaled to [0, 1] by `scale`.
   */
  update(
    params: number[],
    units: Uint16Array,
    output: ArrayLike<number>,
    n: number,
    scale: (v: number) => number,
  ): void {
    this.last = { params, units, output, n, scale };
    this.paint();
  }

  /** Paints the last frame again (the colour scheme changed). */
  paint(): void {
    if (this.last && this.canvas.isConnected)
      paintNetwork(this.canvas, this.root, this.layout, this.last);
  }

  /** Marks parameter k (its edge, or its neuron for a bias), or none. */
  highlight(k: number | undefined): void {
    for (const mark of this.root.querySelectorAll(".neuron.hot")) mark.classList.remove("hot");
    const ends = k === undefined ? undefined : this.layout.edges[k];
    this.hot.setAttribute("visibility", ends ? "visible" : "hidden");
    if (ends)
      for (const [name, value] of Object.entries(ends)) this.hot.setAttribute(name, at(value));
    else if (k !== undefined) this.biases[k]?.classList.add("hot");
  }
}
