import { parseArgs } from "node:util";

/** The settings of `gradbook xor`, parsed and checked. */
export interface XorArgs {
  epochs: number;
  /** `"torch"`: the reference run's initial weights; a number: `Rng(seed)` with the seed's init. */
  seed: "torch" | number;
  lr: number;
  momentum: number;
  loss: "l1" | "mse" | "bce-with-logits";
  hidden: number[];
  out: string;
  logEvery: number;
  /** Which trainer runs the steps: `"engine"` (fit, the Value engine) or `"compiled"` (@gradbook/compile). */
  engine: (typeof ENGINES)[number];
}

/** The trainers `--engine` names. */
export const ENGINES = ["engine", "compiled"] as const;

/** The losses the XOR command offers: those that take a linear output and targets 0 and 1. */
export const XOR_LOSSES = ["l1", "mse", "bce-with-logits"] as const;

export const USAGE = `Usage: gradbook xor [options]

Trains the seed's XOR network (2 → 5 → 4 → 1, tanh hidden, linear output), prints its summary,
the loss every 500 epochs and its final predictions, and writes its loss curve and decision
boundary as SVG files. With no options it is the seed's run, which matches PyTorch's.

Options:
  --epochs N          epochs of 4 single-point steps (default 2001)
  --seed S            initial weights: torch, the reference run's PyTorch draw (default),
                      or an integer for Rng(S): weights N(0, 1), biases U(±1/√fanIn)
  --lr X              learning rate of SGD (default 0.02)
  --momentum X        momentum of SGD, in [0, 1) (default 0.9)
  --loss NAME         ${XOR_LOSSES.join(", ")} (default l1)
  --hidden A,B,...    hidden layer sizes (default 5,4)
  --out DIR           folder for the SVG files (default out/xor)
  --log-every N       print the loss every N epochs (default 500)
  --engine NAME       engine, the Value engine (default), or compiled, the same steps
                      replayed from a tape (@gradbook/compile): the same output, faster
  -h, --help          show this help
`;

/** A command line that does not parse: the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Parses the options of `gradbook xor`; `"help"` when they ask for it. Throws a {@link UsageError}. */
export function parseXorArgs(argv: string[]): XorArgs | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        epochs: { type: "string" },
        seed: { type: "string" },
        lr: { type: "string" },
        momentum: { type: "string" },
        loss: { type: "string" },
        hidden: { type: "string" },
        out: { type: "string" },
        "log-every": { type: "string" },
        engine: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  const text = (name: string) => values[name] as string | undefined;
  const args: XorArgs = {
    epochs: integer("epochs", text("epochs"), 2001, 0),
    seed: text("seed") === undefined || text("seed") === "torch" ? "torch" : integer("seed", text("seed"), 0, 0, 0xffffffff),
    lr: number("lr", text("lr"), 0.02, (x) => x > 0, "a positive number"),
    momentum: number("momentum", text("momentum"), 0.9, (x) => x >= 0 && x < 1, "a number in [0, 1)"),
    loss: choice("loss", text("loss") ?? "l1"),
    hidden: sizes(text("hidden") ?? "5,4"),
    out: text("out") ?? "out/xor",
    logEvery: integer("log-every", text("log-every"), 500, 1),
    engine: oneOf("engine", text("engine") ?? "engine", ENGINES),
  };
  if (args.seed === "torch" && args.hidden.join(",") !== "5,4") {
    throw new UsageError(`--hidden ${args.hidden.join(",")} needs --seed N: the reference's initial weights (--seed torch) fit only --hidden 5,4`);
  }
  return args;
}

function number(flag: string, text: string | undefined, fallback: number, ok: (x: number) => boolean, expected: string): number {
  if (text === undefined) return fallback;
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || !ok(x)) throw new UsageError(`--${flag}: expected ${expected}, got "${text}"`);
  return x;
}

function integer(flag: string, text: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const what = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
  return number(flag, text, fallback, (x) => Number.isInteger(x) && x >= min && x <= max, what);
}

function choice(flag: string, text: string): XorArgs["loss"] {
  return oneOf(flag, text, XOR_LOSSES);
}

function oneOf<T extends string>(flag: string, text: string, names: readonly T[]): T {
  if (!(names as readonly string[]).includes(text)) throw new UsageError(`--${flag}: expected one of ${names.join(", ")}, got "${text}"`);
  return text as T;
}

function sizes(text: string): number[] {
  const parts = text.split(",");
  if (!parts.every((p) => /^\s*[1-9]\d*\s*$/.test(p))) {
    throw new UsageError(`--hidden: expected layer sizes that are positive integers separated by commas, like 5,4, got "${text}"`);
  }
  return parts.map(Number);
}
