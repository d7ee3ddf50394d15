// Bad input gets an error that names the op and both shapes (or the value) and what was expected.
import { describe, expect, test } from "vitest";
import {
  crossEntropy,
  l1Loss,
  Linear,
  ParameterStore,
  linear,
  MLP,
  SGD,
  Tensor,
  tensor,
  zeros,
} from "../src/index.ts";

const m23 = zeros([2, 3]);

describe("errors name the op, the shapes and what was expected", () => {
  test.each([
    [
      "matmul",
      () => zeros([3, 5]).matmul(zeros([4, 5])),
      "matmul: expected [3, 5] @ [5, m], got [3, 5] @ [4, 5]",
    ],
    [
      "matmul of a vector",
      () => zeros([5]).matmul(zeros([5, 2])),
      "matmul: expected [n, k] @ [k, m], got [5] @ [5, 2]",
    ],
    [
      "broadcast",
      () => m23.add(zeros([2])),
      "add: shapes [2, 3] and [2] do not broadcast: axis 1 is 3 against 2 (expected equal sizes, or 1)",
    ],
    [
      "linear input",
      () => linear(zeros([4, 2]), zeros([5, 3]), zeros([5])),
      "linear: expected an input shaped [batch, 3] for a weight [5, 3], got [4, 2]",
    ],
    [
      "linear bias",
      () => linear(zeros([4, 3]), zeros([5, 3]), zeros([4])),
      "linear: expected a bias shaped [5] for a weight [5, 3], got [4]",
    ],
    [
      "reshape",
      () => m23.reshape([4, -1]),
      "reshape: cannot shape 6 elements of [2, 3] as [4, -1]",
    ],
    [
      "reshape with two free axes",
      () => m23.reshape([-1, -1]),
      "reshape: cannot shape 6 elements of [2, 3] as [-1, -1]",
    ],
    [
      "sum axis",
      () => m23.sum(2),
      "sum: expected an axis in [-2, 2) for a tensor shaped [2, 3], got 2",
    ],
    [
      "gather",
      () => m23.gather([0, 2]),
      "gather: expected row indices that are integers in [0, 2), got 2 at position 1",
    ],
    ["T", () => zeros([2, 3, 4]).T(), "T: expected a matrix [n, m], got [2, 3, 4]"],
    [
      "backward of a non-scalar",
      () => tensor([1, 2], { requiresGrad: true }).mul(2).backward(),
      "backward: expected a tensor of one element (a loss), got shape [2]",
    ],
    [
      "backward with nothing to differentiate",
      () => tensor([1]).backward(),
      "backward: this tensor does not require a gradient",
    ],
    [
      "log",
      () => tensor([1, 0]).log(),
      "log: expected positive inputs, got 0 at index 1 of a tensor shaped [2]",
    ],
    [
      "div",
      () => m23.div(tensor([1, 0, 2])),
      "div: expected non-zero divisors, got 0 at index 1 of a divisor shaped [3]",
    ],
    [
      "pow",
      () => tensor([-1]).pow(0.5),
      "pow: expected non-negative bases for the fractional exponent 0.5, got -1 at index 0",
    ],
    [
      "ragged",
      () => tensor([[1, 2], [3]]),
      "tensor: ragged arrays: expected 2 items at depth 1, got [3]",
    ],
    ["NaN", () => tensor([1, Number.NaN]), "tensor: expected numbers, got NaN at index 1"],
    [
      "data and shape",
      () => tensor([1, 2, 3], [2, 2]),
      "tensor: expected 4 numbers for shape [2, 2], got 3",
    ],
    [
      "crossEntropy target",
      () => crossEntropy(m23, [0, 3]),
      "crossEntropy: expected target classes that are integers in [0, 3), got 3 at index 1",
    ],
    [
      "crossEntropy batch",
      () => crossEntropy(m23, [0]),
      "crossEntropy: expected 2 target classes for scores shaped [2, 3], got 1",
    ],
    [
      "crossEntropy logits",
      () => crossEntropy(tensor([[1, Infinity]]), [0]),
      "crossEntropy: expected finite logits, got Infinity at index 1",
    ],
    [
      "l1Loss targets",
      () => l1Loss(m23, [1, 2]),
      "l1Loss: expected 6 targets for predictions shaped [2, 3], got 2",
    ],
    [
      "l1Loss reduction",
      () => l1Loss(m23, [1, 2, 3, 4, 5, 6], { reduction: "max" as never }),
      'l1Loss: unknown reduction "max": expected "mean" or "sum"',
    ],
    [
      "MLP input",
      () => new MLP(2, [3]).forward(zeros([4, 3])),
      "MLP.forward: expected an input shaped [batch, 2], got [4, 3]",
    ],
    [
      "MLP sizes",
      () => new MLP(2, [3, 0]),
      "MLP: layer sizes must be positive integers, got [3, 0]",
    ],
    [
      "Linear parameters",
      () => new Linear(zeros([3, 2]), zeros([2])),
      "Linear: expected a weight [nout, nin] and a bias [nout], got [3, 2] and [2]",
    ],
    [
      "ParameterStore values",
      () => new ParameterStore([{ values: [1, 2, 3], shape: [2, 2] }]),
      "ParameterStore: expected 4 values for shape [2, 2], got 3",
    ],
    [
      "ParameterStore shape",
      () => new ParameterStore([{ values: [1], shape: [1.5] }]),
      "ParameterStore: expected a shape, a list of non-negative integers, got [1.5]",
    ],
    [
      "SGD params",
      () => new SGD([zeros([2])], { lr: 0.1 }),
      "SGD: expected tensors that require a gradient, got Tensor([2]) [0, 0] at index 0",
    ],
    [
      "SGD lr",
      () => new SGD(new Linear(2, 1).parameters(), { lr: -1 }),
      "SGD: expected lr to be a finite number ≥ 0, got -1",
    ],
  ])("%s", (_, f, message) => {
    expect(f).toThrow(message);
  });

  test("a shared parameter is listed once", () => {
    const p = tensor([1], { requiresGrad: true });
    expect(() => new SGD([p, p], { lr: 0.1 })).toThrow(
      "SGD: expected each parameter once, got the same tensor at indices 0 and 1",
    );
  });

  test("a tensor prints its shape, and its data when small", () => {
    expect(
      String(
        tensor(
          [
            [1, 2],
            [3, 4],
          ],
          { requiresGrad: true },
        ),
      ),
    ).toBe("Tensor([2, 2], requiresGrad) [1, 2, 3, 4]");
    expect(String(zeros([5, 5]))).toBe("Tensor([5, 5])");
    expect(new Tensor(new Float64Array(1), []).item()).toBe(0);
  });
});
