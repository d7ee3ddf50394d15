import { type Feature, FEATURE_NAMES, REGRESSION_DATA } from "@gradbook/train";

// The flags of `gradbook xor` as one table: each flag's name, default and rule, read from text.
// No `node:` import here: the XOR explorer (explore.html) reads its URL with the same rules.

/** The datasets `--data` names: to classify, then (TF Playground's) to regress. */
export const XOR_DATA = [
  "xor",
  "moons",
  "circles",
  "spiral",
  "gauss",
  "quadrants",
  "plane",
  "multi-gauss",
] as const;
/** The losses the XOR command offers: those that take a real-valued output and targets 0 and 1. */
export const XOR_LOSSES = ["l1", "mse", "bce-with-logits"] as const;
/** The output layer's activations `--output-activation` names. */
export const XOR_OUTPUTS = ["linear", "tanh", "sigmoid"] as const;

/** The hidden layers' activations `--activation` names. */
export const XOR_ACTIVATIONS = ["tanh", "relu", "sigmoid", "linear"] as const;

/** The trainers `--engine` names: `fit` on the Value engine, or the same steps replayed from a tape. */
const ENGINES = ["engine", "compiled", "tensor"] as const;

/** The settings of `gradbook xor`, parsed and checked. */
export interface XorArgs {
  /** The dataset, by name (`xor`, or a seeded classic: `datasetByName` of @gradbook/train); `plane` and `multi-gauss` are regressions. */
  data: (typeof XOR_DATA)[number];
  /** What the network sees of a point: its features (x1, x2 by default; x1sq, x1x2, sinx1, … as TensorFlow Playground offers). */
  features: Feature[];
  /** The standard deviation of the data's noise: `"default"` for the dataset's own (`DEFAULT_NOISE` of @gradbook/train). */
  noise: "default" | number;
  /** The seed of the Rng that draws the data's noise and picks the test points. */
  dataSeed: number;
  /** The share of the points held out to test on, in [0, 0.9]. */
  testSplit: number;
  hidden: number[];
  /** The hidden layers' activation. */
  activation: (typeof XOR_ACTIVATIONS)[number];
  outputActivation: (typeof XOR_OUTPUTS)[number];
  loss: (typeof XOR_LOSSES)[number];
  /** The L1 and L2 penalties' strengths λ₁, λ₂ (0: none): the loss gains λ₁·Σ|w| and λ₂/2·Σw² over the weights. */
  l1: number;
  l2: number;
  lr: number;
  momentum: number;
  /** Points per step: the data order's points, this many at a time. */
  batchSize: number;
  /** `"torch"`: the reference run's initial weights; a number: `Rng(seed)` with the assignment's init. */
  seed: "torch" | number;
  epochs: number;
  /** The data order: an LCG seed s₀, `fixed` (0, 1, …, n−1 each epoch) or `shuffled` (each point once per epoch, Rng(1)). */
  order: number | "fixed" | "shuffled";
  logEvery: number;
  out: string;
  /** Which trainer runs the steps (the same numbers every way): `engine`, `compiled` (@gradbook/compile) or `tensor` (@gradbook/tensor). */
  engine: (typeof ENGINES)[number];
}

/** A command line or a link that does not parse; `flag` names the flag at fault, if one is. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    readonly flag?: string,
  ) {
    super(message);
  }
}

/** Upper bounds on the work a run may ask for: the terminal's are wide, the explorer's keep a page light. */
export interface XorLimits {
  epochs: number;
  /** Neurons in one hidden layer. */
  width: number;
  /** Hidden layers. */
  depth: number;
}

/** The command line's bounds: far beyond the assignment's run, short of exhausting memory. */
const CLI_LIMITS: XorLimits = Object.freeze({ epochs: 10_000_000, width: 1000, depth: 20 });

type Reader<T> = (flag: string, text: string, limits: XorLimits) => T;
interface Flag<K extends keyof XorArgs> {
  key: K;
  fallback: XorArgs[K];
  read: Reader<XorArgs[K]>;
  /** The text that reads back as this value (for a command line or a link). */
  text?: (value: XorArgs[K]) => string;
}
const flag = <K extends keyof XorArgs>(
  key: K,
  fallback: XorArgs[K],
  read: Reader<XorArgs[K]>,
  text?: (v: XorArgs[K]) => string,
): Flag<K> => (text ? { key, fallback, read, text } : { key, fallback, read });

/** Every flag that carries a value, by its name on the command line: one line each. */
const XOR_FLAGS = {
  data: flag("data", "xor", (f, t) => choice(f, t, XOR_DATA)),
  noise: flag("noise", "default", (f, t) =>
    t === "default" ? t : number(f, t, (x) => x >= 0 && x <= 1, "default or a number in [0, 1]"),
  ),
  "data-seed": flag("dataSeed", 1, (f, t) => integer(f, t, 0, 0xffffffff)),
  "test-split": flag("testSplit", 0, (f, t) =>
    number(f, t, (x) => x >= 0 && x <= 0.9, "a number in [0, 0.9]"),
  ),
  features: flag("features", ["x1", "x2"], features, (v) => v.join(",")),
  hidden: flag(
    "hidden",
    [5, 4],
    (f, t) => (t.trim() === "none" ? [] : sizes(f, t)),
    (v) => (v.length ? v.join(",") : "none"),
  ),
  activation: flag("activation", "tanh", (f, t) => choice(f, t, XOR_ACTIVATIONS)),
  "output-activation": flag("outputActivation", "linear", (f, t) => choice(f, t, XOR_OUTPUTS)),
  loss: flag("loss", "l1", (f, t) => choice(f, t, XOR_LOSSES)),
  l1: flag("l1", 0, (f, t) => number(f, t, (x) => x >= 0, "a number ≥ 0")),
  l2: flag("l2", 0, (f, t) => number(f, t, (x) => x >= 0, "a number ≥ 0")),
  lr: flag("lr", 0.02, (f, t) => number(f, t, (x) => x > 0, "a positive number")),
  momentum: flag("momentum", 0.9, (f, t) =>
    number(f, t, (x) => x >= 0 && x < 1, "a number in [0, 1)"),
  ),
  "batch-size": flag("batchSize", 1, (f, t) => integer(f, t, 1, 1000)),
  seed: flag("seed", "torch", (f, t) =>
    t === "torch" ? t : integer(f, t, 0, 0xffffffff, "torch or "),
  ),
  epochs: flag("epochs", 2001, (f, t, limits) => integer(f, t, 0, limits.epochs)),
  order: flag("order", 2, (f, t) =>
    t === "fixed" || t === "shuffled" ? t : integer(f, t, 0, 0xffffffff, "fixed, shuffled or "),
  ),
  "log-every": flag("logEvery", 500, (f, t) => integer(f, t, 1, Number.MAX_SAFE_INTEGER)),
  out: flag("out", "out/xor", (_, t) => t),
  engine: flag("engine", "engine", (f, t) => choice(f, t, ENGINES)),
} satisfies Record<string, { key: keyof XorArgs }>;

/** A flag's name, as typed after `--`. */
export type XorFlag = keyof typeof XOR_FLAGS;

/** The names of the flags that carry a value, in the order the usage lists them. */
export const XOR_FLAG_NAMES = Object.freeze(Object.keys(XOR_FLAGS) as XorFlag[]);

/** The text of flag `name` that reads back as its value in `args`: `flagText(args, "hidden")` is `"5,4"`. */
export function flagText(args: XorArgs, name: XorFlag): string {
  const spec = XOR_FLAGS[name] as Flag<keyof XorArgs>;
  return (spec.text ?? String)(args[spec.key] as never);
}

/**
 * Reads the flags' texts (`{ lr: "0.1" }`, a flag left out takes its default) into checked
 * settings. Throws a {@link UsageError} naming the first flag at fault and what it expects.
 */
export function readXorArgs(
  texts: Partial<Record<XorFlag, string>>,
  limits: XorLimits = CLI_LIMITS,
): XorArgs {
  const args = {} as Record<keyof XorArgs, unknown>;
  for (const [name, spec] of Object.entries(XOR_FLAGS) as [XorFlag, Flag<keyof XorArgs>][]) {
    const text = texts[name];
    args[spec.key] = text === undefined ? spec.fallback : spec.read(name, text, limits);
  }
  const checked = args as XorArgs;
  if (checked.hidden.length > limits.depth || checked.hidden.some((n) => n > limits.width)) {
    throw new UsageError(
      `--hidden: expected at most ${limits.depth} layers of at most ${limits.width} neurons, got ${quoted(texts.hidden ?? "")}`,
      "hidden",
    );
  }
  if (checked.seed === "torch" && checked.hidden.join(",") !== "5,4") {
    throw new UsageError(
      `--hidden ${flagText(checked, "hidden")} needs --seed N: the reference's initial weights (--seed torch) fit only --hidden 5,4`,
      "hidden",
    );
  }
  if (checked.seed === "torch" && checked.features.join(",") !== "x1,x2") {
    throw new UsageError(
      `--features ${checked.features.join(",")} needs --seed N: the reference's initial weights (--seed torch) fit only --features x1,x2`,
      "features",
    );
  }
  if (checked.engine === "tensor" && (checked.l1 !== 0 || checked.l2 !== 0)) {
    throw new UsageError(
      "--engine tensor trains on the data's loss alone: --l1 and --l2 need --engine engine or compiled",
      "engine",
    );
  }
  if (isRegression(checked.data) && checked.loss === "bce-with-logits")
    throw new UsageError(
      `--data ${checked.data} has real-valued targets in [−1, 1]: --loss bce-with-logits needs targets 0 and 1; use mse or l1`,
      "loss",
    );
  const n = checked.data === "xor" ? 4 : 100;
  if (Math.round(checked.testSplit * n) >= n)
    throw new UsageError(
      `--test-split ${checked.testSplit} leaves no point of ${checked.data}'s ${n} to train on`,
      "test-split",
    );
  return checked;
}

/** Whether a dataset's targets are real values in [−1, 1] (regression) rather than classes 0 and 1. */
export function isRegression(data: XorArgs["data"]): boolean {
  return (REGRESSION_DATA as readonly string[]).includes(data);
}

/** The flags whose values differ from the defaults, as `[name, text]` in the table's order (`out` and `engine` left out: a page writes no files and trains with `fit`). */
export function changedFlags(args: XorArgs): [XorFlag, string][] {
  const changed: [XorFlag, string][] = [];
  for (const [name, spec] of Object.entries(XOR_FLAGS) as [XorFlag, Flag<keyof XorArgs>][]) {
    if (name === "out" || name === "engine") continue;
    const text = flagText(args, name);
    if (text !== (spec.text ?? String)(spec.fallback as never)) changed.push([name, text]);
  }
  return changed;
}

/** The command line that runs `args`: `pnpm xor --loss mse --seed 3`. */
export function xorCommand(args: XorArgs): string {
  return ["pnpm xor", ...changedFlags(args).map(([name, text]) => `--${name} ${text}`)].join(" ");
}

function number(flag: string, text: string, ok: (x: number) => boolean, expected: string): number {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || !ok(x))
    throw new UsageError(`--${flag}: expected ${expected}, got ${quoted(text)}`, flag);
  return x;
}

function integer(flag: string, text: string, min: number, max: number, alternatives = ""): number {
  const what =
    max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
  return number(
    flag,
    text,
    (x) => Number.isInteger(x) && x >= min && x <= max,
    alternatives + what,
  );
}

function choice<T extends string>(flag: string, text: string, names: readonly T[]): T {
  if (!(names as readonly string[]).includes(text))
    throw new UsageError(
      `--${flag}: expected one of ${names.join(", ")}, got ${quoted(text)}`,
      flag,
    );
  return text as T;
}

function features(flag: string, text: string): Feature[] {
  const names = text.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(FEATURE_NAMES as readonly string[]).includes(name));
  if (text.trim() === "" || unknown.length || new Set(names).size !== names.length) {
    throw new UsageError(
      `--${flag}: expected features from ${FEATURE_NAMES.join(", ")}, each once, separated by commas, got ${quoted(text)}`,
      flag,
    );
  }
  return names as Feature[];
}

function sizes(flag: string, text: string): number[] {
  const parts = text.split(",");
  if (!parts.every((p) => /^\s*[1-9]\d*\s*$/.test(p))) {
    throw new UsageError(
      `--${flag}: expected layer sizes that are positive integers separated by commas, like 5,4, got ${quoted(text)}`,
      flag,
    );
  }
  return parts.map(Number);
}

/** A text as a message quotes it: whole when short; else its start and its length (a link may carry thousands of characters). */
export function quoted(text: string, max = 40): string {
  return text.length <= max ? `"${text}"` : `"${text.slice(0, max)}…" (${text.length} characters)`;
}
