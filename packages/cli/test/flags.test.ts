import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseXorArgs } from "../src/args.ts";
import {
  changedFlags,
  readXorArgs,
  UsageError,
  XOR_DATA,
  XOR_LOSSES,
  XOR_OUTPUTS,
  xorCommand,
  type XorArgs,
} from "../src/flags.ts";

// The flags table serves the terminal and the explorer's links: a command it writes must read
// back as the settings it was written from.

const args = fc.record({
  data: fc.constantFrom(...XOR_DATA),
  hidden: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
  outputActivation: fc.constantFrom(...XOR_OUTPUTS),
  loss: fc.constantFrom(...XOR_LOSSES),
  lr: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  momentum: fc.double({ min: 0, max: 0.999, noNaN: true }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  epochs: fc.integer({ min: 0, max: 20_000 }),
  order: fc.oneof(
    fc.integer({ min: 0, max: 0xffffffff }),
    fc.constantFrom("fixed" as const, "shuffled" as const),
  ),
  logEvery: fc.integer({ min: 1, max: 5000 }),
  out: fc.constant("out/xor"),
  engine: fc.constant("engine" as const),
}) satisfies fc.Arbitrary<XorArgs>;

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
