import type { MLP } from "@gradbook/neuron";
import type { Plane } from "./plane.ts";
import { shadeOf } from "./protocol.ts";

// The network's output and each hidden neuron's over the plane, for the pictures only: plain
// numbers from the parameters' values, no autograd graph (a grid of the heaviest network through
// the Value engine cost as much as training ten epochs). Training's numbers never come from here.

const ACTIVATIONS = {
  tanh: Math.tanh,
  relu: (z: number) => (z > 0 ? z : 0),
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  linear: (z: number) => z,
} as const;

/**
 * The output over an n × n grid of `plane` (row by row from the bottom), and each hidden neuron's
 * as shades of (h + 1) / 2, layer by layer, n × n each; the network sees each point's `features`.
 */
export function sampleSurface(
  model: MLP,
  plane: Plane,
  n: number,
  features: (p: number[]) => number[],
): { surface: number[]; units: Uint16Array } {
  const layers = model.layers.map((layer) => ({
    w: layer.neurons.map((neuron) => neuron.w.map((w) => w.data)),
    b: layer.neurons.map((neuron) => neuron.b.data),
    f: ACTIVATIONS[layer.activation],
  }));
  const surface: number[] = [];
  const hidden = layers.slice(0, -1).reduce((count, layer) => count + layer.b.length, 0);
  const units = new Uint16Array(hidden * n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const at = r * n + c;
      let x = features(plane.point(c, r, n));
      let unit = 0;
      for (const [l, { w, b, f }] of layers.entries()) {
        const out = b.map((bias, j) => {
          let z = bias;
          for (let i = 0; i < x.length; i++) z += w[j]![i]! * x[i]!;
          return f(z);
        });
        if (l < layers.length - 1)
          for (const v of out) units[n * n * unit++ + at] = shadeOf((v + 1) / 2);
        else surface.push(out[0]!);
        x = out;
      }
    }
  }
  return { surface, units };
}
