import { describe, expect, it } from "vitest";
import { lesson } from "../runtime.ts";

// The runtime driven by hand: a generator stands in for a compiled lesson's blocks.

const meta = {
  file: "lessons/09-x.md",
  path: "/repo/lessons/09-x.md",
  blocks: [
    { line: 5, kind: "run" as const, output: { line: 9, text: "42\n" } },
    { line: 12, kind: "throws" as const, pattern: { source: "positive", flags: "" } },
    { line: 20, kind: "run" as const },
  ],
};
const ctx = () => {
  const notes: string[] = [];
  return { notes, skip: (note?: string) => void notes.push(note ?? "") };
};

describe("lesson runtime", () => {
  it("captures each block's console output and checks it", async () => {
    const rt = lesson(meta);
    const steps = (async function* () {
      rt.scope.console.log(6 * 7);
      yield;
    })();
    await expect(rt.step(steps, 0, ctx())).resolves.toBeUndefined();
  });

  it("fails a throws block whose error does not match its pattern, and skips the blocks after", async () => {
    const rt = lesson(meta);
    const steps = (async function* () {
      rt.scope.console.log(42);
      yield;
      await rt.throws(1, async () => {
        throw new TypeError("size must be an integer");
      });
      yield;
      yield;
    })();
    await rt.step(steps, 0, ctx());
    await expect(rt.step(steps, 1, ctx())).rejects.toThrow(
      "lessons/09-x.md:12: expected an error matching /positive/, got TypeError: size must be an integer",
    );
    const later = ctx();
    await rt.step(steps, 2, later);
    expect(later.notes).toEqual(["not run: the block at line 12 failed"]);
  });

  it("prints a throws block's error as its output", async () => {
    const rt = lesson({
      ...meta,
      blocks: [
        {
          line: 3,
          kind: "throws" as const,
          output: { line: 7, text: "RangeError: size must be positive\n" },
        },
      ],
    });
    const steps = (async function* () {
      await rt.throws(0, async () => {
        throw new RangeError("size must be positive");
      });
      yield;
    })();
    await expect(rt.step(steps, 0, ctx())).resolves.toBeUndefined();
  });

  it.each([
    [
      "a string",
      "<svg/>",
      "show: expected a figure { svg, alt } whose svg is an <svg> element, got <svg/>",
    ],
    [
      "a figure without alt text",
      { svg: "<svg></svg>", alt: " " },
      "show: a figure needs a text alternative (alt)",
    ],
  ])("show rejects %s", (_what, figure, message) => {
    expect(() => lesson(meta).scope.show(figure as never)).toThrow(message);
  });

  it("locates an error thrown inside a block at the lesson line in its stack", async () => {
    const rt = lesson({ ...meta, blocks: [{ line: 20, kind: "run" as const }] });
    const steps = (async function* () {
      const error = new Error("boom");
      error.stack =
        "Error: boom\n    at f (/repo/lessons/09-x.md:23:9)\n    at /repo/lessons/09-x.md:25:1";
      throw error;
    })();
    await expect(rt.step(steps, 0, ctx())).rejects.toThrow(/^lessons\/09-x\.md:23: boom$/);
  });
});
