// Every op's backward against central differences, broadcasting included.
import { describe, expect, test } from "vitest";
import { crossEntropy, gradcheck, l1Loss, linear, mseLoss, Tensor, tensor } from "../src/index.ts";

// Fixed, irregular values away from the kinks of relu and abs.
const m = tensor([
  [0.3, -1.2, 0.7],
  [1.5, -0.4, 0.9],
]); // [2, 3]
const row = tensor([0.6, -0.8, 1.1]); // [3]
const col = tensor([[0.5], [-1.3]]); // [2, 1]
const pos = tensor([
  [0.3, 1.2, 0.7],
  [1.5, 0.4, 0.9],
]);

const cases: [string, (...xs: Tensor[]) => Tensor, Tensor[]][] = [
  ["add matrix + row", (a, b) => a.add(b).tanh().sum(), [m, row]],
  ["sub column − matrix", (a, b) => a.sub(b).mul(a.sub(b)).sum(), [col, m]],
  ["mul matrix · column", (a, b) => a.mul(b).sum(), [m, col]],
  ["div matrix / row", (a, b) => a.div(b).sum(), [m, row]],
  ["add, mul, div by numbers", (a) => a.add(2).mul(-3).div(4).tanh().sum(), [m]],
  ["pow 3 and 0.5", (a) => a.pow(3).add(a.pow(0.5)).sum(), [pos]],
  ["exp, log", (a) => a.exp().add(a.log()).sum(), [pos]],
  ["tanh, sigmoid, softplus", (a) => a.tanh().add(a.sigmoid()).add(a.softplus()).sum(), [m]],
  ["relu, abs, neg", (a) => a.relu().add(a.abs()).add(a.neg().mul(a)).sum(), [m]],
  ["sin, cos", (a) => a.sin().mul(a.cos()).sum(), [m]],
  ["matmul", (a, b) => a.matmul(b).tanh().sum(), [m, m.T().mul(0.7)]],
  [
    "T",
    (a) =>
      a
        .T()
        .mul(tensor([[1], [2], [3]]))
        .sum(),
    [m],
  ],
  ["sum over axis 0, weighted", (a) => a.sum(0).mul(row).sum(), [m]],
  ["mean over axis 1 and -1", (a) => a.mean(1).mul(a.mean(-1)).sum(), [m]],
  [
    "reshape",
    (a) =>
      a
        .reshape([3, -1])
        .tanh()
        .mul(
          tensor([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
        )
        .sum(),
    [m],
  ],
  [
    "gather with a repeated row",
    (a) =>
      a
        .gather([1, 0, 1])
        .tanh()
        .mul(tensor([[1], [2], [3]]))
        .sum(),
    [m],
  ],
  [
    "linear",
    (x, w, b) => linear(x, w, b).tanh().sum(),
    [
      m,
      tensor([
        [0.2, -0.5, 0.1],
        [0.4, 0.3, -0.7],
      ]),
      tensor([0.1, -0.2]),
    ],
  ],
  [
    "logSoftmax",
    (a) =>
      a
        .logSoftmax()
        .mul(
          tensor([
            [1, 2, 3],
            [-1, 0.5, 2],
          ]),
        )
        .sum(),
    [m],
  ],
  ["crossEntropy", (a) => crossEntropy(a, [2, 0]), [m]],
  [
    "l1Loss, mseLoss",
    (a) =>
      l1Loss(
        a,
        [
          [0, 0, 0],
          [1, 1, 1],
        ].flat(),
      ).add(mseLoss(a, [1, 2, 3, 4, 5, 6])),
    [m],
  ],
];

describe("gradcheck: backward against central differences", () => {
  test.each(cases)("%s", (_, f, inputs) => {
    const report = gradcheck(f, inputs);
    expect(report.maxError, JSON.stringify(report.worst)).toBeLessThan(1e-7);
  });

  test("a wrong derivative is caught", () => {
    // x² with the derivative x instead of 2x: gradcheck must report it.
    const square = (a: Tensor) =>
      new Tensor(
        a.data.map((v) => v * v),
        a.shape,
        true,
        "bad square",
        [a],
        (out) => {
          for (let i = 0; i < a.size; i++) a.grad![i]! += out.grad![i]! * a.data[i]!;
        },
      );
    const report = gradcheck((a) => square(a).sum(), [m]);
    expect(report.ok).toBe(false);
    expect(report.maxError).toBeCloseTo(0.5, 6); // |x − 2x| / |2x|
  });
});
