import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.ts";

const folder = mkdtempSync(join(tmpdir(), "gradbook-compile-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `pnpm xor ARGS --out DIR`, in this process: what it printed and the two figures it wrote. */
function xor(dir: string, ...args: string[]) {
  const out = { text: "", write: (s: string) => void (out.text += s) };
  const err = { text: "", write: (s: string) => void (err.text += s) };
  const code = main(["xor", ...args, "--out", join(folder, dir)], out, err);
  // Plot numbers its clip paths with a counter that runs on across figures in one process.
  const figure = (name: string) =>
    readFileSync(join(folder, dir, name), "utf8").replace(/plot-clip-\d+/g, "plot-clip");
  return {
    code,
    lines: out.text.split("\n"),
    stderr: err.text,
    figures: [figure("loss-curve.svg"), figure("decision-boundary.svg")],
  };
}

describe("pnpm xor --engine compiled", () => {
  it("prints the engine's log, predictions and figures, line for line", () => {
    const engine = xor("run");
    const compiled = xor("run", "--engine", "compiled"); // the same folder: the output names it
    expect([engine.code, compiled.code, compiled.stderr]).toEqual([0, 0, ""]);
    expect(compiled.lines).toEqual(engine.lines);
    expect(compiled.lines).toContain(
      "Epoch: 2000, Loss: " + engine.lines.find((l) => l.startsWith("Epoch: 2000"))!.split(": ")[2],
    );
    expect(compiled.figures).toEqual(engine.figures);
  });
});
