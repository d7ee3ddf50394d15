import { wilson } from "@gradbook/train";
import { CLASSES, type Digits } from "./digits.ts";

/** `96.1%`: a share as a percentage with `digits` decimals. */
export function percent(share: number, digits = 1): string {
  return `${(100 * share).toFixed(digits)}%`;
}

/** `96.1% (961 of 1000), 95% interval 94.7% to 97.1% (Wilson)`: an accuracy with its uncertainty. */
export function accuracyLine(right: number, total: number): string {
  const [low, high] = wilson(right, total);
  return `${percent(right / total)} (${right} of ${total}), 95% interval ${percent(low)} to ${percent(high)} (Wilson)`;
}

/** A confusion matrix as text: a row per true class, a column per predicted class, and each row's recall. */
export function confusionTable(matrix: readonly (readonly number[])[]): string {
  const width = Math.max(4, ...matrix.flat().map((n) => String(n).length + 1));
  const cell = (text: string | number) => String(text).padStart(width);
  const lines = [
    `true ↓ predicted → ${""}`.trimEnd(),
    `     ${matrix.map((_, p) => cell(p)).join("")}   right`,
  ];
  matrix.forEach((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    lines.push(
      `${String(t).padStart(5)}${row.map((n) => cell(n === 0 ? "." : n)).join("")}   ${total === 0 ? "-" : percent(row[t]! / total)}`,
    );
  });
  return lines.join("\n");
}

/**
 * The digits the net is most wrong about, from its `[size, 10]` probabilities over `set`: those with the lowest probability on their true class,
 * worst first (a digit it got right can be among them only if it got few wrong).
 */
export function worstDigits(
  probabilities: ArrayLike<number>,
  set: Digits,
  count: number,
): number[] {
  const pTrue = (i: number) => probabilities[i * CLASSES + set.labels[i]!]!;
  return Array.from({ length: set.size }, (_, i) => i)
    .sort((a, b) => pTrue(a) - pTrue(b) || a - b)
    .slice(0, count);
}
