import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../plugin.ts";
import { blocksModule, blockTypeProblems, type TypedBlock } from "../type-errors.ts";

// The kit's type check as the page runs it: the blocks laid out as one module, each problem
// placed back at its block and line.

const { options } = ts.parseJsonConfigFileContent(
  ts.readConfigFile(join(ROOT, "tsconfig.base.json"), ts.sys.readFile).config,
  ts.sys,
  ROOT,
);
const check = (blocks: TypedBlock[]) =>
  blockTypeProblems(
    blocks,
    join(ROOT, "lessons/kit/test/blocks.ts"),
    options,
    ts.createCompilerHost(options),
  ).map(({ block, line, column, code }) => ({ block, line, column, code }));

describe("blocksModule", () => {
  it("places every line of the module that came from a block at that block's line, each once", () => {
    const line = fc.stringMatching(/^[a-z =;{}()]{0,12}$/);
    const block = fc.record({
      kind: fc.constantFrom<TypedBlock["kind"]>("run", "throws", "no-run"),
      code: fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join("\n") + "\n"),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 6 }), (blocks) => {
        const module = blocksModule(blocks);
        const seen = new Set<string>();
        module.code.split("\n").forEach((text, i) => {
          const place = module.place(i, 0);
          if (!place) return;
          expect(text).toBe(blocks[place.block]!.code.split("\n")[place.line - 1]);
          seen.add(`${place.block}:${place.line}`);
        });
        const lines = blocks.map((b) => b.code.replace(/\n$/, "").split("\n").length);
        expect(seen.size).toBe(lines.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("blockTypeProblems", () => {
  it('finds TS2322 at the block, line and column of `const x: number = "a"`, and nothing elsewhere', () => {
    const blocks: TypedBlock[] = [
      { kind: "run", code: "const a = 1;\nconsole.log(a);\n" },
      { kind: "throws", code: 'throw new Error("no");\n' },
      { kind: "run", code: 'console.log(a + 1);\nconst x: number = "a";\n' },
    ];
    // Column 7: the name `x` is what TypeScript blames (`const ` is six characters).
    expect(check(blocks)).toEqual([{ block: 2, line: 2, column: 7, code: 2322 }]);
    blocks[2] = { kind: "run", code: "console.log(a + 1);\nconst x: number = 1;\n" };
    expect(check(blocks)).toEqual([]);
  });

  it("keeps a throws block's names its own, as the run does, and knows the runtime's show and console", () => {
    const blocks: TypedBlock[] = [
      { kind: "throws", code: "const hidden = 1;\nthrow new Error(String(hidden));\n" },
      {
        kind: "run",
        code: 'import { plot } from "@gradbook/lessons/figure";\nshow(plot({ marks: [] }, "an empty chart"));\nconsole.error(hidden);\n',
      },
    ];
    // TS2304: Cannot find name 'hidden' — at line 3, column 15 of block 2.
    expect(check(blocks)).toEqual([{ block: 1, line: 3, column: 15, code: 2304 }]);
  });
});
