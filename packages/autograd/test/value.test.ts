import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ops, Value } from "../src/index.ts";

describe("Value", () => {
  it("holds data, grad 0, no label, no op", () => {
    const v = new Value(0.5);
    expect([v.data, v.grad, v.label, v.op, v.a, v.b]).toEqual([0.5, 0, "", ops.leaf, null, null]);
  });

  it("remembers its op and operands", () => {
    const a = new Value(2);
    const b = new Value(3);
    const c = a.mul(b);
    expect([c.data, c.op, c.a, c.b]).toEqual([6, ops.mul, a, b]);
    const d = a.mul(4);
    expect([d.data, d.op, d.a, d.b, d.numberOperand]).toEqual([8, ops.mulK, a, null, 4]);
  });

  it("takes a label in the constructor, by assignment, or chained with named()", () => {
    const w = new Value(1, "w1");
    const x = new Value(2);
    x.label = "x";
    const y = w.mul(x).named("y");
    expect([w.label, x.label, y.label]).toEqual(["w1", "x", "y"]);
  });

  it.each([
    [new Value(0.5), "Value(data=0.5, grad=0)"],
    [new Value(-1, "w1"), 'Value(data=-1, grad=0, label="w1")'],
    [new Value(1e-7, 'say "hi"'), 'Value(data=1e-7, grad=0, label="say \\"hi\\"")'],
  ])("prints %s", (v, text) => {
    expect(v.toString()).toBe(text);
    expect(String(v)).toBe(text);
  });

  it("prints its grad after backward", () => {
    const x = new Value(0.5, "x");
    x.mul(2).backward();
    expect(String(x)).toBe('Value(data=0.5, grad=2, label="x")');
  });

  it("inspects as it prints, also inside arrays", () => {
    const v = new Value(0.5, "b");
    expect(inspect(v)).toBe('Value(data=0.5, grad=0, label="b")');
    expect(inspect([new Value(1), new Value(2)])).toBe(
      "[ Value(data=1, grad=0), Value(data=2, grad=0) ]",
    );
  });
});
