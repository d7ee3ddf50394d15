// Lesson 08 (and lesson 07's correction) quote the committed bench log, bench/tables.txt, which
// no test can remeasure: the numbers in the lessons must be the log's, digit for digit (and
// lesson 08's SIMD threshold the package's).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ParameterStore } from "../src/index.ts";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const log = read("../bench/tables.txt");
const lesson = read("../../../lessons/08-tensors.md");

/** Each width's rows of `pnpm bench --hidden h,h`: the µs per step and the ratio to the twin, as printed. */
function benchRows(): Map<number, Record<string, { us: string; ratio: string }>> {
  const widths = new Map<number, Record<string, { us: string; ratio: string }>>();
  for (const block of log.split(/^(?=2 → \d+ → \d+ → 1,)/m).slice(1)) {
    const h = Number(/^2 → (\d+)/.exec(block)![1]);
    const rows: Record<string, { us: string; ratio: string }> = {};
    for (const m of block.matchAll(
      /^(engine|compiled|tensor|twin) \(.*?\)\s+\S+\s+(\S+)\s+(\S+)$/gm,
    ))
      rows[m[1]!] = { us: m[2]!, ratio: m[3]! };
    widths.set(h, rows);
  }
  return widths;
}

describe("the lessons quote the bench log", () => {
  test("lesson 08's table: every width's parameters, µs per step and ratio, and PyTorch's µs", () => {
    const widths = benchRows();
    expect([...widths.keys()]).toEqual([4, 16, 64, 128, 256]);
    const table = [...lesson.matchAll(/^\| 2 → (\d+) → \d+ → 1 \(([\d,]+)\) \| (.+) \|$/gm)];
    expect(table.map((m) => Number(m[1]))).toEqual([4, 16, 64, 128, 256]);
    for (const [, h, count, cells] of table) {
      const r = widths.get(Number(h))!;
      const parameters = new RegExp(String.raw`^2 → ${h} → ${h} → 1, (\d+) parameters`, "m").exec(
        log,
      )!;
      expect(count, `2 → ${h} → ${h} → 1's parameters`).toBe(
        Number(parameters[1]).toLocaleString("en-US"),
      );
      const torch = new RegExp(
        String.raw`^PyTorch eager, 2 -> ${h} -> ${h} -> 1, \d+ epochs: (\S+)$`,
        "m",
      ).exec(log)![1];
      expect(cells!.split(" | "), `2 → ${h} → ${h} → 1`).toEqual([
        r.twin!.us,
        r.compiled!.us,
        r.tensor!.us,
        r.engine!.us,
        r.tensor!.ratio,
        torch,
      ]);
    }
  });

  test("lesson 08's prose: the load, compiling at 256 wide, the ratios to the twin and PyTorch at 256", () => {
    const prose = lesson.replace(/\s+/g, " ");
    const load = [/^load at the start: \S+ (\S+)/m, /^load at the end: \S+ (\S+)/m].map(
      (pattern) => pattern.exec(log)![1],
    );
    expect(prose).toContain(`a load of ${load[0]} at the start and ${load[1]} at the end`);
    const compile =
      /256 → 1,[\s\S]*?timed on its own\): (\S+) ms, the time of (\d+) twin steps/.exec(log)!;
    expect(prose).toContain(`(${compile[1]} ms at 256 wide, the time of ${compile[2]} twin steps)`);
    const widths = benchRows();
    const ratio = (h: number) => widths.get(h)!.tensor!.ratio;
    expect(prose).toContain(`at 4 wide that cost is most of the step, ${ratio(4)}× the twin`);
    expect(prose).toContain(
      `${ratio(64)}× the twin at 64 wide, ${ratio(128)}× at 128 and ${ratio(256)}× at 256`,
    );
    const tensor = widths.get(256)!.tensor!.us;
    const torch = /^PyTorch eager, 2 -> 256 -> 256 -> 1, \d+ epochs: (\S+)$/m.exec(log)![1];
    expect([`${tensor} against ${torch} µs`, `${torch} against ${tensor} µs`]).toContainEqual(
      expect.toSatisfy((quote: string) => prose.includes(quote)),
    );
  });

  test("lesson 08's batch step and PyTorch's, and the loop orders", () => {
    const step = /^one step: (\S+) ms, (\S+) GFLOP\/s/m.exec(log)!;
    const torch =
      /^PyTorch eager, 784 -> 64 -> 10, batch 32: (\S+) ms a step, (\S+) GFLOP\/s$/m.exec(log)!;
    expect(lesson).toContain(`${step[1]} ms a step (${step[2]} GFLOP/s`);
    expect(lesson).toContain(`PyTorch takes ${torch[1]} ms (${torch[2]} GFLOP/s`);
    const loop = (name: string) =>
      new RegExp(String.raw`^  ${name.replace(/[,]/g, ",")}\s+(\S+)`, "m").exec(log)![1];
    for (const name of [
      "forward, one batch row at a time",
      "forward, 4 batch rows per weight row",
      "forward, 4 batch rows × 2 weight rows",
      "weight grad, weight row outside",
      "weight grad, weight row outside, 4 batch rows per load",
      "weight grad, 2 weight rows × 4 batch rows per load",
    ]) {
      expect(lesson, name).toContain(`${loop(name)} ms`);
    }
  });

  test("lesson 08's threshold for a SIMD store is the package's", () => {
    const prose = lesson.replace(/\s+/g, " ");
    const from = ParameterStore.simdFrom.toLocaleString("en-US");
    expect(prose).toContain(
      `A model of ${from} parameters or more gets its store in a WebAssembly memory`,
    );
  });

  test("lesson 07's correction at 128 wide", () => {
    const ratio = benchRows().get(128)!.compiled!.ratio;
    expect(read("../../../lessons/07-making-it-fast.md")).toContain(
      `the compiled step costs ${ratio}× the twin at 128 wide`,
    );
  });
});
