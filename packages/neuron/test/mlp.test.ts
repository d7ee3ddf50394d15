// Building an MLP: the number of parameters, their order, where their first values come from.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Draw, Layer, MLP, Neuron, parameterData, Rng } from "../src/index.ts";

/** Shapes: 1 to 8 inputs, 1 to 4 layers of 1 to 8 neurons. */
const shape = fc.tuple(
  fc.integer({ min: 1, max: 8 }),
  fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 4 }),
);

describe("parameter count", () => {
  it("is 44 for the assignment's net: 2·5 + 5, 5·4 + 4, 4·1 + 1", () => {
    const model = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
    expect(model.parameters()).toHaveLength(2 * 5 + 5 + (5 * 4 + 4) + (4 * 1 + 1));
    expect(model.parameters()).toHaveLength(44);
  });

  it("is Σ (nᵢₙ + 1)·nₒᵤₜ over the layers, for any shape, each parameter a distinct Value", () => {
    fc.assert(
      fc.property(shape, ([nin, sizes]) => {
        const fanIns = [nin, ...sizes.slice(0, -1)];
        const want = sizes.reduce((sum, nout, l) => sum + (fanIns[l]! + 1) * nout, 0);
        const params = new MLP(nin, sizes).parameters();
        expect(params).toHaveLength(want);
        expect(new Set(params).size).toBe(want);
      }),
    );
  });
});

describe("parameter order", () => {
  it("is PyTorch's: per layer W[out][in] row-major, then b", () => {
    fc.assert(
      fc.property(shape, ([nin, sizes]) => {
        const model = new MLP(nin, sizes);
        const params = model.parameters();
        // Index of W[j][i] of layer l: the layers before, then row j of nin entries; b[j] after all of W.
        let offset = 0;
        for (const layer of model.layers) {
          layer.neurons.forEach((n, j) => {
            n.w.forEach((w, i) => expect(params[offset + j * layer.nin + i]).toBe(w));
            expect(params[offset + layer.nout * layer.nin + j]).toBe(n.b);
          });
          offset += (layer.nin + 1) * layer.nout;
        }
      }),
    );
  });

  it("a neuron lists its weights, then its bias", () => {
    const n = new Neuron(3);
    expect(n.parameters()).toEqual([...n.w, n.b]);
  });
});

describe("initial weights", () => {
  // An initializer that numbers its draws and records what it was asked: the parameters must
  // come out numbered 0, 1, 2, … in parameters() order, each asked with its layer's fanIn and fanOut.
  function recording() {
    const calls: string[] = [];
    let count = 0;
    const draw =
      (kind: string): Draw =>
      (fanIn, fanOut, rng) => {
        expect(rng).toBeInstanceOf(Rng);
        calls.push(`${kind} ${fanIn}→${fanOut}`);
        return count++;
      };
    return { calls, init: { weight: draw("w"), bias: draw("b") } };
  }

  it("are drawn in PyTorch's order, with each layer's fanIn and fanOut", () => {
    const { calls, init } = recording();
    const model = new MLP(2, [3, 1], { init });
    expect(parameterData(model)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(calls).toEqual([
      ...Array(6).fill("w 2→3"),
      ...Array(3).fill("b 2→3"),
      ...Array(3).fill("w 3→1"),
      "b 3→1",
    ]);
  });

  it("a lone neuron is a layer of one: weights then bias, fanOut 1", () => {
    const { calls, init } = recording();
    const n = new Neuron(2, { init });
    expect(n.parameters().map((p) => p.data)).toEqual([0, 1, 2]);
    expect(calls).toEqual(["w 2→1", "w 2→1", "b 2→1"]);
  });

  it("by default: weights on [−1, 1), not all equal; biases 0", () => {
    const model = new MLP(3, [16, 16, 1]);
    for (const layer of model.layers) {
      const weights = layer.neurons.flatMap((n) => n.w.map((w) => w.data));
      expect(weights.every((w) => w >= -1 && w < 1)).toBe(true);
      expect(new Set(weights).size).toBe(weights.length);
      expect(layer.neurons.map((n) => n.b.data)).toEqual(Array(layer.nout).fill(0));
    }
  });

  it("are the default init's draws from Rng(0), in order, when nothing is given", () => {
    const rng = new Rng(0);
    const weights = () => Array.from({ length: 10 }, () => rng.uniform(-1, 1));
    const model = new MLP(2, [5, 1]);
    // Layer 1: 10 weights, 5 zero biases; layer 2: 5 weights, 1 zero bias.
    const first = weights();
    const second = weights().slice(0, 5);
    expect(parameterData(model)).toEqual([...first, 0, 0, 0, 0, 0, ...second, 0]);
  });

  it("are the same for the same seed and differ for another", () => {
    const a = parameterData(new MLP(2, [5, 4, 1], { seed: 7 }));
    expect(parameterData(new MLP(2, [5, 4, 1], { seed: 7 }))).toEqual(a);
    expect(parameterData(new MLP(2, [5, 4, 1], { seed: 8 }))).not.toEqual(a);
    expect(parameterData(new MLP(2, [5, 4, 1], { rng: new Rng(7) }))).toEqual(a);
  });

  it("do not depend on the activations (they are drawn the same way)", () => {
    const tanh = parameterData(new MLP(2, [5, 4, 1]));
    expect(
      parameterData(new MLP(2, [5, 4, 1], { activation: "relu", outputActivation: "sigmoid" })),
    ).toEqual(tanh);
  });

  it("continue one stream when modules share an rng", () => {
    const rng = new Rng(3);
    const first = new Layer(2, 2, { rng });
    const second = new Layer(2, 2, { rng });
    const both = new MLP(2, [2, 2], { seed: 3, activation: "tanh" });
    expect([...parameterData(first), ...parameterData(second)]).toEqual(parameterData(both));
  });
});

describe("activations", () => {
  it("default to tanh everywhere; the output's to the hidden one's", () => {
    expect(new MLP(2, [3, 1]).layers.map((l) => l.activation)).toEqual(["tanh", "tanh"]);
    expect(new MLP(2, [3, 3, 1], { activation: "relu" }).layers.map((l) => l.activation)).toEqual([
      "relu",
      "relu",
      "relu",
    ]);
    const seed = new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" });
    expect(seed.layers.map((l) => l.activation)).toEqual(["tanh", "tanh", "linear"]);
    expect(
      new MLP(2, [1], { activation: "relu", outputActivation: "sigmoid" }).layers.map(
        (l) => l.activation,
      ),
    ).toEqual(["sigmoid"]);
    expect(new Neuron(2).activation).toBe("tanh");
  });
});

describe("zeroGrad", () => {
  it.each([
    ["an MLP", () => new MLP(2, [3, 1])],
    ["a layer", () => new Layer(2, 3)],
    ["a neuron", () => new Neuron(2)],
  ])("sets every gradient of %s to 0", (_, make) => {
    const model = make();
    const out = model.forward([0.5, -1]);
    (Array.isArray(out) ? out : [out]).reduce((a, b) => a.add(b)).backward();
    expect(model.parameters().filter((p) => p.grad !== 0).length).toBeGreaterThan(0);
    model.zeroGrad();
    expect(model.parameters().map((p) => p.grad)).toEqual(model.parameters().map(() => 0));
  });

  it("parameters() hands out a fresh array: changing it does not change the model", () => {
    const model = new MLP(2, [1]);
    model.parameters().length = 0;
    expect(model.parameters()).toHaveLength(3);
  });
});

describe("toString", () => {
  it.each<[string, { toString(): string }]>([
    [
      "MLP(2 → 5 → 4 → 1, tanh, output linear)",
      new MLP(2, [5, 4, 1], { activation: "tanh", outputActivation: "linear" }),
    ],
    ["MLP(3 → 4 → 2, relu)", new MLP(3, [4, 2], { activation: "relu" })],
    ["MLP(2 → 1, sigmoid)", new MLP(2, [1], { activation: "tanh", outputActivation: "sigmoid" })],
    ["Layer(2 → 5, tanh)", new Layer(2, 5)],
    ["Neuron(3, relu)", new Neuron(3, { activation: "relu" })],
  ])("%s", (want, module) => {
    expect(String(module)).toBe(want);
  });
});
