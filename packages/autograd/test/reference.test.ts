// Expressions evaluated by PyTorch 1.13 in float64: every case's value and gradients, to 1e-12.
//
// fixtures/expressions.json is written by fixtures/expressions.py (PyTorch 1.13, float64, CPU;
// how to run it is in its first lines): an expression tree
// per case, its inputs, the forward value and d value / d leaf for every leaf, all uses summed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Value } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";
import { evaluate, type Expr } from "./expr.ts";

interface Case {
  id: string;
  tags: string[];
  expr: Expr;
  inputs: Record<string, number>;
  value: number;
  grads: Record<string, number>;
}

const cases: Case[] = JSON.parse(
  readFileSync(new URL("fixtures/expressions.json", import.meta.url), "utf8"),
).cases;

describe.each([
  ["number constants", false],
  ["constants as leaves", true],
])("PyTorch reference expressions, %s", (_, constantsAsLeaves) => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const leaves = Object.fromEntries(
      Object.entries(c.inputs).map(([name, x]) => [name, new Value(x, name)]),
    );
    const out = evaluate(c.expr, leaves, constantsAsLeaves);
    out.backward();
    expectClose(out.data, c.value, 1e-12, 1e-15);
    for (const [name, grad] of Object.entries(c.grads)) {
      // A gradient that is exactly 0 in PyTorch may be a cancellation here: allow 1e-15 absolute.
      expectClose(leaves[name]!.grad, grad, 1e-12, 1e-15);
    }
  });
});

it("the reference sample covers every op of the format", () => {
  const ops = new Set<string>();
  const walk = (e: Expr): void => {
    if ("op" in e) {
      ops.add(e.op);
      e.args.forEach(walk);
    }
  };
  cases.forEach((c) => walk(c.expr));
  expect([...ops].sort()).toEqual([
    "add",
    "cos",
    "div",
    "exp",
    "log",
    "mul",
    "neg",
    "pow",
    "relu",
    "sigmoid",
    "sin",
    "sub",
    "tanh",
  ]);
});
