import { topologicalOrder } from "./backward.ts";
import { fixed } from "./fixed.ts";
import { leaf } from "./ops.ts";
import type { Value } from "./value.ts";

/** Options of {@link toDot}. */
export interface DotOptions {
  /** Layout direction: left to right like micrograd, or top to bottom. @default "LR" */
  rankdir?: "LR" | "TB";
  /** The graph's name and `id`: Graphviz prefixes the SVG ids with it, so graphs on one page need distinct ids. */
  id?: string;
  /** Decimals shown for data and grad. @default 4 */
  digits?: number;
}

/**
 * The graph below `root` in Graphviz DOT, drawn like micrograd: a record per value (label, data,
 * grad) and an ellipse per operation, edges from operands to op to result.
 *
 * Values are numbered in topological order, so the same graph gives the same text.
 *
 * @example
 * const a = new Value(2, "a");
 * const e = a.mul(-3).tanh().named("e");
 * e.backward();
 * toDot(e, { rankdir: "TB", id: "tanh-graph" }); // 'digraph "tanh-graph" { … }'
 */
export function toDot(root: Value, opts: DotOptions = {}): string {
  const digits = opts.digits ?? 4;
  const order = topologicalOrder(root);
  const name = opts.id === undefined ? "G" : opts.id;
  const lines = [
    `digraph ${quoteDot(name)} {`,
    `  graph [${opts.id === undefined ? "" : `id=${quoteDot(opts.id)}, `}rankdir=${opts.rankdir ?? "LR"}, fontname="Courier"];`,
    `  node [fontname="Courier"];`,
    `  edge [fontname="Courier"];`,
  ];
  // Number the values as they are first written: leaves just before the op that first uses them.
  const ids = new Map<Value, string>();
  const record = (v: Value): string => {
    let id = ids.get(v);
    if (id === undefined) {
      id = `v${ids.size}`;
      ids.set(v, id);
      const fields = [`data ${fixed(v.data, digits)}`, `grad ${fixed(v.grad, digits)}`];
      if (v.label) fields.unshift(escapeRecord(v.label));
      lines.push(`  ${id} [shape=record, label="{ ${fields.join(" | ")} }"];`);
    }
    return id;
  };
  for (const v of order) {
    if (v.op === leaf) continue; // drawn with the op that first uses it (or below, if alone)

    const operands = [v.a, v.b].filter((x) => x !== null).map(record);
    const id = record(v);
    const op = `${id}_op`;
    lines.push(`  ${op} [shape=ellipse, label=${quoteDot(symbol(v))}];`);
    for (const operand of operands) lines.push(`  ${operand} -> ${op};`);
    lines.push(`  ${op} -> ${id};`);
  }
  if (root.op === leaf) record(root); // a leaf alone: nothing computed
  lines.push("}");
  return lines.join("\n");
}

/** The op's symbol, with its number operand to 4 digits: `*`, `+1`, `-0.5`, `*2`, `^2`. */
function symbol(v: Value): string {
  const s = v.op.symbol;
  return typeof s === "string" ? s : s(Number(v.numberOperand.toPrecision(4)));
}

/** `s` as a DOT quoted string: backslashes and double quotes escaped, line breaks as spaces. */
export function quoteDot(s: string): string {
  return `"${s.replace(/[\\"]/g, "\\$&").replace(/\r?\n/g, " ")}"`;
}

/** Text inside a record label: the record syntax `{ } | < >` escaped too, and quote-safe. */
function escapeRecord(s: string): string {
  return s.replace(/[\\"{}|<>]/g, "\\$&").replace(/\r?\n/g, " ");
}
