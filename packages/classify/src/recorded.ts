// What lesson 09 reads instead of running it (Node only: reads files). Two records, each written
// by a committed generator: the long runs of `pnpm digits`'s net under three schedules with the
// default run's final weights (bench/runs.ts), and the same small run in PyTorch
// (bench/torch/torch_run.py). And the setup of that small run, shared with its generator.
import { readFileSync } from "node:fs";
import { pytorchDefault } from "@gradbook/init";
import { Rng } from "@gradbook/neuron";
import { loadParameters, MLP, parameterData, SGD } from "@gradbook/tensor";
import { CLASSES, type Digits, PIXELS, pick } from "./digits.ts";
import type { EpochRecord } from "./fit.ts";
import { Loader } from "./loader.ts";
import { splitIndices } from "./split.ts";

/** One recorded run of bench/runs.ts: its epochs, and its net's test accuracy and loss. */
export interface RecordedRun {
  epochs: EpochRecord[];
  testAccuracy: number;
  testLoss: number;
  cpuSeconds: number;
}

/** bench/runs.ts's record: the settings of `pnpm digits`'s default run, and that run under each schedule. */
export interface LongRuns {
  date: string;
  node: string;
  settings: {
    hidden: number;
    lr: number;
    momentum: number;
    weightDecay: number;
    batch: number;
    epochs: number;
    seed: number;
    splitSeed: number;
  };
  runs: Record<"constant" | "cosine" | "warmup + cosine", RecordedRun>;
}

const bench = (file: string) => new URL(`../bench/${file}`, import.meta.url);

/** The long runs, as bench/runs.ts recorded them. */
export function longRuns(): LongRuns {
  return JSON.parse(readFileSync(bench("runs.json"), "utf8")) as LongRuns;
}

/** The default run's net at its end (784 → 64 → 10, relu), from its float32 weights in bench/net.f32: the draw-a-digit page's net. */
export function recordedNet(): MLP {
  const { settings } = longRuns();
  const model = new MLP(PIXELS, [settings.hidden, CLASSES], {
    activation: "relu",
    outputActivation: "linear",
  });
  const bytes = readFileSync(bench("net.f32"));
  loadParameters(model, new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
  return model;
}

/** 784 → 32 → 10 relu, SGD 0.1 with momentum 0.9 and weight decay 1e-4, batches of 32, on 1,000 digits for 4 epochs. */
export const TORCH_RUN = Object.freeze({
  hidden: 32,
  lr: 0.1,
  momentum: 0.9,
  weightDecay: 1e-4,
  batch: 32,
  epochs: 4,
  train: 1000,
  validation: 500,
  splitSeed: 0,
  initSeed: 1,
  orderSeed: 2,
});

/** The per-epoch record of {@link TORCH_RUN} in PyTorch (bench/torch/torch_run.py). */
export function torchReference(): {
  torch: string;
  settings: typeof TORCH_RUN;
  cpuSeconds: number;
  epochs: { trainLoss: number; validationLoss: number; validationAccuracy: number }[];
} {
  return JSON.parse(readFileSync(bench("torch/torch_run.json"), "utf8"));
}

/** {@link TORCH_RUN}'s data, net, optimizer and loader, fresh: `indices` are positions in `loadMnist()`'s order. */
export function torchRun(all: Digits) {
  const s = TORCH_RUN;
  const indices = splitIndices(all.size, new Rng(s.splitSeed), {
    train: s.train,
    validation: s.validation,
    test: 0,
  });
  const model = new MLP(PIXELS, [s.hidden, CLASSES], {
    activation: "relu",
    outputActivation: "linear",
    init: pytorchDefault,
    seed: s.initSeed,
  });
  const optimizer = new SGD(model.parameters(), {
    lr: s.lr,
    momentum: s.momentum,
    weightDecay: s.weightDecay,
  });
  const loader = new Loader(pick(all, indices.train), s.batch, new Rng(s.orderSeed));
  return {
    indices,
    model,
    optimizer,
    loader,
    validation: pick(all, indices.validation),
    initial: parameterData(model),
  };
}
