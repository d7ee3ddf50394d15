import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { afterAll, test } from "vitest";
import { outputText } from "./capture.ts";
import { LessonError } from "./errors.ts";
import { checkBlock } from "./outcome.ts";
import { recordPath, type BlockRecord } from "./record.ts";
import { lessonLine, runBlocks, type BlockResult, type LessonCode } from "./run.ts";

// The test run's host of the lesson core: a lesson module (plugin.ts) hands its blocks here, and
// the core (run.ts) runs them as it runs them in the page's worker. Each runnable block is one
// vitest test, which lets the run into its block, waits for the block's result, checks it with
// the core's output check (outcome.ts) and fails at the lesson's line. What only Node does stays
// here: Node's own `util.format`, rewriting output blocks (`pnpm lessons:update`), recording
// what each block printed and showed for the site.

/** What a lesson module hands the host. */
export interface LessonModule {
  lesson: LessonCode;
  /** The lesson's absolute path: failures point into it, update mode rewrites it. */
  path: string;
  /** A folder to record the run in when GRADBOOK_RECORD names none. */
  record?: string;
}

/** Declares one test per runnable block of the lesson, and the recording after them. */
export function lessonTests(
  { lesson, path, record }: LessonModule,
  load: (specifier: string) => Promise<unknown>,
): void {
  const { blocks } = lesson;
  const records: BlockRecord[] = blocks.map((b) => ({ line: b.line, output: "", figures: [] }));
  // GRADBOOK_UPDATE=1 (`pnpm lessons:update`) rewrites output blocks that differ instead of failing.
  const updating = process.env.GRADBOOK_UPDATE === "1";
  const rewrites: { line: number; text: string }[] = [];
  const entered = blocks.map(() => signal<void>());
  // Each block's last report; undefined for the blocks the run never finished.
  const results = blocks.map(() => signal<BlockResult | undefined>());
  let thrown: unknown;
  let failed: number | undefined; // the line of the block that failed, once its test has failed
  let stopped: number | undefined; // the line of the block the run stopped at
  let run: Promise<boolean> | undefined;
  const start = () =>
    (run ??= runBlocks(
      { lesson, upTo: blocks.length - 1 },
      {
        format,
        // The module runner would resolve a relative path from the project's root, not the lesson's folder.
        import: (specifier) =>
          load(
            specifier.startsWith(".")
              ? pathToFileURL(resolve(dirname(path), specifier)).href
              : specifier,
          ),
        report: (result) => {
          if (result.error !== undefined) stopped = blocks[result.index]!.line;
          if (result.done) results[result.index]!.resolve(result);
        },
        partialEvery: Number.POSITIVE_INFINITY, // vitest shows a block's output at its end
        enter: (index) => entered[index]!.promise,
        thrown: (error) => void (thrown = error),
      },
    ).finally(() => {
      for (const result of results) result.resolve(undefined);
    }));

  // A failure the host finds itself is located at the lesson's line, not in this file.
  const at = (line: number, reason: string) => {
    const error = new LessonError(lesson.file, line, reason);
    error.stack = `${error.name}: ${error.message}\n    at ${path}:${line}:1`;
    return error;
  };

  /** The error that stopped the run, its message and frames naming the lesson's file and line. */
  function located(result: BlockResult): Error {
    const line = result.at ? lessonLine(lesson, result.at) : blocks[result.index]!.line;
    const error = thrown instanceof Error ? thrown : new Error(result.error);
    const heading = `${error.name}: ${error.message}`;
    if (!(error instanceof LessonError)) error.message = `${lesson.file}:${line}: ${error.message}`;
    // The core names the frames in the blocks by the lesson's file: vitest wants its path.
    const frames =
      error !== thrown || !error.stack?.startsWith(heading)
        ? `\n    at ${path}:${line}:1`
        : error.stack.slice(heading.length).replace(inLesson, `${path}:`);
    error.stack = `${error.name}: ${error.message}${frames}`;
    return error;
  }
  const inLesson = new RegExp(
    `(?<=[ (])${lesson.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:`,
    "g",
  );

  blocks.forEach((block, index) => {
    const name = `line ${block.line}${block.kind === "throws" ? " (throws)" : ""}`;
    test(name, async (ctx) => {
      if (failed !== undefined) return ctx.skip(`not run: the block at line ${failed} failed`);
      for (const gate of entered.slice(0, index + 1)) gate.resolve(); // a test picked alone (-t) runs the blocks before it too
      start();
      const result = await results[index]!.promise;
      if (!result) {
        await run; // a fault of the run itself shows here
        return ctx.skip(`not run: the block at line ${stopped} failed`);
      }
      const printed = outputText(result);
      Object.assign(records[index]!, { output: printed, figures: result.figures });
      if (result.error !== undefined) {
        failed = block.line;
        const error = located(result);
        records[index]!.error = error.message;
        throw error;
      }
      const mismatch = checkBlock(block, printed);
      if (!mismatch) return;
      if (updating && block.output)
        return void rewrites.push({ line: block.output.line, text: printed });
      failed = block.line;
      throw at(mismatch.line, mismatch.reason);
    });
  });

  // Rewrites the output blocks that differed (update mode), then writes what each block printed
  // and showed, for the site, into the folder GRADBOOK_RECORD names, else into `record`, if any.
  afterAll(() => {
    if (rewrites.length) rewriteOutputs(path, rewrites);
    const folder = process.env.GRADBOOK_RECORD || record;
    if (!folder) return;
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      recordPath(folder, lesson.file),
      JSON.stringify({ file: lesson.file, blocks: records }, null, 1),
    );
  });
}

/** A promise with its resolve function: the first value given wins. */
function signal<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Replaces the text of the ```text output blocks whose fences open at the given 1-based lines. */
function rewriteOutputs(path: string, rewrites: { line: number; text: string }[]): void {
  const lines = readFileSync(path, "utf8").split("\n");
  for (const { line, text } of rewrites.sort((a, b) => b.line - a.line)) {
    const close = lines.findIndex((l, i) => i >= line && l.trim() === "```");
    if (close < 0) throw new Error(`${path}:${line}: no closing fence for this output block`);
    lines.splice(line, close - line, ...text.replace(/\n$/, "").split("\n"));
  }
  writeFileSync(path, lines.join("\n"));
}
