// stepDecay against PyTorch's StepLR (fixtures/torch-step-lr.json, from torch_step_lr.py beside
// it), and through fit: lesson 06's exercise, a schedule that keeps the assignment's run correct at
// every epoch from 1500 to 2000, where the assignment's own constant rate is wrong at 41 of them.
import { readFileSync } from "node:fs";
import { l1Loss } from "@gradbook/loss";
import { loadParameters, MLP } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import { describe, expect, it } from "vitest";
import {
  classifies,
  cosineDecay,
  fit,
  lcgOrder,
  type Schedule,
  assignmentRun,
  stepDecay,
  xor,
} from "../src/index.ts";

interface Case {
  lr: number;
  every: number;
  gamma: number;
  rates: number[];
}
const { cases } = JSON.parse(
  readFileSync(new URL("fixtures/torch-step-lr.json", import.meta.url), "utf8"),
) as { cases: Case[] };

describe("stepDecay against PyTorch's StepLR", () => {
  it.each(cases.map((c) => [c.lr, c.every, c.gamma, c] as const))(
    "lr %s, every %s, gamma %s: the rate of every epoch, exactly",
    (lr, every, gamma, c) => {
      const schedule = stepDecay(lr, { every, gamma });
      expect(c.rates.map((_, epoch) => schedule(epoch))).toEqual(c.rates);
    },
  );

  it.each([
    [-1, 10, 0.1, /lr/],
    [0.1, 0, 0.1, /every to be a positive integer, got 0/],
    [0.1, 2.5, 0.1, /every/],
    [0.1, 10, 0, /gamma in \(0, 1\], got 0/],
    [0.1, 10, 1.5, /gamma/],
  ])("rejects lr %s, every %s, gamma %s", (lr, every, gamma, message) => {
    expect(() => stepDecay(lr, { every, gamma })).toThrow(message);
  });
});

/** The assignment's run through fit (the Value engine), and the epochs from `from` on after which it misclassifies a point. */
function assignmentRunWrongAfter(
  from: number,
  schedule?: Schedule,
): { wrong: number[]; losses: number[] } {
  const model = new MLP(2, assignmentRun.sizes.slice(1), {
    activation: "tanh",
    outputActivation: "linear",
  });
  loadParameters(model, assignmentRun.init);
  const data = xor();
  const optimizer = new SGD(model.parameters(), {
    lr: assignmentRun.lr,
    momentum: assignmentRun.momentum,
  });
  const wrong: number[] = [];
  const history = fit(model, data, {
    loss: l1Loss,
    optimizer,
    epochs: assignmentRun.epochs,
    sampler: lcgOrder(assignmentRun.order),
    schedule,
    onEpoch(epoch) {
      if (epoch < from) return;
      const outputs = data.x.map((x) => model.forward(x)[0]!.data);
      if (!classifies(outputs, data.y)) wrong.push(epoch);
    },
  });
  return { wrong, losses: history.epoch };
}

describe("a schedule through fit", () => {
  // Two runs of the assignment's 2001 epochs: a few seconds on a slow, shared machine.
  const TIMEOUT = 120_000;

  it(
    "halving the assignment's rate every 500 epochs keeps its run correct after every epoch from 1500 to 2000",
    () => {
      const plain = assignmentRunWrongAfter(1500);
      const halved = assignmentRunWrongAfter(
        1500,
        stepDecay(assignmentRun.lr, { every: 500, gamma: 0.5 }),
      );
      // The constant rate bounces across 0.5 at the end (lesson 06): it needs the schedule.
      expect(plain.wrong.length).toBeGreaterThan(0);
      expect(halved.wrong).toEqual([]);
      // The first 500 epochs run at the assignment's own rate: the same losses, exactly.
      expect(halved.losses.slice(0, 500)).toEqual(plain.losses.slice(0, 500));
      expect(halved.losses[500]).not.toBe(plain.losses[500]);
    },
    TIMEOUT,
  );

  it("sets the optimizer's lr before each epoch", () => {
    const model = new MLP(2, [1], { activation: "linear" });
    const optimizer = new SGD(model.parameters(), { lr: 1 });
    const seen: number[] = [];
    fit(model, xor(), {
      loss: l1Loss,
      optimizer,
      epochs: 5,
      sampler: lcgOrder(1),
      schedule: stepDecay(0.4, { every: 2, gamma: 0.5 }),
      onEpoch: () => seen.push(optimizer.lr),
    });
    expect(seen).toEqual([0.4, 0.4, 0.2, 0.2, 0.1]);
  });
});

describe("cosineDecay", () => {
  it("starts at lr, is half of it halfway, and ends at 0", () => {
    expect(cosineDecay(0.1, 0, 100)).toBe(0.1);
    expect(cosineDecay(0.1, 50, 100)).toBeCloseTo(0.05, 15);
    expect(cosineDecay(0.1, 100, 100)).toBeCloseTo(0, 15);
  });

  it("follows PyTorch's recursive update of CosineAnnealingLR, epoch by epoch", () => {
    // torch's chainable form: η_t = η_{t−1}·(1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) (eta_min = 0)
    const [lr, total] = [0.3, 40];
    let eta = lr;
    for (let t = 1; t < total; t++) {
      eta *= (1 + Math.cos((Math.PI * t) / total)) / (1 + Math.cos((Math.PI * (t - 1)) / total));
      expect(cosineDecay(lr, t, total)).toBeCloseTo(eta, 14);
    }
  });
});
