import { mseLoss, l1Loss } from "@gradbook/loss";
import { loadParameters, MLP, parameterData } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import {
  fit,
  lcgOrder,
  logLine,
  assignmentRun,
  shuffledBatches,
  stepDecay,
  xor,
  circles,
} from "@gradbook/train";
import { Rng } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import { CompiledStep, compiledFit, OPS } from "../src/index.ts";
import { ops } from "@gradbook/autograd";

function assignmentModel(): MLP {
  const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
  loadParameters(model, assignmentRun.init);
  return model;
}

describe("compiledFit", () => {
  it("runs the assignment's 2001 epochs with the engine's bits: every step's loss, the log, the parameters", () => {
    const [a, b] = [assignmentModel(), assignmentModel()];
    const settings = {
      loss: l1Loss,
      epochs: assignmentRun.epochs,
      sampler: lcgOrder(assignmentRun.order),
    };
    const engine = fit(a, xor(), {
      ...settings,
      optimizer: new SGD(a.parameters(), { lr: 0.02, momentum: 0.9 }),
    });
    const compiled = compiledFit(b, xor(), {
      ...settings,
      sampler: lcgOrder(assignmentRun.order),
      optimizer: { lr: 0.02, momentum: 0.9 },
    });
    expect(compiled).toEqual(engine);
    const log = (h: typeof engine) =>
      h.last.flatMap((loss, epoch) => (epoch % 500 === 0 ? [logLine(epoch, loss)] : []));
    expect(log(compiled)).toEqual(log(engine));
    expect(log(compiled)[0]).toBe("Epoch: 0, Loss: 1.583174"); // the notebook's first line (PyTorch)
    expect(parameterData(b)).toEqual(parameterData(a));
  });

  it("gives the engine's bits with batches of two sizes, MSE, and every SGD option", () => {
    const data = circles({ n: 10, seed: 3 }); // batches of 4, 4 and 2: two tapes share the parameters
    const make = () =>
      new MLP(2, [3, 1], { activation: "relu", outputActivation: "sigmoid", seed: 5 });
    const [a, b] = [make(), make()];
    const sgd = { lr: 0.1, momentum: 0.8, dampening: 0.1, weightDecay: 0.01 };
    const engine = fit(a, data, {
      loss: mseLoss,
      epochs: 30,
      sampler: shuffledBatches(new Rng(1), 4),
      optimizer: new SGD(a.parameters(), sgd),
    });
    const compiled = compiledFit(b, data, {
      loss: mseLoss,
      epochs: 30,
      sampler: shuffledBatches(new Rng(1), 4),
      optimizer: sgd,
    });
    expect(compiled).toEqual(engine);
    expect(parameterData(b)).toEqual(parameterData(a));
  });

  it("follows fit's learning-rate schedule, and shows onEpoch the parameters as trained so far", () => {
    const [a, b] = [assignmentModel(), assignmentModel()];
    const seen: Record<"engine" | "compiled", number[][]> = { engine: [], compiled: [] };
    const settings = {
      loss: l1Loss,
      epochs: 40,
      schedule: stepDecay(0.05, { every: 10, gamma: 0.5 }),
    };
    const engine = fit(a, xor(), {
      ...settings,
      sampler: lcgOrder(2),
      optimizer: new SGD(a.parameters(), { lr: 0.05, momentum: 0.9 }),
      onEpoch: () => seen.engine.push(parameterData(a)),
    });
    const compiled = compiledFit(b, xor(), {
      ...settings,
      sampler: lcgOrder(2),
      optimizer: { lr: 0.05, momentum: 0.9 },
      onEpoch: () => seen.compiled.push(parameterData(b)),
    });
    expect(compiled).toEqual(engine);
    expect(seen.compiled).toEqual(seen.engine);
    expect(seen.compiled[0]).not.toEqual(seen.compiled[1]); // they moved
    // Without the schedule the run differs: the schedule was not ignored.
    const constant = compiledFit(assignmentModel(), xor(), {
      loss: l1Loss,
      epochs: 40,
      sampler: lcgOrder(2),
      optimizer: { lr: 0.05, momentum: 0.9 },
    });
    expect(constant.last).not.toEqual(compiled.last);
  });

  it("checks the optimizer's settings as SGD does, and takes a fresh SGD but not a used one", () => {
    const run = (optimizer: Parameters<typeof compiledFit>[2]["optimizer"]) =>
      compiledFit(assignmentModel(), xor(), {
        loss: l1Loss,
        epochs: 1,
        sampler: lcgOrder(2),
        optimizer,
      });
    expect(() => run({ lr: 0.02, weight_decay: 0.1 } as never)).toThrow(
      /^SlotSGD: unknown option "weight_decay": expected lr, momentum, dampening, nesterov or weightDecay/,
    );
    expect(() => run({ lr: 0.02, nesterov: true })).toThrow(
      /^SlotSGD: nesterov needs momentum > 0 and dampening 0, got momentum 0 and dampening 0/,
    );
    expect(() => run({ lr: -1 })).toThrow(/^SlotSGD: /);
    const model = assignmentModel();
    const sgd = new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 });
    const fresh = compiledFit(model, xor(), {
      loss: l1Loss,
      epochs: 3,
      sampler: lcgOrder(2),
      optimizer: sgd,
    });
    const withOptions = compiledFit(assignmentModel(), xor(), {
      loss: l1Loss,
      epochs: 3,
      sampler: lcgOrder(2),
      optimizer: { lr: 0.02, momentum: 0.9 },
    });
    expect(fresh).toEqual(withOptions);
    sgd.step();
    expect(() => run(sgd)).toThrow(
      /^SlotSGD: expected SGD's options or a fresh SGD, got an SGD that has taken 1 steps: its momentum would be lost/,
    );
  });

  it("stops as fit does when the loss stops being finite", () => {
    const model = assignmentModel();
    const run = () =>
      compiledFit(model, xor(), {
        loss: mseLoss,
        epochs: 100,
        sampler: lcgOrder(2),
        optimizer: { lr: 10 },
      });
    expect(run).toThrow(
      /^fit: the loss became (infinite|NaN) at epoch \d+ \(step \d+\) with lr 10/,
    );
  });
});

describe("the assignment's tape", () => {
  const tape = CompiledStep.compile(assignmentModel(), l1Loss, xor(), 1).tape;
  const count = (op: (typeof OPS)[number]) =>
    [...tape.code].filter((c) => c === OPS.indexOf(op)).length;

  it("is one dot per neuron, 9 tanh, and the loss |y + (−t)| / 1: 22 instructions", () => {
    // 5 + 4 + 1 neurons, each b + Σ wᵢxᵢ as one dot; tanh on the 9 hidden ones; l1Loss is y.sub(t)
    // (addK of −t), abs, and the mean's division by the batch size 1.
    expect(tape.code.length).toBe(22);
    expect([...tape.c].filter((n) => n > 0)).toEqual([2, 2, 2, 2, 2, 5, 5, 5, 5, 4]);
    expect([count(ops.tanh), count(ops.addK), count(ops.abs), count(ops.divK)]).toEqual([
      9, 1, 1, 1,
    ]);
  });

  it("keeps the 44 parameters in slots 0-43 and loads x₁, x₂ and −t each step", () => {
    expect(tape.params).toBe(44);
    expect([...tape.loadIndex]).toEqual([0, 1, 2]);
    expect([...tape.loadSign]).toEqual([1, 1, -1]);
  });
});
