import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// The fixture lessons run through vitest exactly as the course's lessons do (a child process
// with the lesson plugin); these tests read its JSON report and check each outcome exactly.

const here = fileURLToPath(new URL(".", import.meta.url));
const vitest = fileURLToPath(new URL("../../../node_modules/vitest/vitest.mjs", import.meta.url));
const F = "lessons/kit/test/fixtures/";

interface Report {
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { title: string; status: string; failureMessages: string[] }[];
  }[];
}

let report: Report;
const lesson = (name: string) => report.testResults.find((r) => r.name.endsWith(`/${name}`))!;
const test = (name: string, title: string) =>
  lesson(name).assertionResults.find((a) => a.title === title)!;
const firstLine = (message: string | undefined) => message?.split("\n")[0];

beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), "gradbook-kit-")), "report.json");
  const run = spawnSync(
    process.execPath,
    [
      vitest,
      "run",
      "--config",
      join(here, "fixtures/vitest.config.ts"),
      "--reporter=json",
      `--outputFile=${out}`,
    ],
    { encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(1); // the failing fixtures fail the run
  report = JSON.parse(readFileSync(out, "utf8"));
});

describe("running fixture lessons through vitest", () => {
  it("runs every fence kind of a passing lesson, one test per runnable block named by its line", () => {
    const passing = lesson("01-passing.md");
    expect(passing.status).toBe("passed");
    expect(passing.assertionResults.map((a) => [a.title, a.status])).toEqual([
      ["line 11", "passed"],
      ["line 24", "passed"],
      ["line 34 (throws)", "passed"],
    ]);
  });

  it("reports a failing assertion at the lesson's file and line", () => {
    expect(test("02-failing-assertion.md", "line 7").status).toBe("passed");
    const failed = test("02-failing-assertion.md", "line 12");
    expect(failed.status).toBe("failed");
    expect(firstLine(failed.failureMessages[0])).toBe(
      `AssertionError: ${F}02-failing-assertion.md:13: expected 42 to be 41 // Object.is equality`,
    );
  });

  it("shows a line diff when printed output differs from the output block", () => {
    const [message] = test("03-output-mismatch.md", "line 7").failureMessages;
    expect(message).toContain(
      [
        `LessonError: ${F}03-output-mismatch.md:11: output differs from what the block at line 7 printed`,
        "- expected (the lesson)",
        "+ actual (the code)",
        "",
        "  Epoch: 0, Loss: 1.000",
        "- Epoch: 500, Loss: 0.003",
        "- Epoch: 1000, Loss: 0.002",
        "+ Epoch: 500, Loss: 0.002",
        "+ Epoch: 1000, Loss: 0.001",
      ].join("\n"),
    );
  });

  it("fails a throws block that completes", () => {
    const [message] = test("04-throws-not-thrown.md", "line 7 (throws)").failureMessages;
    expect(firstLine(message)).toBe(
      `Error: ${F}04-throws-not-thrown.md:7: expected this \`\`\`ts throws block to throw, but it completed`,
    );
  });

  it("fails a lesson whose include names a missing region, at the include's line", () => {
    const missing = lesson("05-missing-region.md");
    expect(missing.status).toBe("failed");
    expect(missing.message).toBe(
      `${F}05-missing-region.md:7: include: ${F}source.ts has no region "cube" (mark it with // #region cube … // #endregion cube)`,
    );
  });

  it("fails the block that imports a step package beyond its own, naming line and package, before any block runs", () => {
    const forbidden = lesson("07-forbidden-import.md");
    expect(forbidden.assertionResults.map((a) => [a.title, a.status])).toEqual([
      ["line 7", "skipped"],
      ["line 12", "failed"],
    ]);
    expect(firstLine(test("07-forbidden-import.md", "line 12").failureMessages[0])).toBe(
      `LessonError: ${F}07-forbidden-import.md:13: imports @gradbook/train (step 6); this lesson pairs with step 2 (@gradbook/neuron) and may import only @gradbook/autograd, @gradbook/neuron`,
    );
  });

  it("fails a block that prints without an output block, quoting what it printed", () => {
    const [message] = test("08-unchecked-output.md", "line 7").failureMessages;
    expect(message).toContain(
      `${F}08-unchecked-output.md:7: this block prints, but no \`\`\`text output block follows it. Add one with exactly:\nan unchecked number: 0.30000000000000004\n`,
    );
  });

  it("blames code that does not parse on its block and line, running no block", () => {
    const broken = lesson("09-syntax-error.md");
    expect(broken.assertionResults.map((a) => [a.title, a.status])).toEqual([
      ["line 7", "skipped"],
      ["line 11", "failed"],
      ["line 16", "skipped"],
    ]);
    expect(firstLine(test("09-syntax-error.md", "line 11").failureMessages[0])).toBe(
      `SyntaxError: ${F}09-syntax-error.md:13: Unexpected token`,
    );
  });

  it("fails the block that called, at the line that threw, and shows the lesson's lines in the stack", () => {
    const [message] = test("10-thrown-in-earlier-block.md", "line 13").failureMessages;
    expect(firstLine(message)).toBe(
      `RangeError: ${F}10-thrown-in-earlier-block.md:9: lr must be positive`,
    );
    const path = fileURLToPath(new URL("fixtures/10-thrown-in-earlier-block.md", import.meta.url));
    expect(message).toContain(`${path}:9:`);
    expect(message).toContain(`${path}:15:`);
  });

  it("runs a lesson with a type error (vitest strips types: the type check catches it)", () => {
    expect(lesson("06-type-error.md").status).toBe("passed");
  });
});
