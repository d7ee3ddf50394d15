import { describe, expect, it } from "vitest";
import { suspects } from "../../learn/blame.ts";
import { blankMessage } from "../../learn/blank.ts";
import type { Exercise } from "../../learn/exercises.ts";
import { assess } from "../../learn/progress.ts";
import { messageOf, type RunResult, type TestOutcome } from "../../learn/runner.ts";

// Three exercises: b builds on a (b's test reaches a), c stands alone.
const ex = (name: string): Exercise => ({
  name,
  pkg: "p",
  file: "packages/p/src/x.ts",
  line: 1,
  extra: "",
  kind: "type-along",
  task: "",
  hints: ["h"],
});
const exercises = ["a", "b", "c"].map(ex);
const lesson = { nn: "01", file: "lessons/01-x.md" };
const blankOf = (name: string) => `Error: ${blankMessage(name, lesson)}`;

function run(
  failed: Record<string, string>,
  ids = ["t > a", "t > b", "t > c", "t > x"],
): RunResult {
  const tests: TestOutcome[] = ids.map((id) =>
    id in failed
      ? { id, state: "failed", messages: [failed[id]!], frames: [] }
      : { id, state: "passed", messages: [], frames: [] },
  );
  return { tests, failed: tests.filter((t) => t.state === "failed"), ms: 0 };
}

describe("assessing a check", () => {
  // what, blank, failing in the learner's run, failing in each suspect's run alone, statuses, others
  it.each<
    [
      string,
      string[],
      Record<string, string>,
      Record<string, Record<string, string>>,
      string,
      number,
    ]
  >([
    [
      "all blank: every exercise to do",
      ["a", "b", "c"],
      { "t > a": blankOf("a"), "t > b": blankOf("a"), "t > c": blankOf("c") },
      {},
      "todo todo todo",
      0,
    ],
    [
      "a written and right, b blank: a alone passes",
      ["b", "c"],
      { "t > b": blankOf("b"), "t > c": blankOf("c") },
      { a: {} },
      "passing todo todo",
      0,
    ],
    [
      "b written, a blank: b alone (a as the reference) passes",
      ["a", "c"],
      { "t > a": blankOf("a"), "t > b": blankOf("a"), "t > c": blankOf("c") },
      { b: {} },
      "todo passing todo",
      0,
    ],
    [
      "a wrong: b's test fails too, but only a fails alone",
      [],
      { "t > a": "expected 6 to be 9", "t > b": "expected 1 to be 2" },
      { a: { "t > a": "expected 6 to be 9", "t > b": "x" }, b: {} },
      "failing passing passing",
      0,
    ],
    ["all written and right", [], {}, {}, "passing passing passing", 0],
    [
      "a test outside the exercises fails",
      [],
      { "t > x": "boom" },
      {},
      "passing passing passing",
      1,
    ],
  ])("%s", (_what, blank, failed, alone, statuses, others) => {
    const runs = new Map(Object.entries(alone).map(([name, f]) => [name, run(f)]));
    const progress = assess(exercises, new Set(blank), run(failed), runs);
    expect(progress.exercises.map((p) => p.status).join(" ")).toBe(statuses);
    expect(progress.others).toHaveLength(others);
    expect(progress.done).toBe(statuses === "passing passing passing" && !others);
  });

  it("counts the tests that stop at a blank against that blank only", () => {
    const progress = assess(
      exercises,
      new Set(["a"]),
      run({ "t > a": blankOf("a"), "t > b": blankOf("a") }),
      new Map([["b", run({})]]),
    );
    expect(progress.exercises[0]!.failures.map((t) => t.id)).toEqual(["t > a", "t > b"]);
    expect(progress.exercises[1]!.failures).toEqual([]);
  });

  it("blames a file that does not load on the exercise whose run alone still fails to load it", () => {
    const broken = { "test/x.spec.ts": "SyntaxError: Unexpected token" };
    const ids = ["t > a", "t > b", "t > c", "test/x.spec.ts"];
    const runs = new Map([
      ["a", run({}, ids)],
      ["b", run(broken, ids)],
      ["c", run({}, ids)],
    ]);
    const progress = assess(exercises, new Set(), run(broken, ids), runs);
    expect(progress.exercises.map((p) => p.status)).toEqual(["passing", "failing", "passing"]);
    expect(progress.others).toEqual([]);
  });
});

describe("choosing the suspects", () => {
  // what, the exercises holding the learner's code, failing in the learner's run, the suspects
  it.each<[string, string[], Record<string, string>, string[]]>([
    ["nothing fails: none", ["a", "b"], {}, []],
    [
      "a test fails: every exercise holding the learner's code, not the reference c",
      ["a", "b"],
      { "t > b": "expected 1 to be 2" },
      ["a", "b"],
    ],
    [
      "only blanks fail the tests: still the learner's code, which a blank may hide",
      ["b"],
      { "t > a": blankOf("a"), "t > b": blankOf("a") },
      ["b"],
    ],
    [
      "a file that does not load: every exercise holding the learner's code",
      ["a", "b"],
      { "test/x.spec.ts": "SyntaxError" },
      ["a", "b"],
    ],
    [
      "a test fails, and every written exercise is the reference: none",
      [],
      { "t > x": "boom" },
      [],
    ],
  ])("%s", (_what, edited, failed, want) => {
    const ids = ["t > a", "t > b", "t > c", "t > x", "test/x.spec.ts"];
    expect(suspects(exercises, new Set(edited), run(failed, ids)).map((e) => e.name)).toEqual(want);
  });
});

describe("reading a failure", () => {
  it("keeps the causes, where fast-check puts the error the code threw", () => {
    const thrown = new Error(blankMessage("a", lesson));
    const failure = Object.assign(new Error("Property failed after 1 tests", { cause: thrown }), {
      name: "Error",
    });
    expect(messageOf(failure)).toBe(
      `Property failed after 1 tests\nCaused by: ${blankMessage("a", lesson)}`,
    );
    expect(messageOf({ name: "AssertionError", message: "expected 6 to be 9" })).toBe(
      "AssertionError: expected 6 to be 9",
    );
  });
});
