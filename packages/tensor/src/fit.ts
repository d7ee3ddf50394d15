import { l1Loss as scalarL1, mseLoss as scalarMse } from "@gradbook/loss";
import type { MLP as ScalarMLP } from "@gradbook/neuron";
import type { SGD as ScalarSGD } from "@gradbook/optim";
import {
  type Dataset,
  endEpoch,
  type FitOptions,
  emptyHistory,
  type History,
} from "@gradbook/train";
import { l1Loss, mseLoss } from "./loss.ts";
import { loadParameters, MLP, parameterData } from "./nn.ts";
import { SGD } from "./optim.ts";
import { tensor } from "./tensor.ts";

/** The tensor form of each scalar loss `tensorFit` can train with. */
const LOSSES = new Map([
  [scalarL1, l1Loss],
  [scalarMse, mseLoss],
]);

/**
 * `fit` through tensors: the scalar `model`'s weights copied into a tensor {@link MLP}, each batch
 * one forward pass over a `[batch, nin]` tensor, the same loss, gradients and SGD update, then the
 * weights copied back into the scalar model (before each `onEpoch` and at the end). The same
 * History and parameters as `fit`, bit for bit (lesson 08 shows why).
 *
 * @example
 * const history = tensorFit(model, xor(), { loss: l1Loss, optimizer: new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 }), epochs: 2001, sampler: lcgOrder() });
 */
export function tensorFit(
  model: ScalarMLP,
  data: Dataset,
  opts: FitOptions & { optimizer: ScalarSGD },
): History {
  const { epochs, sampler, schedule, onEpoch } = opts;
  const loss = LOSSES.get(opts.loss as never);
  if (loss === undefined)
    throw new RangeError("tensorFit: expected the loss l1Loss or mseLoss of @gradbook/loss");
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new RangeError(`tensorFit: expected epochs to be a non-negative integer, got ${epochs}`);
  if (data.x.length !== data.y.length || data.x.length === 0) {
    throw new RangeError(
      `tensorFit: expected as many targets as points, at least one, got ${data.x.length} points and ${data.y.length} targets`,
    );
  }
  const net = new MLP(model.nin, model.sizes.slice(1), {
    activation: model.layers[0]!.activation,
    outputActivation: model.layers.at(-1)!.activation,
  });
  loadParameters(
    net,
    model.parameters().map((p) => p.data),
  );
  const { lr, momentum, dampening, nesterov, weightDecay } = opts.optimizer;
  const optimizer = new SGD(net.parameters(), { lr, momentum, dampening, nesterov, weightDecay });
  const x = tensor(data.x);
  const writeBack = () => parameterData(net).forEach((v, i) => (model.parameters()[i]!.data = v));
  const history = emptyHistory();
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (schedule) optimizer.lr = schedule(epoch);
    const from = history.step.length;
    for (const batch of sampler(data.x.length)) {
      const pred = net.forward(x.gather(batch));
      const value = loss(
        pred,
        batch.map((i) => data.y[i]!),
      );
      if (!Number.isFinite(value.item())) {
        const what = Number.isNaN(value.item()) ? "NaN" : "infinite";
        throw new RangeError(
          `fit: the loss became ${what} at epoch ${epoch} (step ${history.step.length}) with lr ${optimizer.lr} — the learning rate is probably too large`,
        );
      }
      optimizer.zeroGrad();
      value.backward();
      optimizer.step();
      history.step.push(value.item());
    }
    if (history.step.length === from)
      throw new RangeError(`tensorFit: the sampler gave no batches for epoch ${epoch}`);
    endEpoch(history, from);
    if (onEpoch) {
      writeBack();
      onEpoch(epoch, history);
    }
  }
  writeBack();
  return history;
}
