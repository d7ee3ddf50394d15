import { sgdUpdate } from "@gradbook/optim";
import type { Dataset } from "./datasets.ts";
import { endEpoch, type History, history as emptyHistory } from "./history.ts";
import type { PlainMLP } from "./plain.ts";
import type { Sampler } from "./sampler.ts";

/** The settings of a {@link plainFit} run. */
export interface PlainFitOptions {
  /** `'l1'`: mean |y − t|; `'mse'`: mean (y − t)², over each batch. */
  loss: "l1" | "mse";
  lr: number;
  /** PyTorch's SGD momentum: the first step uses the raw gradient. @default 0 */
  momentum?: number;
  /**
   * Inverse-time learning-rate decay: epoch `e` (from 0) steps with `lr / (1 + decay·e)`.
   * @default 0 (a constant learning rate)
   */
  decay?: number;
  epochs: number;
  sampler: Sampler;
  /** Called after each epoch (0-based) with the history so far. */
  onEpoch?: (epoch: number, history: History) => void;
}

/**
 * Trains a {@link PlainMLP} with SGD exactly as `fit` trains an `MLP` with `SGD`: same batches,
 * same loss, same update, in plain arithmetic. For one-output nets.
 *
 * Per batch B: `dL/dy = sign(y − t)/|B|` (L1, 0 at y = t) or `2(y − t)/|B|` (MSE); then
 * `@gradbook/optim`'s `sgdUpdate`, with `lr / (1 + decay·epoch)` if `decay` is set.
 */
export function plainFit(net: PlainMLP, data: Dataset, opts: PlainFitOptions): History {
  const { loss, lr, momentum = 0, decay = 0, epochs, sampler, onEpoch } = opts;
  if (net.sizes[net.sizes.length - 1] !== 1)
    throw new RangeError(`plainFit: expected a net with one output, got ${net.sizes.at(-1)}`);
  if (!(decay >= 0 && Number.isFinite(decay)))
    throw new RangeError(`plainFit: expected decay ≥ 0, got ${decay}`);
  const history = emptyHistory();
  const settings = { lr, momentum, dampening: 0, nesterov: false, weightDecay: 0 };
  const buf = new Float64Array(net.params.length);
  const dy = new Float64Array(1);
  let first = true;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const from = history.step.length;
    settings.lr = lr / (1 + decay * epoch);
    for (const batch of sampler(data.x.length)) {
      net.zeroGrad();
      let total = 0;
      for (const i of batch) {
        const e = net.forward(data.x[i]!)[0]! - data.y[i]!;
        total += loss === "l1" ? Math.abs(e) : e * e;
        dy[0] = (loss === "l1" ? (e > 0 ? 1 : e < 0 ? -1 : 0) : 2 * e) / batch.length;
        net.backward(dy);
      }
      history.step.push(total / batch.length);
      sgdUpdate(net.params, net.grad, buf, settings, first);
      first = false;
    }
    endEpoch(history, from);
    onEpoch?.(epoch, history);
  }
  return history;
}
