// The assignment's net (2 → 5 → 4 → 1, tanh, linear output) at PyTorch's weights: for each reference row,
// the L1, MSE and BCE-with-logits loss and the gradient of all 44 parameters, to 1e-12 relative.
// The reference is the one neuron's tests read (@gradbook/testing's netGradients).
import type { Value } from "@gradbook/autograd";
import { loadParameters, MLP } from "@gradbook/neuron";
import { describe, expect, it } from "vitest";
import { bceWithLogitsLoss, l1Loss, type Loss, mseLoss } from "../src/index.ts";
import { expectClose, netGradients as reference, type ReferenceLoss } from "@gradbook/testing";

const cases: [ReferenceLoss, Loss][] = [
  ["l1", l1Loss],
  ["mse", mseLoss],
  ["bce_with_logits", bceWithLogitsLoss],
];

describe.each(reference.rows.map((row) => [row.index, row] as const))("XOR point %s", (_, row) => {
  it.each(cases)("%s: the loss and all 44 gradients", (name, loss) => {
    const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
    loadParameters(model, reference.init_flat);
    const params: Value[] = model.parameters();
    expect(params).toHaveLength(44);
    const [y] = model.forward(row.x);
    expectClose(y!.data, row.output);
    const out = loss([y!], [row.target]);
    out.backward();
    const want = row[name];
    expectClose(out.data, want.loss);
    // A gradient that is exactly 0 in PyTorch (input 0 times anything) may be a ±0 or a cancellation here.
    params.forEach((p, i) => expectClose(p.grad, want.grads_flat[i]!, 1e-12, 1e-15));
  });
});
