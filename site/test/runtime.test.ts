import { parseLesson } from "@gradbook/lessons/kit";
import { describe, expect, it } from "vitest";
import { CompileError, compileProgram } from "../../lessons/kit/program.ts";
import {
  runBlocks,
  type BlockResult,
  type LessonCode as LessonData,
  type RunBlock,
} from "../../lessons/kit/run.ts";
import { format } from "../src/client/format.ts";
import { lessonData } from "../src/runner/data.ts";
import { fixtureLesson } from "./helpers/render.ts";

// The Run button's path in Node: the blocks a page sends (the build's run/NN-slug.json, edited or
// not) compiled by the worker's compiler and run by its runtime must print exactly what the test
// run recorded, and locate what goes wrong at the block and line where it went wrong.

const modules: Record<string, () => Promise<unknown>> = {
  vitest: () => import("../src/client/expect.ts"),
  "@gradbook/autograd": () => import("../../packages/autograd/src/index.ts"),
  "@gradbook/train": () => import("../../packages/train/src/index.ts"),
};
const block = (code: string, kind: RunBlock["kind"] = "run", line = 7): RunBlock => ({
  line,
  kind,
  code,
});
const lesson = (blocks: RunBlock[], pkg: string | null = "autograd"): LessonData => ({
  file: "lessons/09-x.md",
  package: pkg,
  blocks,
});

async function run(data: LessonData, upTo = data.blocks.length - 1) {
  const results: BlockResult[] = [];
  const sofar = new Map<number, BlockResult>(); // reports carry only what is new: add them up
  const progress: [number, number, number][] = [];
  const ok = await runBlocks(
    { lesson: data, upTo },
    {
      format,
      import: (s) => (modules[s] ? modules[s]() : Promise.reject(new Error(`no module ${s}`))),
      report: (r) => {
        const before = sofar.get(r.index);
        const whole = before
          ? { ...r, output: before.output + r.output, figures: [...before.figures, ...r.figures] }
          : r;
        sofar.set(r.index, whole);
        if (r.done) results.push(whole);
      },
      progress: (...p) => progress.push(p),
      partialEvery: 0, // a partial report at every print: the adding up is tested too
    },
  );
  return { ok, results, progress };
}

describe("compiling blocks in the browser", () => {
  it("keeps every line where it was, so errors point into the block", () => {
    const program = compileProgram([
      block('import { Value } from "@gradbook/autograd";\nconst a: number = 1;\n'),
      block("throw 1;\n", "throws"),
    ]);
    expect(program.requires).toEqual([{ specifier: "@gradbook/autograd", line: 2 }]);
    expect([2, 3, 5].map((line) => program.origin(line))).toEqual([
      { block: 0, line: 1 },
      { block: 0, line: 2 },
      { block: 1, line: 1 },
    ]);
    expect(program.origin(1)).toBeUndefined(); // the line that enters block 1
  });

  it.each([
    ["const x = ;\n", { block: 0, line: 1 }],
    ["const a = 1;\nconst b = (a;\n", { block: 0, line: 2 }],
  ])("reports code that does not parse (%j) at its block and line", (code, place) => {
    expect(() => compileProgram([block(code)])).toThrow(CompileError);
    try {
      compileProgram([block(code)]);
    } catch (error) {
      expect((error as CompileError).place).toEqual(place);
      expect((error as Error).message).not.toMatch(/\(\d+:\d+\)$/); // the line is the block's, not the program's
    }
  });
});

describe("running blocks in the browser's runtime", () => {
  it("gives the page no blocks of a lesson whose front matter says run: node", () => {
    const source =
      "---\npackage: none\nrun: node\n---\n\n# Node only\n\n```ts\nconsole.log(1);\n```\n";
    expect(lessonData(parseLesson("lessons/98-node-only.md", source))).toBeUndefined();
    expect(
      lessonData(parseLesson("lessons/98-node-only.md", source.replace("run: node\n", "")))?.blocks,
    ).toHaveLength(1);
  });

  it("runs a fixture lesson, as the build hands it to the page, to exactly the output the test run checked", async () => {
    const data = lessonData(fixtureLesson("02-running.md"))!;
    const { ok, results } = await run(data);
    expect(ok).toBe(true);
    expect(results.map((r) => r.output)).toEqual(data.blocks.map((b) => b.output?.text));
    expect(results[0]!.output).toBe("[ 1, 4, 9 ] Point { x: 1, y: 2 }\n");
  });

  it("shares one scope between blocks, runs only up to the block asked for, and imports through the table", async () => {
    const data = lesson([
      block('import { Value } from "@gradbook/autograd";\nconst a = new Value(3);\n'),
      block("console.log(a.mul(a).data);\n"),
      block('console.log("never");\n'),
    ]);
    const { ok, results } = await run(data, 1);
    expect(ok).toBe(true);
    expect(results.map((r) => r.output)).toEqual(["", "9\n"]); // 3 · 3
  });

  it("reports a syntax error in an edited block at that block's line, running nothing", async () => {
    const { ok, results } = await run(
      lesson([block('console.log("first");\n'), block("const lr = 0.1;\nconst x = lr +;\n")]),
    );
    expect(ok).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ index: 1, at: { block: 1, line: 2 }, output: "" });
    expect(results[0]!.error).toMatch(/^SyntaxError: Unexpected token/);
  });

  it("blames an unclosed brace on the block that opened it, not on the last block (bug 3)", async () => {
    const blocks = [
      block("const a = 1;\nif (true) {\n\n"),
      ...[2, 3, 4, 5].map((n) => block(`console.log(${n});\nconst x${n} = { n: ${n} };\n`)),
    ];
    const { ok, results } = await run(lesson(blocks));
    expect(ok).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ index: 0, at: { block: 0, line: 2 } });
    expect(results[0]!.error).toMatch(/^SyntaxError: /);
  });

  it("shows an import error in the box of the block that imports (bug 3)", async () => {
    const { ok, results } = await run(
      lesson([
        block("const a = 1;\n"),
        block("console.log(a);\n"),
        block('const b = 2;\nimport { nothing } from "@gradbook/nowhere";\n'),
      ]),
    );
    expect(ok).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ index: 2, at: { block: 2, line: 2 } });
    expect(results[0]!.error).toContain("@gradbook/nowhere");
  });

  it("reports a throw with its message at the line that threw, and stops there", async () => {
    const { ok, results } = await run(
      lesson([
        block('const f = () => {\n  throw new RangeError("lr must be positive");\n};\n'),
        block("console.log(1);\nf();\n"),
        block("console.log(2);\n"),
      ]),
    );
    expect(ok).toBe(false);
    expect(results.map((r) => r.index)).toEqual([0, 1]);
    expect(results[1]).toMatchObject({
      output: "1\n",
      error: "RangeError: lr must be positive",
      at: { block: 0, line: 2 },
    });
  });

  it.each([
    ["an object with no prototype", "throw Object.create(null);"],
    [
      "an object whose name and text throw",
      'throw { get name() { throw new Error("no"); }, toString() { throw new Error("no"); } };',
    ],
    [
      "a proxy whose every trap throws",
      'throw new Proxy(new Error("p"), { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });',
    ],
  ])(
    "reports %s thrown as a failure of its block (before, the run never ended)",
    async (_, code) => {
      const { ok, results } = await run(
        lesson([block('console.log("before");\n'), block(`${code}\n`)]),
      );
      expect(ok).toBe(false);
      expect(results[1]).toMatchObject({
        index: 1,
        error: "a value that cannot be shown as text was thrown",
        done: true,
      });
    },
  );

  it("checks a throws block as the test run does", async () => {
    const { results } = await run(lesson([block("const quiet = 1;\n", "throws")]));
    expect(results[0]!.error).toBe(
      "Error: expected this ```ts throws block to throw, but it completed",
    );
    const patterned = await run(
      lesson([
        {
          ...block('throw new Error("full");\n', "throws"),
          pattern: { source: "empty", flags: "" },
        },
      ]),
    );
    expect(patterned.results[0]!.error).toBe(
      "Error: expected an error matching /empty/, got Error: full",
    );
    const passing = await run(lesson([block('throw new RangeError("no");\n', "throws")]));
    expect(passing.results[0]!.output).toBe("RangeError: no\n");
  });

  it("keeps 2,000 lines of a block's output and counts the rest; reports carry only what is new", async () => {
    const reports: BlockResult[] = [];
    await runBlocks(
      { lesson: lesson([block("for (let i = 0; i < 2500; i++) console.log(i);\n")]), upTo: 0 },
      {
        format,
        import: () => Promise.reject(new Error("no imports")),
        report: (r) => reports.push(r),
        partialEvery: 0,
      },
    );
    // Added up, the reports hold each kept line once: no report repeats what an earlier one sent.
    const output = reports.map((r) => r.output).join("");
    expect(output.split("\n").slice(0, -1)).toEqual(
      Array.from({ length: 2000 }, (_, i) => String(i)),
    );
    expect(reports.at(-1)).toMatchObject({ done: true, moreLines: 500 });
  });

  it("keeps the step rule: a lesson imports only the packages of its step and those before", async () => {
    const { ok, results } = await run(
      lesson([block('import { sweep } from "@gradbook/train";\n')], "autograd"),
    );
    expect(ok).toBe(false);
    expect(results[0]!.error).toContain(
      "imports @gradbook/train (step 6); this lesson pairs with step 1 (@gradbook/autograd)",
    );
  });

  it("rejects a figure without a text alternative with the kit's message", async () => {
    const { results } = await run(lesson([block('show({ svg: "<svg></svg>", alt: "" });\n')]));
    expect(results[0]!.error).toBe(
      "TypeError: show: a figure needs a text alternative (alt) for readers who cannot see it",
    );
  });

  it("passes on the progress a package reports while a block runs (train's sweep, once per seed)", async () => {
    const code =
      'import { sweep, xor, lcgOrder } from "@gradbook/train";\nconst init = () => new Array(44).fill(0.1);\nsweep(xor(), { sizes: [2, 5, 4, 1], seeds: [1, 2, 3], init, recipes: [{ name: "r", loss: "mse", lr: 0.1, momentum: 0 }], epochs: 2, from: 0, sampler: () => lcgOrder() });\n';
    const { ok, progress } = await run(
      lesson([block('console.log("first");\n'), block(code)], "train"),
    );
    expect(ok).toBe(true);
    expect(progress.at(-1)).toEqual([1, 3, 3]);
    expect(progress.every(([index]) => index === 1)).toBe(true);
  });
});
