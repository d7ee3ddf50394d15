import { describe, expect, it } from "vitest";
import { parseXorArgs, USAGE } from "../src/args.ts";
import { UsageError, XOR_FLAG_NAMES } from "../src/flags.ts";

const defaults = {
  data: "xor",
  noise: "default",
  dataSeed: 1,
  testSplit: 0,
  features: ["x1", "x2"],
  hidden: [5, 4],
  activation: "tanh",
  outputActivation: "linear",
  loss: "l1",
  l1: 0,
  l2: 0,
  lr: 0.02,
  momentum: 0.9,
  batchSize: 1,
  seed: "torch",
  epochs: 2001,
  order: 2,
  logEvery: 500,
  out: "out/xor",
  engine: "engine",
};

describe("parseXorArgs", () => {
  it("defaults to the assignment's run", () => {
    expect(parseXorArgs([])).toEqual(defaults);
  });

  it.each([
    [["--epochs", "10"], { epochs: 10 }],
    [["--epochs=0"], { epochs: 0 }],
    [["--seed", "7", "--hidden", "8,8,3"], { seed: 7, hidden: [8, 8, 3] }],
    [["--seed", "torch"], {}],
    [["--lr", "1e-3", "--momentum", "0"], { lr: 0.001, momentum: 0 }],
    [["--loss", "mse"], { loss: "mse" }],
    [["--loss", "bce-with-logits"], { loss: "bce-with-logits" }],
    [["--out", "/tmp/x y"], { out: "/tmp/x y" }],
    [["--log-every", "1"], { logEvery: 1 }],
    [["--engine", "compiled"], { engine: "compiled" }],
    [["--data", "moons"], { data: "moons" }],
    [["--hidden", "none", "--seed", "1"], { hidden: [], seed: 1 }],
    [["--data", "spiral", "--data", "circles"], { data: "circles" }],
    [["--output-activation", "tanh"], { outputActivation: "tanh" }],
    [["--order", "7"], { order: 7 }],
    [["--order", "fixed"], { order: "fixed" }],
    [["--order", "shuffled"], { order: "shuffled" }],
    [["--activation", "relu"], { activation: "relu" }],
    [["--batch-size", "10"], { batchSize: 10 }],
    [
      ["--noise", "0.2", "--data-seed", "3", "--test-split", "0.3"],
      { noise: 0.2, dataSeed: 3, testSplit: 0.3 },
    ],
    [
      ["--seed", "1", "--features", "x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"],
      { seed: 1, features: ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"] },
    ],
    [["--l1", "0.001", "--l2", "0.01"], { l1: 0.001, l2: 0.01 }],
  ])("reads %j", (argv, changes) => {
    expect(parseXorArgs(argv)).toEqual({ ...defaults, ...changes });
  });

  it.each([["--help"], ["-h"], ["--epochs", "3", "--help"]])("asks for help with %j", (...argv) => {
    expect(parseXorArgs(argv)).toBe("help");
  });

  it.each([
    [["--lr", "abc"], '--lr: expected a positive number, got "abc"'],
    [["--lr", "0"], '--lr: expected a positive number, got "0"'],
    [["--lr", ""], '--lr: expected a positive number, got ""'],
    [["--momentum", "1"], '--momentum: expected a number in [0, 1), got "1"'],
    [["--epochs", "2.5"], '--epochs: expected an integer in [0, 10000000], got "2.5"'],
    [["--epochs=-3"], '--epochs: expected an integer in [0, 10000000], got "-3"'],
    [["--seed", "x"], '--seed: expected torch or an integer in [0, 4294967295], got "x"'],
    [
      ["--data", "iris"],
      '--data: expected one of xor, moons, circles, spiral, gauss, quadrants, plane, multi-gauss, got "iris"',
    ],
    [
      ["--output-activation", "relu"],
      '--output-activation: expected one of linear, tanh, sigmoid, got "relu"',
    ],
    [
      ["--order", "random"],
      '--order: expected fixed, shuffled or an integer in [0, 4294967295], got "random"',
    ],
    [
      ["--seed", "1", "--hidden", "5,1001"],
      '--hidden: expected at most 20 layers of at most 1000 neurons, got "5,1001"',
    ],
    [["--hidden", "1e9,-3"], 'got "1e9,-3"'],
    [
      ["--hidden", "5,x"],
      '--hidden: expected layer sizes that are positive integers separated by commas, like 5,4, got "5,x"',
    ],
    [["--hidden", "5,0"], 'got "5,0"'],
    [
      ["--hidden", "8"],
      "--hidden 8 needs --seed N: the reference's initial weights (--seed torch) fit only --hidden 5,4",
    ],
    [
      ["--hidden", "none"],
      "--hidden none needs --seed N: the reference's initial weights (--seed torch) fit only --hidden 5,4",
    ],
    [["--loss", "hinge"], '--loss: expected one of l1, mse, bce-with-logits, got "hinge"'],
    [["--log-every", "0"], '--log-every: expected an integer ≥ 1, got "0"'],
    [["--engine", "tape"], '--engine: expected one of engine, compiled, tensor, got "tape"'],
    [["--bogus"], "Unknown option '--bogus'"],
    [["--epochs"], "--epochs"],
    [["stray"], "stray"],
  ])("rejects %j, naming the flag and the value", (argv, message) => {
    expect(() => parseXorArgs(argv)).toThrow(UsageError);
    expect(() => parseXorArgs(argv)).toThrow(message);
  });

  it("documents every flag it reads", () => {
    for (const flag of [...XOR_FLAG_NAMES, "help"]) expect(USAGE).toContain(`--${flag} `);
  });
});
