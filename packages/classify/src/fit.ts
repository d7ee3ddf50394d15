import { crossEntropy, Tensor, type TensorOptimizer } from "@gradbook/tensor";
import { CLASSES, type Digits, PIXELS } from "./digits.ts";
import type { EarlyStopping } from "./early-stopping.ts";
import { argmax, type Classifier, evaluate } from "./evaluate.ts";
import type { Loader } from "./loader.ts";

/** One epoch of a {@link fit} run. */
export interface EpochRecord {
  /** From 0. */
  epoch: number;
  /** The mean cross-entropy over the epoch's training digits, each measured in its batch before that batch's step. */
  trainLoss: number;
  /** The share of training digits the net got right in their batch, before that batch's step. */
  trainAccuracy: number;
  /** The validation set's mean cross-entropy after the epoch (NaN without a validation set). */
  validationLoss: number;
  /** The validation set's accuracy after the epoch (NaN without a validation set). */
  validationAccuracy: number;
  /** The learning rate of the epoch's last step. */
  lr: number;
}

/** The settings of a {@link fit} run. */
export interface FitOptions {
  /** Steps the model's parameters; its `lr` is set from `rates` before each step when they are given. */
  optimizer: TensorOptimizer;
  /** Passes over the training set (fewer when early stopping stops the run). */
  epochs: number;
  /** The training set in minibatches, shuffled each epoch. */
  loader: Loader;
  /** Measured after each epoch: the loss early stopping watches. */
  validation?: Digits;
  /** The learning rate of each step, from 0 (`warmupCosine`, `constantRate`): at least epochs · batches of them. */
  rates?: Float64Array;
  /** Stops the run when the validation loss has not improved for its patience, and puts back the best epoch's weights. */
  earlyStopping?: EarlyStopping;
  /** Told after each epoch, with its record. */
  onEpoch?: (record: EpochRecord) => void;
  /** Told after each step: steps done, steps in the whole run. */
  onStep?: (done: number, total: number) => void;
}

/** What a {@link fit} run did. */
export interface FitResult {
  epochs: EpochRecord[];
  /** Whether early stopping ended the run before its last epoch. */
  stopped: boolean;
  /** The epoch whose weights the model holds at the end: the last, or with early stopping the best. */
  kept: number;
}

/**
 * Trains a classifier by minibatch gradient descent on the mean cross-entropy of softmax over ten
 * classes: for each batch the loader serves, a forward pass over `[B, 784]`, the loss, zeroed
 * gradients, backpropagation and an optimizer step. After each epoch the validation set is
 * measured, and early stopping (when given) may end the run.
 *
 * Stops with an error naming the epoch, the step and the learning rate when the loss stops
 * being a finite number.
 *
 * @example
 * const model = new MLP(784, [128, 10], { activation: "relu", outputActivation: "linear", init: pytorchDefault });
 * const optimizer = new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * fit(model, { optimizer, epochs: 10, loader: new Loader(train, 32, new Rng(1)), validation });
 */
export function fit(model: Classifier, opts: FitOptions): FitResult {
  const { optimizer, epochs, loader, validation, rates, earlyStopping, onEpoch, onStep } = opts;
  if (!(Number.isInteger(epochs) && epochs >= 0))
    throw new RangeError(`fit: expected epochs to be an integer ≥ 0, got ${epochs}`);
  const total = epochs * loader.batches;
  if (rates && rates.length < total)
    throw new RangeError(
      `fit: expected a rate for each of ${total} steps (${epochs} epochs of ${loader.batches} batches), got ${rates.length}`,
    );
  if (earlyStopping && !validation)
    throw new RangeError("fit: early stopping watches the validation loss: give a validation set");
  const records: EpochRecord[] = [];
  let best: Float64Array[] | null = null;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    let lossSum = 0;
    let right = 0;
    for (const batch of loader.epoch()) {
      if (rates) optimizer.lr = rates[step]!;
      const logits = model.forward(new Tensor(batch.x, [batch.labels.length, PIXELS])); // [B, 10]
      finite(logits.data, epoch, step, optimizer.lr); // crossEntropy refuses them too: here the error can name the lr
      const loss = crossEntropy(logits, batch.labels); // mean over the batch of −log softmax(logits)[label]
      const value = loss.item();
      finite([value], epoch, step, optimizer.lr);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
      lossSum += value * batch.labels.length;
      batch.labels.forEach((label, row) => argmax(logits.data, row * CLASSES) === label && right++);
      step++;
      onStep?.(step, total); // not onStep?.(++step): an absent onStep would skip the count
    }
    const measured = validation
      ? evaluate(model, validation)
      : { loss: Number.NaN, accuracy: Number.NaN };
    const record = {
      epoch,
      trainLoss: lossSum / loader.set.size,
      trainAccuracy: right / loader.set.size,
      validationLoss: measured.loss,
      validationAccuracy: measured.accuracy,
      lr: optimizer.lr,
    };
    records.push(record);
    onEpoch?.(record);
    if (earlyStopping) {
      const stop = earlyStopping.update(record.validationLoss);
      if (earlyStopping.bestEpoch === epoch) best = model.parameters().map((p) => p.data.slice());
      if (stop) {
        model.parameters().forEach((p, i) => p.data.set(best![i]!));
        return { epochs: records, stopped: true, kept: earlyStopping.bestEpoch };
      }
    }
  }
  if (earlyStopping && best && earlyStopping.bestEpoch !== records.length - 1)
    model.parameters().forEach((p, i) => p.data.set(best![i]!));
  return {
    epochs: records,
    stopped: false,
    kept: earlyStopping ? earlyStopping.bestEpoch : records.length - 1,
  };
}

/** Throws, naming the epoch, the step and the learning rate, when a number of `values` is NaN or infinite. */
function finite(values: ArrayLike<number>, epoch: number, step: number, lr: number): void {
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i]!)) continue;
    throw new RangeError(
      `fit: the loss became ${Number.isNaN(values[i]!) ? "NaN" : "infinite"} at epoch ${epoch} (step ${step}) with lr ${lr} — the learning rate is probably too large`,
    );
  }
}
