import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../plugin.ts";
import { blockTypeProblems, type CheckedBlocks } from "../type-errors.ts";

// The kit's type check as the page runs it: the blocks as edited, compiled as `pnpm typecheck`
// compiles a lesson, each problem placed back at its block, line and column.

const { options } = ts.parseJsonConfigFileContent(
  ts.readConfigFile(join(ROOT, "tsconfig.base.json"), ts.sys.readFile).config,
  ts.sys,
  ROOT,
);
// The disk's files, each parsed once: the lib files and the packages do not change between checks.
const disk = ts.createCompilerHost(options);
const parsed = new Map<string, ts.SourceFile | undefined>();
const host: ts.CompilerHost = {
  ...disk,
  getSourceFile: (name, version) => {
    if (!parsed.has(name)) parsed.set(name, disk.getSourceFile(name, version));
    return parsed.get(name);
  },
};
type Blocks = CheckedBlocks["blocks"];
const check = (blocks: Blocks, pkg: string | null = "autograd") =>
  blockTypeProblems(
    { file: "lessons/01-test.md", package: pkg, blocks },
    join(ROOT, "lessons/kit/test/blocks.ts"),
    options,
    host,
  ).map(({ block, line, column, code }) => ({ block, line, column, code }));

describe("blockTypeProblems", () => {
  it('finds TS2322 at the block, line and column of `const x: number = "a"`, and nothing once fixed', () => {
    const blocks: Blocks = [
      { kind: "run", code: "const a = 1;\nconsole.log(a);\n" },
      { kind: "throws", code: 'throw new Error("no");\n' },
      { kind: "run", code: 'console.log(a + 1);\nconst x: number = "a";\n' },
    ];
    // Column 7: the name `x` is what TypeScript blames (`const ` is six characters).
    expect(check(blocks)).toEqual([{ block: 2, line: 2, column: 7, code: 2322 }]);
    blocks[2] = { kind: "run", code: "console.log(a + 1);\nconst x: number = 1;\n" };
    expect(check(blocks)).toEqual([]);
  });

  it("places an error wherever it is among lines before and after, in every kind of block (property)", () => {
    const block = fc.record({
      kind: fc.constantFrom("run", "throws" as const),
      before: fc.nat(4),
      after: fc.nat(4),
    });
    let names = 0;
    const filler = () => `const v${names++} = ${names};`;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), fc.nat(), (shape, pick) => {
        const wrong = pick % shape.length;
        const blocks = shape.map(({ kind, before, after }, i) => {
          const lines = [
            ...Array.from({ length: before }, filler),
            ...(i === wrong ? [`const w${names++}: number = "a";`] : []),
            ...Array.from({ length: after }, filler),
          ];
          return { kind, code: lines.join("\n") + "\n" };
        });
        expect(check(blocks)).toEqual([
          { block: wrong, line: shape[wrong]!.before + 1, column: 7, code: 2322 },
        ]);
      }),
      { numRuns: 20 },
    );
  });

  it("finds an error in an import, which the module hoists, at the block and line that import is on", () => {
    const blocks: Blocks = [
      { kind: "run", code: "const a = 1;\n" },
      { kind: "run", code: 'console.log(a);\nimport { Nope } from "@gradbook/autograd";\n' },
    ];
    // TS2305: Module '"@gradbook/autograd"' has no exported member 'Nope' — `Nope` is column 10.
    expect(check(blocks)).toEqual([{ block: 1, line: 2, column: 10, code: 2305 }]);
  });

  it("keeps a throws block's names its own, as the run does, and knows the runtime's show and console", () => {
    const blocks: Blocks = [
      { kind: "throws", code: "const hidden = 1;\nthrow new Error(String(hidden));\n" },
      {
        kind: "run",
        code: 'import { plot } from "@gradbook/lessons/figure";\nshow(plot({ marks: [] }, "an empty chart"));\nconsole.error(hidden);\n',
      },
    ];
    // TS2304: Cannot find name 'hidden' — at line 3, column 15 of block 2.
    expect(check(blocks)).toEqual([{ block: 1, line: 3, column: 15, code: 2304 }]);
  });

  it("reports an import past the lesson's step as a problem (code 0) at its block and line", () => {
    const blocks: Blocks = [
      { kind: "run", code: "const a = 1;\n" },
      { kind: "run", code: 'console.log(a);\nimport { SGD } from "@gradbook/optim";\n' },
    ];
    expect(check(blocks, "autograd")).toEqual([{ block: 1, line: 2, column: 1, code: 0 }]);
  });
});
