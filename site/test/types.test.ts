import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  blockTypeProblems,
  shippedHost,
  type CheckedBlocks,
  type TypeFiles,
} from "../../lessons/kit/type-errors.ts";
import { findPackages } from "../src/api/typedoc.ts";
import { loadCourse } from "../src/course/lessons.ts";
import { browserModules } from "../src/runner/bundle.ts";
import { lessonData } from "../src/runner/data.ts";
import { typeFiles } from "../src/runner/types.ts";

// The page's type check in Node: the files the site ships for it (assets/js/types.json), read
// through the host the page's worker uses, must check the course's runnable blocks as `pnpm
// typecheck` does (none has an error) and find an error a reader makes, where it is.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// As the page gets them: through JSON.
const shipped = JSON.parse(
  JSON.stringify(
    typeFiles(ROOT, browserModules(ROOT, join(ROOT, "site/src/client"), findPackages(ROOT))),
  ),
) as TypeFiles;
const host = shippedHost(shipped);
const check = (blocks: CheckedBlocks["blocks"], pkg: string | null = "autograd") =>
  blockTypeProblems(
    { file: "lessons/01-test.md", package: pkg, blocks },
    shipped.module,
    shipped.options,
    host,
  ).map(({ block, line, column, code }) => ({ block, line, column, code }));
const pages = loadCourse(join(ROOT, "lessons"), ROOT).flatMap(({ lesson }) => {
  const data = lessonData(lesson);
  return data ? [[lesson.file, data] as const] : [];
});

describe("the type files the site ships", () => {
  it.each(pages)(
    "find no type error in %s's runnable blocks, as the Node check does",
    (_, data) => {
      expect(check(data.blocks, data.package)).toEqual([]);
    },
  );

  it("hold the worker's lib (performance) and ES2023's (findLast), and no Node", () => {
    const blocks: CheckedBlocks["blocks"] = [
      {
        kind: "run",
        code: "const t: number = performance.now();\nconst l = [1, 2].findLast((n) => n > 1);\n",
      },
      { kind: "run", code: "process.exit(1);\n" },
    ];
    // TS2591: Cannot find name 'process' (install @types/node, add it to `types`): the page has no Node.
    expect(check(blocks)).toEqual([{ block: 1, line: 1, column: 1, code: 2591 }]);
  });

  it("place a reader's type error in block 3 at block 3's line, and none in block 1", () => {
    const [, data] = pages.find(([file]) => file === "lessons/01-chain-rule.md")!;
    const edited = data.blocks.map((b) => ({ ...b }));
    const lines = edited[2]!.code.replace(/\n$/, "").split("\n").length;
    edited[2]!.code += 'const typo: number = "a";\n';
    expect(check(edited)).toEqual([{ block: 2, line: lines + 1, column: 7, code: 2322 }]);
  });

  it("resolve what a lesson imports in the page to what it runs: the step packages, the figures, the page's expect", () => {
    expect(shipped.resolutions[shipped.module]).toMatchObject({
      "@gradbook/autograd": "/packages/autograd/src/index.ts",
      "@gradbook/lessons/figure": "/lessons/kit/figure.ts",
      vitest: "/site/src/client/expect.ts",
    });
  });
});
