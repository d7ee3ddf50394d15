// Every option of SGD, Adam and RMSprop against PyTorch: six steps minimising a small function of four
// parameters, the loss before each step and the parameters after it, to 1e-12 relative.
//
// fixtures/torch-optim.json comes from fixtures/torch_optim.py (PyTorch 1.13, float64, CPU), which
// minimises f(p) = 0.5·p0² + 2·p1² + 0.1·p2² + p3² + sin(p0·p1) + exp(0.1·p2)·p3 from
// p = [0.5, −1.2, 2.0, 0.1]. f is rebuilt here with the engine's ops.
import { readFileSync } from "node:fs";
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { Adam, type Optimizer, RMSprop, SGD } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

interface Case {
  name: string;
  optimizer: "SGD" | "Adam" | "RMSprop";
  /** PyTorch's keyword arguments, snake_case. */
  options: {
    lr: number;
    momentum?: number;
    dampening?: number;
    nesterov?: boolean;
    weight_decay?: number;
    betas?: [number, number];
    eps?: number;
    alpha?: number;
  };
  losses: number[];
  params: number[][];
}
const fixture = JSON.parse(
  readFileSync(new URL("fixtures/torch-optim.json", import.meta.url), "utf8"),
) as {
  init: number[];
  steps: number;
  cases: Case[];
};

/** f(p) = 0.5·p0² + 2·p1² + 0.1·p2² + p3² + sin(p0·p1) + exp(0.1·p2)·p3, as in torch_optim.py. */
function f([p0, p1, p2, p3]: Value[]): Value {
  return p0!
    .pow(2)
    .mul(0.5)
    .add(p1!.pow(2).mul(2))
    .add(p2!.pow(2).mul(0.1))
    .add(p3!.pow(2))
    .add(p0!.mul(p1!).sin())
    .add(p2!.mul(0.1).exp().mul(p3!));
}

/** The optimizer PyTorch built, with its keyword arguments renamed to ours. */
function make(c: Case, params: Value[]): Optimizer {
  const { weight_decay: weightDecay, ...rest } = c.options;
  const opts = weightDecay === undefined ? rest : { ...rest, weightDecay };
  if (c.optimizer === "SGD") return new SGD(params, opts);
  return c.optimizer === "Adam" ? new Adam(params, opts) : new RMSprop(params, opts);
}

describe("against PyTorch's trajectories", () => {
  it("the fixture holds every case the generator writes", () => {
    expect(fixture.cases.map((c) => c.name)).toEqual([
      "sgd",
      "sgd-momentum",
      "sgd-dampening",
      "sgd-nesterov",
      "sgd-weight-decay",
      "sgd-everything",
      "adam",
      "adam-fast",
      "adam-options",
      "rmsprop",
      "rmsprop-options",
    ]);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))(
    "%s: loss before and parameters after each step",
    (_, c) => {
      const params = fixture.init.map((x) => new Value(x));
      const optimizer = make(c, params);
      for (let step = 0; step < fixture.steps; step++) {
        optimizer.zeroGrad();
        const loss = f(params);
        loss.backward();
        optimizer.step();
        expectClose(loss.data, c.losses[step]!);
        params.forEach((p, i) => expectClose(p.data, c.params[step]![i]!));
      }
    },
  );
});
