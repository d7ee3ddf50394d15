import { at, svg } from "./svg.ts";

// The network drawn as TensorFlow Playground draws it: a column of neurons per layer, each weight
// an edge whose colour is its sign and whose width its size, and inside each neuron past the
// inputs a picture of its output over the input plane.

const W = 320;
const NODE = 20;
const GAP = 26; // between neurons' centres in a column

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
    for (let j = 0; j < sizes[l + 1]!; j++) for (let i = 0; i < sizes[l]!; i++) places.push({ name: `W${l + 1}[${j},${i}]`, layer: l, to: j, from: i });
    for (let j = 0; j < sizes[l + 1]!; j++) places.push({ name: `b${l + 1}[${j}]`, layer: l, to: j });
  }
  return places;
}

/** The diagram of one network, drawn once and updated with each snapshot. */
export class Diagram {
  private readonly marks: SVGElement[] = []; // by parameter index: its edge, or its neuron for a bias
  private readonly pictures: SVGImageElement[] = []; // every neuron past the inputs, layer by layer

  constructor(
    private readonly root: SVGSVGElement,
    sizes: number[],
  ) {
    const H = Math.max(...sizes) * GAP + 4; // as tall as the widest layer needs
    root.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const x = (l: number) => 24 + ((W - 48) * l) / (sizes.length - 1);
    const y = (l: number, k: number) => H / 2 + (k - (sizes[l]! - 1) / 2) * GAP;
    const edges = svg("g");
    const nodes = svg("g");
    const neuron: SVGElement[][] = sizes.map(() => []);
    sizes.forEach((size, l) => {
      for (let k = 0; k < size; k++) {
        const g = svg("g", { class: "neuron", transform: `translate(${at(x(l))},${at(y(l, k))})` });
        if (l === 0) {
          g.append(svg("circle", { r: NODE / 2, class: "input" }));
          const label = svg("text", { "text-anchor": "middle", dy: "0.35em", "font-size": 10, fill: "currentColor" });
          label.textContent = `x${"₁₂"[k]}`;
          g.append(label);
        } else {
          const picture = svg("image", { x: -NODE / 2, y: -NODE / 2, width: NODE, height: NODE, preserveAspectRatio: "none" });
          this.pictures.push(picture);
          g.append(picture, svg("rect", { x: -NODE / 2, y: -NODE / 2, width: NODE, height: NODE, class: "frame" }));
        }
        neuron[l]!.push(g);
        nodes.append(g);
      }
    });
    for (const place of paramPlaces(sizes)) {
      const { layer: l, to: j, from: i } = place;
      if (i === undefined) {
        this.marks.push(neuron[l + 1]![j]!);
        continue;
      }
      const edge = svg("line", { x1: at(x(l) + NODE / 2), y1: at(y(l, i)), x2: at(x(l + 1) - NODE / 2), y2: at(y(l + 1, j)) });
      this.marks.push(edge);
      edges.append(edge);
    }
    root.replaceChildren(edges, nodes);
  }

  /** Sets each edge's colour and width from its weight, and each neuron's picture (data URLs, layer by layer). */
  update(params: number[], pictures: string[]): void {
    this.marks.forEach((mark, k) => {
      if (mark.tagName !== "line") return;
      const w = params[k]!;
      mark.setAttribute("class", `edge ${w >= 0 ? "pos" : "neg"}${mark.classList.contains("hot") ? " hot" : ""}`);
      mark.setAttribute("stroke-width", at(0.4 + (2.6 * Math.min(Math.abs(w), 3)) / 3));
    });
    pictures.forEach((href, k) => this.pictures[k]?.setAttribute("href", href));
  }

  /** Marks parameter k (its edge, or its neuron for a bias), or none. */
  highlight(k: number | undefined): void {
    for (const mark of this.root.querySelectorAll(".hot")) mark.classList.remove("hot");
    const mark = k === undefined ? undefined : this.marks[k];
    if (!mark) return;
    mark.classList.add("hot");
    mark.parentNode!.append(mark); // drawn last: on top of the others
  }
}
