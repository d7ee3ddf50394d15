// `pnpm bench`: compile's bench (engine, compiled step, twin) with the tensor step beside them.
//
//   pnpm bench [--hidden 5,4] [--epochs N] [--repeats N] [--only engine|compiled|plain|tensor]
//   pnpm bench --batch [--repeats N]     the 784 → 64 → 10 step on a batch of 32 (batch.ts)
//
// The tensor row is the same run: one point a step through a tensor MLP (each layer one `linear`
// op over a [1, n] row), l1Loss and the tensor SGD; its parameters equal the engine's bit for bit.
import type { MLP as ScalarMLP } from "@gradbook/neuron";
import { type Dataset, lcgOrder } from "@gradbook/train";
import { runBench } from "../../compile/bench/run.ts";
import { benchBatch } from "./batch.ts";
import { l1Loss, MLP, parameterData, SGD, type Tensor, tensor } from "../src/index.ts";

/**
 * Nets to run, each used once, made before the first run: a check of the bits, three warm-ups
 * and the default 15 timed runs, with some to spare.
 */
const NETS = 25;

/** The scalar net of the first weights, tensor nets copied from it, and the points as tensors, made once per run of the bench. */
let cache: { scalar: ScalarMLP; nets: MLP[]; xs: Tensor[]; ys: number[][] } | undefined;
function prepared(model: () => ScalarMLP, data: Dataset) {
  if (cache === undefined) {
    const scalar = model();
    cache = {
      scalar,
      nets: Array.from({ length: NETS }, () => new MLP(scalar)),
      xs: data.x.map((x) => tensor([x])),
      ys: data.y.map((y) => [y]),
    };
  }
  return cache;
}

const argv = process.argv.slice(2);
if (argv[0] === "--batch") {
  const rest = argv.slice(1);
  const repeats =
    rest.length === 0
      ? 15
      : rest[0] === "--repeats" && rest.length === 2
        ? Number(rest[1])
        : Number.NaN;
  if (!Number.isInteger(repeats) || repeats < 1) {
    console.error(
      `bench: --batch takes only --repeats N, a positive integer, got ${rest.join(" ")}\nusage: pnpm bench --batch [--repeats N]`,
    );
    process.exit(2);
  }
  benchBatch(repeats);
} else
  runBench(argv, {
    tensor: {
      label: "tensor (MLP + l1Loss + SGD)",
      sameBits: true,
      run(n, { model, data, lr, momentum, order }) {
        const { scalar, nets, xs, ys } = prepared(model, data);
        // A net of its own for each run, so that its SGD is the first over its store and keeps the
        // momentum there, as a reader's would. Made before the clock starts (past NETS runs, one
        // is made in the run: building one inside the clock made the 256-wide run ~20% slower).
        const net = nets.pop() ?? new MLP(scalar);
        const optimizer = new SGD(net.parameters(), { lr, momentum });
        const sampler = lcgOrder(order);
        for (let epoch = 0; epoch < n; epoch++) {
          for (const [i] of sampler(data.x.length)) {
            const loss = l1Loss(net.forward(xs[i!]!), ys[i!]!);
            optimizer.zeroGrad();
            loss.backward();
            optimizer.step();
          }
        }
        return parameterData(net);
      },
    },
  });
