import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../vitest.limits.ts";

// `pnpm bench` as a learner runs it, on runs short enough for a test: the tensor row beside the
// others (its bits checked against the engine's by the bench itself), and the batch step. Timings
// are the machine's: reported, never asserted.

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BENCH = fileURLToPath(new URL("../bench/xor.ts", import.meta.url));
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", BENCH, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: LIMITS.testTimeout,
  });
const number = String.raw`-?[\d.]+`;

describe("pnpm bench", () => {
  it("puts the tensor step beside the engine, the compiled step and the twin, with the engine's bits", () => {
    const run = bench("--epochs", "20", "--repeats", "1", "--hidden", "3");
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^2 → 3 → 1, 13 parameters, 80 steps; compiled = tensor = engine bit for bit, twin = engine to \S+ after 40 steps$/,
    );
    expect(
      lines.some((l) =>
        new RegExp(
          String.raw`^tensor \(MLP \+ l1Loss \+ SGD\)\s+${number}\s+${number}\s+${number}$`,
        ).test(l),
      ),
    ).toBe(true);
  });

  it("--batch times the 784 → 64 → 10 step on a batch of 32 and the loops in several orders", () => {
    const run = bench("--batch", "--repeats", "1");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(String.raw`one step: ${number} ms, ${number} GFLOP/s \(6\.55 MFLOP a step\)`),
    );
    for (const order of [
      "forward, one batch row at a time",
      "forward, 4 batch rows per weight row",
      "forward, 4 batch rows × 2 weight rows",
      "weight grad, batch row outside",
      "weight grad, weight row outside, 4 batch rows per load",
      "weight grad, 2 weight rows × 4 batch rows per load",
    ]) {
      expect(run.stdout).toContain(order);
    }
  });

  it("--batch refuses other flags, exit code 2", () => {
    const run = bench("--batch", "--repeats", "x");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^bench: --batch takes only --repeats N, a positive integer, got --repeats x/,
    );
  });
});
