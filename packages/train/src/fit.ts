import type { Value } from "@gradbook/autograd";
import type { Loss } from "@gradbook/loss";
import type { Optimizer } from "@gradbook/optim";
import type { Dataset } from "./datasets.ts";
import { endEpoch, type History, history as emptyHistory } from "./history.ts";
import type { Sampler } from "./sampler.ts";
import type { Schedule } from "./schedule.ts";

/** What `fit` needs of a model: an `MLP` from `@gradbook/neuron` is one. */
export interface Model {
  forward(x: number[]): Value[];
}

/** The settings of a {@link fit} run. */
export interface FitOptions {
  /** The loss of a batch: predictions (one output per point) against targets. */
  loss: Loss;
  /** Holds the model's parameters; `fit` zeroes their gradients and steps it. */
  optimizer: Optimizer;
  /** How many passes over the data (epochs are numbered from 0, like the notebook's log). */
  epochs: number;
  /** Which points each step trains on: `lcgOrder()`, `randomPoints(rng)`, `shuffledBatches(rng, 32)`. */
  sampler: Sampler;
  /** The learning rate of each epoch, set on the optimizer before the epoch's first step: `stepDecay(0.02, { every: 500 })`. */
  schedule?: Schedule;
  /** Called after each epoch with its number and the history so far: for logs and figures. */
  onEpoch?: (epoch: number, history: History) => void;
  /**
   * The number of this call's first epoch and first step, for a run trained in several calls (a
   * page that trains a step at a time): the schedule, `onEpoch` and errors count from them; the
   * history holds this call's epochs only. @default { epoch: 0, step: 0 }
   */
  start?: { epoch: number; step: number };
}

/**
 * Trains `model` on `data`: for each batch the sampler picks, a forward pass, the loss, zeroed
 * gradients, backpropagation and an optimizer step. Returns the loss of every step and epoch.
 *
 * Stops with an error naming the epoch, the step and the learning rate when the loss stops
 * being a finite number.
 *
 * @example
 * const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
 * const optimizer = new SGD(model.parameters(), { lr: 0.02, momentum: 0.9 });
 * const history = fit(model, xor(), { loss: l1Loss, optimizer, epochs: 2001, sampler: lcgOrder() });
 */
export function fit(model: Model, data: Dataset, opts: FitOptions): History {
  const {
    loss,
    optimizer,
    epochs,
    sampler,
    schedule,
    onEpoch,
    start = { epoch: 0, step: 0 },
  } = opts;
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new RangeError(`fit: expected epochs to be a non-negative integer, got ${epochs}`);
  if (data.x.length !== data.y.length || data.x.length === 0) {
    throw new RangeError(
      `fit: expected as many targets as points, at least one, got ${data.x.length} points and ${data.y.length} targets`,
    );
  }
  const history = emptyHistory();
  for (let epoch = start.epoch; epoch < start.epoch + epochs; epoch++) {
    const from = history.step.length;
    if (schedule) optimizer.lr = schedule(epoch);
    for (const batch of sampler(data.x.length)) {
      const step = start.step + history.step.length;
      // #region step
      const pred = batch.map((i) => output(model.forward(data.x[i]!)));
      // The loss rejects NaN predictions itself; check first, to name the epoch and the lr.
      const value = loss(
        finite(pred, epoch, step, optimizer.lr),
        batch.map((i) => data.y[i]!),
      );
      finite([value], epoch, step, optimizer.lr);
      // #region exercise:step
      optimizer.zeroGrad(); // gradients accumulate: clear the last step's
      value.backward(); // d loss / d parameter for every parameter, by the chain rule
      optimizer.step(); // move each parameter against its gradient
      // #endregion exercise:step
      // #endregion step
      history.step.push(value.data);
    }
    if (history.step.length === from)
      throw new RangeError(`fit: the sampler gave no batches for epoch ${epoch}`);
    endEpoch(history, from);
    onEpoch?.(epoch, history);
  }
  return history;
}

/** The one output of a one-output model; throws otherwise. */
function output(out: Value[]): Value {
  if (out.length !== 1)
    throw new RangeError(
      `fit: expected a model with one output per point, got ${out.length} outputs`,
    );
  return out[0]!;
}

/** Returns `values`; throws when one is not finite, since the loss would be (or is) NaN or ±Infinity. */
function finite(values: Value[], epoch: number, step: number, lr: number): Value[] {
  const bad = values.find((v) => !Number.isFinite(v.data));
  if (bad === undefined) return values;
  // An infinite prediction makes an infinite loss; a NaN one, NaN.
  const what = Number.isNaN(bad.data) ? "NaN" : "infinite";
  throw new RangeError(
    `fit: the loss became ${what} at epoch ${epoch} (step ${step}) with lr ${lr} — the learning rate is probably too large`,
  );
}
