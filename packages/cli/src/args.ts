import { parseArgs } from "node:util";
import { FEATURE_NAMES } from "@gradbook/train";
import {
  readXorArgs,
  UsageError,
  XOR_ACTIVATIONS,
  XOR_DATA,
  XOR_FLAG_NAMES,
  XOR_LOSSES,
  XOR_OUTPUTS,
  type XorArgs,
  type XorFlag,
} from "./flags.ts";

export const USAGE = `Usage: gradbook xor [options]

Trains the assignment's XOR network (2 → 5 → 4 → 1, tanh hidden, linear output), prints its summary,
the loss every 500 epochs and its final predictions, and writes its loss curve and decision
boundary as SVG files. With no options it is the assignment's run, which matches PyTorch's.

Options:
  --data NAME              the points: ${XOR_DATA.join(", ")}
                           (default xor); all but xor are 100 points drawn by Rng(1), as in
                           lesson 06; plane and multi-gauss are TF Playground's regressions
                           (targets in [−1, 1]: use mse or l1)
  --noise X                the data's noise, a standard deviation in [0, 1] (default: the
                           dataset's own: 0 xor, 0.1 moons, 0.05 circles and spiral, 0.4 gauss,
                           0 quadrants, plane and multi-gauss, whose noise moves where a target is read)
  --data-seed S            the integer seed of the Rng that draws the noise and the test points
                           (default 1)
  --test-split X           the share of the points held out to test on, in [0, 0.9] (default 0);
                           the log then adds each logged epoch's test loss
  --features F,G,...       what the network sees of a point (x1, x2): ${FEATURE_NAMES.join(", ")}
                           (default x1,x2)
  --hidden A,B,...         hidden layer sizes (default 5,4); none: no hidden layer, a linear model
  --activation F           the hidden layers' activation: ${XOR_ACTIVATIONS.join(", ")} (default tanh)
  --output-activation F    the output layer's activation: ${XOR_OUTPUTS.join(", ")} (default linear)
  --loss NAME              ${XOR_LOSSES.join(", ")} (default l1)
  --lr X                   learning rate of SGD (default 0.02)
  --momentum X             momentum of SGD, in [0, 1) (default 0.9)
  --batch-size N           points per step, taken in the data order's turn (default 1)
  --l1 X, --l2 X           penalties added to the loss: X·Σ|w| and X/2·Σw² over the weights
                           (not the biases); default 0
  --seed S                 initial weights: torch, the reference run's PyTorch draw (default),
                           or an integer for Rng(S): weights N(0, 1), biases U(±1/√fanIn)
  --epochs N               epochs of one single-point step per data point (default 2001)
  --order S                the data order: an integer s₀ for the LCG order (default 2), fixed
                           (0, 1, …, n−1 every epoch) or shuffled (each point once an epoch, Rng(1))
  --log-every N            print the loss every N epochs (default 500)
  --out DIR                folder for the SVG files (default out/xor)
  --engine NAME            engine, the Value engine (default); compiled, the same steps
                           replayed from a tape (@gradbook/compile); or tensor, each step
                           one pass of tensor ops (@gradbook/tensor, l1 and mse losses):
                           the same output, faster
  -h, --help               show this help
`;

/** Parses the options of `gradbook xor`; `"help"` when they ask for it. Throws a {@link UsageError}. */
export function parseXorArgs(argv: string[]): XorArgs | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      XOR_FLAG_NAMES.map((name) => [name, { type: "string" as const }]),
    );
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { ...options, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  return readXorArgs(values as Partial<Record<XorFlag, string>>);
}
