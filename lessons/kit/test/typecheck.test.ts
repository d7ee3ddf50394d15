import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { courseLessons } from "../course.ts";
import { typecheckLessons } from "../typecheck.ts";

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

describe("typecheckLessons", () => {
  it("reports a type error at the markdown line and column, like tsc", () => {
    expect(typecheckLessons([fixture("06-type-error.md")]).map((d) => d.text)).toEqual([
      "lessons/kit/test/fixtures/06-type-error.md:12:7 - error TS2322: Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it("type-checks no-run and throws blocks in the shared scope", () => {
    expect(typecheckLessons([fixture("01-passing.md")])).toEqual([]);
  });

  it("reports a lesson that cannot compile (a forbidden import) at its line", () => {
    expect(typecheckLessons([fixture("07-forbidden-import.md")])).toMatchObject([
      { file: "lessons/kit/test/fixtures/07-forbidden-import.md", line: 13 },
    ]);
  });
});

// The course itself: every lesson type-checks (one test per lesson, so a failure names it).
describe("the course's lessons type-check", () => {
  const lessons = courseLessons();
  const problems = typecheckLessons(lessons);
  it.each(lessons.map((path) => [path.replace(/.*\//, ""), path]))("%s", (_name, path) => {
    const mine = problems.filter((p) => path.endsWith(p.file));
    expect(mine.map((p) => p.text)).toEqual([]);
  });
});

// `pnpm lessons` type-checks the lessons it runs (typecheck-setup.ts and typecheck-hook.ts, in
// lessons/vitest.config.ts): a lesson whose blocks run fine but do not type-check fails, at its line.
describe("running lessons reports their type errors", () => {
  it("fails the lesson with the error at its markdown line, and passes the lesson without one", () => {
    const vitest = fileURLToPath(
      new URL("../../../node_modules/vitest/vitest.mjs", import.meta.url),
    );
    const out = join(mkdtempSync(join(tmpdir(), "gradbook-kit-")), "report.json");
    const run = spawnSync(
      process.execPath,
      [
        vitest,
        "run",
        "--config",
        fixture("typecheck.config.ts"),
        "--reporter=json",
        `--outputFile=${out}`,
      ],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      testResults: {
        name: string;
        status: string;
        message: string;
        assertionResults: { status: string }[];
      }[];
    };
    const result = (name: string) => report.testResults.find((r) => r.name.endsWith(`/${name}`))!;
    expect(result("01-passing.md").status).toBe("passed");
    const failing = result("06-type-error.md");
    expect(failing.status).toBe("failed");
    expect(failing.assertionResults.every((a) => a.status === "passed")).toBe(true); // its blocks ran, and passed
    expect(failing.message).toContain(
      "lessons/kit/test/fixtures/06-type-error.md:12:7 - error TS2322: Type 'number' is not assignable to type 'string'.",
    );
  }, 120_000);
});
