// Bad input: each error names the loss, the value that was wrong (and where), and what was expected.
import { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import {
  bceLoss,
  bceWithLogitsLoss,
  crossEntropyLoss,
  hingeLoss,
  l1Loss,
  type LossOptions,
  mseLoss,
} from "../src/index.ts";

const v = (...xs: number[]) => xs.map((x) => new Value(x));
const nan = new Value(Infinity).sub(new Value(Infinity)); // a NaN the engine let through: ∞ − ∞
const as = <T>(x: unknown) => x as T;

describe("RangeError for values outside a loss's domain", () => {
  it.each<[string, () => unknown, string]>([
    [
      "lengths differ",
      () => l1Loss(v(1, 2, 3), [1, 2]),
      "l1Loss: expected as many targets as predictions, got 3 predictions and 2 targets",
    ],
    [
      "lengths differ, logits",
      () => bceWithLogitsLoss(v(1), [1, 0]),
      "bceWithLogitsLoss: expected as many targets as logits, got 1 logits and 2 targets",
    ],
    [
      "lengths differ, hinge",
      () => hingeLoss(v(1, 2), [1]),
      "hingeLoss: expected as many labels as scores, got 2 scores and 1 labels",
    ],
    [
      "an empty batch",
      () => mseLoss([], []),
      "mseLoss: expected a non-empty array of predictions, got an empty batch",
    ],
    [
      "no logits",
      () => crossEntropyLoss([], 0),
      "crossEntropyLoss: expected a non-empty array of logits, got an empty batch",
    ],
    [
      "a NaN target",
      () => mseLoss(v(1, 2), [0, Number.NaN]),
      "mseLoss: expected targets that are finite numbers, got NaN at index 1",
    ],
    [
      "an infinite target",
      () => l1Loss(v(1), [Infinity]),
      "l1Loss: expected targets that are finite numbers, got Infinity at index 0",
    ],
    [
      "a target that is a string",
      () => l1Loss(v(1), as(["1"])),
      'l1Loss: expected targets that are finite numbers, got "1" at index 0',
    ],
    [
      "a NaN prediction",
      () => l1Loss([new Value(1), nan], [0, 0]),
      "l1Loss: expected predictions that are numbers, got NaN at index 1",
    ],
    [
      "a BCE target above 1",
      () => bceLoss(v(0.5, 0.5), [1, 1.5]),
      "bceLoss: expected targets in [0, 1], got 1.5 at index 1",
    ],
    [
      "a BCE target below 0",
      () => bceWithLogitsLoss(v(3), [-1]),
      "bceWithLogitsLoss: expected targets in [0, 1], got -1 at index 0",
    ],
    [
      "a BCE prediction above 1",
      () => bceLoss(v(1.2), [1]),
      "bceLoss: expected predictions that are probabilities in [0, 1], got 1.2 at index 0 (for logits, use bceWithLogitsLoss)",
    ],
    [
      "a BCE prediction below 0",
      () => bceLoss([0.5, -0.1], [1, 1]),
      "bceLoss: expected predictions that are probabilities in [0, 1], got -0.1 at index 1",
    ],
    [
      "an infinite logit",
      () => bceWithLogitsLoss(v(-Infinity), [0]),
      "bceWithLogitsLoss: expected finite logits, got -Infinity at index 0",
    ],
    [
      "an infinite logit, cross-entropy",
      () => crossEntropyLoss(v(0, Infinity), 0),
      "crossEntropyLoss: expected finite logits, got Infinity at index 1",
    ],
    [
      "a hinge label 0",
      () => hingeLoss(v(1, 2), [1, 0]),
      "hingeLoss: expected labels -1 or +1, got 0 at index 1 (map 0/1 targets with 2t − 1)",
    ],
    [
      "a hinge label 0.5",
      () => hingeLoss(v(1), [0.5]),
      "hingeLoss: expected labels -1 or +1, got 0.5 at index 0",
    ],
    [
      "a class index too large",
      () => crossEntropyLoss(v(1, 2, 3), 3),
      "crossEntropyLoss: expected the target class as an integer in [0, 3), got 3",
    ],
    [
      "a negative class index",
      () => crossEntropyLoss(v(1, 2), -1),
      "crossEntropyLoss: expected the target class as an integer in [0, 2), got -1",
    ],
    [
      "a fractional class index",
      () => crossEntropyLoss(v(1, 2), 0.5),
      "crossEntropyLoss: expected the target class as an integer in [0, 2), got 0.5",
    ],
    [
      "a NaN class index",
      () => crossEntropyLoss(v(1, 2), Number.NaN),
      "crossEntropyLoss: expected the target class as an integer in [0, 2), got NaN",
    ],
    [
      "a class index as a string",
      () => crossEntropyLoss(v(1, 2), as("1")),
      'crossEntropyLoss: expected the target class as an integer in [0, 2), got "1"',
    ],
    [
      "an unknown reduction",
      () => l1Loss(v(1), [1], as<LossOptions>({ reduction: "avg" })),
      'l1Loss: expected reduction "mean" or "sum", got "avg"',
    ],
    [
      "an unknown reduction, cross-entropy",
      () => crossEntropyLoss(v(1), 0, as<LossOptions>({ reduction: "none" })),
      'crossEntropyLoss: expected reduction "mean" or "sum", got "none"',
    ],
  ])("%s", (_, f, message) => {
    expect(f).toThrow(RangeError);
    expect(f).toThrow(message);
  });
});

describe("TypeError for things that are not arrays of numbers", () => {
  it.each<[string, () => unknown, string]>([
    [
      "predictions not an array",
      () => l1Loss(as(new Value(1)), [1]),
      "l1Loss: expected an array of predictions, got Value(data=1)",
    ],
    [
      "targets not an array",
      () => mseLoss(v(1), as(1)),
      "mseLoss: expected an array of targets, got 1",
    ],
    [
      "a prediction that is a string",
      () => mseLoss(as(["0.5"]), [1]),
      'mseLoss: expected predictions that are Values or numbers, got "0.5" at index 0',
    ],
    [
      "labels not an array",
      () => hingeLoss(v(1), as(undefined)),
      "hingeLoss: expected an array of labels, got undefined",
    ],
  ])("%s", (_, f, message) => {
    expect(f).toThrow(TypeError);
    expect(f).toThrow(message);
  });
});
