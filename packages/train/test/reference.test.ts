// The assignment's run against PyTorch: trained in the reference's order, both the whole stack (MLP,
// l1Loss, SGD, fit) and the hand-derived twin (PlainMLP, plainFit) must land on the reference's
// parameters after 1 and 10 epochs.
//
// fixtures/xor_training.json is written by fixtures/xor_training.py (PyTorch 1.13, float64, CPU;
// how to run it is in its first lines): the assignment's run
// (2 → 5 → 4 → 1, L1, SGD lr 0.02 momentum 0.9, LCG order from s₀ = 2), its initial
// parameters, the loss the notebook prints at epoch 0, and the parameters after 1 and 10 epochs.
import { readFileSync } from "node:fs";
import { assignmentInit } from "@gradbook/init";
import { l1Loss } from "@gradbook/loss";
import { loadParameters, MLP, parameterData } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import { describe, expect, it } from "vitest";
import { fit, lcgOrder, PlainMLP, plainFit, assignmentRun, xor } from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

interface Reference {
  epochs: number;
  steps_per_epoch: number;
  lr: number;
  momentum: number;
  loss: string;
  lcg: { a: number; c: number; seed: number };
  init_flat: number[];
  losses: Record<string, number>;
  checkpoints: { epochs_completed: number; steps_completed: number; flat: number[] }[];
}

const ref: Reference = JSON.parse(
  readFileSync(new URL("fixtures/xor_training.json", import.meta.url), "utf8"),
);

describe("the assignment's run", () => {
  it("holds the reference's settings and initial parameters", () => {
    expect([
      assignmentRun.epochs,
      assignmentRun.lr,
      assignmentRun.momentum,
      assignmentRun.loss,
      assignmentRun.order,
    ]).toEqual([ref.epochs, ref.lr, ref.momentum, ref.loss, ref.lcg.seed]);
    expect(assignmentRun.init).toEqual(ref.init_flat);
    expect(
      assignmentRun.sizes
        .slice(1)
        .reduce((n, out, l) => n + out * (assignmentRun.sizes[l]! + 1), 0),
    ).toBe(44);
  });

  it("draws the README's first ten indices 0 1 0 2 2 0 0 1 2 2", () => {
    const order = lcgOrder(ref.lcg.seed);
    expect([...order(4), ...order(4), ...order(4)].flat().slice(0, 10)).toEqual([
      0, 1, 0, 2, 2, 0, 0, 1, 2, 2,
    ]);
  });

  it.each(ref.checkpoints.map((c) => [c.epochs_completed, c] as const))(
    "matches PyTorch's parameters after %i epochs to 1e-12",
    (epochs, checkpoint) => {
      const net = new PlainMLP(assignmentRun.sizes, ref.init_flat);
      const history = plainFit(net, xor(), {
        loss: "l1",
        lr: ref.lr,
        momentum: ref.momentum,
        epochs,
        sampler: lcgOrder(ref.lcg.seed),
      });
      expect(history.step).toHaveLength(checkpoint.steps_completed);
      net.params.forEach((p, i) => expectClose(p, checkpoint.flat[i]!));
    },
  );

  it("prints at epoch 0 the loss of the epoch's last step, as the notebook does", () => {
    const history = plainFit(new PlainMLP(assignmentRun.sizes, ref.init_flat), xor(), {
      loss: "l1",
      lr: ref.lr,
      momentum: ref.momentum,
      epochs: 1,
      sampler: lcgOrder(),
    });
    expectClose(history.last[0]!, ref.losses["0"]!);
    expectClose(history.step[ref.steps_per_epoch - 1]!, ref.losses["0"]!);
    // Not the epoch's mean, which a reader might expect: the notebook prints `loss` after its inner loop.
    expect(Math.abs(history.epoch[0]! - ref.losses["0"]!)).toBeGreaterThan(0.1);
  });
});

describe("the assignment's run through MLP, l1Loss, SGD and fit", () => {
  it.each(ref.checkpoints.map((c) => [c.epochs_completed, c] as const))(
    "matches PyTorch's parameters after %i epochs to 1e-12",
    (epochs, checkpoint) => {
      const model = new MLP(2, [5, 4, 1], {
        activation: "tanh",
        outputActivation: "linear",
        init: assignmentInit,
      });
      loadParameters(model, assignmentRun.init);
      const history = fit(model, xor(), {
        loss: l1Loss,
        optimizer: new SGD(model.parameters(), {
          lr: assignmentRun.lr,
          momentum: assignmentRun.momentum,
        }),
        epochs,
        sampler: lcgOrder(assignmentRun.order),
      });
      parameterData(model).forEach((p, i) => expectClose(p, checkpoint.flat[i]!));
      expectClose(history.last[0]!, ref.losses["0"]!);
    },
  );
});
