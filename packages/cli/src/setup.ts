import { assignmentInit } from "@gradbook/init";
import { type Loss, lossByName } from "@gradbook/loss";
import { loadParameters, MLP, Rng } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import {
  assignmentRun,
  type Dataset,
  datasetByName,
  FEATURES,
  featuresOf,
  lcgOrder,
  logLine,
  type Sampler,
  shuffledBatches,
  splitData,
  withFeatures,
} from "@gradbook/train";
import { isRegression, type XorArgs } from "./flags.ts";

// What `gradbook xor`'s settings make: the model, its optimizer, the data and their order. The
// terminal (xor.ts) and the XOR explorer (site/src/explore) both start a run here.

/** A run of `gradbook xor`, ready for `fit`. */
export interface XorRun {
  model: MLP;
  optimizer: SGD;
  /** The loss fit minimizes: the data's, plus the L1 and L2 penalties when they are on. */
  loss: Loss;
  /** What the model trains on: the training points' features, and their targets. */
  data: Dataset;
  /** The points as drawn on the plane (x₁, x₂), to train on and held out to test on. */
  points: { train: Dataset; test: Dataset };
  /** What the model sees of a point (x₁, x₂) of the plane. */
  features: (p: readonly number[]) => number[];
  /** The data loss (no penalty) on the test points, now; undefined without a test split. */
  testLoss: () => number | undefined;
  /** The log's line for an epoch whose last step's loss was `loss`: `pnpm xor`'s and the explorer's. */
  logLine: (epoch: number, loss: number) => string;
  sampler: Sampler;
  /** Whether the targets are real values in [−1, 1] (`plane`, `multi-gauss`) rather than classes. */
  regression: boolean;
  /** The output at which the predicted class changes: 0 for a logit (bce-with-logits) and for a regression's sign, else 0.5. */
  threshold: number;
  /** What was built, in words: the first lines the command prints. */
  description: string[];
}

/** Builds the run `args` describe: the same numbers in the terminal and in the browser. */
export function xorRun(args: XorArgs): XorRun {
  const model = new MLP(args.features.length, [...args.hidden, 1], {
    activation: args.activation,
    outputActivation: args.outputActivation,
    init: assignmentInit,
    seed: args.seed === "torch" ? 0 : args.seed,
  });
  if (args.seed === "torch") loadParameters(model, assignmentRun.init);
  const all = datasetByName(args.data, {
    ...(args.noise === "default" ? {} : { noise: args.noise }),
    seed: args.dataSeed,
  });
  const points = splitData(all, args.testSplit, args.dataSeed);
  const data = withFeatures(points.train, args.features);
  const test = withFeatures(points.test, args.features);
  const dataLoss = lossByName(args.loss);
  const testLoss = () =>
    test.x.length === 0
      ? undefined
      : dataLoss(
          test.x.map((x) => model.forward(x)[0]!),
          test.y,
        ).data;
  const order =
    args.order === "fixed"
      ? "the fixed order 0, 1, …, n−1"
      : args.order === "shuffled"
        ? "a shuffled order from Rng(1), each point once"
        : `the LCG order from s₀ = ${args.order}`;
  const n = data.x.length;
  const batches = Math.ceil(n / args.batchSize);
  const steps =
    args.batchSize === 1
      ? `${n} single-point steps`
      : `${batches} step${batches === 1 ? "" : "s"} of up to ${args.batchSize} points`;
  const penalties = [args.l1 ? `L1 ${args.l1}` : "", args.l2 ? `L2 ${args.l2}` : ""].filter(
    Boolean,
  );
  const dataLine = [
    args.noise === "default" ? "" : `noise ${args.noise}`,
    args.dataSeed === 1 ? "" : `Rng(${args.dataSeed})`,
    points.test.x.length ? `${points.test.x.length} held out to test` : "",
    args.features.join(",") === "x1,x2"
      ? ""
      : `inputs ${args.features.map((f) => FEATURES[f].label).join(", ")}`,
  ].filter(Boolean);
  return {
    model,
    optimizer: new SGD(model.parameters(), { lr: args.lr, momentum: args.momentum }),
    loss: penalized(dataLoss, model, args.l1, args.l2),
    data,
    points,
    features: (p) => featuresOf(p, args.features),
    testLoss,
    logLine: (epoch, loss) => {
      const line = logLine(epoch, loss);
      const t = testLoss();
      return t === undefined ? line : `${line}, Test loss: ${t.toFixed(6)}`;
    },
    sampler: samplerOf(args.order, args.batchSize),
    regression: isRegression(args.data),
    // BCE with logits reads the output as a logit: the classes part at 0, not at 0.5. A
    // regression's targets lie either side of 0.
    threshold: args.loss === "bce-with-logits" || isRegression(args.data) ? 0 : 0.5,
    description: [
      `gradbook xor: ${[args.features.length, ...args.hidden, 1].join(" → ")}, ${args.hidden.length ? `${args.activation} hidden` : "no hidden layer"}, ${args.outputActivation} output; ${args.loss} loss${penalties.map((p) => ` + ${p}`).join("")}; SGD lr ${args.lr}, momentum ${args.momentum}`,
      `${args.data === "xor" && dataLine.length === 0 ? "" : `data: ${args.data}, ${n} points${dataLine.map((d) => `, ${d}`).join("")}; `}${args.epochs} epochs of ${steps} in ${order}`,
      args.seed === "torch"
        ? "initial weights: the reference run's (PyTorch, torch.manual_seed(2))"
        : `initial weights: Rng(${args.seed}), weights N(0, 1), biases U(±1/√fanIn)`,
    ],
  };
}

/**
 * The loss with the weights' penalties added, as PyTorch code adds them to the loss it
 * backpropagates: λ₁·Σ|w| (L1) and λ₂/2·Σw² (L2, whose gradient λ₂·w is SGD's weight decay), over
 * the weights only, not the biases (as TensorFlow Playground). With both 0, the loss itself.
 */
function penalized(loss: Loss, model: MLP, l1: number, l2: number): Loss {
  if (l1 === 0 && l2 === 0) return loss;
  const weights = model.layers.flatMap((layer) => layer.neurons.flatMap((neuron) => neuron.w));
  return (pred, target) => {
    let total = loss(pred, target);
    if (l1 !== 0)
      total = total.add(
        weights
          .map((w) => w.abs())
          .reduce((sum, a) => sum.add(a))
          .mul(l1),
      );
    if (l2 !== 0)
      total = total.add(
        weights
          .map((w) => w.mul(w))
          .reduce((sum, s) => sum.add(s))
          .mul(l2 / 2),
      );
    return total;
  };
}

/** The data order, `batchSize` points a step: the order's points in turn (the shuffled order shuffles, then cuts). */
function samplerOf(order: XorArgs["order"], batchSize: number): Sampler {
  if (order === "shuffled") return shuffledBatches(new Rng(1), batchSize);
  const single: Sampler =
    order === "fixed" ? (n) => Array.from({ length: n }, (_, i) => [i]) : lcgOrder(order);
  if (batchSize === 1) return single;
  return (n) => {
    const indices = single(n).flat();
    return Array.from({ length: Math.ceil(n / batchSize) }, (_, k) =>
      indices.slice(k * batchSize, (k + 1) * batchSize),
    );
  };
}
