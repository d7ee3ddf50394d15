import { crossEntropy, Tensor } from "@gradbook/tensor";
import { CLASSES, type Digits, inputs, PIXELS } from "./digits.ts";

/** What a classifier must be: a forward pass from a batch `[B, 784]` to logits `[B, 10]`, and its parameters. */
export interface Classifier {
  forward(x: Tensor): Tensor;
  parameters(): Tensor[];
}

/** A set's verdict: the mean cross-entropy, the accuracy, and each digit's prediction and ten probabilities. */
export interface Evaluation {
  loss: number;
  accuracy: number;
  /** The class with the largest logit, per digit. */
  predicted: Uint8Array;
  /** softmax of the logits, `[size, 10]` row by row. */
  probabilities: Float64Array;
}

/** The index of the largest of `c` numbers starting at `from` (the first one on a tie, as PyTorch's argmax). */
export function argmax(values: ArrayLike<number>, from = 0, c = CLASSES): number {
  let best = 0;
  for (let k = 1; k < c; k++) if (values[from + k]! > values[from + best]!) best = k;
  return best;
}

/**
 * Runs `model` over every digit of `set`, `batchSize` at a time (no training: gradients are not
 * asked for), and measures its mean cross-entropy and accuracy.
 */
export function evaluate(model: Classifier, set: Digits, batchSize = 500): Evaluation {
  const predicted = new Uint8Array(set.size);
  const probabilities = new Float64Array(set.size * CLASSES);
  let lossSum = 0;
  let right = 0;
  for (let start = 0; start < set.size; start += batchSize) {
    const indices = Array.from(
      { length: Math.min(batchSize, set.size - start) },
      (_, i) => start + i,
    );
    const labels = indices.map((i) => set.labels[i]!);
    const logits = model.forward(new Tensor(inputs(set, indices), [indices.length, PIXELS]));
    lossSum += crossEntropy(logits, labels).item() * indices.length;
    const p = logits.logSoftmax().exp().data;
    probabilities.set(p, start * CLASSES);
    indices.forEach((i, row) => {
      predicted[i] = argmax(p, row * CLASSES);
      if (predicted[i] === labels[row]) right++;
    });
  }
  return { loss: lossSum / set.size, accuracy: right / set.size, predicted, probabilities };
}
