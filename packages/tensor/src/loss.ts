import type { LossOptions } from "@gradbook/loss";
import { fmt } from "./shape.ts";
import { result, Tensor } from "./tensor.ts";

// The losses of `@gradbook/loss` over a batch at once, composed from tensor ops, with PyTorch's
// reductions: 'mean' (the default) or 'sum'.

/** The reduction asked for, checked. */
function reduce(where: string, terms: Tensor, opts: LossOptions | undefined): Tensor {
  const reduction = opts?.reduction ?? "mean";
  if (reduction === "mean") return terms.mean();
  if (reduction === "sum") return terms.sum();
  throw new RangeError(
    `${where}: unknown reduction ${JSON.stringify(reduction)}: expected "mean" or "sum"`,
  );
}

/** Targets as a constant tensor shaped like the predictions, checked: as many, all finite. */
function targetsLike(where: string, pred: Tensor, target: Tensor | ArrayLike<number>): Tensor {
  const data = target instanceof Tensor ? target.data : Float64Array.from(target);
  if (data.length !== pred.size)
    throw new RangeError(
      `${where}: expected ${pred.size} targets for predictions shaped ${fmt(pred.shape)}, got ${data.length}`,
    );
  const bad = data.findIndex((t) => !Number.isFinite(t));
  if (bad >= 0)
    throw new RangeError(`${where}: expected finite targets, got ${data[bad]} at index ${bad}`);
  return new Tensor(data, pred.shape);
}

/** Mean absolute error `mean |yᵢ − tᵢ|` (PyTorch's `l1_loss`), the terms as `@gradbook/loss`'s `l1Loss` computes them. */
export function l1Loss(
  pred: Tensor,
  target: Tensor | ArrayLike<number>,
  opts?: LossOptions,
): Tensor {
  return reduce("l1Loss", pred.sub(targetsLike("l1Loss", pred, target)).abs(), opts);
}

/** Mean squared error `mean (yᵢ − tᵢ)²` (PyTorch's `mse_loss`). */
export function mseLoss(
  pred: Tensor,
  target: Tensor | ArrayLike<number>,
  opts?: LossOptions,
): Tensor {
  return reduce("mseLoss", pred.sub(targetsLike("mseLoss", pred, target)).pow(2), opts);
}

/** Class indices checked against a `[batch, classes]` tensor. */
function classes(where: string, scores: Tensor, targets: ArrayLike<number>): number[] {
  if (scores.shape.length !== 2)
    throw new RangeError(
      `${where}: expected scores shaped [batch, classes], got ${fmt(scores.shape)}`,
    );
  const [batch, c] = scores.shape as [number, number];
  const t = Array.from(targets);
  if (t.length !== batch)
    throw new RangeError(
      `${where}: expected ${batch} target classes for scores shaped ${fmt(scores.shape)}, got ${t.length}`,
    );
  t.forEach((k, b) => {
    if (!Number.isInteger(k) || k < 0 || k >= c)
      throw new RangeError(
        `${where}: expected target classes that are integers in [0, ${c}), got ${k} at index ${b}`,
      );
  });
  return t;
}

/**
 * Negative log-likelihood (PyTorch's `nll_loss`): `−logProbs[b, targets[b]]`, averaged over the
 * batch. Its gradient is −1 (over the batch size) at each row's target class and 0 elsewhere.
 */
export function nllLoss(logProbs: Tensor, targets: ArrayLike<number>, opts?: LossOptions): Tensor {
  const t = classes("nllLoss", logProbs, targets);
  const c = logProbs.shape[1]!;
  const x = logProbs.data;
  const picked = Float64Array.from(t, (k, b) => x[b * c + k]!);
  const pick = result("pick", picked, [t.length], [logProbs], (y) => {
    const g = y.grad!;
    const ga = logProbs.grad!;
    t.forEach((k, b) => (ga[b * c + k]! += g[b]!));
  });
  return reduce("nllLoss", pick.neg(), opts);
}

/**
 * Cross-entropy with class indices (PyTorch's `cross_entropy`): `nllLoss(logSoftmax(logits))`,
 * the mean over the batch of `ln Σⱼ e^(xⱼ) − x_target`. Its gradient is `(softmax(x) − onehot) / batch`.
 *
 * @example
 * const logits = tensor([[2, 0, -1], [0, 1000, -1000]], { requiresGrad: true });
 * crossEntropy(logits, [0, 1]).backward(); // stable at ±1000
 */
export function crossEntropy(
  logits: Tensor,
  targets: ArrayLike<number>,
  opts?: LossOptions,
): Tensor {
  classes("crossEntropy", logits, targets);
  const bad = logits.data.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new RangeError(
      `crossEntropy: expected finite logits, got ${logits.data[bad]} at index ${bad}`,
    );
  return nllLoss(logits.logSoftmax(), targets, opts);
}
