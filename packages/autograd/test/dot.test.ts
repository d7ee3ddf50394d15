import { describe, expect, it } from "vitest";
import { toDot, Value } from "../src/index.ts";

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

/** micrograd's example: L = tanh(a·b + 10) with labels, after backward. */
function example(): Value {
  const a = new Value(2, "a");
  const b = new Value(-3, "b");
  const e = a.mul(b).named("e");
  const d = e.add(10).named("d");
  const L = d.tanh().named("L");
  L.backward();
  return L;
}

describe("toDot", () => {
  it("prints a small graph exactly", () => {
    const x = new Value(2, "x");
    const y = x.pow(2).named("y");
    y.backward();
    expect(toDot(y)).toBe(
      [
        'digraph "G" {',
        '  graph [rankdir=LR, fontname="Courier"];',
        '  node [fontname="Courier"];',
        '  edge [fontname="Courier"];',
        '  v0 [shape=record, label="{ x | data 2.0000 | grad 4.0000 }"];',
        '  v1 [shape=record, label="{ y | data 4.0000 | grad 1.0000 }"];',
        '  v1_op [shape=ellipse, label="^2"];',
        "  v0 -> v1_op;",
        "  v1_op -> v1;",
        "}",
      ].join("\n"),
    );
  });

  it("draws a record per value, an ellipse per op, edges operand → op → result", () => {
    const dot = toDot(example());
    expect(count(dot, /shape=record/g)).toBe(5); // a, b, e, d, L
    expect(count(dot, /shape=ellipse/g)).toBe(3); // *, +10, tanh
    expect(count(dot, / -> /g)).toBe(7); // a, b → * → e → +10 → d → tanh → L
    for (const label of ["a", "b", "e", "d", "L"]) expect(dot).toContain(`{ ${label} | data `);
    for (const op of ["*", "+10", "tanh"]) expect(dot).toContain(`label="${op}"`);
  });

  it("shows data and grad to 4 decimals", () => {
    // L = tanh(4); dL/da = (1 − tanh²4)·b = −0.0040, dL/db = (1 − tanh²4)·a = 0.0027
    const dot = toDot(example());
    expect(dot).toContain('label="{ a | data 2.0000 | grad -0.0040 }"');
    expect(dot).toContain('label="{ b | data -3.0000 | grad 0.0027 }"');
    expect(dot).toContain('label="{ L | data 0.9993 | grad 1.0000 }"');
  });

  it("draws both edges of a value used twice", () => {
    const x = new Value(3);
    expect(count(toDot(x.mul(x)), /v0 -> v1_op;/g)).toBe(2);
  });

  it("labels ops with their number operand", () => {
    const x = new Value(1);
    const ops = [x.add(1), x.sub(1.5), x.mul(2), x.div(4), x.pow(-0.5), x.neg(), x.exp()].map(
      (v) => toDot(v).match(/ellipse, label="(.*)"/)![1],
    );
    expect(ops).toEqual(["+1", "-1.5", "*2", "/4", "^-0.5", "neg", "exp"]);
  });

  it("draws a lone leaf without an op", () => {
    const dot = toDot(new Value(1.5));
    expect(count(dot, /shape=record/g)).toBe(1);
    expect(count(dot, /shape=ellipse| -> /g)).toBe(0);
    expect(dot).toContain('v0 [shape=record, label="{ data 1.5000 | grad 0.0000 }"];');
  });

  it("takes rankdir and a graph id", () => {
    const dot = toDot(example(), { rankdir: "TB", id: "fig-2" });
    expect(dot.split("\n").slice(0, 2)).toEqual([
      'digraph "fig-2" {',
      '  graph [id="fig-2", rankdir=TB, fontname="Courier"];',
    ]);
  });

  it("escapes labels and ids", () => {
    const dot = toDot(new Value(1, 'a "b" {c|d} <e> \\ f\nnext'), { id: 'my "graph"' });
    expect(dot).toContain(
      'label="{ a \\"b\\" \\{c\\|d\\} \\<e\\> \\\\ f next | data 1.0000 | grad 0.0000 }"',
    );
    expect(dot).toContain('digraph "my \\"graph\\"" {');
  });

  it("numbers values in the order they are first drawn: operands before their result", () => {
    const ids = [...toDot(example()).matchAll(/(v\d+) \[shape=record, label="\{ (\w+) /g)].map(
      (m) => `${m[1]}=${m[2]}`,
    );
    expect(ids).toEqual(["v0=a", "v1=b", "v2=e", "v3=d", "v4=L"]);
  });
});
