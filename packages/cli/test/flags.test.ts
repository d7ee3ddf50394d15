import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseXorArgs } from "../src/args.ts";
import { FEATURE_NAMES } from "@gradbook/train";
import {
  changedFlags,
  isRegression,
  readXorArgs,
  UsageError,
  XOR_ACTIVATIONS,
  XOR_DATA,
  XOR_LOSSES,
  XOR_OUTPUTS,
  xorCommand,
  type XorArgs,
} from "../src/flags.ts";

// The flags table serves the terminal and the explorer's links: a command it writes must read
// back as the settings it was written from.

const args = fc
  .record({
    data: fc.constantFrom(...XOR_DATA),
    noise: fc.oneof(fc.constant("default" as const), fc.double({ min: 0, max: 1, noNaN: true })),
    dataSeed: fc.integer({ min: 0, max: 0xffffffff }),
    testSplit: fc.double({ min: 0, max: 0.6, noNaN: true }), // at most 0.6: xor's 4 points keep one to train on
    features: fc.shuffledSubarray([...FEATURE_NAMES], { minLength: 1 }),
    hidden: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 0, maxLength: 3 }), // [] is --hidden none
    activation: fc.constantFrom(...XOR_ACTIVATIONS),
    outputActivation: fc.constantFrom(...XOR_OUTPUTS),
    loss: fc.constantFrom(...XOR_LOSSES),
    lr: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    momentum: fc.double({ min: 0, max: 0.999, noNaN: true }),
    batchSize: fc.integer({ min: 1, max: 1000 }),
    l1: fc.double({ min: 0, max: 10, noNaN: true }),
    l2: fc.double({ min: 0, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    epochs: fc.integer({ min: 0, max: 20_000 }),
    order: fc.oneof(
      fc.integer({ min: 0, max: 0xffffffff }),
      fc.constantFrom("fixed" as const, "shuffled" as const),
    ),
    logEvery: fc.integer({ min: 1, max: 5000 }),
    out: fc.constant("out/xor"),
    engine: fc.constant("engine" as const),
  })
  // A regression's targets are not classes: bce-with-logits is refused for them (tested below).
  .filter(
    (a) => !(isRegression(a.data) && a.loss === "bce-with-logits"),
  ) satisfies fc.Arbitrary<XorArgs>;

describe("xorCommand", () => {
  it("is `pnpm xor` alone for the assignment's run", () => {
    expect(xorCommand(readXorArgs({}))).toBe("pnpm xor");
  });

  it("names only the flags that differ from the defaults, in the table's order", () => {
    expect(xorCommand(readXorArgs({ seed: "3", loss: "mse", lr: "0.020", hidden: "5,4" }))).toBe(
      "pnpm xor --loss mse --seed 3",
    );
  });

  it("reads back as the settings it was written from (any settings)", () => {
    fc.assert(
      fc.property(args, (a) => {
        const argv = changedFlags(a).flatMap(([name, text]) => [`--${name}`, text]);
        expect(parseXorArgs(argv)).toEqual(a);
        expect(xorCommand(a)).toBe(
          ["pnpm xor", ...changedFlags(a).map(([n, t]) => `--${n} ${t}`)].join(" "),
        );
      }),
    );
  });
});

describe("readXorArgs with limits", () => {
  const page = { epochs: 20_000, width: 12, depth: 3 };

  it.each([
    [{ epochs: "20001" }, "epochs", '--epochs: expected an integer in [0, 20000], got "20001"'],
    [
      { seed: "1", hidden: "13" },
      "hidden",
      '--hidden: expected at most 3 layers of at most 12 neurons, got "13"',
    ],
    [
      { seed: "1", hidden: "2,2,2,2" },
      "hidden",
      '--hidden: expected at most 3 layers of at most 12 neurons, got "2,2,2,2"',
    ],
    [{ lr: "-1" }, "lr", '--lr: expected a positive number, got "-1"'],
    [{ hidden: "6" }, "hidden", "--hidden 6 needs --seed N"],
    [{ features: "x1,x1sq" }, "features", "--features x1,x1sq needs --seed N"],
    [
      { seed: "1", features: "x1,cosx1" },
      "features",
      '--features: expected features from x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, each once, separated by commas, got "x1,cosx1"',
    ],
    [{ seed: "1", features: "x1,x1" }, "features", "--features: expected features from"],
    [
      { activation: "softplus" },
      "activation",
      '--activation: expected one of tanh, relu, sigmoid, linear, got "softplus"',
    ],
    [
      { "batch-size": "0" },
      "batch-size",
      '--batch-size: expected an integer in [1, 1000], got "0"',
    ],
    [{ l2: "-0.1" }, "l2", '--l2: expected a number ≥ 0, got "-0.1"'],
    [{ noise: "2" }, "noise", '--noise: expected default or a number in [0, 1], got "2"'],
    [
      { "test-split": "0.95" },
      "test-split",
      '--test-split: expected a number in [0, 0.9], got "0.95"',
    ],
    [
      { l1: "0.1", engine: "tensor" },
      "engine",
      "--engine tensor trains on the data's loss alone: --l1 and --l2 need --engine engine or compiled",
    ],
    [
      { data: "multi-gauss", loss: "bce-with-logits" },
      "loss",
      "--data multi-gauss has real-valued targets in [−1, 1]: --loss bce-with-logits needs targets 0 and 1; use mse or l1",
    ],
    [
      { "test-split": "0.9" },
      "test-split",
      "--test-split 0.9 leaves no point of xor's 4 to train on",
    ],
    [
      { lr: `${"1".repeat(59)}x` },
      "lr",
      `--lr: expected a positive number, got "${"1".repeat(40)}…" (60 characters)`,
    ],
  ])("refuses %j, naming %s", (texts, name, message) => {
    const error = (() => {
      try {
        readXorArgs(texts, page);
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.flag).toBe(name);
    expect(error!.message).toContain(message);
  });

  it("accepts what the limits allow", () => {
    expect(readXorArgs({ epochs: "20000", seed: "1", hidden: "12,12,12" }, page)).toMatchObject({
      epochs: 20000,
      hidden: [12, 12, 12],
    });
  });
});
