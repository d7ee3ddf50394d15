import { quoteDot } from "@gradbook/autograd";
import type { MLP } from "./mlp.ts";

/** Options of {@link diagram}. */
export interface DiagramOptions {
  /** The graph's name and `id`: Graphviz prefixes the SVG ids with it, so graphs on one page need distinct ids. @default "mlp" */
  id?: string;
  /** Layout direction: inputs on the left, or on top. @default "LR" */
  rankdir?: "LR" | "TB";
  /** The most neurons drawn per layer; a wider layer shows its first ones and a note of how many more. @default 10 */
  maxPerLayer?: number;
}

/**
 * The network as a Graphviz DOT graph: a box per layer, labelled with its role, activation and
 * size (`input (2)`, `hidden 1: tanh (5)`, `output: linear (1)`), a circle per neuron, and an
 * edge for every weight between consecutive layers. Render it with `graph()` from
 * `@gradbook/lessons/figure`.
 *
 * @example
 * const dot = diagram(new MLP(2, [5, 4, 1], { outputActivation: "linear" }), { id: "assignment-net" });
 */
export function diagram(model: MLP, opts: DiagramOptions = {}): string {
  const id = opts.id ?? "mlp";
  const max = opts.maxPerLayer ?? 10;
  if (!Number.isInteger(max) || max < 2)
    throw new RangeError(`diagram: maxPerLayer must be an integer ≥ 2, got ${max}`);
  const sizes = model.sizes;
  const last = sizes.length - 1;
  const lr = (opts.rankdir ?? "LR") === "LR";
  const lines = [
    `digraph ${quoteDot(id)} {`,
    `  graph [id=${quoteDot(id)}, rankdir=${lr ? "LR" : "TB"}, fontname="Courier", fontsize=12, splines=line, nodesep=0.1, ranksep=0.6,`,
    `    remincross=false, mclimit=0.01];`,
    `  node [fontname="Courier", fontsize=12, shape=circle, fixedsize=true, width=0.35, label=""];`,
    `  edge [arrowsize=0.4, penwidth=0.6];`,
  ];
  // Each layer a cluster; inputs named x1 … and outputs y1 … (just y and x when there is one).
  const shown = sizes.map((n) => (n > max ? max - 1 : n));
  sizes.forEach((n, l) => {
    const label =
      l === 0
        ? `input (${n})`
        : `${l === last ? "output" : `hidden ${l}`}: ${model.layers[l - 1]!.activation} (${n})`;
    lines.push(`  subgraph cluster_${l} {`, `    label=${quoteDot(label)}; style=rounded;`);
    const nodes: string[] = [];
    for (let j = 0; j < shown[l]!; j++) {
      const name = l === 0 ? "x" : l === last ? "y" : "";
      const text = name && (n === 1 ? name : `${name}${j + 1}`);
      nodes.push(`n${l}_${j}`);
      lines.push(`    n${l}_${j}${text ? ` [label=${quoteDot(text)}]` : ""};`);
    }
    if (shown[l]! < n) {
      nodes.push(`n${l}_more`);
      lines.push(
        `    n${l}_more [shape=plaintext, fixedsize=false, label=${quoteDot(`+${n - shown[l]!} more`)}];`,
      );
    }
    // One column (row, for TB) in order: invisible edges between neighbours, and crossing
    // minimisation kept short (mclimit) so that it does not reorder them. Dot lays a rank out
    // left to right, which LR turns into bottom to top: chain the nodes last to first there.
    if (nodes.length > 1)
      lines.push(
        `    { rank=same; ${(lr ? nodes.reverse() : nodes).join(" -> ")} [style=invis]; }`,
      );
    lines.push("  }");
  });
  // Every neuron of layer l feeds every neuron of layer l + 1: one edge per weight.
  for (let l = 0; l < last; l++) {
    for (let i = 0; i < shown[l]!; i++)
      for (let j = 0; j < shown[l + 1]!; j++) lines.push(`  n${l}_${i} -> n${l + 1}_${j};`);
  }
  lines.push("}");
  return lines.join("\n");
}
