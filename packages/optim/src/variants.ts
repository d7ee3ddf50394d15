// Lesson 05's problems beyond the optimizers it builds: sizes and limits to predict, each then
// measured against the optimizer itself by the tests.

/**
 * The size |Δp| of RMSprop's very first step on a parameter whose gradient is g (no weight
 * decay), from s = 0.
 */
export function rmspropFirstStep(lr: number, alpha: number, eps: number, g: number): number {
  // #region exercise:rmsprop-first-step
  // s = (1 − α)·g², so the step is η·|g| / (√(1 − α)·|g| + ε) ≈ η/√(1 − α) unless |g| is near ε
  return (lr * Math.abs(g)) / (Math.sqrt(1 - alpha) * Math.abs(g) + eps);
  // #endregion exercise:rmsprop-first-step
}

/**
 * The size |Δp| of Adam's very first step on a parameter whose gradient is g (no weight decay).
 */
export function adamFirstStep(
  lr: number,
  betas: readonly [number, number],
  eps: number,
  g: number,
): number {
  // #region exercise:adam-first-step
  // m = (1 − β₁)·g and v = (1 − β₂)·g²: the bias corrections divide them back to g and g², so the
  // step is η·|g| / (|g| + ε), the learning rate unless |g| is near ε
  const [beta1, beta2] = betas;
  const m = ((1 - beta1) * g) / (1 - beta1);
  const v = ((1 - beta2) * g * g) / (1 - beta2);
  return (lr * Math.abs(m)) / (Math.sqrt(v) + eps);
  // #endregion exercise:adam-first-step
}

/**
 * The largest learning rate for which SGD with Nesterov momentum μ converges on the parabola
 * ½·a·p² (curvature a): below it, p goes to 0; above it, p grows without bound.
 *
 * @example
 * nesterovCriticalLr(4, 0); // 0.5 = 2/a, plain gradient descent's limit
 */
export function nesterovCriticalLr(curvature: number, momentum: number): number {
  // #region exercise:nesterov-critical-lr
  // With h = η·a, p and η·b evolve by [[1 − h(1 + μ), −μ²], [h, μ]]; its eigenvalue reaches −1 when
  // 1 + trace + det = 0, i.e. 2(1 + μ) − h(1 + 2μ) = 0.
  return (2 * (1 + momentum)) / ((1 + 2 * momentum) * curvature);
  // #endregion exercise:nesterov-critical-lr
}
