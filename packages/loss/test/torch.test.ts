// Every case of fixtures/torch-losses.json, computed by PyTorch 1.13 in float64 (generator
// fixtures/torch_losses.py beside it): the loss and its gradient with respect to each prediction
// (or logit), to 1e-12 relative.
import { readFileSync } from "node:fs";
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropyLoss,
  hingeLoss,
  l1Loss,
  type LossOptions,
  mseLoss,
} from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

interface Case {
  name: string;
  pred: number[];
  target: number[] | number;
  reduction: "mean" | "sum";
  loss: number;
  grad: number[];
}

const { cases } = JSON.parse(
  readFileSync(new URL("fixtures/torch-losses.json", import.meta.url), "utf8"),
) as { cases: Case[] };

type Run = (pred: Value[], target: Case["target"], opts: LossOptions) => Value;
// The fixture's name prefixes, longest first ("bce-logits" before "bce").
const runs: [string, Run][] = [
  ["bce-logits", (p, t, o) => bceWithLogitsLoss(p, t as number[], o)],
  ["bce", (p, t, o) => bceLoss(p, t as number[], o)],
  ["cross-entropy", (p, t, o) => crossEntropyLoss(p, t as number, o)],
  ["hinge", (p, t, o) => hingeLoss(p, t as number[], o)],
  ["l1", (p, t, o) => l1Loss(p, t as number[], o)],
  ["mse", (p, t, o) => mseLoss(p, t as number[], o)],
];

describe("PyTorch 1.13 reference losses", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const run = runs.find(([prefix]) => c.name.startsWith(`${prefix}-`))![1];
    const pred = c.pred.map((x) => new Value(x));
    const loss = run(pred, c.target, { reduction: c.reduction });
    loss.backward();
    expectClose(loss.data, c.loss);
    pred.forEach((p, i) => expectClose(p.grad, c.grad[i]!));
  });

  it("the sample covers every loss with both reductions", () => {
    const kinds = new Set(
      cases.map(
        (c) => `${runs.find(([prefix]) => c.name.startsWith(`${prefix}-`))?.[0]} ${c.reduction}`,
      ),
    );
    expect([...kinds].sort()).toEqual(
      runs.flatMap(([name]) => [`${name} mean`, `${name} sum`]).sort(),
    );
  });
});
