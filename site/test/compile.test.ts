import { parseLesson, type CodeBlock } from "@gradbook/lessons/kit";
import { describe, expect, it } from "vitest";
import { runLesson, type BlockResult, type LessonModule } from "../src/client/runtime.ts";
import { compileForBrowser, rewriteImports } from "../src/runner/compile.ts";
import { fixtureLesson } from "./helpers/render.ts";

// The Run button's path, in Node: a lesson compiled for the browser, run by the worker's runtime,
// must print exactly what the test run recorded (the lesson's own output blocks).

const block = (code: string): CodeBlock => ({ kind: "run", line: 1, code, start: 0, end: code.length });
const load = async (js: string) => (await import(`data:text/javascript,${encodeURIComponent(js)}`)) as LessonModule;
const modules: Record<string, () => Promise<unknown>> = { vitest: () => import("../src/client/expect.ts") };

async function run(lesson: LessonModule): Promise<{ ok: boolean; results: BlockResult[] }> {
  const results: BlockResult[] = [];
  const ok = await runLesson(lesson, { import: (s) => modules[s]!(), report: (r) => r.done && results.push(r) });
  return { ok, results };
}

describe("compiling a lesson for the browser", () => {
  it.each([
    ['import { a, b as c } from "m";', 'const { a, b: c } = await __rt.import("m");'],
    ['import d from "m";', 'const { default: d } = await __rt.import("m");'],
    ['import * as ns from "m";', 'const ns = await __rt.import("m");'],
    ['import d, { a } from "m";', 'const { default: d, a } = await __rt.import("m");'],
    ['import "m";', 'await __rt.import("m");'],
  ])("turns %s into a lookup", (source, lookup) => {
    expect(rewriteImports(block(`${source}\nx();\n`))).toEqual({ code: "\nx();\n", lookups: [lookup] });
  });

  it("drops type-only imports and type-only names", () => {
    expect(rewriteImports(block('import type { T } from "m";\nimport { type U, v } from "n";\n')).lookups).toEqual(['const { v } = await __rt.import("n");']);
  });

  it("routes dynamic imports through the runtime", () => {
    expect(rewriteImports(block('const m = await import("m");\n')).code).toBe('const m = await __rt.import("m");\n');
  });

  it("runs a compiled lesson to the same output the test run checked", async () => {
    const lesson = fixtureLesson("02-running.md");
    const { ok, results } = await run(await load(await compileForBrowser(lesson)));
    expect(ok).toBe(true);
    expect(results.map((r) => r.line)).toEqual(lesson.blocks.filter((b) => b.kind !== "no-run").map((b) => b.line));
    for (const result of results) expect(result.output).toBe(result.expected);
    expect(results[0]!.output).toBe("[ 1, 4, 9 ] Point { x: 1, y: 2 }\n");
  });

  it("leaves ```ts no-run blocks out: an endless loop there never runs", async () => {
    const js = await compileForBrowser(fixtureLesson("02-running.md"));
    expect(js).not.toContain("while (true)");
    expect(js.split("\n")[0]).toBe("// Generated from site/test/fixtures/course/02-running.md by site/src/runner/compile.ts: do not edit.");
  });

  it("stops at a failing block and reports its error", async () => {
    const lesson = parseLesson("lessons/09-x.md", "---\npackage: none\n---\n\n# X\n\n```ts\nimport { expect } from \"vitest\";\nexpect(1 + 1).toBe(3);\n```\n\n```ts\nconsole.log(\"never\");\n```\n\n```text output\nnever\n```\n");
    const { ok, results } = await run(await load(await compileForBrowser(lesson)));
    expect(ok).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBe("AssertionError: expected 2 to be 3 // Object.is equality");
  });

  it("checks a throws block's pattern as the test run does", async () => {
    const lesson = parseLesson("lessons/09-x.md", "---\npackage: none\n---\n\n# X\n\n```ts throws=/empty/\nthrow new Error(\"full\");\n```\n\n```text output\nError: full\n```\n");
    const { results } = await run(await load(await compileForBrowser(lesson)));
    expect(results[0]!.error).toBe("Error: expected an error matching /empty/, got Error: full");
  });

  it("reports a long block's output while it runs", async () => {
    const lesson = parseLesson("lessons/09-x.md", "---\npackage: none\n---\n\n# X\n\n```ts\nconst end = Date.now() + 60;\nwhile (Date.now() < end) console.log(\"tick\");\n```\n");
    const reports: BlockResult[] = [];
    await runLesson(await load(await compileForBrowser(lesson)), { import: () => Promise.reject(), report: (r) => reports.push(r), partialEvery: 10 });
    expect(reports.filter((r) => !r.done).length).toBeGreaterThan(1);
    expect(reports.at(-1)!.done).toBe(true);
  });
});
