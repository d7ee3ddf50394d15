import type { Activation } from "./activation.ts";
import type { MLP } from "./mlp.ts";

// The names PyTorch gives the activation modules, as torchsummary prints them.
const typeNames: Record<Activation, string> = {
  tanh: "Tanh",
  relu: "ReLU",
  sigmoid: "Sigmoid",
  linear: "",
};

/**
 * A table of the model in the spirit of torchsummary: a row per linear map and per activation,
 * with its layer, type, output shape and number of parameters, then the total. A linear layer
 * `nin → nout` holds `nin·nout` weights and `nout` biases; an activation holds none. An output
 * with no activation (`linear`) has no activation row.
 *
 * Shapes are per input point (`[5]`, where torchsummary writes `[-1, 5]` with the batch size first).
 *
 * @example
 * console.log(summary(new MLP(2, [5, 4, 1], { outputActivation: "linear" }))); // … Total params: 44
 */
export function summary(model: MLP): string {
  const header = ["Layer", "Type", "Output Shape", "Param #"];
  const rows: string[][] = [];
  let total = 0;
  model.layers.forEach((layer, l) => {
    const name = l === model.layers.length - 1 ? "output" : `hidden ${l + 1}`;
    const count = layer.parameters().length;
    total += count;
    rows.push([name, `Linear(${layer.nin}, ${layer.nout})`, `[${layer.nout}]`, thousands(count)]);
    if (layer.activation !== "linear")
      rows.push(["", typeNames[layer.activation], `[${layer.nout}]`, "0"]);
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  // Names left-aligned, shapes and counts right-aligned (the counts' digits line up).
  const line = (r: string[]) =>
    r
      .map((s, j) => (j < 2 ? s.padEnd(widths[j]!) : s.padStart(widths[j]!)))
      .join("   ")
      .trimEnd();
  const width = widths.reduce((a, w) => a + w, 0) + 3 * (widths.length - 1);
  return [
    "-".repeat(width),
    line(header),
    "=".repeat(width),
    ...rows.map(line),
    "=".repeat(width),
    `Total params: ${thousands(total)}`,
    "-".repeat(width),
  ].join("\n");
}

/** 1234567 → "1,234,567", as torchsummary prints counts (no locale: the same text everywhere). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
