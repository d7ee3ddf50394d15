import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { learnerLine } from "../../learn/blame.ts";
import { exerciseBody } from "../../learn/blank.ts";
import { checkWith } from "../../learn/check.ts";
import { openRunner, type Runner } from "../../learn/runner.ts";
import { openSession } from "../../learn/session.ts";
import { saveState } from "../../learn/state.ts";
import { capture } from "./fixture.ts";

// The check names the exercise that is wrong, not every exercise whose tests fail: a mistake is
// planted in each exercise of lesson 01 in turn, in a copy of packages/autograd, and the check
// must say that one fails and every other passes. (A mistake in mul fails the
// tests of topo and backward too: every test of backward multiplies.)

const REPO = fileURLToPath(new URL("../../../..", import.meta.url));
const OPS = "packages/autograd/src/ops.ts";
const BACKWARD = "packages/autograd/src/backward.ts";

// exercise, file, the correct line, the mistake
const MISTAKES: [string, string, string, string][] = [
  ["topo", BACKWARD, "order.push(v);", "order.unshift(v);"],
  [
    "backward",
    BACKWARD,
    "for (let i = order.length - 1; i >= 0; i--) {",
    "for (let i = 0; i < order.length; i++) {",
  ],
  ["mul", OPS, "a.grad += b.data * g;", "a.grad = b.data * g;"],
  ["pow", OPS, "k * math.pow(a.data, k - 1) * g", "k * math.pow(a.data, k) * g"],
  ["tanh", OPS, "return 1 - y * y;", "return 1 - y;"],
  ["sigmoid", OPS, "a.grad += g * (1 - y) * y;", "a.grad += g * y;"],
  [
    "softplus",
    OPS,
    "a.grad += g / (1 + math.exp(-a.data));",
    "a.grad += g / (1 + math.exp(a.data));",
  ],
];

describe("check blames the exercise with the mistake", () => {
  let root: string;
  let runner: Runner;
  beforeAll(async () => {
    // A course of one lesson: a copy of packages/autograd's sources with two of its test files
    // (ops' derivatives, and backward's graph walks: between them they catch every exercise, and
    // the ops' tests run through backward too), and a lesson that pairs with it (no code).
    root = mkdtempSync(join(tmpdir(), "gradbook-blame-"));
    const pkg = (file: string) => join("packages/autograd", file);
    for (const file of ["package.json", "src", "test/ops.test.ts", "test/backward.test.ts"]) {
      cpSync(join(REPO, pkg(file)), join(root, pkg(file)), { recursive: true });
    }
    // Without the million-value chains: they test the stack depth, not a derivative, and take seconds each.
    const config =
      'import { defineProject } from "vitest/config";\n\nexport default defineProject({ test: { name: "autograd", include: ["test/**/*.test.ts"], testNamePattern: /^((?!1,000,000).)*$/ } });\n';
    writeFileSync(join(root, pkg("vitest.config.ts")), config);
    symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
    // The package's own links (its workspace dependencies, such as @gradbook/testing).
    symlinkSync(join(REPO, pkg("node_modules")), join(root, pkg("node_modules")), "dir");
    mkdirSync(join(root, "lessons"));
    writeFileSync(
      join(root, "lessons/01-chain-rule.md"),
      "---\npackage: autograd\n---\n\n# The chain rule\n",
    );
    cpSync(
      join(REPO, "lessons/01-chain-rule.exercises.json"),
      join(root, "lessons/01-chain-rule.exercises.json"),
    );
    const session = openSession(root);
    const lesson = session.course[0]!;
    // What start saves before blanking: the reference code that each exercise's run alone puts back.
    for (const ex of lesson.exercises)
      session.state.references[`autograd:${ex.name}`] = {
        file: ex.file,
        body: exerciseBody(readFileSync(join(root, ex.file), "utf8"), ex.name)!,
      };
    session.state.lessons["01"] = { started: new Date().toISOString(), passing: [], done: false };
    saveState(root, session.state);
    runner = await openRunner(root, { pkg: "autograd", isolate: false });
    expect((await runner.run()).failed).toEqual([]);
  });
  afterAll(async () => {
    await runner?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(MISTAKES)(
    "a mistake in %s: the check names it alone, with its failing test, where, and how to get a hint",
    async (name, file, right, wrong) => {
      const path = join(root, file);
      const before = readFileSync(path, "utf8");
      expect(before).toContain(right);
      writeFileSync(path, before.replace(right, wrong));
      runner.invalidate(path);
      try {
        const session = openSession(root);
        const lesson = session.course[0]!;
        const { result: progress, stdout } = await capture(() =>
          checkWith(session, lesson, runner),
        );
        expect(
          progress.exercises.filter((p) => p.status !== "passing").map((p) => p.exercise.name),
        ).toEqual([name]);
        const exercise = lesson.exercises.find((e) => e.name === name)!;
        expect(stdout).toContain(
          `Next: ${name} (${file}:${exercise.line}), a ${exercise.kind}: ${exercise.task}\n  Failing: test/`,
        );
        expect(stdout).toContain(
          `  Stuck? pnpm learn hint 01 ${name} gives hint 1 of ${exercise.hints.length}.\n`,
        );
        expect(stdout).not.toContain(exercise.hints[0]);
        expect(stdout).toMatch(/\n {4}at packages\/autograd\/(src|test)\/[\w.]+\.ts:\d+\n/);
      } finally {
        writeFileSync(path, before);
        runner.invalidate(path);
      }
    },
    120_000,
  );
});

describe("a line of a rewritten file, in the learner's file", () => {
  const learner = [
    "a",
    "// #region exercise:x hint",
    "mine 1",
    "mine 2",
    "// #endregion exercise:x",
    "b",
    "// #region exercise:y hint",
    "throw y",
    "// #endregion exercise:y",
    "c",
  ].join("\n");
  const rewritten = learner.replace("throw y", "ref 1\nref 2\nref 3");
  it.each([
    [1, 1, "before every region"],
    [3, 3, "inside the kept exercise"],
    [6, 6, "between the regions"],
    [9, 7, "inside another exercise's reference: its marker"],
    [12, 10, "after the longer reference"],
  ])("line %s of the rewrite is line %s of the learner's file (%s)", (line, want) => {
    expect(learnerLine(learner, rewritten, line, "x")).toBe(want);
  });
});
