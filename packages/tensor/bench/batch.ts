// `pnpm bench --batch`: one training step of a 784 → 64 → 10 net (relu, then logits) on a batch of
// 32 points — the size of lesson 09's digits — through the tensor engine: time per step, GFLOP/s,
// and the matrix loops in several orders each, on the step's own shapes.
//
//   pnpm bench --batch [--repeats N]
//
// torch_batch.py times the same step in PyTorch (float64, one thread); tables.sh runs both.
import { Rng } from "@gradbook/neuron";
import {
  crossEntropy,
  linearBackward,
  linearForward,
  linearForwardRows,
  MLP,
  SGD,
  tensor,
} from "../src/index.ts";

const [B, NIN, H, C] = [32, 784, 64, 10];

/** Multiply-adds of one step, 2 FLOPs each: x @ W₁ᵀ, h @ W₂ᵀ forward; gW₁, gW₂ and gh backward (the input needs no gradient). */
export const STEP_FLOPS = 2 * B * (NIN * H + H * C) * 2 + 2 * B * H * C;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** CPU milliseconds of `run` (this process only: other processes do not stretch it). */
const cpu = (run: () => void): number => {
  const t0 = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(t0);
  return (user + system) / 1000;
};
/** The median over `repeats` of the CPU time of `reps` calls, after a warm-up; ms per call. */
const timeEach = (f: () => void, repeats: number, reps: number): number => {
  for (let i = 0; i < reps; i++) f();
  return (
    median(
      Array.from({ length: repeats }, () =>
        cpu(() => {
          for (let i = 0; i < reps; i++) f();
        }),
      ),
    ) / reps
  );
};

/** The weight gradient gW[j, i] += Σ_b g[b, j]·x[b, i] (b from the last down) with the batch loop outside: each x row read once, all of gW streamed per row. */
function weightGradBatchOuter(
  x: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gw: Float64Array,
): void {
  for (let b = batch - 1; b >= 0; b--) {
    const xb = b * nin;
    for (let j = 0; j < nout; j++) {
      const gbj = g[b * nout + j]!;
      const wj = j * nin;
      for (let i = 0; i < nin; i++) gw[wj + i]! += x[xb + i]! * gbj;
    }
  }
}

/** The same sums with the weight row outside: each row of gW stays in cache while the batch is added into it. */
function weightGradRowOuter(
  x: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gw: Float64Array,
): void {
  for (let j = 0; j < nout; j++) {
    const wj = j * nin;
    for (let b = batch - 1; b >= 0; b--) {
      const gbj = g[b * nout + j]!;
      const xb = b * nin;
      for (let i = 0; i < nin; i++) gw[wj + i]! += x[xb + i]! * gbj;
    }
  }
}

/** The forward with four batch rows per row of w (four sums in flight): each row of w read once per four points. */
function forwardBatchRows4(
  x: Float64Array,
  w: Float64Array,
  bias: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  out: Float64Array,
): void {
  for (let b = 0; b + 4 <= batch; b += 4) {
    const r0 = b * nin;
    const r1 = r0 + nin;
    const r2 = r1 + nin;
    const r3 = r2 + nin;
    for (let j = 0; j < nout; j++) {
      let s0 = bias[j]!;
      let s1 = s0;
      let s2 = s0;
      let s3 = s0;
      const wj = j * nin;
      for (let i = 0; i < nin; i++) {
        const wi = w[wj + i]!;
        s0 += x[r0 + i]! * wi;
        s1 += x[r1 + i]! * wi;
        s2 += x[r2 + i]! * wi;
        s3 += x[r3 + i]! * wi;
      }
      out[b * nout + j] = s0;
      out[(b + 1) * nout + j] = s1;
      out[(b + 2) * nout + j] = s2;
      out[(b + 3) * nout + j] = s3;
    }
  }
}

/** The weight gradient with the weight row outside and four batch rows per load and store of it. */
function weightGradRowOuter4(
  x: Float64Array,
  g: Float64Array,
  batch: number,
  nin: number,
  nout: number,
  gw: Float64Array,
): void {
  for (let j = 0; j < nout; j++) {
    const wj = j * nin;
    for (let b = batch - 1; b >= 3; b -= 4) {
      const g0 = g[b * nout + j]!;
      const g1 = g[(b - 1) * nout + j]!;
      const g2 = g[(b - 2) * nout + j]!;
      const g3 = g[(b - 3) * nout + j]!;
      const x0 = b * nin;
      const x1 = x0 - nin;
      const x2 = x1 - nin;
      const x3 = x2 - nin;
      for (let i = 0; i < nin; i++) {
        let s = gw[wj + i]!;
        s += x[x0 + i]! * g0;
        s += x[x1 + i]! * g1;
        s += x[x2 + i]! * g2;
        s += x[x3 + i]! * g3;
        gw[wj + i] = s;
      }
    }
  }
}

export function benchBatch(repeats: number): void {
  const rng = new Rng(1);
  const images = Array.from({ length: B }, () => Array.from({ length: NIN }, () => rng.uniform()));
  const labels = Array.from({ length: B }, () => rng.int(C));
  const model = new MLP(NIN, [H, C], { activation: "relu", outputActivation: "linear", seed: 0 });
  const optimizer = new SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
  const x = tensor(images);
  const step = () => {
    const loss = crossEntropy(model.forward(x), labels);
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
  };
  const ms = timeEach(step, repeats, 20);
  console.log(
    `${NIN} → ${H} → ${C}, batch ${B}, relu, cross-entropy, SGD with momentum: median CPU time over ${repeats} × 20 steps`,
  );
  console.log(
    `one step: ${ms.toFixed(2)} ms, ${(STEP_FLOPS / ms / 1e6).toFixed(2)} GFLOP/s (${(STEP_FLOPS / 1e6).toFixed(2)} MFLOP a step), ${((ms * 1000) / B).toFixed(1)} µs a point`,
  );

  // The same 32 points as 32 steps of one point each: the same multiply-adds, 32 times the
  // fixed costs (lesson 08 counts the graphs' tensors; this times what they cost).
  const points = images.map((image) => tensor([image]));
  const onePerStep = () => {
    points.forEach((point, i) => {
      const loss = crossEntropy(model.forward(point), [labels[i]!]);
      optimizer.zeroGrad();
      loss.backward();
      optimizer.step();
    });
  };
  const msPoints = timeEach(onePerStep, repeats, 4);
  console.log(
    `the same ${B} points one a step: ${msPoints.toFixed(2)} ms, ${((msPoints * 1000) / B).toFixed(1)} µs a point, ${(msPoints / ms).toFixed(2)}× the batch`,
  );

  // The loops on the first layer's shapes, in several orders each: the same sums, the same bits
  // (the last of each is the one kernels.ts keeps).
  const w = model.layers[0]!.weight.data;
  const bias = model.layers[0]!.bias.data;
  const out = new Float64Array(B * H);
  const g = Float64Array.from({ length: B * H }, () => rng.uniform(-1, 1));
  const gw = new Float64Array(H * NIN);
  const layerFlops = 2 * B * NIN * H;
  const orders: [string, () => void][] = [
    ["forward, one batch row at a time", () => linearForwardRows(x.data, w, bias, B, NIN, H, out)],
    [
      "forward, 4 batch rows per weight row",
      () => forwardBatchRows4(x.data, w, bias, B, NIN, H, out),
    ],
    ["forward, 4 batch rows × 2 weight rows", () => linearForward(x.data, w, bias, B, NIN, H, out)],
    ["weight grad, batch row outside", () => weightGradBatchOuter(x.data, g, B, NIN, H, gw)],
    ["weight grad, weight row outside", () => weightGradRowOuter(x.data, g, B, NIN, H, gw)],
    [
      "weight grad, weight row outside, 4 batch rows per load",
      () => weightGradRowOuter4(x.data, g, B, NIN, H, gw),
    ],
    [
      "weight grad, 2 weight rows × 4 batch rows per load",
      () => linearBackward(x.data, w, g, B, NIN, H, null, gw, null),
    ],
  ];
  console.log(`the first layer's loops, [${B}, ${NIN}] × [${H}, ${NIN}]: ms, GFLOP/s`);
  for (const [name, f] of orders) {
    const t = timeEach(f, repeats, 20);
    console.log(
      `  ${name.padEnd(56)}${t.toFixed(3).padStart(8)}${(layerFlops / t / 1e6).toFixed(2).padStart(8)}`,
    );
  }
}
