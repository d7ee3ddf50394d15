import { fixed } from "@gradbook/autograd";
import { type Predictor, predictWith } from "./boundary.ts";
import type { Dataset } from "./datasets.ts";

// The lines a training run prints, shared by the CLI and the lessons so both print alike.

/**
 * One line of the course notebook's log: `Epoch: 500, Loss: 0.344260`. The notebook prints the
 * loss of the epoch's last step (`History.last`), computed before that step's update.
 */
export function logLine(epoch: number, loss: number): string {
  return `Epoch: ${epoch}, Loss: ${fixed(loss, 6)}`;
}

/** Whether every output is on its target's side of the threshold: `y > threshold` exactly where `t > threshold`. */
export function classifies(
  outputs: ArrayLike<number>,
  targets: readonly number[],
  threshold = 0.5,
): boolean {
  for (let i = 0; i < targets.length; i++)
    if (outputs[i]! > threshold !== targets[i]! > threshold) return false;
  return true;
}

/**
 * A table of the model's output for each point against its target, with the class it predicts
 * (`y > threshold`), and a last line counting the points on the right side.
 *
 * @example
 * console.log(predictionTable(model, xor()));
 * //  x₁  x₂  target     output  class
 * //   0   0       0    -0.1873  0 ✓ …
 */
export function predictionTable(model: Predictor, data: Dataset, threshold = 0.5): string {
  const predict = predictWith(model);
  const outputs = data.x.map((x) => predict(x));
  const rows = data.x.map((x, i) => {
    const right = outputs[i]! > threshold === data.y[i]! > threshold;
    return `${x.map((c) => cell(c, 3)).join(" ")}  ${cell(data.y[i]!, 6)}  ${fixed(outputs[i]!, 4).padStart(9)}  ${outputs[i]! > threshold ? 1 : 0} ${right ? "✓" : "✗"}`;
  });
  const right = outputs.filter((y, i) => y > threshold === data.y[i]! > threshold).length;
  const head = `${data.x[0]!.map((_, k) => `x${"₁₂₃₄₅₆₇₈₉"[k] ?? k + 1}`.padStart(3)).join(" ")}  target     output  class`;
  return [head, ...rows, `${right}/${data.x.length} on the right side of ${threshold}`].join("\n");
}

/**
 * A table of the model's output for each point against its target, for real-valued targets
 * (regression), with the error, and a last line with the mean squared error and the largest error.
 *
 * @example
 * console.log(regressionTable(model, datasetByName("plane")));
 * //     x₁     x₂  target     output    error …
 */
export function regressionTable(model: Predictor, data: Dataset): string {
  const predict = predictWith(model);
  const errors = data.x.map((x, i) => predict(x) - data.y[i]!);
  const rows = data.x.map(
    (x, i) =>
      `${x.map((c) => cell(c, 6)).join(" ")}  ${cell(data.y[i]!, 6)}  ${fixed(data.y[i]! + errors[i]!, 4).padStart(9)}  ${fixed(errors[i]!, 4).padStart(7)}`,
  );
  const head = `${data.x[0]!.map((_, k) => `x${"₁₂₃₄₅₆₇₈₉"[k] ?? k + 1}`.padStart(6)).join(" ")}  target     output    error`;
  const mse = errors.reduce((sum, e) => sum + e * e, 0) / errors.length;
  const largest = Math.max(...errors.map(Math.abs));
  return [
    head,
    ...rows,
    `mean squared error ${fixed(mse, 6)}, largest error ${fixed(largest, 4)}`,
  ].join("\n");
}

/** A number in a column: integers as they are, others with 3 decimals. */
function cell(x: number, width: number): string {
  return (Number.isInteger(x) ? String(x) : fixed(x, 3)).padStart(width);
}
