// diagram(): the network as Graphviz DOT, a cluster per layer, a node per neuron, an edge per weight.
import fc from "fast-check";
import { expect, it } from "vitest";
import { diagram, MLP } from "../src/index.ts";

const assignmentNet = () =>
  new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
/** A visible edge: one line at the top level (the invisible ones that order a layer sit inside its cluster). */
const edge = /^ {2}n\d+_\d+ -> n\d+_\d+;$/gm;

it("labels the assignment's layers, draws 12 neurons and 2·5 + 5·4 + 4·1 = 34 edges", () => {
  const dot = diagram(assignmentNet(), { id: "assignment-net" });
  expect(
    dot.startsWith(
      'digraph "assignment-net" {\n  graph [id="assignment-net", rankdir=LR, fontname="Courier"',
    ),
  ).toBe(true);
  expect([...dot.matchAll(/label="([^"]*\(\d+\))"/g)].map((m) => m[1])).toEqual([
    "input (2)",
    "hidden 1: tanh (5)",
    "hidden 2: tanh (4)",
    "output: linear (1)",
  ]);
  expect(count(dot, /^ {4}n\d+_\d+/gm)).toBe(12);
  expect(count(dot, edge)).toBe(34);
  expect(dot).toContain('n0_0 [label="x1"]');
  expect(dot).toContain('n3_0 [label="y"]');
  expect(dot.endsWith("}")).toBe(true);
});

it("has a node per neuron and an edge per weight for any small shape", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 10 }),
      fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }),
      (nin, sizes) => {
        const dot = diagram(new MLP(nin, sizes));
        const all = [nin, ...sizes];
        expect(count(dot, /^ {4}n\d+_\d+/gm)).toBe(all.reduce((a, n) => a + n, 0));
        expect(count(dot, edge)).toBe(sizes.reduce((a, n, l) => a + all[l]! * n, 0));
        expect(count(dot, /subgraph cluster_/g)).toBe(all.length);
      },
    ),
  );
});

it("draws the first neurons of a wide layer and says how many more there are", () => {
  const dot = diagram(new MLP(784, [16, 10], { activation: "relu" }), { maxPerLayer: 8 });
  expect(dot).toContain('label="input (784)"');
  expect(dot).toContain('n0_more [shape=plaintext, fixedsize=false, label="+777 more"]');
  expect(dot).toContain('n1_more [shape=plaintext, fixedsize=false, label="+9 more"]');
  expect(count(dot, edge)).toBe(7 * 7 + 7 * 7);
});

it("keeps each layer's neurons in order, first on top (LR) or on the left (TB)", () => {
  const lr = diagram(new MLP(2, [3, 1]));
  expect(lr).toContain("{ rank=same; n1_2 -> n1_1 -> n1_0 [style=invis]; }"); // LR draws a rank bottom to top
  expect(lr).toContain("{ rank=same; n0_1 -> n0_0 [style=invis]; }");
  expect(diagram(new MLP(2, [3, 1]), { rankdir: "TB" })).toContain(
    "{ rank=same; n1_0 -> n1_1 -> n1_2 [style=invis]; }",
  );
});

it("uses the default id and the layout direction asked for", () => {
  expect(diagram(assignmentNet(), { rankdir: "TB" })).toMatch(
    /^digraph "mlp" \{\n {2}graph \[id="mlp", rankdir=TB,/,
  );
});
