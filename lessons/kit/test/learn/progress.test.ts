import { describe, expect, it } from "vitest";
import { blankMessage } from "../../learn/blank.ts";
import type { Exercise } from "../../learn/exercises.ts";
import { assess } from "../../learn/progress.ts";
import { messageOf, type RunResult, type TestOutcome } from "../../learn/runner.ts";

// Three exercises: b builds on a (b's tests reach a), c stands alone.
const ex = (name: string): Exercise => ({ name, pkg: "p", file: "packages/p/src/x.ts", line: 1, hint: "" });
const exercises = ["a", "b", "c"].map(ex);
const catches = { a: ["ta", "tb"], b: ["tb"], c: ["tc"] };
const lesson = { nn: "01", file: "lessons/01-x.md" };
const blankOf = (name: string) => `Error: ${blankMessage(name, lesson)}`;

function run(failed: Record<string, string>): RunResult {
  const tests: TestOutcome[] = ["ta", "tb", "tc", "tx"].map((id) =>
    id in failed ? { id, state: "failed", messages: [failed[id]!] } : { id, state: "passed", messages: [] },
  );
  return { tests, failed: tests.filter((t) => t.state === "failed"), ms: 0 };
}

describe("assessing a check", () => {
  it.each([
    ["all blank: every exercise to do", ["a", "b", "c"], { ta: blankOf("a"), tb: blankOf("a"), tc: blankOf("c") }, "todo todo todo", 0],
    ["a written and right, b blank", ["b", "c"], { tb: blankOf("b"), tc: blankOf("c") }, "passing todo todo", 0],
    ["a wrong: its own test and b's count against it", ["b"], { ta: "expected 6 to be 9", tb: blankOf("b") }, "failing todo passing", 0],
    ["b written, a blank: b's only test stops at a", ["a"], { ta: blankOf("a"), tb: blankOf("a") }, "todo waiting passing", 0],
    ["all written and right", [], {}, "passing passing passing", 0],
    ["a test outside the exercises fails", [], { tx: "boom" }, "passing passing passing", 1],
  ])("%s", (_what, blank, failed, statuses, others) => {
    const progress = assess(exercises, new Set(blank), run(failed), catches);
    expect(progress.exercises.map((p) => p.status).join(" ")).toBe(statuses);
    expect(progress.others).toHaveLength(others);
    expect(progress.done).toBe(statuses === "passing passing passing" && !others);
  });

  it("says what a waiting exercise waits for", () => {
    const progress = assess(exercises, new Set(["a"]), run({ ta: blankOf("a"), tb: blankOf("a") }), catches);
    expect(progress.exercises[1]).toMatchObject({ status: "waiting", waitsFor: ["a"] });
  });

  it("without a catch table, counts an unexplained failure against every written exercise", () => {
    const progress = assess(exercises, new Set(["c"]), run({ tx: "boom", tc: blankOf("c") }), undefined);
    expect(progress.exercises.map((p) => p.status)).toEqual(["failing", "failing", "todo"]);
    expect(progress.others).toEqual([]);
  });
});

describe("reading a failure", () => {
  it("keeps the causes, where fast-check puts the error the code threw", () => {
    const thrown = new Error(blankMessage("a", lesson));
    const failure = Object.assign(new Error("Property failed after 1 tests", { cause: thrown }), { name: "Error" });
    expect(messageOf(failure)).toBe(`Property failed after 1 tests\nCaused by: ${blankMessage("a", lesson)}`);
    expect(messageOf({ name: "AssertionError", message: "expected 6 to be 9" })).toBe("AssertionError: expected 6 to be 9");
  });
});
