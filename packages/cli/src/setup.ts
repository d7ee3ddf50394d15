import { assignmentInit } from "@gradbook/init";
import { type Loss, lossByName } from "@gradbook/loss";
import { loadParameters, MLP, Rng } from "@gradbook/neuron";
import { SGD } from "@gradbook/optim";
import {
  assignmentRun,
  type Dataset,
  datasetByName,
  lcgOrder,
  type Sampler,
  shuffledBatches,
} from "@gradbook/train";
import type { XorArgs } from "./flags.ts";

// What `gradbook xor`'s settings make: the model, its optimizer, the data and their order. The
// terminal (xor.ts) and the XOR explorer (site/src/explore) both start a run here.

/** A run of `gradbook xor`, ready for `fit`. */
export interface XorRun {
  model: MLP;
  optimizer: SGD;
  loss: Loss;
  data: Dataset;
  sampler: Sampler;
  /** The output at which the predicted class changes: 0 for a logit (bce-with-logits), else 0.5. */
  threshold: number;
  /** What was built, in words: the first lines the command prints. */
  description: string[];
}

/** Builds the run `args` describe: the same numbers in the terminal and in the browser. */
export function xorRun(args: XorArgs): XorRun {
  const model = new MLP(2, [...args.hidden, 1], {
    activation: "tanh",
    outputActivation: args.outputActivation,
    init: assignmentInit,
    seed: args.seed === "torch" ? 0 : args.seed,
  });
  if (args.seed === "torch") loadParameters(model, assignmentRun.init);
  const data = datasetByName(args.data);
  const order =
    args.order === "fixed"
      ? "the fixed order 0, 1, …, n−1"
      : args.order === "shuffled"
        ? "a shuffled order from Rng(1), each point once"
        : `the LCG order from s₀ = ${args.order}`;
  return {
    model,
    optimizer: new SGD(model.parameters(), { lr: args.lr, momentum: args.momentum }),
    loss: lossByName(args.loss),
    data,
    sampler: samplerOf(args.order),
    // BCE with logits reads the output as a logit: the classes part at 0, not at 0.5.
    threshold: args.loss === "bce-with-logits" ? 0 : 0.5,
    description: [
      `gradbook xor: ${[2, ...args.hidden, 1].join(" → ")}, tanh hidden, ${args.outputActivation} output; ${args.loss} loss; SGD lr ${args.lr}, momentum ${args.momentum}`,
      `${args.data === "xor" ? "" : `data: ${args.data}, ${data.x.length} points; `}${args.epochs} epochs of ${data.x.length} single-point steps in ${order}`,
      args.seed === "torch"
        ? "initial weights: the reference run's (PyTorch, torch.manual_seed(2))"
        : `initial weights: Rng(${args.seed}), weights N(0, 1), biases U(±1/√fanIn)`,
    ],
  };
}

function samplerOf(order: XorArgs["order"]): Sampler {
  if (order === "fixed") return (n) => Array.from({ length: n }, (_, i) => [i]);
  if (order === "shuffled") return shuffledBatches(new Rng(1), 1);
  return lcgOrder(order);
}
