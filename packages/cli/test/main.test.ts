import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.ts";
import { LIMITS } from "../../../vitest.limits.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "gradbook-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the CLI as `pnpm xor` does (tsx, from the repository root), without a terminal. */
function gradbook(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: LIMITS.testTimeout,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs `main` in this process; `tty` makes stdout look like a terminal. */
function inProcess(args: string[], tty = false) {
  const out = { text: "", isTTY: tty, write: (s: string) => void (out.text += s) };
  const err = { text: "", write: (s: string) => void (err.text += s) };
  const code = main(args, out, err);
  return { code, stdout: out.text, stderr: err.text };
}

function svgRoot(file: string) {
  const { DOMParser } = parseHTML("<!doctype html><html></html>");
  return new DOMParser().parseFromString(readFileSync(file, "utf8"), "image/svg+xml")
    .documentElement;
}

describe("gradbook xor, spawned", () => {
  it("ends quietly when its reader stops early (pnpm xor | head -1)", () => {
    const run = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" --import tsx "${CLI}" xor --epochs 300 --log-every 1 | head -1`,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: LIMITS.testTimeout },
    );
    expect(run.stdout).toBe(
      "gradbook xor: 2 → 5 → 4 → 1, tanh hidden, linear output; l1 loss; SGD lr 0.02, momentum 0.9\n",
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("trains, logs, predicts and writes two SVG files, with no progress bar outside a terminal", () => {
    const out = join(folder, "short");
    const { code, stdout, stderr } = gradbook(
      "xor",
      "--epochs",
      "3",
      "--log-every",
      "1",
      "--out",
      out,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines).toContain("Total params: 44");
    // The assignment's run starts as PyTorch's: the notebook printed 1.58317368350987 at epoch 0.
    expect(lines).toContain("Epoch: 0, Loss: 1.583174");
    expect(lines.filter((l) => l.startsWith("Epoch: ")).map((l) => l.split(",")[0])).toEqual([
      "Epoch: 0",
      "Epoch: 1",
      "Epoch: 2",
    ]);
    expect(lines).toContain(" x₁  x₂  target     output  class");
    expect(lines.filter((l) => /^ {2}[01] {3}[01] {7}[01] /.test(l))).toHaveLength(4);
    expect(stdout).not.toContain("\r");
    const files = [join(out, "loss-curve.svg"), join(out, "decision-boundary.svg")];
    expect(lines.slice(-4)).toEqual([`Figures in ${out}:`, `  ${files[0]}`, `  ${files[1]}`, ""]);
    for (const file of files) {
      expect(existsSync(file)).toBe(true);
      const svg = svgRoot(file);
      expect(svg.tagName.toLowerCase()).toBe("svg");
      expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
      expect(svg.querySelector("title")!.textContent!.length).toBeGreaterThan(20);
    }
  });

  it.each([
    [["xor", "--bogus"], "Unknown option '--bogus'"],
    [["xor", "--lr", "abc"], '--lr: expected a positive number, got "abc"'],
  ])("%j: the message and the usage on stderr, exit code 2", (args, message) => {
    const { code, stdout, stderr } = gradbook(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("Usage: gradbook xor [options]");
  });
});

describe("gradbook, in process", () => {
  it("runs the assignment's run by default: the log every 500 epochs to 2000, XOR classified", () => {
    const { code, stdout } = inProcess(["--out", join(folder, "seed")]);
    expect(code).toBe(0);
    const log = stdout.split("\n").filter((l) => l.startsWith("Epoch: "));
    expect(log.map((l) => l.split(",")[0])).toEqual([
      "Epoch: 0",
      "Epoch: 500",
      "Epoch: 1000",
      "Epoch: 1500",
      "Epoch: 2000",
    ]);
    expect(stdout).toContain("4/4 on the right side of 0.5");
  });

  it("draws a progress bar on a terminal, and clears it", () => {
    const { stdout } = inProcess(["xor", "--epochs", "20", "--out", join(folder, "tty")], true);
    expect(stdout).toContain("\r[##############################] 100% of 20 epochs");
    expect(stdout).toMatch(/\r {20,}\r\n/); // cleared before the predictions
  });

  it.each([
    [["--help"], 0, "out"],
    [["xor", "-h"], 0, "out"],
    [["frobnicate"], 2, "err"],
    [["xor", "--hidden", "5,x"], 2, "err"],
  ])("%j: exit code %i, usage on std%s", (args, code, where) => {
    const run = inProcess(args);
    expect(run.code).toBe(code);
    expect(where === "out" ? run.stdout : run.stderr).toContain("Usage: gradbook xor [options]");
  });

  it.each([
    ["linear", -Infinity, Infinity],
    ["tanh", -1, 1],
    ["sigmoid", 0, 1],
  ])(
    "--output-activation %s: every output in the prediction table lies in (%d, %d)",
    (activation, low, high) => {
      const { code, stdout } = inProcess([
        "--output-activation",
        activation,
        "--seed",
        "5",
        "--epochs",
        "50",
        "--out",
        join(folder, activation),
      ]);
      expect(code).toBe(0);
      expect(stdout).toContain(`tanh hidden, ${activation} output`);
      const outputs = stdout
        .split("\n")
        .filter((l) => /^ {2}[01] {3}[01] {7}[01] /.test(l))
        .map((l) => Number(l.trim().split(/\s+/)[3]));
      expect(outputs).toHaveLength(4);
      for (const y of outputs) expect(y > low && y < high, String(y)).toBe(true);
    },
  );

  it("--data moons trains on lesson 06's 100 points, one step per point an epoch", () => {
    const { code, stdout } = inProcess([
      "--data",
      "moons",
      "--seed",
      "1",
      "--hidden",
      "8,8",
      "--epochs",
      "2",
      "--log-every",
      "1",
      "--out",
      join(folder, "moons"),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "data: moons, 100 points; 2 epochs of 100 single-point steps in the LCG order from s₀ = 2",
    );
    expect(stdout).toMatch(/\n\d+\/100 on the right side of 0.5\n/);
  });

  it("--data plane regresses TF Playground's plane: its table lists each error, output − target, and their mean square", () => {
    const { code, stdout } = inProcess([
      "--data",
      "plane",
      "--loss",
      "mse",
      "--epochs",
      "3",
      "--log-every",
      "1",
      "--out",
      join(folder, "plane"),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("data: plane, 100 points; 3 epochs of 100 single-point steps");
    const rows = stdout
      .split("\n")
      .map((l) => l.trim().split(/\s+/).map(Number))
      .filter((cells) => cells.length === 5 && cells.every(Number.isFinite));
    expect(rows).toHaveLength(100);
    for (const [x1, x2, target, output, error] of rows) {
      expect(target).toBeCloseTo((x1! + x2!) / 2, 2); // the plane's target, from rounded inputs
      expect(error).toBeCloseTo(output! - target!, 2);
    }
    const mse = rows.reduce((sum, r) => sum + r[4]! ** 2, 0) / rows.length;
    const printed = Number(/mean squared error (\S+),/.exec(stdout)![1]);
    expect(Math.abs(printed - mse)).toBeLessThan(1e-3 + 1e-2 * mse); // from 4-decimal errors
  });

  it("--order changes the run and only the run's order", () => {
    const log = (order: string) =>
      inProcess([
        "--order",
        order,
        "--epochs",
        "30",
        "--log-every",
        "10",
        "--out",
        join(folder, `order-${order}`),
      ]).stdout;
    expect(log("2")).toBe(
      inProcess(["--epochs", "30", "--log-every", "10", "--out", join(folder, "order-2")]).stdout,
    );
    expect(log("fixed")).toContain("in the fixed order 0, 1, …, n−1");
    const losses = (text: string) => text.split("\n").filter((l) => l.startsWith("Epoch: "));
    expect(losses(log("fixed"))).not.toEqual(losses(log("2")));
    expect(losses(log("shuffled"))).not.toEqual(losses(log("fixed")));
  });

  it("stops a diverging run with exit code 1 and fit's message", () => {
    const { code, stderr } = inProcess([
      "xor",
      "--loss",
      "mse",
      "--lr",
      "50",
      "--epochs",
      "500",
      "--out",
      join(folder, "nan"),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^gradbook xor: fit: the loss became (NaN|infinite) at epoch \d+ \(step \d+\) with lr 50 — the learning rate is probably too large\n$/,
    );
  });
});
