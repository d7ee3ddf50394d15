import { describe, expect, it } from "vitest";
import { checkBlock, figureDigest } from "../outcome.ts";

// The lesson core's one output check, which the test run and the page share.

const figure = (svg: string, alt = "a figure") => ({ svg, alt });
const clipped = (n: number) =>
  figure(
    `<svg><clipPath id="plot-clip-${n}"><rect/></clipPath><g clip-path="url(#plot-clip-${n})"/></svg>`,
  );

describe("checking a block's output and figures", () => {
  it.each([
    ["the same text", { line: 3, output: { line: 7, text: "1\n" } }, "1\n", undefined],
    [
      "other text, at the output block's line",
      { line: 3, output: { line: 7, text: "1\n" } },
      "2\n",
      7,
    ],
    ["printing without an output block, at the block's line", { line: 3 }, "2\n", 3],
    ["printing nothing, with no output block", { line: 3 }, "", undefined],
  ])("%s", (_, expected, printed, line) => {
    expect(checkBlock(expected, printed)?.line).toBe(line);
  });

  it("compares figures when the recorded ones are known: their number, then each", () => {
    const recorded = [figureDigest(clipped(1))];
    expect(checkBlock({ line: 3, figures: recorded }, "", [clipped(1)])).toBeUndefined();
    expect(
      checkBlock({ line: 3, figures: recorded }, "", [clipped(1), clipped(1), clipped(1)])?.figures,
    ).toBe("it showed 3 figures; the test run showed 1 figure");
    expect(
      checkBlock({ line: 3, figures: recorded }, "", [figure("<svg><circle/></svg>")])?.figures,
    ).toBe("figure 1 differs from what the test run drew");
    expect(checkBlock({ line: 3 }, "", [clipped(1), clipped(2)])).toBeUndefined(); // none recorded: text only (the test run)
  });

  it("does not tell figures apart by how Plot numbered their ids in the process that drew them", () => {
    expect(figureDigest(clipped(8))).toBe(figureDigest(clipped(1)));
    expect(figureDigest(figure(`<svg><g id="a"/><g id="b"/><use href="#b"/></svg>`))).not.toBe(
      figureDigest(figure(`<svg><g id="a"/><g id="b"/><use href="#a"/></svg>`)),
    );
  });
});
