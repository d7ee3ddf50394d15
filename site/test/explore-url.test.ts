import { describe, expect, it } from "vitest";
import { readXorArgs } from "@gradbook/cli";
import { queryOf, readForm, readQuery } from "../src/explore/client/url.ts";

// The explorer's URL and form, read in Node: a link is input, read by `pnpm xor`'s own rules.
// The expected settings are written out by hand from the usage text's defaults.

const DEFAULT = readXorArgs({});

describe("readQuery", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["", {}, []],
    ["?loss=mse&lr=0.1", { loss: "mse", lr: 0.1 }, []],
    ["?hidden=8,8&seed=3", { hidden: [8, 8], seed: 3 }, []],
    // TF Playground's deepest: six hidden layers of eight.
    ["?hidden=8,8,8,8,8,8&seed=3", { hidden: [8, 8, 8, 8, 8, 8], seed: 3 }, []],
    [
      "?hidden=1,1,1,1,1,1,1&seed=3",
      { seed: 3 },
      [
        'hidden: expected at most 6 layers of at most 8 neurons, got "1,1,1,1,1,1,1". Using the default instead.',
      ],
    ],
    ["?order=fixed&order=shuffled", { order: "shuffled" }, []], // the last one wins, as on a command line
    ["?epochs=20000", { epochs: 20000 }, []],
    [
      "?epochs=20001",
      {},
      ['epochs: expected an integer in [0, 20000], got "20001". Using the default instead.'],
    ],
    [
      "?hidden=9",
      {},
      [
        'hidden: expected at most 6 layers of at most 8 neurons, got "9". Using the default instead.',
      ],
    ],
    [
      "?hidden=8,8",
      {},
      [
        "hidden 8,8 needs --seed N: the reference's initial weights (--seed torch) fit only --hidden 5,4. Using the default instead.",
      ],
    ],
    [
      "?lr=abc&loss=mse",
      { loss: "mse" },
      ['lr: expected a positive number, got "abc". Using the default instead.'],
    ],
    [
      "?out=/tmp",
      {},
      [
        '"out": not a setting here; expected one of data, noise, data-seed, test-split, features, hidden, activation, output-activation, loss, l1, l2, lr, momentum, batch-size, seed, epochs, order, log-every, discretize, show-test. Ignored.',
      ],
    ],
    [
      `?lr=${"9".repeat(100)}x`,
      {},
      [
        `lr: expected a positive number, got "${"9".repeat(40)}…" (101 characters). Using the default instead.`,
      ],
    ],
  ])("%s", (query, changed, problems) => {
    const read = readQuery(query);
    expect(read.args).toEqual({ ...DEFAULT, ...changed });
    expect(read.problems).toEqual(problems);
  });

  it("writes back a query that reads as the same settings, in the table's order", () => {
    const { args } = readQuery("?seed=3&hidden=8,8&loss=mse");
    expect(queryOf(args)).toBe("?hidden=8,8&loss=mse&seed=3");
    expect(readQuery(queryOf(args)).args).toEqual(args);
    expect(queryOf(DEFAULT)).toBe("");
  });

  it("reads and writes the view (discretize, show-test) after the flags, only when on; a value not true or false is named and ignored", () => {
    const read = readQuery("?discretize=true&lr=0.1&show-test=yes");
    expect(read.view).toEqual({ discretize: true, "show-test": false });
    expect(read.problems).toEqual(['show-test: expected true or false, got "yes". Ignored.']);
    expect(queryOf(read.args, read.view)).toBe("?lr=0.1&discretize=true");
    expect(queryOf(DEFAULT, { discretize: false, "show-test": true })).toBe("?show-test=true");
    expect(readQuery("?discretize=false").view).toEqual({ discretize: false, "show-test": false });
  });
});

describe("readForm", () => {
  const last = readXorArgs({ lr: "0.1" });
  const texts = (changes: Record<string, string>) => ({
    data: "xor",
    hidden: "5,4",
    "output-activation": "linear",
    loss: "l1",
    lr: "0.1",
    momentum: "0.9",
    seed: "torch",
    epochs: "2001",
    order: "2",
    "log-every": "500",
    ...changes,
  });

  it.each<[string, Record<string, string>, string | undefined, Record<string, unknown>, string[]]>([
    ["a good change applies", { lr: "0.5" }, "lr", { lr: 0.5 }, []],
    [
      "a refused field keeps the run's value; the others apply",
      { hidden: "8,8", momentum: "0.5" },
      "momentum",
      { lr: 0.1, momentum: 0.5 },
      ["hidden"],
    ],
    [
      "the field just changed is blamed for a rule it broke",
      { seed: "torch", hidden: "5,4" },
      "seed",
      { lr: 0.1 },
      [],
    ],
    [
      "two bad fields are both refused",
      { lr: "-1", epochs: "x" },
      "epochs",
      { lr: 0.1 },
      ["lr", "epochs"],
    ],
  ])("%s", (_, changes, changed, expected, refused) => {
    const read = readForm(texts(changes), last, changed as never);
    expect(read.args).toEqual({ ...DEFAULT, ...expected });
    expect(Object.keys(read.refused).sort()).toEqual([...refused].sort());
  });

  it("blames the seed, not the hidden sizes, when the seed goes back to torch under hidden 8,8", () => {
    const wide = readXorArgs({ hidden: "8,8", seed: "3", lr: "0.1" });
    const read = readForm(texts({ hidden: "8,8", seed: "torch" }), wide, "seed");
    expect(read.args).toEqual(wide);
    expect(read.refused).toEqual({
      seed: "hidden 8,8 needs --seed N: the reference's initial weights (--seed torch) fit only --hidden 5,4",
    });
  });
});
