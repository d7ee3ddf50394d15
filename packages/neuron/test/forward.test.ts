// The forward pass against arithmetic done without the engine, and its gradients against finite
// differences.
import { gradcheck, ops, relativeError, Value } from "@gradbook/autograd";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Activation,
  activations,
  Layer,
  loadParameters,
  MLP,
  Neuron,
  parameterData,
} from "../src/index.ts";
import { expectClose } from "@gradbook/testing";

const f: Record<Activation, (z: number) => number> = {
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  linear: (z) => z,
};

describe("a neuron", () => {
  // w = [0.5, −1], b = 0.25, x = [2, 1]: z = 0.25 + 0.5·2 + (−1)·1 = 0.25.
  // x = [−2, 1]: z = 0.25 − 1 − 1 = −1.75.
  it.each<[Activation, number, number]>([
    ["linear", 0.25, -1.75],
    ["relu", 0.25, 0],
    ["tanh", Math.tanh(0.25), Math.tanh(-1.75)],
    ["sigmoid", 1 / (1 + Math.exp(-0.25)), 1 / (1 + Math.exp(1.75))],
  ])("%s: f(b + w·x) worked by hand", (activation, atPlus, atMinus) => {
    const n = new Neuron(2, { activation });
    loadParameters(n, [0.5, -1, 0.25]);
    expectClose(n.forward([2, 1]).data, atPlus);
    expectClose(n.forward([-2, 1]).data, atMinus);
  });

  it("builds b + w₀x₀ + w₁x₁ + … from the bias: two nodes per input, one for the activation", () => {
    const n = new Neuron(3);
    const y = n.forward([1, 2, 3]);
    expect(y.op).toBe(ops.tanh);
    // tanh ← + ← (+ ← (+ ← b, w0·x0), w1·x1), w2·x2: the bias is at the bottom of the chain.
    let z = y.a!;
    for (let i = 2; i >= 0; i--) {
      expect(z.op).toBe(ops.add);
      expect([z.b!.op, z.b!.a, z.b!.numberOperand]).toEqual([ops.mulK, n.w[i], i + 1]);
      z = z.a!;
    }
    expect(z).toBe(n.b);
  });

  it("multiplies by a Value input as a node, so the gradient reaches the input", () => {
    const n = new Neuron(2, { activation: "linear" });
    loadParameters(n, [3, -2, 0]);
    const x = [new Value(1), new Value(1)];
    n.forward(x).backward();
    expect(x.map((v) => v.grad)).toEqual([3, -2]); // dz/dxᵢ = wᵢ
  });

  it("with linear activation returns the sum itself, no extra node", () => {
    const n = new Neuron(1, { activation: "linear" });
    expect(n.forward([2]).op).toBe(ops.add);
  });
});

/** The forward pass in plain numbers, reading the weights off the neurons. */
function plainForward(model: MLP, x: number[]): number[] {
  let h = x;
  for (const layer of model.layers) {
    h = layer.neurons.map((n) =>
      f[layer.activation](n.w.reduce((z, w, i) => z + w.data * h[i]!, n.b.data)),
    );
  }
  return h;
}

const real = fc.double({ min: -3, max: 3, noNaN: true });
const activation = fc.constantFrom(...activations);

describe("an MLP", () => {
  it("computes f(W·x + b) layer by layer, for any shape and activations", () => {
    const net = fc
      .tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        activation,
        activation,
      )
      .chain(([nin, sizes, hidden, output]) =>
        fc.tuple(
          fc.constant(
            new MLP(nin, sizes, { activation: hidden, outputActivation: output, seed: nin }),
          ),
          fc.array(real, { minLength: nin, maxLength: nin }),
        ),
      );
    fc.assert(
      fc.property(net, ([model, x]) => {
        const out = model.forward(x);
        const want = plainForward(model, x);
        expect(out).toHaveLength(want.length);
        out.forEach((y, j) => expectClose(y.data, want[j]!, 1e-12, 1e-15));
      }),
    );
  });

  it("returns an array even for one output", () => {
    const out = new MLP(2, [1]).forward([1, 1]);
    expect(Array.isArray(out)).toBe(true);
    expect(out).toHaveLength(1);
  });

  it("a layer returns one Value per neuron, each the neuron's own forward", () => {
    const layer = new Layer(2, 3, { activation: "relu", seed: 5 });
    const out = layer.forward([0.5, -0.25]);
    expect(out.map((y) => y.data)).toEqual(layer.neurons.map((n) => n.forward([0.5, -0.25]).data));
  });

  // Random points away from relu's kink (z = 0) with these seeds; the gradient of the sum of the outputs.
  it.each(activations)("%s net: gradcheck passes for the inputs", (activation) => {
    const model = new MLP(3, [4, 2], { activation, outputActivation: "linear", seed: 11 });
    const report = gradcheck(
      (...x) => model.forward(x).reduce((a, b) => a.add(b)),
      [0.3, -0.7, 1.1],
    );
    expect(String(report)).toMatch(/: ok$/);
  });

  it.each(activations)(
    "%s net: backward matches central differences for every parameter",
    (activation) => {
      const model = new MLP(3, [4, 2], { activation, outputActivation: "linear", seed: 11 });
      const x = [0.3, -0.7, 1.1];
      const sum = () => model.forward(x).reduce((a, b) => a.add(b));
      sum().backward();
      const analytic = model.parameters().map((p) => p.grad);
      const start = parameterData(model);
      const at = (i: number, h: number) => {
        loadParameters(
          model,
          start.map((p, j) => (j === i ? p + h : p)),
        );
        return sum().data;
      };
      const h = 1e-5;
      analytic.forEach((g, i) =>
        expect(relativeError(g, (at(i, h) - at(i, -h)) / (2 * h))).toBeLessThan(1e-6),
      );
    },
  );
});
