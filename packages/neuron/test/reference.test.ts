// The assignment's net (2 → 5 → 4 → 1, tanh, linear output) at PyTorch's weights: the layout of the
// parameters, the output, and for L1, MSE and BCE with logits the loss and all 44 gradients, to
// 1e-12 relative. The losses are written inline from the reference README's formulas, on the
// engine's ops, so this package's tests need no later step.
// The reference is @gradbook/testing's netGradients (packages/testing/fixtures/net_gradients.json).
import type { Value } from "@gradbook/autograd";
import { describe, expect, it } from "vitest";
import { loadParameters, MLP } from "../src/index.ts";
import { expectClose, netGradients as reference, type ReferenceLoss } from "@gradbook/testing";

function assignmentNet(): MLP {
  const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
  loadParameters(model, reference.init_flat);
  return model;
}

// One element of each loss, from the README: L1 |y − t|, MSE (y − t)², BCE with logits
// max(y, 0) − y·t + log(1 + e^{−|y|}).
const losses: [ReferenceLoss, (y: Value, t: number) => Value][] = [
  ["l1", (y, t) => y.sub(t).abs()],
  ["mse", (y, t) => y.sub(t).pow(2)],
  ["bce_with_logits", (y, t) => y.relu().sub(y.mul(t)).add(y.abs().neg().exp().add(1).log())],
];

it("loadParameters puts PyTorch's flat list where PyTorch's matrices have them: W[out][in], then b", () => {
  const model = assignmentNet();
  const p = reference.init_params;
  model.layers.forEach((layer, l) => {
    const [W, b] = [
      [p.W1, p.b1],
      [p.W2, p.b2],
      [p.W3, p.b3],
    ][l] as [number[][], number[]];
    expect(layer.neurons.map((n) => n.w.map((w) => w.data))).toEqual(W);
    expect(layer.neurons.map((n) => n.b.data)).toEqual(b);
  });
});

describe.each(reference.rows.map((row) => [String(row.x), row] as const))(
  "XOR input [%s]",
  (_, row) => {
    it("gives PyTorch's output", () => {
      const out = assignmentNet().forward(row.x);
      expect(out).toHaveLength(1);
      expectClose(out[0]!.data, row.output);
    });

    it.each(losses)("%s: the loss and all 44 gradients", (name, loss) => {
      const model = assignmentNet();
      const [y] = model.forward(row.x);
      const out = loss(y!, row.target);
      out.backward();
      const want = row[name];
      expectClose(out.data, want.loss);
      const params = model.parameters();
      expect(params).toHaveLength(44);
      // A gradient that is exactly 0 in PyTorch (a weight times an input of 0) may come out as
      // a cancellation here: 1e-15 absolute.
      params.forEach((p, i) => expectClose(p.grad, want.grads_flat[i]!, 1e-12, 1e-15));
    });
  },
);
