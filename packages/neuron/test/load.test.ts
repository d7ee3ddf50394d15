// Setting and reading all weights as a flat list.
import fc from "fast-check";
import { expect, it } from "vitest";
import { loadParameters, MLP, parameterData } from "../src/index.ts";

it("sets each parameter in parameters() order, and parameterData reads them back", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
      (sizes) => {
        const model = new MLP(2, sizes);
        const flat = model.parameters().map((_, i) => i / 8 - 1);
        loadParameters(model, flat);
        expect(model.parameters().map((p) => p.data)).toEqual(flat);
        expect(parameterData(model)).toEqual(flat);
      },
    ),
  );
});

it("takes a Float64Array, and leaves the gradients alone", () => {
  const model = new MLP(1, [1], { activation: "linear" });
  model.forward([2])[0]!.backward(); // d(w·x + b)/dw = x = 2, d/db = 1
  loadParameters(model, new Float64Array([0.5, -0.5]));
  expect(parameterData(model)).toEqual([0.5, -0.5]);
  expect(model.parameters().map((p) => p.grad)).toEqual([2, 1]);
});

it("sets the numbers the forward pass uses: a hand-set XOR net", () => {
  // h1 = relu(x1 + x2), h2 = relu(x1 + x2 − 1), y = h1 − 2·h2: 0, 1, 1, 0 on the four corners.
  const model = new MLP(2, [2, 1], { activation: "relu", outputActivation: "linear" });
  loadParameters(model, [1, 1, 1, 1, 0, -1, 1, -2, 0]);
  const corners = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  expect(corners.map((x) => model.forward(x)[0]!.data)).toEqual([0, 1, 1, 0]);
});
