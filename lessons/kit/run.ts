import type { BlockMeta } from "./block.ts";
import { Capture } from "./capture.ts";
import type { Figure } from "./figure.ts";
import { CompileError, compileProgram, type BlockPlace, type Program } from "./program.ts";
import { checkFigure } from "./show.ts";
import { checkImport } from "./steps.ts";
import { errorText, runThrowsBlock } from "./throws.ts";

// The lesson core's runtime: it compiles a lesson's blocks (program.ts), loads what they import,
// runs them in one scope, captures what each prints and shows (capture.ts), and reports each
// block as it goes, with the block and line of an error. No Node, no DOM: its hosts are the
// test run (vitest-host.ts, one test per block) and the page's worker (site/src/client/worker.ts).

/** A runnable block: the kit's description of it (line, kind, output, pattern) and its code. */
export interface RunBlock extends BlockMeta {
  code: string;
  /** Digests of the figures the test run recorded for it (outcome.ts), where known. */
  figures?: string[];
}

/** A lesson's code as a run takes it: its runnable blocks, as written or as edited. */
export interface LessonCode {
  /** `lessons/NN-slug.md`: what errors and stored edits are named by. */
  file: string;
  /** The step package the lesson pairs with: it may import the packages up to that one. */
  package: string | null;
  blocks: RunBlock[];
}

/** The bindings every block sees besides its own. */
export interface LessonScope {
  console: Pick<Console, "log" | "info" | "warn" | "error" | "debug">;
  /** Shows a figure under the block. */
  show(figure: Figure): void;
}

/** The line of the lesson's markdown a place in its blocks is on. */
export function lessonLine(lesson: LessonCode, at: BlockPlace): number {
  return lesson.blocks[at.block]!.line + at.line;
}

/** A run: blocks 1..`upTo`+1 of the lesson. */
export interface RunRequest {
  lesson: LessonCode;
  upTo: number;
}

/**
 * What one block did since its last report: reported while it runs (`done: false`) and when it
 * ends. Output and figures are only what is new; the counts past the limits are totals.
 */
export interface BlockResult {
  index: number;
  output: string;
  figures: Figure[];
  /** The new lines of `output` that `console.error` printed, counted from the block's first (0-based). */
  errorLines: number[];
  /** Lines and figures past the limits (capture.ts), so far. */
  moreLines: number;
  moreFigures: number;
  error?: string;
  /** Where the error happened, if the run could tell. */
  at?: BlockPlace;
  done: boolean;
}

export interface RunOptions {
  /** Formats what `console.log` prints as Node's `util.format` does. */
  format(...args: unknown[]): string;
  /** Loads a module the blocks import (`@gradbook/autograd`, `vitest` …). */
  import(specifier: string): Promise<unknown>;
  report(result: BlockResult): void;
  /** Told of a long computation's progress, as the packages report it (see below). */
  progress?(index: number, done: number, total: number): void;
  /** How often a long block reports what it has printed so far, or its progress, in ms. @default 250 */
  partialEvery?: number;
  /** Awaited before block `index` runs: a host with one test per block holds the run there until that block's test starts. */
  enter?(index: number): Promise<void>;
  /**
   * Given the error that stops the run, as thrown, just before its block's report; the frames
   * of its stack in the blocks name the lesson's lines (`lessons/NN-slug.md:LINE:COLUMN`). For a
   * host in the blocks' own realm, which shows the error itself (vitest: its diff, its frames).
   */
  thrown?(error: unknown): void;
}

const NAME = "gradbook-run.js";
type Body = (
  rt: unknown,
  require: (specifier: string) => unknown,
  console: unknown,
  show: unknown,
) => Promise<void>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => Body;

/** Runs blocks 1..upTo+1 to the end or their first failure. Returns whether every block passed. */
export async function runBlocks(request: RunRequest, options: RunOptions): Promise<boolean> {
  const { lesson, upTo } = request;
  const captures = lesson.blocks.slice(0, upTo + 1).map(() => new Capture());
  let current = 0;
  // What block `index` captured since its last report (only what is new: a long block's output
  // is not sent again and again).
  const news = (index: number, done: boolean): BlockResult => ({
    index,
    ...captures[index]!.take(),
    done,
  });
  // A failure shows in the box of the block it belongs to: where the code does not compile or
  // imports what it may not, or the block running when it threw (`at` may be an earlier block's
  // line, a function defined there).
  const fail = (error: unknown, at: BlockPlace | undefined, index: number) => {
    options.thrown?.(error);
    options.report({ ...news(index, true), error: errorText(error), ...(at ? { at } : {}) });
    return false;
  };
  let program: Program;
  let modules: Map<string, unknown>;
  try {
    program = compileProgram(lesson.blocks.slice(0, upTo + 1));
  } catch (error) {
    const at = error instanceof CompileError ? error.place : undefined;
    return fail(error, at, at?.block ?? 0);
  }
  try {
    modules = await load(request, program, options);
  } catch (error) {
    const at = (error as { place?: BlockPlace }).place;
    return fail(error, at, at?.block ?? 0);
  }

  let lastReport = Date.now();
  const partialEvery = options.partialEvery ?? 250;
  const due = () => Date.now() - lastReport > partialEvery && (lastReport = Date.now()) > 0;
  // A synchronous training loop blocks the worker's timers: report on elapsed time instead.
  const write =
    (error: boolean) =>
    (...args: unknown[]) => {
      captures[current]!.print(options.format(...args) + "\n", error);
      if (due()) options.report(news(current, false));
    };
  const print = write(false);
  for (const module of modules.values())
    listen(
      module,
      (done, total) => (done === total || due()) && options.progress?.(current, done, total),
    );
  const rt = {
    async enter(index: number) {
      if (index > 0) finish(index - 1);
      current = index;
      await options.enter?.(index);
    },
    async throws(index: number, body: () => Promise<void>) {
      const result = await runThrowsBlock(body, lesson.blocks[index]!.pattern);
      if (result.reason !== undefined) throw new Error(result.reason);
      print(result.message);
    },
  };
  const finish = (index: number) => {
    options.report(news(index, true));
    lastReport = Date.now();
  };
  const require = (specifier: string) => modules.get(specifier);
  const console = { log: print, info: print, warn: print, error: write(true), debug: print };
  const show: LessonScope["show"] = (figure) => {
    captures[current]!.show(checkFigure(figure));
    if (due()) options.report(news(current, false));
  };
  try {
    await new AsyncFunction(
      "__rt",
      "require",
      "console",
      "show",
      `${program.code}\n//# sourceURL=${NAME}`,
    )(rt, require, console, show);
  } catch (error) {
    // A thrown value's stack may not be readable (a proxy): then the error has no place.
    const at = await place(error, program).catch(() => undefined);
    if (options.thrown) blame(error, program, lesson);
    return fail(error, at, current);
  } finally {
    for (const module of modules.values()) listen(module, undefined);
  }
  finish(current);
  return true;
}

/** Loads the modules the program requires, each checked against the lesson's step first. */
async function load(
  request: RunRequest,
  program: Program,
  options: RunOptions,
): Promise<Map<string, unknown>> {
  const modules = new Map<string, unknown>();
  await Promise.all(
    program.requires.map(async ({ specifier, line }) => {
      const at = program.origin(line);
      try {
        const { lesson } = request;
        const line = at ? lessonLine(lesson, at) : lesson.blocks[0]!.line;
        checkImport(lesson.file, line, lesson.package, specifier);
        modules.set(specifier, await options.import(specifier));
      } catch (error) {
        throw Object.assign(error as Error, { place: at });
      }
    }),
  );
  return modules;
}

/**
 * A package whose long computations report progress exports `onProgress(listener)`
 * (`@gradbook/train`: its sweep, once per seed). The runtime listens while blocks run.
 */
function listen(
  module: unknown,
  listener: ((done: number, total: number) => void) | undefined,
): void {
  const onProgress = (module as { onProgress?: unknown } | undefined)?.onProgress;
  if (typeof onProgress === "function") onProgress(listener);
}

let offset: number | undefined;

/** Where in the blocks an error was thrown: the program's topmost frame in its stack. */
async function place(error: unknown, program: Program): Promise<BlockPlace | undefined> {
  // The engine numbers the lines of a function's source after a header of its own: measure it.
  offset ??= lineIn(await probe()) ?? 1;
  const line = lineIn(error);
  return line === undefined ? undefined : program.origin(line - offset + 1);
}

/** Renames the frames of an error's stack that are in the program to the lesson's lines. */
function blame(error: unknown, program: Program, lesson: LessonCode): void {
  const frame = new RegExp(`${NAME.replace(".", "\\.")}:(\\d+):(\\d+)`, "g");
  try {
    if (!(error instanceof Error) || typeof error.stack !== "string" || offset === undefined)
      return;
    error.stack = error.stack.replace(frame, (whole, line: string, column: string) => {
      const at = program.origin(Number(line) - offset! + 1);
      if (!at) return whole;
      // Compiled, a line can be longer than it was (`expect(` → `(0, _vitest.expect)(`).
      const length = lesson.blocks[at.block]!.code.split("\n")[at.line - 1]!.length;
      return `${lesson.file}:${lessonLine(lesson, at)}:${Math.min(Number(column), length)}`;
    });
  } catch {
    // A thrown object whose stack cannot be read or written keeps what it has.
  }
}

async function probe(): Promise<unknown> {
  try {
    await new AsyncFunction(
      "__rt",
      "require",
      "console",
      "show",
      `throw new Error();\n//# sourceURL=${NAME}`,
    )(null, () => null, null, null);
  } catch (error) {
    return error;
  }
  return undefined;
}

function lineIn(error: unknown): number | undefined {
  const match = new RegExp(`${NAME.replace(".", "\\.")}:(\\d+):\\d+`).exec(
    (error as Error | undefined)?.stack ?? "",
  );
  return match ? Number(match[1]) : undefined;
}
