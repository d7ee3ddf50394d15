import { paint } from "./colour.ts";
import { at, svg } from "./svg.ts";

// The network drawn as TensorFlow Playground draws it: a column of neurons per layer, each weight
// an edge whose colour is its sign and whose width its size, and inside each neuron past the
// inputs a picture of its output over the input plane. The pictures are small canvases laid over
// the SVG (painted, never encoded as images: a frame of the heaviest network stays cheap).

const NODE = 20;
const GAP = 26; // between neurons' centres in a column
const MARGIN = 28; // from the edge to the first and the last column's centres
/** The least room between two columns' centres: a deep network's diagram grows wider, not denser. */
const COLUMN = 48;

/** The diagram's width (in its own units) for `layers` columns, inputs and output included. */
const widthOf = (layers: number) => Math.max(320, 2 * MARGIN + COLUMN * (layers - 1));

/** Where layer l of `layers` columns sits across the diagram, as a share of its width (the +/− buttons above it line up). */
export function columnAt(l: number, layers: number): number {
  const W = widthOf(layers);
  return (MARGIN + ((W - 2 * MARGIN) * l) / (layers - 1)) / W;
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

/** What the pointer is over in the diagram: a neuron past the inputs (its index among them), or a parameter's edge. */
export type DiagramTarget = { neuron: number } | { param: number } | undefined;

/** The diagram of one network, drawn once and updated with each snapshot. */
export class Diagram {
  private readonly marks: SVGElement[] = []; // by parameter index: its edge, or its neuron for a bias
  private readonly pictures: HTMLCanvasElement[] = []; // every neuron past the inputs, layer by layer

  /** Draws into `root` (an SVG inside `box`, a positioned element as large as it); `labels` name the inputs. */
  constructor(
    private readonly root: SVGSVGElement,
    box: HTMLElement,
    sizes: number[],
    labels: string[],
    hover: (target: DiagramTarget) => void,
    edit: (param: number) => void,
  ) {
    const W = widthOf(sizes.length);
    const H = Math.max(...sizes) * GAP + 4; // as tall as the widest layer needs
    root.setAttribute("viewBox", `0 0 ${W} ${H}`);
    // For CSS that caps the diagram's height by its width, and keeps the +/− buttons above it as
    // wide as it (on its figure, which holds both).
    (box.closest("figure") ?? box).style.setProperty("--aspect", String(W / H));
    const x = (l: number) => W * columnAt(l, sizes.length);
    const y = (l: number, k: number) => H / 2 + (k - (sizes[l]! - 1) / 2) * GAP;
    const edges = svg("g");
    const nodes = svg("g");
    const neuron: SVGElement[][] = sizes.map(() => []);
    for (const old of box.querySelectorAll("canvas")) old.remove();
    sizes.forEach((size, l) => {
      for (let k = 0; k < size; k++) {
        const g = svg("g", { class: "neuron", transform: `translate(${at(x(l))},${at(y(l, k))})` });
        if (l === 0) {
          g.append(svg("circle", { r: NODE / 2, class: "input" }));
          const label = svg("text", {
            "text-anchor": "end",
            x: -NODE / 2 - 2,
            dy: "0.35em",
            "font-size": 9,
            fill: "currentColor",
          });
          label.textContent = labels[k] ?? "";
          g.append(label);
        } else {
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
        }
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
