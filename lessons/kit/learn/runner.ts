import { existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { Writable } from "node:stream";
import type { TestProjectInlineConfiguration } from "vitest/config";
import type { Reporter, TestModule, Vitest } from "vitest/node";
import type { Plugin } from "vite";
import { rewritePlugin, type Rewrites } from "./rewrite-plugin.ts";

// One vitest instance per package, kept open across runs: `verify` runs the same tests once per
// exercise and `watch` once per save, and a warm instance re-transforms only the files that
// changed (about 1 s a run for autograd's tests, against 3 s for a fresh `vitest run`).

/** The outcome of one test, or of a test file that failed before its tests ran. */
export interface TestOutcome {
  /** `packages/autograd/test/backward.test.ts > backward > seeds 1`, or the file alone for a file-level error. */
  id: string;
  state: "passed" | "failed" | "skipped";
  /** The failure messages, first line first. */
  messages: string[];
  /** Where the first failure was raised: stack frames inside the course (file from the root, 1-based line), innermost first. */
  frames: Frame[];
}

/** A stack frame of a failure, in a file of the course. */
export interface Frame {
  /** From the repository root: `packages/autograd/src/ops.ts`. */
  file: string;
  line: number;
}

/** What one run found. */
export interface RunResult {
  tests: TestOutcome[];
  failed: TestOutcome[];
  ms: number;
}

/** What to run: a package's tests and, if given, one lesson. */
export interface RunnerOptions {
  pkg: string;
  /** The lesson to run with the tests, from the repository root (`lessons/01-chain-rule.md`). */
  lesson?: string;
  /**
   * `false`: the package's test files share one worker's modules, about twice as fast; `true`:
   * each file loads its own, for tests that need a fresh module. `verify` shares, and isolates
   * when fewer tests fail that way.
   * @default the package's own setting (`packageTests`: shared, as `pnpm test` runs them)
   */
  isolate?: boolean;
}

/** A warm vitest instance for one package (and lesson). */
export interface Runner {
  /** In-memory rewrites applied to the next runs; call `invalidate` on a file after changing its entry. */
  readonly rewrites: Rewrites;
  /** Runs every test file, or only the files named or chosen (paths from the repository root, as in `TestOutcome.id`). */
  run(files?: ReadonlySet<string> | ((file: string) => boolean)): Promise<RunResult>;
  /** Forgets the transformed module of a file (absolute path): changed on disk or in `rewrites`. */
  invalidate(file: string): void;
  close(): Promise<void>;
}

/** Starts vitest on a package's tests (and a lesson), ready to run them again and again. */
export async function openRunner(root: string, options: RunnerOptions): Promise<Runner> {
  // Loaded here, not at the top: vitest and the lesson compiler take a second to load, and only
  // the commands that run tests need them.
  const { createVitest } = await import("vitest/node");
  const { LESSON_TEST, lessonPlugin } = await import("../plugin.ts");
  const rewrites: Rewrites = new Map();
  const projects = [packageProject(root, options, rewrites)];
  if (options.lesson)
    projects.push(
      lessonProject(
        root,
        options.lesson,
        [lessonPlugin({ root }), rewritePlugin(rewrites)],
        LESSON_TEST,
      ),
    );
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const vitest: Vitest = await createVitest(
    "test",
    { config: false, root, watch: false, silent: true, reporters: [new QuietReporter()], projects },
    {},
    { stdout: quiet, stderr: quiet },
  );
  await vitest.standalone();
  return {
    rewrites,
    async run(files) {
      const started = performance.now();
      const all = await vitest.globTestSpecifications();
      const chosen =
        typeof files === "function"
          ? files
          : files
            ? (file: string) => files.has(file)
            : () => true;
      const specs = all.filter((spec) =>
        chosen(relative(root, spec.moduleId).replaceAll("\\", "/")),
      );
      const result = await vitest.runTestSpecifications(specs, true);
      const tests = result.testModules.flatMap((m) => outcomes(root, m));
      for (const error of result.unhandledErrors) {
        tests.push({
          id: "(unhandled error)",
          state: "failed",
          messages: [messageOf(error)],
          frames: framesOf(root, error),
        });
      }
      return {
        tests,
        failed: tests.filter((t) => t.state === "failed"),
        ms: performance.now() - started,
      };
    },
    invalidate(file) {
      vitest.invalidateFile(file);
      vitest.watcher.invalidates.add(file); // a shared worker keeps modules between runs: drop it there too
    },
    close: () => vitest.close(),
  };
}

function packageProject(
  root: string,
  options: RunnerOptions,
  rewrites: Rewrites,
): TestProjectInlineConfiguration {
  const dir = join(root, "packages", options.pkg);
  const config = join(dir, "vitest.config.ts");
  if (!existsSync(config))
    throw new Error(`packages/${options.pkg} has no vitest.config.ts to run its tests with`);
  return {
    extends: config,
    root: dir,
    plugins: [rewritePlugin(rewrites)],
    test: options.isolate === undefined ? {} : { isolate: options.isolate },
  };
}

// The lessons project of the course, for one lesson: the plugin and settings of
// lessons/vitest.config.ts, with the root made explicit so a fixture course runs too.
function lessonProject(
  root: string,
  lesson: string,
  plugins: Plugin[],
  settings: typeof import("../plugin.ts").LESSON_TEST,
): TestProjectInlineConfiguration {
  return {
    root: join(root, "lessons"),
    plugins,
    test: { name: "lessons", include: [basename(lesson)], ...settings },
  };
}

function outcomes(root: string, module: TestModule): TestOutcome[] {
  const file = relative(root, module.moduleId).replaceAll("\\", "/");
  const tests: TestOutcome[] = [...module.children.allTests()].map((test) => {
    const result = test.result();
    const state = result.state === "passed" || result.state === "failed" ? result.state : "skipped";
    const errors = result.errors ?? [];
    return {
      id: `${file} > ${test.fullName}`,
      state,
      messages: errors.map(messageOf),
      frames: framesOf(root, errors[0]),
    };
  });
  // A file that fails to load (a syntax error, a lesson's missing include) has errors but no tests.
  const errors = module.errors();
  if (errors.length)
    tests.push({
      id: file,
      state: "failed",
      messages: errors.map(messageOf),
      frames: framesOf(root, errors[0]),
    });
  return tests;
}

/**
 * An error's message with its causes: a property-based test (fast-check) reports the
 * counterexample in the message, and the error the code threw, which may name a blank exercise,
 * in the cause.
 */
export function messageOf(error: unknown): string {
  const e = error as { message?: string; name?: string; cause?: unknown } | undefined;
  const text = `${e?.name && e.name !== "Error" ? `${e.name}: ` : ""}${e?.message ?? String(error)}`;
  return e?.cause ? `${text}\nCaused by: ${messageOf(e.cause)}` : text;
}

/** The frames of an error (or of its cause, when it has none of its own) in the course's files, not in node_modules. */
function framesOf(root: string, error: unknown): Frame[] {
  const e = error as { stacks?: { file: string; line: number }[]; cause?: unknown } | undefined;
  const frames = (e?.stacks ?? [])
    .map((s) => ({
      file: relative(root, s.file.replace(/^file:\/\//, "")).replaceAll("\\", "/"),
      line: s.line,
    }))
    .filter((f) => !f.file.startsWith("..") && !f.file.includes("node_modules/"));
  return frames.length || !e?.cause ? frames : framesOf(root, e.cause);
}

/** Reports nothing: the commands print their own summary. */
class QuietReporter implements Reporter {}
