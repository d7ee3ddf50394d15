import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.ts";

const folder = mkdtempSync(join(tmpdir(), "gradbook-tensor-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `pnpm xor ARGS --out DIR`, in this process: what it printed and the two figures it wrote. */
function xor(dir: string, ...args: string[]) {
  const out = { text: "", write: (s: string) => void (out.text += s) };
  const err = { text: "", write: (s: string) => void (err.text += s) };
  const code = main(["xor", ...args, "--out", join(folder, dir)], out, err);
  const figure = (name: string) =>
    readFileSync(join(folder, dir, name), "utf8").replace(/plot-clip-\d+/g, "plot-clip");
  return {
    code,
    lines: out.text.split("\n"),
    stderr: err.text,
    figures: () => [figure("loss-curve.svg"), figure("decision-boundary.svg")],
  };
}

describe("pnpm xor --engine tensor", () => {
  it("prints the engine's log, predictions and figures, line for line", () => {
    const engine = xor("run");
    const engineFigures = engine.figures();
    const tensor = xor("run", "--engine", "tensor");
    expect([engine.code, tensor.code, tensor.stderr]).toEqual([0, 0, ""]);
    expect(tensor.lines).toEqual(engine.lines);
    expect(tensor.figures()).toEqual(engineFigures);
  });

  it("and for mse on shuffled points, a variation", () => {
    const args = ["--loss", "mse", "--order", "shuffled", "--epochs", "300", "--log-every", "100"];
    const engine = xor("mse", ...args);
    const tensor = xor("mse", ...args, "--engine", "tensor");
    expect([engine.code, tensor.code, tensor.stderr]).toEqual([0, 0, ""]);
    expect(tensor.lines).toEqual(engine.lines);
  });

  it("names the losses it can train with", () => {
    const run = xor("bce", "--loss", "bce-with-logits", "--engine", "tensor");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "gradbook xor: tensorFit: expected the loss l1Loss or mseLoss of @gradbook/loss\n",
    );
  });
});
