import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lessonFiles, LESSONS } from "../course.ts";
import { parseLesson } from "../parse.ts";
import { loadLesson } from "../plugin.ts";
import { compileProgram } from "../program.ts";
import { lessonCode } from "../block.ts";
import { lessonLine } from "../run.ts";
import { breakBlock, BROKEN, type Plan } from "./break/breaks.ts";

// Breaking any block of any lesson of the course fails `pnpm test` at that lesson's path and
// the block's line. Every block is broken at the lesson core's compiler (the line its place map
// gives), and one block of every lesson in a real run (the message vitest reports).

const files = lessonFiles(LESSONS);
const lessons = files.map((f) =>
  loadLesson(join(LESSONS, f), readFileSync(join(LESSONS, f), "utf8")),
);

describe("breaking a block of a course lesson", () => {
  it.each(lessons.map((l) => [l.file, l] as const))(
    "%s: a throw in any runnable block maps to the block's first line",
    (_, lesson) => {
      const runnable = lesson.blocks.filter((b) => b.kind !== "no-run");
      expect(runnable.length).toBeGreaterThan(0);
      for (const block of runnable) {
        const broken = lessonCode(
          parseLesson(lesson.file, breakBlock(lesson.source, block, "throw")),
        );
        const program = compileProgram(broken.blocks);
        const at = program.code.indexOf(`throw new Error(${JSON.stringify(BROKEN)})`);
        expect(at, `${lesson.file}: block at line ${block.line}`).toBeGreaterThan(-1);
        const place = program.origin(program.code.slice(0, at).split("\n").length)!;
        expect(lessonLine(broken, place), `block at line ${block.line}`).toBe(block.line + 1);
      }
    },
  );

  it("fails the real run of each lesson at the broken block, with the lesson's path and line, and runs nothing after it", () => {
    // One block per lesson, early, so the run stays short: an output changed in lesson 00 (as it
    // asks its reader to), a throws block that completes in the first lesson that has one, and in
    // every other lesson a plain block throwing, the first with a runnable block before it (which
    // must still pass).
    const withThrows = lessons.find((l) => l.blocks.some((b) => b.kind === "throws"))!;
    const plan: Plan = {};
    const expected: Record<string, { title: string; message: string; after: number }> = {};
    for (const lesson of lessons) {
      const runnable = lesson.blocks.filter((b) => b.kind !== "no-run");
      const title = (line: number, kind: string) =>
        `line ${line}${kind === "throws" ? " (throws)" : ""}`;
      const early = (kind: string) =>
        runnable.find((b, i) => i > 0 && b.kind === kind) ?? runnable.find((b) => b.kind === kind)!;
      let block;
      if (lesson.number === 0) {
        block = runnable.find((b) => b.output)!;
        plan[lesson.file] = { line: block.line, how: "output", text: "16" };
        expected[lesson.file] = {
          title: title(block.line, block.kind),
          message: `LessonError: ${lesson.file}:${block.output!.line}: output differs from what the block at line ${block.line} printed`,
          after: 0,
        };
      } else if (lesson === withThrows) {
        block = early("throws");
        plan[lesson.file] = { line: block.line, how: "complete" };
        expected[lesson.file] = {
          title: title(block.line, block.kind),
          message: `LessonError: ${lesson.file}:${block.line}: expected this \`\`\`ts throws block to throw, but it completed`,
          after: 0,
        };
      } else {
        block = early("run");
        plan[lesson.file] = { line: block.line, how: "throw" };
        expected[lesson.file] = {
          title: title(block.line, block.kind),
          message: `Error: ${lesson.file}:${block.line + 1}: ${BROKEN}`,
          after: 0,
        };
      }
      expected[lesson.file]!.after = runnable.length - 1 - runnable.indexOf(block);
    }
    const report = runBroken(plan);
    for (const lesson of lessons) {
      const result = report.testResults.find((r) => r.name.endsWith(`/${lesson.file}`));
      if (!result) expect.fail(`${lesson.file}: not in the run's report`);
      const { title, message, after } = expected[lesson.file]!;
      const states = result!.assertionResults.map((a) => a.status);
      const failedAt = result!.assertionResults.findIndex((a) => a.status === "failed");
      // Everything before the broken block passed; it failed; everything after it was not run.
      expect(
        states.slice(0, failedAt).every((s) => s === "passed"),
        lesson.file,
      ).toBe(true);
      expect(result!.assertionResults[failedAt]?.title, lesson.file).toBe(title);
      expect(result!.assertionResults[failedAt]!.failureMessages[0]!.split("\n")[0]).toBe(message);
      expect(states.slice(failedAt + 1), lesson.file).toEqual(Array(after).fill("skipped"));
    }
    // Lesson 00 shows its reader the message this break gives: it must be the one the run printed.
    const first = report.testResults.find((r) => r.name.endsWith("/lessons/00-how-to-read.md"))!;
    const shown = first.assertionResults
      .find((a) => a.status === "failed")!
      .failureMessages[0]!.split("\n    at ")[0]!
      .trimEnd();
    expect(lessons[0]!.source).toContain("```text\n" + shown + "\n```");
  });
});

interface Report {
  testResults: {
    name: string;
    assertionResults: { title: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Runs the course's lessons through vitest with the planned blocks broken; its JSON report. */
function runBroken(plan: Plan): Report {
  const vitest = fileURLToPath(new URL("../../../node_modules/vitest/vitest.mjs", import.meta.url));
  const config = fileURLToPath(new URL("./break/vitest.config.ts", import.meta.url));
  const out = join(mkdtempSync(join(tmpdir(), "gradbook-break-")), "report.json");
  const run = spawnSync(
    process.execPath,
    [vitest, "run", "--config", config, "--reporter=json", `--outputFile=${out}`],
    {
      encoding: "utf8",
      env: { ...process.env, GRADBOOK_BREAK: JSON.stringify(plan), GRADBOOK_RECORD: "" },
    },
  );
  expect(run.status, run.stderr).toBe(1);
  return JSON.parse(readFileSync(out, "utf8")) as Report;
}
