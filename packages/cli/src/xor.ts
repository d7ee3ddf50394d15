import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type MLP, summary } from "@gradbook/neuron";
import type { SGD } from "@gradbook/optim";
import { compiledFit } from "@gradbook/compile";
import { tensorFit } from "@gradbook/tensor";
import {
  type Dataset,
  decisionBoundary,
  type FitOptions,
  fit,
  type History,
  lossCurve,
  predictionTable,
  regressionTable,
} from "@gradbook/train";
import type { XorArgs } from "./flags.ts";
import { type Out, Progress } from "./progress.ts";
import { xorRun } from "./setup.ts";

/**
 * What runs the training steps: `fit` (the Value engine), `compiledFit` of `@gradbook/compile` or
 * `tensorFit` of `@gradbook/tensor`, which give the same History and parameters bit for bit.
 */
export type Trainer = (model: MLP, data: Dataset, opts: FitOptions & { optimizer: SGD }) => History;

/** The trainers `--engine NAME` offers. */
export const trainers: Readonly<Record<XorArgs["engine"], Trainer>> = {
  engine: fit,
  compiled: compiledFit,
  tensor: tensorFit,
};

/**
 * `gradbook xor`: the assignment's run, or a variation of it. Prints the model, the loss every
 * `logEvery` epochs, the final predictions, and writes the two figures; returns the exit code.
 */
export function runXor(args: XorArgs, out: Out, train: Trainer = fit): number {
  const print = (line = "") => out.write(`${line}\n`);
  const {
    model,
    optimizer,
    loss,
    data,
    points,
    features,
    sampler,
    threshold,
    regression,
    description,
    logLine,
  } = xorRun(args);
  for (const line of description) print(line);
  print();
  print(summary(model));
  print();

  const progress = new Progress(out, args.epochs);
  let history: History;
  try {
    history = train(model, data, {
      loss,
      optimizer,
      epochs: args.epochs,
      sampler,
      onEpoch: (epoch, h) => {
        if (epoch % args.logEvery === 0) progress.log(logLine(epoch, h.last[epoch]!));
        progress.update(epoch + 1);
      },
    });
  } finally {
    progress.clear();
  }
  print();
  // The table and the figure show the points of the plane; the model sees their features.
  const predict = (p: number[]) => model.forward(features(p))[0]!.data;
  print(
    regression
      ? regressionTable(predict, points.train)
      : predictionTable(predict, points.train, threshold),
  );

  mkdirSync(args.out, { recursive: true });
  const files = [join(args.out, "loss-curve.svg"), join(args.out, "decision-boundary.svg")];
  if (history.epoch.length > 0) writeFileSync(files[0]!, `${lossCurve(history).svg}\n`);
  writeFileSync(files[1]!, `${decisionBoundary(predict, points.train, { threshold }).svg}\n`);
  print();
  print(`Figures in ${args.out}:`);
  for (const file of history.epoch.length > 0 ? files : files.slice(1)) print(`  ${file}`);
  return 0;
}
