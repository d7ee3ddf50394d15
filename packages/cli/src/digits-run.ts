import { constantRate, type Digits, Loader, PIXELS, warmupCosine } from "@gradbook/classify";
import { pytorchDefault } from "@gradbook/init";
import { Rng } from "@gradbook/neuron";
import { MLP, SGD } from "@gradbook/tensor";

// What `gradbook digits`'s settings make: the net, its optimizer, the order of the batches and the
// rate of every step. The terminal (digits.ts) and the draw page's "train your own" worker
// (site/src/draw) both start a run here, so the page trains with the command's arithmetic.
// No `node:` import here: the page bundles it.

/** The schedules `--schedule` names. */
export const DIGITS_SCHEDULES = ["constant", "cosine"] as const;
/** The hidden activations `--activation` names. */
export const DIGITS_ACTIVATIONS = ["relu", "tanh", "sigmoid"] as const;

/** The settings a run is made of: the flags of `gradbook digits` less which digits and where to write. */
export interface DigitsSettings {
  hidden: number[];
  activation: (typeof DIGITS_ACTIVATIONS)[number];
  lr: number;
  momentum: number;
  batch: number;
  epochs: number;
  weightDecay: number;
  schedule: (typeof DIGITS_SCHEDULES)[number];
  /** Epochs of linear warmup before the cosine (a fraction is fine); 0 for none. */
  warmup: number;
  /** Early stopping's patience in epochs; 0 for none. */
  patience: number;
  /** Seeds the first weights, then each epoch's order of the batches. */
  seed: number;
}

/** The defaults of `gradbook digits`. */
export const DIGITS_DEFAULTS: Readonly<DigitsSettings> = Object.freeze({
  hidden: [64],
  activation: "relu",
  lr: 0.05,
  momentum: 0.9,
  batch: 32,
  epochs: 10,
  weightDecay: 5e-4,
  schedule: "cosine",
  warmup: 0,
  patience: 0,
  seed: 1,
});

/** A run of `gradbook digits`, ready for `fit`. */
export interface DigitsRun {
  model: MLP;
  optimizer: SGD;
  /** The training digits in minibatches, each epoch in a new order drawn from the run's generator. */
  loader: Loader;
  /** The learning rate of every step of the run. */
  rates: Float64Array;
}

/** The net, optimizer, loader and rates that `settings` make for training on `train`. */
export function digitsRun(settings: DigitsSettings, train: Digits): DigitsRun {
  const rng = new Rng(settings.seed); // one stream: the first weights, then every epoch's order
  const model = new MLP(PIXELS, [...settings.hidden, 10], {
    activation: settings.activation,
    outputActivation: "linear",
    init: pytorchDefault,
    rng,
  });
  const optimizer = new SGD(model.parameters(), {
    lr: settings.lr,
    momentum: settings.momentum,
    weightDecay: settings.weightDecay,
  });
  const loader = new Loader(train, settings.batch, rng);
  const total = settings.epochs * loader.batches;
  const rates =
    settings.schedule === "cosine"
      ? warmupCosine(settings.lr, { total, warmup: Math.round(settings.warmup * loader.batches) })
      : constantRate(settings.lr, total);
  return { model, optimizer, loader, rates };
}
