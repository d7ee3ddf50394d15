import { describe, expect, it } from "vitest";
import { Progress } from "../src/progress.ts";

function sink(isTTY: boolean) {
  const out = { text: "", isTTY, write: (s: string) => void (out.text += s) };
  return out;
}

describe("Progress", () => {
  it("draws nothing when the output is not a terminal", () => {
    const out = sink(false);
    const bar = new Progress(out, 10);
    bar.update(5);
    bar.log("Epoch: 5");
    bar.clear();
    expect(out.text).toBe("Epoch: 5\n");
  });

  it("redraws in place on a terminal, only when the percentage moves", () => {
    const out = sink(true);
    const bar = new Progress(out, 200, 10);
    bar.update(1); // 0%
    bar.update(2); // 1%
    bar.update(3); // still 1%
    expect(out.text).toBe("\r[----------]   0% of 200 epochs\r[----------]   1% of 200 epochs");
  });

  it("prints log lines above the bar and clears it at the end", () => {
    const out = sink(true);
    const bar = new Progress(out, 4, 4);
    bar.update(2);
    bar.log("Epoch: 2");
    bar.clear();
    const drawn = "[##--]  50% of 4 epochs";
    const blank = `\r${" ".repeat(drawn.length)}\r`;
    expect(out.text).toBe(`\r${drawn}${blank}Epoch: 2\n\r${drawn}${blank}`);
  });
});
