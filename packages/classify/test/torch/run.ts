// The run that lesson 09 repeats in PyTorch (torch_run.py): one place for its settings, read by
// the test that compares the two and by the generator that hands PyTorch the same start.
import { pytorchDefault } from "@gradbook/init";
import { Rng } from "@gradbook/neuron";
import { MLP, parameterData, SGD } from "@gradbook/tensor";
import { type Digits, Loader, pick, splitIndices } from "@gradbook/classify";

/** 784 → 32 → 10 relu, SGD 0.1 with momentum 0.9 and weight decay 1e-4, batches of 32, on 1,000 digits for 4 epochs. */
export const TORCH_RUN = Object.freeze({ hidden: 32, lr: 0.1, momentum: 0.9, weightDecay: 1e-4, batch: 32, epochs: 4, train: 1000, validation: 500, splitSeed: 0, initSeed: 1, orderSeed: 2 });

/** The run's data, net, optimizer and loader, fresh: `indices` are positions in `loadMnist()`'s order. */
export function torchRun(all: Digits) {
  const s = TORCH_RUN;
  const indices = splitIndices(all.size, new Rng(s.splitSeed), { train: s.train, validation: s.validation, test: 0 });
  const model = new MLP(784, [s.hidden, 10], { activation: "relu", outputActivation: "linear", init: pytorchDefault, seed: s.initSeed });
  const optimizer = new SGD(model.parameters(), { lr: s.lr, momentum: s.momentum, weightDecay: s.weightDecay });
  const loader = new Loader(pick(all, indices.train), s.batch, new Rng(s.orderSeed));
  return { indices, model, optimizer, loader, validation: pick(all, indices.validation), initial: parameterData(model) };
}
