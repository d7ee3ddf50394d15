import { linear, Tensor } from "@gradbook/tensor";

// A net the page can run: the layers of a `gradbook digits` MLP (relu between them, logits out),
// made from its weights as a flat list in PyTorch's order (each layer's weight [out, in] row by
// row, then its bias). The recorded net comes as float32 from net.f32; a net trained in the page
// comes from its worker as float64.

/** A trained net: its sizes (784, the hidden sizes, 10) and its layers. */
export interface Net {
  sizes: readonly number[];
  layers: { weight: Tensor; bias: Tensor }[];
}

/** The net of `sizes` holding `values`; refuses a list of the wrong length, naming both. */
export function netFrom(sizes: readonly number[], values: ArrayLike<number>, source: string): Net {
  const pairs = sizes.slice(1).map((out, i) => [out, sizes[i]!] as const);
  const expected = pairs.reduce((n, [out, nin]) => n + out * nin + out, 0);
  if (values.length !== expected)
    throw new Error(
      `${source}: expected ${expected} weights for ${sizes.join(" → ")}, got ${values.length}`,
    );
  let at = 0;
  const take = (shape: number[]) => {
    const n = shape.reduce((a, b) => a * b);
    const t = new Tensor(
      Float64Array.from({ length: n }, (_, i) => values[at + i]!),
      shape,
    );
    at += n;
    return t;
  };
  return {
    sizes,
    layers: pairs.map(([out, nin]) => ({ weight: take([out, nin]), bias: take([out]) })),
  };
}

/** The ten probabilities softmax gives the net's logits for one 28 × 28 input. */
export function predict(net: Net, x: Float64Array): Float64Array {
  let h = new Tensor(x, [1, x.length]);
  net.layers.forEach(({ weight, bias }, i) => {
    h = linear(h, weight, bias);
    if (i < net.layers.length - 1) h = h.relu();
  });
  return h.logSoftmax().exp().data;
}
