import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../vitest.limits.ts";

// `pnpm bench` as a learner runs it, on a run short enough for a test: its table and its checks
// run, and bad flags are refused with the usage. Its timings are not checked: they are the
// machine's, and the bench reports them rather than asserting them.

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const BENCH = fileURLToPath(new URL("../bench/xor.ts", import.meta.url));
const bench = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", BENCH, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: LIMITS.testTimeout,
  });

describe("pnpm bench", () => {
  it("times the engine, the compiled step and the twin on the same run, each against the twin", () => {
    const run = bench("--epochs", "20", "--repeats", "1", "--hidden", "3");
    expect(run.status, run.stderr).toBe(0); // on a failure, what the bench said
    expect(run.stderr).toBe("");
    const lines = run.stdout.split("\n");
    // 2 → 3 → 1: 3·2 + 3 + 1·3 + 1 = 13 parameters; 20 epochs of 4 points = 80 steps.
    expect(lines[0]).toMatch(
      /^2 → 3 → 1, 13 parameters, 80 steps; compiled = engine bit for bit, twin = engine to \S+ after 40 steps$/,
    );
    // The compiled row times the steps of a tape compiled beforehand; compiling has its own line.
    for (const row of [
      "engine (MLP + l1Loss + SGD + fit)",
      "compiled (tape, compiled once)",
      "twin (PlainMLP + plainFit)",
    ]) {
      expect(
        lines.some((l) => l.startsWith(row) && /\)\s+[\d.]+\s+[\d.]+\s+[\d.]+$/.test(l)),
        row,
      ).toBe(true);
    }
    expect(lines.find((l) => l.startsWith("twin"))).toMatch(/\s1\.00$/); // the twin against itself
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^compiling the step once \(not in the compiled row, timed on its own\): [\d.]+ ms, the time of \d+ twin steps$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^compiled is within 2× of the twin: (yes|no)$/),
    );
  });

  it.each([
    [["--bogus"], "bench: Unknown option '--bogus'"],
    [["--hidden", "5,x"], 'bench: --hidden expects a positive integer, got "x"'],
    [["--only", "foo"], 'bench: --only expects engine, compiled or plain, got "foo"'],
  ])("%j: the message and the usage on stderr, exit code 2", (args, message) => {
    const run = bench(...args);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(message);
    expect(run.stderr).toContain("usage: pnpm bench");
    expect(run.stdout).toBe("");
  });

  it("prints its usage on --help, exit code 0", () => {
    const run = bench("--help");
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/^usage: pnpm bench/);
  });
});
