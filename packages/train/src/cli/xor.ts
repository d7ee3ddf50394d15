import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seedInit } from "@gradbook/init";
import { lossByName } from "@gradbook/loss";
import { loadParameters, MLP, summary } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import { decisionBoundary } from "../boundary.ts";
import { lossCurve } from "../curve.ts";
import { type Dataset, xor } from "../datasets.ts";
import { type FitOptions, fit } from "../fit.ts";
import type { History } from "../history.ts";
import { logLine, predictionTable } from "../report.ts";
import { lcgOrder } from "../sampler.ts";
import { seedRun } from "../seed-run.ts";
import type { XorArgs } from "./args.ts";
import { type Out, Progress } from "./progress.ts";

/**
 * What runs the training steps: `fit` (the Value engine), or `compiledFit` of `@gradbook/compile`,
 * which gives the same History and parameters bit for bit.
 */
export type Trainer = (model: MLP, data: Dataset, opts: FitOptions & { optimizer: SGD }) => History;

/** The trainers this package has: the engine. `@gradbook/compile`'s command line adds `compiled`. */
export const trainers: Readonly<Record<string, Trainer>> = { engine: fit };

/**
 * `gradbook xor`: the seed's run, or a variation of it. Prints the model, the loss every
 * `logEvery` epochs, the final predictions, and writes the two figures; returns the exit code.
 */
export function runXor(args: XorArgs, out: Out, train: Trainer = fit): number {
  const print = (line = "") => out.write(`${line}\n`);
  const sizes = [2, ...args.hidden, 1];
  const model = new MLP(2, [...args.hidden, 1], {
    activation: "tanh",
    outputActivation: "linear",
    init: seedInit,
    seed: args.seed === "torch" ? 0 : args.seed,
  });
  if (args.seed === "torch") loadParameters(model, seedRun.init);
  const optimizer = new SGD(model.parameters(), { lr: args.lr, momentum: args.momentum });
  // BCE with logits reads the output as a logit: the classes part at 0, not at 0.5.
  const threshold = args.loss === "bce-with-logits" ? 0 : 0.5;
  const data = xor();

  print(`gradbook xor: ${sizes.join(" → ")}, tanh hidden, linear output; ${args.loss} loss; SGD lr ${args.lr}, momentum ${args.momentum}`);
  print(`${args.epochs} epochs of 4 single-point steps in the LCG order from s₀ = ${seedRun.order}`);
  print(
    args.seed === "torch"
      ? "initial weights: the reference run's (PyTorch, torch.manual_seed(2))"
      : `initial weights: Rng(${args.seed}), weights N(0, 1), biases U(±1/√fanIn)`,
  );
  print();
  print(summary(model));
  print();

  const progress = new Progress(out, args.epochs);
  let history: History;
  try {
    history = train(model, data, {
      loss: lossByName(args.loss),
      optimizer,
      epochs: args.epochs,
      sampler: lcgOrder(seedRun.order),
      onEpoch: (epoch, h) => {
        if (epoch % args.logEvery === 0) progress.log(logLine(epoch, h.last[epoch]!));
        progress.update(epoch + 1);
      },
    });
  } finally {
    progress.clear();
  }
  print();
  print(predictionTable(model, data, threshold));

  mkdirSync(args.out, { recursive: true });
  const files = [join(args.out, "loss-curve.svg"), join(args.out, "decision-boundary.svg")];
  if (history.epoch.length > 0) writeFileSync(files[0]!, `${lossCurve(history).svg}\n`);
  writeFileSync(files[1]!, `${decisionBoundary(model, data, { threshold }).svg}\n`);
  print();
  print(`Figures in ${args.out}:`);
  for (const file of history.epoch.length > 0 ? files : files.slice(1)) print(`  ${file}`);
  return 0;
}
