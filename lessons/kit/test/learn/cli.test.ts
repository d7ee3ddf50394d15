import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { LIMITS } from "../../../../vitest.limits.ts";
import { main } from "../../learn/cli.ts";
import { copyFixture, edit, FIXTURE, learn, learnHere, write } from "./fixture.ts";

// `pnpm learn` end to end, as a learner uses it, on a copy of the fixture course. The tests of
// this file run in order and share the copy: each step starts where the last one left it. The
// commands run in this process (main, with the console captured): a child process would add only
// its start-up time. The last describe spawns the real CLI for what only a process shows.

const POWERS = "packages/autograd/src/powers.ts";
const SCALE = "packages/autograd/src/scale.ts";
const read = (root: string, file: string) => readFileSync(join(root, file), "utf8");
const state = (root: string) => JSON.parse(read(root, ".gradbook/state.json"));

describe("a learner's way through lesson 01", () => {
  let root: string;
  beforeAll(() => void (root = copyFixture()));

  it("lists the lessons, none started, and says how to begin", async () => {
    const { status, stdout } = await learnHere(root);
    expect(status).toBe(0);
    expect(stdout).toMatch(/ {5}00 {2}Introduction {7}no exercises\n/);
    expect(stdout).toMatch(/→ {2}01 {2}Powers {13}not started \(3 exercises\)\n/);
    expect(stdout).toContain(
      "Next: pnpm learn start 01 blanks the code lesson 01 teaches, for you to write.",
    );
  });

  it("will not check a lesson that is not started", async () => {
    const { status, stdout } = await learnHere(root, "check", "01");
    expect(status).toBe(1);
    expect(stdout).toContain(
      "Lesson 01 is not started: pnpm learn start 01 blanks its exercises for you to write.",
    );
  });

  it("starts lesson 01: blanks each exercise with a throw naming it and the lesson, and lists each with its kind and task, no hint", async () => {
    const { status, stdout } = await learnHere(root, "start", "01");
    expect(status).toBe(0);
    expect(stdout).toContain("Lesson 01 · Powers — blanked 3 exercises in packages/autograd:\n");
    expect(stdout).toMatch(
      / {2}cube {4}problem {5}packages\/autograd\/src\/powers\.ts:10 {2}Return the number's cube, built on square\.\n/,
    );
    expect(stdout).not.toContain("Reuse square");
    expect(read(root, POWERS)).toContain(
      '  throw new Error("exercise cube (lesson 01) is not written yet: read lessons/01-powers.md (hint: pnpm learn hint 01 cube)");\n',
    );
    expect((await learnHere(root)).stdout).toMatch(
      /→ {2}01 {2}Powers {13}in progress: 0 of 3 exercises pass\n/,
    );
  });

  it("checks: nothing written yet, so the first exercise's hint", async () => {
    const { status, stdout } = await learnHere(root, "check");
    expect(status).toBe(1);
    expect(stdout).toMatch(/· {2}double {2}not written yet\n/);
    expect(stdout).toContain("0 of 3 exercises pass.");
    expect(stdout).toContain(
      "Next: double (packages/autograd/src/scale.ts:7), a type-along: Return twice the number.\n",
    );
    expect(stdout).toContain("  Stuck? pnpm learn hint 01 double gives hint 1 of 1.\n");
    expect(stdout).not.toContain("Twice the number");
  });

  it("watches: checks at once, and again after each save, naming the wrong exercise and its failing test", async () => {
    let out = "";
    const log = vi
      .spyOn(console, "log")
      .mockImplementation((...args) => void (out += `${format(...args)}\n`));
    const stop = new AbortController();
    try {
      const watching = main(["watch"], root, stop.signal);
      const seen = (pattern: RegExp) =>
        vi.waitFor(() => expect(out).toMatch(pattern), {
          timeout: LIMITS.testTimeout,
          interval: 50,
        });
      await seen(/Watching for changes/);
      expect(out).toContain("0 of 3 exercises pass.");
      write(root, SCALE, "double", "return 2 * x;");
      write(root, POWERS, "square", "return x + x;");
      await seen(/✗ {2}square[^—]*Watching for changes/); // a whole check that saw both saves
      const last = out.slice(out.lastIndexOf("——"));
      expect(last).toMatch(/✓ {2}double {2}passes\n/);
      expect(last).toMatch(/✗ {2}square {2}fails: \d tests\n/);
      expect(last).toContain("1 of 3 exercises pass.");
      expect(last).toMatch(/· {2}cube {4}not written yet\n/);
      // square is blamed, not cube, whose tests also fail (cube reuses square); and where it failed.
      expect(last).toContain("Next: square (packages/autograd/src/powers.ts:3)");
      expect(last).toContain(
        "  Failing: test/powers.spec.ts > powers > square(3) = 9\n    AssertionError: expected 6 to be 9",
      );
      expect(last).toMatch(/\n {4}at packages\/autograd\/test\/powers\.spec\.ts:\d+\n/);
      stop.abort();
      expect(await watching).toBe(0);
    } finally {
      log.mockRestore();
    }
  });

  it("checks again once all is right: the lesson is done, and the list shows it", async () => {
    edit(root, POWERS, (text) => text.replace("return x + x;", "return x * x;"));
    write(root, POWERS, "cube", "return x * x * x;");
    const { status, stdout } = await learnHere(root, "check", "01");
    expect(status).toBe(0);
    expect(stdout).toContain("3 of 3 exercises pass.");
    expect(stdout).toContain(
      "Lesson 01 is done: every exercise and every test passes.\nNext: pnpm learn start 02 (A lonely exercise).",
    );
    expect((await learnHere(root)).stdout).toMatch(/ {5}01 {2}Powers {13}done \(3 of 3\)\n/);
    expect(state(root).lessons["01"]).toMatchObject({
      passing: ["double", "square", "cube"],
      done: true,
    });
  });

  it("gives an exercise's hints one step at a time, then all of them again", async () => {
    const first = await learnHere(root, "hint", "01", "cube");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      "Lesson 01, exercise cube (packages/autograd/src/powers.ts:10), a problem: Return the number's cube, built on square.\n  Hint 1 of 2: A cube is a square times the number\nRun it again for hint 2.",
    );
    expect(first.stdout).not.toContain("Reuse square");
    const second = await learnHere(root, "hint", "01", "cube");
    expect(second.stdout).toContain(
      "  Hint 1 of 2: A cube is a square times the number\n  Hint 2 of 2: Reuse square: x³ = x · x²\nThat is every hint.",
    );
    expect((await learnHere(root, "hint", "01", "cube")).stdout).toBe(second.stdout);
    expect(state(root).hints).toEqual({ "autograd:cube": 2 });
  });

  it("refuses to start over the learner's code, and changes nothing", async () => {
    const before = read(root, POWERS);
    const { status, stderr } = await learnHere(root, "start", "01");
    expect(status).toBe(1);
    expect(stderr).toContain(
      "Not blanking lesson 01: 1 exercise holds code that is not the reference, perhaps yours:\n  cube  packages/autograd/src/powers.ts:10",
    );
    expect(stderr).toContain("pnpm learn start 01 --force");
    expect(read(root, POWERS)).toBe(before);
  });

  it("resets one exercise, backing up the learner's version, and restores its solution", async () => {
    const mine = read(root, POWERS);
    const reset = await learnHere(root, "reset", "01", "cube");
    expect(reset.status).toBe(0);
    const backup = /saved as (\S+)\.\n/.exec(reset.stdout)![1]!;
    expect(read(root, backup)).toBe(mine);
    expect(read(root, POWERS)).toContain('throw new Error("exercise cube (lesson 01)');
    expect((await learnHere(root)).stdout).toMatch(/in progress: 2 of 3 exercises pass\n/);

    const solution = await learnHere(root, "solution", "01", "cube");
    expect(solution.status).toBe(0);
    expect(solution.stdout).toContain(
      "cube: restored the reference code (packages/autograd/src/powers.ts:10)",
    );
    expect(read(root, POWERS)).toContain("  const squared = square(x);\n  return x * squared;\n");
    // Progress is current at once, and tells the restored exercise from those the learner solved.
    expect((await learnHere(root)).stdout).toMatch(
      / {5}01 {2}Powers {13}done \(3 of 3, 1 restored from the solution\)\n/,
    );
    expect(state(root).lessons["01"]).toMatchObject({ done: true, restored: ["cube"] });
  });

  it("checks a lesson with a restored exercise: marked apart, and Next skips a lesson already done", async () => {
    const { status, stdout } = await learnHere(root, "check", "01");
    expect(status).toBe(0);
    expect(stdout).toMatch(/✓ {2}cube {4}passes \(restored from the solution\)\n/);
    expect(stdout).toContain("3 of 3 exercises pass (2 solved, 1 restored from the solution).");
    // Lesson 02 is the next with exercises: mark it done, and nothing is left after 01.
    const saved = read(root, ".gradbook/state.json");
    const marked = state(root);
    marked.lessons["02"] = { started: "2026-01-01T00:00:00.000Z", passing: [], done: true };
    writeFileSync(join(root, ".gradbook/state.json"), JSON.stringify(marked));
    const again = await learnHere(root, "check", "01");
    expect(again.stdout).toContain(
      "That was the last lesson with exercises not done yet: well done.",
    );
    expect(again.stdout).not.toContain("pnpm learn start 02");
    writeFileSync(join(root, ".gradbook/state.json"), saved);
  });

  it("resets everything: the code as it was, progress forgotten, the backups kept", async () => {
    const { status, stdout } = await learnHere(root, "reset");
    expect(status).toBe(0);
    expect(stdout).toContain("Reset 1 lesson: the code is as committed and progress is forgotten.");
    for (const file of [POWERS, SCALE]) expect(read(root, file)).toBe(read(FIXTURE, file));
    expect(existsSync(join(root, ".gradbook/state.json"))).toBe(false);
    expect(existsSync(join(root, ".gradbook/backup"))).toBe(true);
  });
});

describe("pnpm learn verify", () => {
  const root = copyFixture();

  it("fails, naming the exercise no test catches and the one with a hint on its marker line, after printing each table", async () => {
    const { status, stdout } = await learnHere(root, "verify", "02");
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /Lesson 02 · 3 exercises · 3 tests of packages\/neuron and lessons\/02-lonely\.md · 4 runs in [\d.]+ s\n/,
    );
    expect(stdout).toContain(
      [
        "  exercise  tests  caught by",
        "  relu      2      test/neuron.spec.ts > relu",
        "                   lessons/02-lonely.md > line 7",
        "  step      1      test/neuron.spec.ts > step",
        "  lonely    0      ✗ no test fails when it is blanked",
      ].join("\n"),
    );
    expect(stdout).toContain(
      "packages/neuron/src/index.ts:17: exercise lonely is caught by no test: blanking it fails no test of packages/neuron",
    );
    expect(stdout).toContain(
      "packages/neuron/src/index.ts:10: the marker line of exercise step has text after the name; hints belong in lessons/02-lonely.exercises.json",
    );
    expect(read(root, "packages/neuron/src/index.ts")).toBe(
      read(FIXTURE, "packages/neuron/src/index.ts"),
    );
  });

  it("passes for a lesson whose exercises are all caught, listing every catching test with --all", async () => {
    const { status, stdout } = await learnHere(root, "verify", "01", "--all");
    expect(status).toBe(0);
    expect(stdout).toContain(
      [
        "  square    4      test/powers.spec.ts > powers > square(3) = 9",
        "                   test/powers.spec.ts > powers > square(-2) = 4",
        "                   test/powers.spec.ts > powers > cube(3) = 27",
        "                   lessons/01-powers.md > line 9",
      ].join("\n"),
    );
    expect(stdout).toMatch(
      /verify passed: 3 exercises in 1 package, each caught by a test, in [\d.]+ s\.\n/,
    );
  });
});

describe("a bad command line", () => {
  it.each([
    [["start"], "start takes 1 argument, got 0"],
    [["start", "9"], 'no lesson "9": the lessons are 00, 01, 02'],
    [["check", "--fast"], "check takes no option --fast"],
    [
      ["hint", "01", "nope"],
      'lesson 01 has no exercise "nope": its exercises are double, square, cube',
    ],
    [["help", "me"], "help takes 0 arguments, got 1"],
  ])("pnpm learn %j prints why and the usage, and exits 2", async (args, message) => {
    const { status, stderr } = await learnHere(FIXTURE, ...args);
    expect(status).toBe(2);
    expect(stderr).toContain(`pnpm learn: ${message}\n\nusage: pnpm learn [command]`);
  });
});

describe("commands that have nothing to do", () => {
  it.each([["help"], ["--help"]])("pnpm learn %s prints the usage and exits 0", async (arg) => {
    const { status, stdout, stderr } = await learnHere(FIXTURE, arg);
    expect([status, stderr]).toEqual([0, ""]);
    expect(stdout).toMatch(/^usage: pnpm learn \[command\]\n/);
    expect(stdout).toContain("pnpm learn help ");
  });

  it("watch with no lesson in progress says so and exits 0", async () => {
    const { status, stdout } = await learnHere(copyFixture(), "watch");
    expect(status).toBe(0);
    expect(stdout).toContain("No lesson in progress.");
  });
});

describe("the CLI as a process", () => {
  it("exits 2 on an unknown command, with the usage on stderr", () => {
    const { status, stderr } = learn(FIXTURE, "learn");
    expect(status).toBe(2);
    expect(stderr).toContain('pnpm learn: unknown command "learn"\n\nusage: pnpm learn [command]');
  });

  it("exits 0 on help, with the usage on stdout", () => {
    const { status, stdout } = learn(FIXTURE, "help");
    expect(status).toBe(0);
    expect(stdout).toContain("usage: pnpm learn [command]");
  });
});
